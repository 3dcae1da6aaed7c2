/**
 * `paper-corpus render`, run for real (node dist/cli/paper-corpus.js) through the `run-cli` server
 * command (see cliPlugin in web-test-runner.config.mjs). Its HTML is then loaded in Chromium twice:
 * with scripts disabled (what a crawler or a visitor without JavaScript gets), and with the CDN file
 * (`cdn/paper-feed.js`, built by `npm test`'s pretest step), where the element takes over.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { parseCorpus } from '../../src/data/parse.js';
import { sortPapers } from '../../src/data/sort.js';
import type { Paper } from '../../src/data/types.js';

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  files: Record<string, string | null>;
}

function cli(args: string[], files: Record<string, string> = {}, read: string[] = []): Promise<CliResult> {
  return executeServerCommand<CliResult, { args: string[]; files: Record<string, string>; read: string[] }>('run-cli', { args, files, read });
}

const FIXTURE = '/test/fixtures/hf-daily-mixed.json';
const BASE = 'https://lab.example.org/papers/';
const LIMIT = 5;
const HOSTILE = '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> <b>bold</b> & “quotes” "\'';

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.text();
}

/** Loads HTML in an iframe; `scripts: false` sandboxes it (same origin, so the test can look in). */
async function frame(html: string, scripts: boolean): Promise<{ doc: Document; win: Window & { __pwned?: number } }> {
  const el = document.createElement('iframe');
  if (!scripts) el.setAttribute('sandbox', 'allow-same-origin');
  el.style.width = '900px';
  el.style.height = '700px';
  el.srcdoc = html;
  const loaded = new Promise((resolve) => {
    el.addEventListener('load', resolve, { once: true });
  });
  document.body.append(el);
  await loaded;
  return { doc: el.contentDocument!, win: el.contentWindow as Window & { __pwned?: number } };
}

const page = (body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

function feedOf(doc: Document): HTMLElement & { shadowRoot: ShadowRoot } {
  const feed = doc.querySelector('paper-feed');
  if (!feed?.shadowRoot) throw new Error('no <paper-feed> with a shadow root');
  return feed as HTMLElement & { shadowRoot: ShadowRoot };
}

/** The cards of the server-rendered list. */
function ssrCards(doc: Document): Element[] {
  return [...feedOf(doc).shadowRoot.querySelectorAll('[data-ssr] paper-card')];
}

/** The cards the element rendered itself. */
function liveCards(doc: Document): Element[] {
  return [...feedOf(doc).shadowRoot.querySelectorAll('[part~="feed"]:not([data-ssr]) paper-card')];
}

function titleOf(card: Element): string {
  return card.shadowRoot?.querySelector('[part~="title"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
}

function metas(doc: Document, name: string): string[] {
  return [...doc.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute('content') ?? '');
}

describe('paper-corpus render', () => {
  let papers: Paper[];
  let feedHtml: string;
  let pages: Record<string, string | null>;

  before(async () => {
    const source = await text(FIXTURE);
    const parsed = parseCorpus(source);
    if (!parsed.ok) throw new Error(parsed.message);
    papers = sortPapers(parsed.papers, 'date');
    const pageNames = papers.map((p) => `papers/${p.id}.html`);
    const r = await cli(
      ['render', 'hf.json', '-o', 'feed.html', '--pages', 'papers', '--base-url', BASE, '--limit', String(LIMIT), '--src', FIXTURE, '--title', 'Daily papers'],
      { 'hf.json': source },
      ['feed.html', ...pageNames],
    );
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stderr).to.contain(`Rendered ${LIMIT} of ${papers.length} papers to feed.html`);
    expect(r.stderr).to.contain(`wrote ${papers.length} pages to papers`);
    feedHtml = r.files['feed.html'] ?? '';
    pages = r.files;
    for (const name of pageNames) expect(pages[name], name).to.be.a('string');
  });

  afterEach(() => {
    document.querySelectorAll('iframe').forEach((f) => {
      f.remove();
    });
  });

  it('prints its help and rejects bad options', async () => {
    const help = await cli(['render', '--help']);
    expect(help.status).to.equal(0);
    expect(help.stdout).to.contain('Usage: paper-corpus render <corpus...>');
    expect((await cli(['--help'])).stdout).to.contain('render <corpus>');
    const badLimit = await cli(['render', 'x.json', '--limit', '0'], { 'x.json': '[]' });
    expect(badLimit.status).to.equal(2);
    expect(badLimit.stderr).to.contain('--limit needs a positive whole number');
    const badBase = await cli(['render', 'x.json', '--base-url', 'javascript:alert(1)'], { 'x.json': '[]' });
    expect(badBase.status).to.equal(2);
    expect(badBase.stderr).to.contain('--base-url needs an absolute http(s) URL');
    const missing = await cli(['render', 'nope.json']);
    expect(missing.status).to.equal(2);
    expect(missing.stderr).to.contain('No such file: nope.json');
    const notCorpus = await cli(['render', 'page.json'], { 'page.json': '<!doctype html><title>Oops</title>' });
    expect(notCorpus.status).to.equal(1);
    expect(notCorpus.stderr).to.contain('page.json: Expected a JSON corpus but found an HTML page');
  });

  it('without JavaScript: every paper shown is in the declarative shadow roots, as the feed lays it out', async () => {
    const { doc } = await frame(page(feedHtml), false);
    const feed = feedOf(doc);
    expect(doc.defaultView!.customElements.get('paper-feed')).to.equal(undefined);
    expect(feed.getAttribute('src')).to.equal(FIXTURE);
    expect(feed.getAttribute('page-size')).to.equal(String(LIMIT));
    // The loaded-state markup of <paper-feed>: part="feed" > part="list" > part="item" > paper-card.
    const list = feed.shadowRoot.querySelector('[part~="feed"] > [part~="list"][role="list"]');
    expect(list).to.not.equal(null);
    const cards = ssrCards(doc);
    expect(cards).to.have.length(LIMIT);
    expect(cards.every((c) => c.closest('[part~="item"]') && c.getAttribute('part') === 'card')).to.equal(true);
    expect(cards.map(titleOf)).to.deep.equal(papers.slice(0, LIMIT).map((p) => p.title));
    for (const [i, card] of cards.entries()) {
      const root = card.shadowRoot!;
      const paper = papers[i];
      expect(root.querySelector('[part~="base"]'), paper.id).to.not.equal(null);
      if (paper.authors?.length) expect(root.querySelector('[part~="author"]')?.textContent).to.equal(paper.authors[0]?.name);
      expect(root.querySelector('[part~="abstract"]')?.textContent.replace(/\s+/g, ' ')).to.contain(paper.abstract?.split(/\s+/).slice(0, 6).join(' '));
      // Styled as in the browser: the card's own style sheet is in its shadow root.
      expect(doc.defaultView!.getComputedStyle(root.querySelector('[part~="title"]')!).fontWeight).to.equal('700');
    }
    expect(feed.shadowRoot.querySelector('[role="status"]')?.textContent).to.equal(`Showing ${LIMIT} of ${papers.length} papers`);
    // The "Show more papers" button needs the element: hidden until it is defined.
    const more = feed.shadowRoot.querySelector('[data-ssr] > [part~="more"]')!;
    expect(doc.defaultView!.getComputedStyle(more).display).to.equal('none');
    // Nothing was rendered twice, and no Lit markers are left.
    expect(feedHtml).to.not.contain('lit-part');
  });

  it('has one JSON-LD ItemList of ScholarlyArticle for the papers shown', async () => {
    const { doc } = await frame(page(feedHtml), false);
    const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).to.have.length(1);
    const list = JSON.parse(scripts[0].textContent) as Record<string, unknown> & { itemListElement: Record<string, unknown>[] };
    expect(list).to.include({ '@context': 'https://schema.org', '@type': 'ItemList', name: 'Daily papers', numberOfItems: LIMIT });
    for (const [i, entry] of list.itemListElement.entries()) {
      const paper = papers[i];
      const item = entry.item as Record<string, unknown>;
      expect(entry.position).to.equal(i + 1);
      expect(entry.url).to.equal(`${BASE}${paper.id}.html`);
      expect(item['@type']).to.equal('ScholarlyArticle');
      expect(item.headline).to.equal(paper.title);
      expect(item.name).to.equal(paper.title);
      expect(item.url).to.equal(`${BASE}${paper.id}.html`);
      expect(item.datePublished).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(item.sameAs).to.include(`https://arxiv.org/abs/${paper.arxivId ?? ''}`);
      expect(item.identifier).to.deep.include({ '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.arxivId });
      if (paper.authors?.length) expect((item.author as { name: string }[]).map((a) => a.name)).to.deep.equal(paper.authors.map((a) => a.name));
      if (paper.abstract) expect(item.abstract).to.equal(paper.abstract);
      if (paper.keywords?.length) expect(item.keywords).to.include(paper.keywords[0]);
    }
  });

  it('writes a page per paper with Google Scholar tags, a canonical link, its JSON-LD and its card', async () => {
    const paper = papers.find((p) => (p.authors?.length ?? 0) > 1)!;
    const html = pages[`papers/${paper.id}.html`] ?? '';
    const { doc } = await frame(html, false);
    const url = `${BASE}${paper.id}.html`;
    expect(doc.title).to.equal(paper.title);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).to.equal(url);
    expect(metas(doc, 'citation_title')).to.deep.equal([paper.title]);
    expect(metas(doc, 'citation_author')).to.deep.equal(paper.authors!.map((a) => a.name));
    expect(metas(doc, 'citation_publication_date')).to.deep.equal([paper.published!.slice(0, 10).replace(/-/g, '/')]);
    expect(metas(doc, 'citation_pdf_url')).to.deep.equal([paper.links?.pdf ?? `https://arxiv.org/pdf/${paper.arxivId ?? ''}`]);
    expect(metas(doc, 'citation_arxiv_id')).to.deep.equal([paper.arxivId]);
    expect(metas(doc, 'citation_abstract_html_url')).to.deep.equal([url]);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '') as Record<string, unknown>;
    expect(ld).to.include({ '@context': 'https://schema.org', '@type': 'ScholarlyArticle', '@id': url, headline: paper.title });
    // The card: title and abstract in the light DOM (for crawlers without declarative shadow DOM),
    // the rest server-rendered in its shadow root.
    const card = doc.querySelector('paper-card')!;
    expect(card.querySelector('h1[slot="title"]')?.textContent).to.equal(paper.title);
    expect(card.querySelector('[slot="abstract"]')?.textContent).to.contain(paper.abstract?.split('\n\n')[0]);
    expect(card.shadowRoot?.querySelector('[part~="title"][aria-level="1"]')).to.not.equal(null);
    expect(card.shadowRoot?.querySelectorAll('[part~="author"]').length).to.be.greaterThan(0);
    expect(doc.querySelector('.back a')?.getAttribute('href')).to.equal('../feed.html');
    expect(doc.querySelector('.bibtex pre')?.textContent).to.contain(`eprint = {${paper.arxivId ?? ''}}`);
  });

  it('keeps hostile corpus text as text, even with scripts allowed', async () => {
    const corpus = {
      format: 'paper-feed',
      version: 1,
      title: HOSTILE,
      papers: [
        {
          id: 'evil/1',
          title: HOSTILE,
          abstract: `${HOSTILE}\n\nSecond paragraph.`,
          authors: [{ name: HOSTILE }, { name: 'Ada Lovelace' }],
          published: '2025-02-03',
          keywords: [HOSTILE],
          links: { paper: 'javascript:window.__pwned=3', pdf: 'https://example.org/a.pdf?x="><script>window.__pwned=4</script>' },
        },
      ],
    };
    const r = await cli(['render', 'evil.json', '-o', 'out.html', '--pages', 'p', '--base-url', BASE], { 'evil.json': JSON.stringify(corpus) }, ['out.html', 'p/evil-1.html']);
    expect(r.status, r.stderr).to.equal(0);
    const feedPage = await frame(page(r.files['out.html'] ?? ''), true);
    const title = HOSTILE.replace(/\s+/g, ' ').trim();
    const cards = ssrCards(feedPage.doc);
    expect(cards.map(titleOf)).to.deep.equal([title]);
    const root = cards[0].shadowRoot!;
    expect(root.querySelectorAll('script, img, b')).to.have.length(0);
    expect(root.querySelector('[part~="title-link"]')).to.equal(null);
    const ld = JSON.parse(feedPage.doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '') as { name: string; itemListElement: { item: { headline: string } }[] };
    expect(ld.name).to.equal(title);
    expect(ld.itemListElement[0]?.item.headline).to.equal(title);
    // Without --src the corpus is embedded in the element, as JSON that cannot close its script.
    const inline = feedPage.doc.querySelector('paper-feed > script[type="application/json"]');
    expect((JSON.parse(inline?.textContent ?? '') as { papers: { title: string }[] }).papers[0]?.title).to.equal(title);
    expect(feedPage.doc.querySelectorAll('script')).to.have.length(2);
    const paperPage = await frame(r.files['p/evil-1.html'] ?? '', true);
    expect(paperPage.doc.title).to.equal(title);
    expect(metas(paperPage.doc, 'citation_title')).to.deep.equal([title]);
    expect(metas(paperPage.doc, 'citation_author')).to.deep.equal([title, 'Ada Lovelace']);
    expect(metas(paperPage.doc, 'citation_publication_date')).to.deep.equal(['2025/02/03']);
    expect(metas(paperPage.doc, 'citation_pdf_url')).to.deep.equal(['https://example.org/a.pdf?x=%22%3E%3Cscript%3Ewindow.__pwned=4%3C/script%3E']);
    expect(paperPage.doc.querySelector('h1')?.textContent).to.equal(title);
    expect(paperPage.doc.querySelectorAll('body script, body img, body b')).to.have.length(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(feedPage.win.__pwned).to.equal(undefined);
    expect(paperPage.win.__pwned).to.equal(undefined);
  });

  it('with the CDN script: the feed takes over with the same papers, and is interactive', async () => {
    const head = await fetch('/cdn/paper-feed.js', { method: 'HEAD' });
    if (!head.ok) throw new Error('cdn/paper-feed.js is missing: run `npm run build:cdn` (npm test does it).');
    const { doc } = await frame(page(`${feedHtml}<script type="module" src="/cdn/paper-feed.js"></script>`), true);
    const feed = feedOf(doc);
    await waitUntil(() => liveCards(doc).length === LIMIT && liveCards(doc).every((c) => titleOf(c)), `expected ${LIMIT} cards rendered by the element`, { timeout: 5000 });
    // The same papers, in the same order; the server-rendered list is gone from view.
    expect(liveCards(doc).map(titleOf)).to.deep.equal(ssrCards(doc).map(titleOf));
    const win = doc.defaultView!;
    const ssr = feed.shadowRoot.querySelector('[data-ssr]')!;
    expect(win.getComputedStyle(ssr).display).to.equal('none');
    const live = feed.shadowRoot.querySelector('[part~="feed"]:not([data-ssr])')!;
    expect(win.getComputedStyle(live).display).to.not.equal('none');
    expect(feed.shadowRoot.querySelectorAll('[part~="error"]')).to.have.length(0);
    // Only one list is visible: every visible card is the element's.
    const visible = [...feed.shadowRoot.querySelectorAll('paper-card')].filter((c) => c.getBoundingClientRect().height > 0);
    expect(visible).to.have.length(LIMIT);
    // Interactive: "Show more papers" adds the rest…
    const more = live.querySelector<HTMLButtonElement>('[part~="more"]')!;
    expect(more.textContent.trim()).to.equal('Show more papers');
    more.click();
    await waitUntil(() => liveCards(doc).length === papers.length, 'Show more papers shows every paper', { timeout: 5000 });
    // (Compared by id: the element renders the $L_2$ of one title with KaTeX.)
    expect(liveCards(doc).map((c) => (c as Element & { paper?: Paper }).paper?.id)).to.deep.equal(papers.map((p) => p.id));
    // …and a card's "Show more" expands its abstract.
    const card = liveCards(doc)[0];
    const toggle = () => card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="toggle"]')!;
    await waitUntil(() => !toggle().hidden, 'the first abstract overflows its clamp', { timeout: 5000 });
    toggle().click();
    await waitUntil(() => card.hasAttribute('expanded'), 'the card expands', { timeout: 5000 });
    expect(toggle().textContent.trim()).to.equal('Show less');
  });

  it('with the CDN script and a corpus URL that fails: the server-rendered papers stay', async () => {
    const html = feedHtml.replace(`src="${FIXTURE}"`, 'src="/test/fixtures/bad/nope.json"');
    expect(html).to.not.equal(feedHtml);
    const { doc } = await frame(page(`${html}<script type="module" src="/cdn/paper-feed.js"></script>`), true);
    const feed = feedOf(doc);
    await waitUntil(() => feed.shadowRoot.querySelector('[part~="error"]'), 'the element shows its error state', { timeout: 5000 });
    const win = doc.defaultView!;
    const error = feed.shadowRoot.querySelector('[part~="error"]')!.closest('[part~="feed"]')!;
    expect(win.getComputedStyle(error).display).to.equal('none');
    const ssr = feed.shadowRoot.querySelector('[data-ssr]')!;
    expect(win.getComputedStyle(ssr).display).to.not.equal('none');
    expect(ssrCards(doc).filter((c) => c.getBoundingClientRect().height > 0)).to.have.length(LIMIT);
  });
});
