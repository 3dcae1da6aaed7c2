/**
 * Issue #7, part 1: injection. Every payload of test/fixtures/security/payloads.ts goes into every
 * text and URL field of every input format; the corpora are rendered by <paper-feed> (cite,
 * thumbnails, highlighted authors, facets, grouping, the skipped-records notice) and by
 * <paper-card> (expanded, all authors, cite, thumbnail), and the rendered trees are audited:
 * nothing runs, no non-http(s) URL, no handler or payload style attribute, no element outside the
 * allow-list inside our shadow roots, and the payload still reads as text.
 */
import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { PaperFeed } from '../../src/components/paper-feed/paper-feed.js';
import type { PaperCard } from '../../src/components/paper-card/paper-card.js';
import { parseCorpus, loadCorpusText } from '../../src/data/parse.js';
import { splitMath } from '../../src/data/math.js';
import type { Paper, ParseResult } from '../../src/data/types.js';
import { PAYLOADS, VECTOR_COUNT } from '../fixtures/security/payloads.js';
import {
  FIELDS,
  attempts,
  atomCorpus,
  bibtexCorpus,
  cslCorpus,
  hfDailyCorpus,
  jsonlCorpus,
  kaggleCorpus,
  nativeCorpus,
  payloadIn,
  payloadNumber,
  propertyPapers,
  type SecurityFormat,
} from '../fixtures/security/corpora.js';
import { audit, deepQueryAll, executions, installTrap, isHttpUrl, pageElementCounts, paperUrls, type Trap } from './audit.js';

const now = new Date('2025-01-31T12:00:00Z');
const FACETS = 'year tag type venue organization author selected code';

/** Payloads without `;` (the highlight-authors separator): names to highlight. */
function highlightNames(format: SecurityFormat, field: string): string {
  return PAYLOADS.map((_, v) => payloadIn(format, v, field))
    .filter((name) => !/[;|\n]/.test(name))
    .slice(0, 25)
    .join('; ');
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The plain-text pieces of a title (its formulas excepted), which must show verbatim. */
function visiblePieces(title: string): string[] {
  return splitMath(title)
    .map((s) => (s.math ? '' : s.text.trim()))
    .filter(Boolean);
}

function ok(result: ParseResult, what: string): Extract<ParseResult, { ok: true }> {
  if (!result.ok) throw new Error(`${what} did not load: ${result.kind}: ${result.message}`);
  return result;
}

/** Data-level guarantees: ids and titles present and unique, every URL http(s). */
function checkPapers(papers: readonly Paper[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  papers.forEach((p, i) => {
    if (typeof p.id !== 'string' || !p.id) problems.push(`paper ${i}: empty id`);
    if (ids.has(p.id)) problems.push(`paper ${i}: duplicate id ${p.id}`);
    ids.add(p.id);
    if (typeof p.title !== 'string' || !p.title.trim()) problems.push(`paper ${i}: empty title`);
    for (const [field, url] of paperUrls(p)) if (!isHttpUrl(url)) problems.push(`paper ${i} (${p.id}): ${field} = ${url}`);
  });
  return problems;
}

/** Waits for math chunks, Lit updates, frames and images, so anything that would run has run. */
async function settle(root: Element): Promise<void> {
  // The very module the cards import on demand: once it has resolved here, theirs has too.
  await import('../../src/components/shared/math.js');
  for (let i = 0; i < 3; i++) {
    const elements = [root, ...deepQueryAll(root, 'paper-card, paper-feed')];
    await Promise.all(elements.map((e) => ('updateComplete' in e ? (e as PaperCard).updateComplete : Promise.resolve(true))));
    await nextFrame();
  }
  const images = deepQueryAll<HTMLImageElement>(root, 'img');
  await Promise.race([
    Promise.all(
      images.map((img) =>
        img.complete
          ? Promise.resolve()
          : new Promise((resolve) => {
              img.addEventListener('load', resolve, { once: true });
              img.addEventListener('error', resolve, { once: true });
            }),
      ),
    ),
    aTimeout(200),
  ]);
  await aTimeout(50);
}

/** Clicks every button of a kind (cite, show more, more authors) in the tree. */
async function clickAll(root: Element, selector: string): Promise<number> {
  const buttons = deepQueryAll<HTMLButtonElement>(root, selector);
  for (const b of buttons) b.click();
  await aTimeout(50);
  return buttons.length;
}

function expectClean(root: Element, trap: Trap, before: string, label: string): void {
  const { findings, stats } = audit(root);
  const ran = executions(trap);
  expect(ran, `${label}: payloads executed`).to.deep.equal([]);
  expect(findings.slice(0, 40), `${label}: ${findings.length} findings in ${stats.elements} elements`).to.deep.equal([]);
  expect(pageElementCounts(), `${label}: elements added to the page`).to.equal(before);
  expect(stats.shadowRoots, `${label}: shadow roots audited`).to.be.greaterThan(0);
}

/**
 * Title text of each card against the title payload of its vector: the loader only collapses white
 * space (`normalized`), a Paper set as a property is shown exactly as given.
 */
function checkTitles(cards: PaperCard[], format: SecurityFormat, field: string, normalized = true): string[] {
  const byTitle = new Map(PAYLOADS.map((_, v) => [normalized ? collapse(payloadIn(format, v, field)) : payloadIn(format, v, field), v]));
  const problems: string[] = [];
  for (const card of cards) {
    const title = card.paper?.title ?? '';
    const v = byTitle.get(title);
    if (v === undefined) {
      problems.push(`title changed by the loader: ${JSON.stringify(title).slice(0, 120)}`);
      continue;
    }
    const shown = card.shadowRoot?.querySelector('[part="title"]')?.textContent ?? '';
    for (const piece of visiblePieces(title)) {
      if (!shown.includes(piece)) problems.push(`vector ${v} (${PAYLOADS[v].name}): title shows ${JSON.stringify(shown.slice(0, 120))}, missing ${JSON.stringify(piece)}`);
    }
  }
  return problems;
}

function feedCards(feed: PaperFeed): PaperCard[] {
  return [...feed.shadowRoot!.querySelectorAll('paper-card')];
}

/** A feed with every optional feature on; the corpus comes from `load` (inline text or the property). */
async function renderFeed(load: (feed: PaperFeed) => void, names: string, expected: number): Promise<PaperFeed> {
  const feed = document.createElement('paper-feed');
  for (const attr of ['cite', 'thumbnails', 'bibtex-download', 'similar']) feed.setAttribute(attr, '');
  feed.setAttribute('virtualize', 'off');
  feed.setAttribute('group-by', 'venue');
  feed.setAttribute('facets', FACETS);
  feed.setAttribute('highlight-authors', names);
  feed.setAttribute('locale', 'en-US');
  feed.now = now;
  load(feed);
  await fixture(feed);
  await waitUntil(() => feedCards(feed).length === expected, `expected ${expected} cards`, { timeout: 15000 });
  await settle(feed);
  // Everything a reader can open: abstracts, the cite fallback text, the notice.
  await clickAll(feed, '[part="toggle"], [part="more-authors"], [part="cite"]');
  const notice = feed.shadowRoot!.querySelector('details');
  if (notice) notice.open = true;
  await settle(feed);
  return feed;
}

function inline(text: string): (feed: PaperFeed) => void {
  return (feed) => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = text;
    feed.append(script);
  };
}

/** Every paper as a card: expanded, all authors, cite, thumbnail. */
async function renderCards(papers: readonly Paper[], names: string): Promise<HTMLDivElement> {
  const root = await fixture<HTMLDivElement>(html`<div style="width: 700px">
    ${papers.map(
      (p) =>
        html`<paper-card .paper=${p} .now=${now} locale="en-US" expanded max-authors="1000" cite similar show-thumbnail highlight-authors=${names}></paper-card>`,
    )}
  </div>`);
  await settle(root);
  await clickAll(root, '[part="toggle"], [part="more-authors"], [part="cite"]');
  await settle(root);
  return root;
}

/** The text of a format's payload corpus. */
function corpusText(format: Exclude<SecurityFormat, 'property'>): string {
  switch (format) {
    case 'native':
      return JSON.stringify(nativeCorpus());
    case 'hf-daily':
      return JSON.stringify(hfDailyCorpus());
    case 'bibtex':
      return bibtexCorpus();
    case 'csl-json':
      return JSON.stringify(cslCorpus());
    case 'arxiv-atom':
      return atomCorpus();
    case 'arxiv-atom-raw':
      return atomCorpus(true);
    case 'arxiv-jsonl':
      return jsonlCorpus();
    case 'arxiv-kaggle':
      return kaggleCorpus();
  }
}

/** Loads a format through the public API (importers for the text formats). */
async function load(format: SecurityFormat): Promise<Extract<ParseResult, { ok: true }>> {
  const baseUrl = 'https://lab.invalid/site/';
  switch (format) {
    case 'native':
      return ok(parseCorpus(JSON.stringify(nativeCorpus())), format);
    case 'hf-daily':
      return ok(parseCorpus(JSON.stringify(hfDailyCorpus())), format);
    case 'bibtex':
      return ok(await loadCorpusText(bibtexCorpus(), { baseUrl, fileName: 'papers.bib' }), format);
    case 'csl-json':
      return ok(await loadCorpusText(JSON.stringify(cslCorpus()), { baseUrl, format: 'csl-json' }), format);
    case 'arxiv-atom':
      return ok(await loadCorpusText(atomCorpus(), { baseUrl }), format);
    case 'arxiv-atom-raw':
      return ok(await loadCorpusText(atomCorpus(true), { baseUrl }), format);
    case 'arxiv-jsonl':
      return ok(await loadCorpusText(jsonlCorpus(), { baseUrl, fileName: 'listing-2025-01-21.jsonl' }), format);
    case 'arxiv-kaggle':
      return ok(await loadCorpusText(kaggleCorpus(), { baseUrl }), format);
    case 'property':
      return { ok: true, format: 'native', papers: propertyPapers(), problems: [], total: VECTOR_COUNT };
  }
}

const title = (format: SecurityFormat, what: string): string =>
  `${format}: ${VECTOR_COUNT} vectors × ${FIELDS[format].length} fields = ${attempts(format)} payloads, ${what}`;

describe('security: injection', function () {
  this.timeout(60000);
  let trap: Trap;
  let before: string;

  beforeEach(() => {
    before = pageElementCounts();
    trap = installTrap();
  });

  afterEach(() => {
    trap.restore();
  });

  it('the audit and the trap catch what they look for (self-test on a planted tree)', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const add = (tag: string, attrs: Record<string, string>, ns?: string): void => {
      const el = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      shadow.append(el);
    };
    // Inert: detached from the document, no src to load, nothing clicked.
    add('a', { href: 'javascript:window.__pwned=1000101' });
    add('div', { onclick: 'window.__pwned=1000201' });
    add('div', { style: 'background:url(javascript:window.__pwned=1000301)' });
    add('script', {});
    add('iframe', {});
    add('foreignObject', {}, 'http://www.w3.org/2000/svg');
    add('mi', { href: 'javascript:x' }, 'http://www.w3.org/1998/Math/MathML');
    add('img', { srcset: 'https://x.invalid/a.png 1x, data:image/png,x 2x' });
    add('b', {});
    const { findings } = audit(host);
    const text = findings.join('\n');
    for (const expected of ['non-http(s) href', 'event-handler attribute onclick', 'style attribute with payload text', 'forbidden element  <div> #shadow <script>', 'forbidden element  <div> #shadow <iframe>', 'forbidden element  <div> #shadow <foreignObject>', 'MathML attribute href', 'non-http(s) srcset', 'img that is not the thumbnail', 'unexpected HTML element  <div> #shadow <b>']) {
      expect(text).to.contain(expected);
    }
    expect(text).to.contain('native vector 1 (script: upper-case script) in field title');
    window.alert('x');
    window.__pwned = 1000101;
    expect(executions(trap)).to.deep.equal(['called alert(x)', 'window.__pwned = 1000101: native vector 1 (script: upper-case script) in field title [n=1000101]']);
    window.__pwned = undefined;
  });

  it(`has at least 150 vectors, each with a unique number per field (${VECTOR_COUNT} vectors)`, () => {
    expect(VECTOR_COUNT).to.be.at.least(150);
    const numbers = new Set<number>();
    for (const format of Object.keys(FIELDS) as SecurityFormat[]) {
      PAYLOADS.forEach((payload, v) => {
        FIELDS[format].forEach((_, f) => {
          const n = payloadNumber(format, v, f);
          expect(numbers.has(n), `${format} ${v} ${f}`).to.equal(false);
          numbers.add(n);
          expect(payload.make(n), `${payload.name} depends on its number`).not.to.equal(payload.make(n + 1));
        });
      });
    }
  });

  for (const format of ['native', 'hf-daily'] as const) {
    const titleField = 'title';
    it(title(format, 'as inline JSON in <paper-feed> (cite, thumbnails, highlight, facets, group-by, notice)'), async () => {
      const text = JSON.stringify(format === 'native' ? nativeCorpus() : hfDailyCorpus());
      const result = ok(parseCorpus(text), format);
      expect(result.format).to.equal(format);
      expect(result.papers, 'every payload record is kept').to.have.length(VECTOR_COUNT);
      expect(result.problems.filter((p) => p.severity === 'error'), 'the companion records are skipped').to.have.length(VECTOR_COUNT);
      expect(checkPapers(result.papers)).to.deep.equal([]);
      const names = highlightNames(format, format === 'native' ? 'authors.0.name' : 'paper.authors.0.name');
      const feed = await renderFeed(inline(text), names, VECTOR_COUNT);
      expectClean(feed, trap, before, format);
      expect(checkTitles(feedCards(feed), format, titleField).slice(0, 20)).to.deep.equal([]);
      expect(deepQueryAll(feed, 'math').length, 'math was rendered').to.be.greaterThan(0);
      expect(deepQueryAll(feed, '[part="notice"] li').length, 'the notice lists skipped records').to.be.greaterThan(0);
      expect(deepQueryAll(feed, '[part~="author-highlighted"]').length, 'authors were highlighted').to.be.greaterThan(0);
      // "Similar papers" of a payload paper: its title goes into the heading of that view.
      const card = feedCards(feed)[0];
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part="similar"]')!.click();
      await waitUntil(() => deepQueryAll(feed, '[part="similar-heading"]').length > 0, 'the similar-papers view opens', { timeout: 10000 });
      await settle(feed);
      expectClean(feed, trap, before, `${format}/similar`);
    });

    it(title(format, 'each in an expanded <paper-card> with all authors, cite and thumbnail'), async () => {
      const result = ok(parseCorpus(JSON.stringify(format === 'native' ? nativeCorpus() : hfDailyCorpus())), format);
      const names = highlightNames(format, format === 'native' ? 'authors.0.name' : 'paper.authors.0.name');
      const root = await renderCards(result.papers, names);
      expectClean(root, trap, before, format);
      expect(checkTitles([...root.querySelectorAll('paper-card')], format, titleField).slice(0, 20)).to.deep.equal([]);
      expect(deepQueryAll(root, 'textarea').length + deepQueryAll(root, '.cite-status').length, 'cite was used').to.be.greaterThan(0);
    });
  }

  it(title('property', 'raw Paper objects set on <paper-card>.paper and <paper-feed>.papers, never normalized'), async () => {
    const papers = propertyPapers();
    const names = highlightNames('property', 'authors.0.name');
    const root = await renderCards(papers, names);
    expectClean(root, trap, before, 'property/card');
    expect(checkTitles([...root.querySelectorAll('paper-card')], 'property', 'title', false).slice(0, 20)).to.deep.equal([]);
    const feed = await renderFeed(
      (f) => {
        f.papers = papers;
      },
      names,
      VECTOR_COUNT,
    );
    expectClean(feed, trap, before, 'property/feed');
  });

  for (const format of ['bibtex', 'csl-json', 'arxiv-atom', 'arxiv-atom-raw', 'arxiv-jsonl', 'arxiv-kaggle'] as const) {
    it(title(format, 'read by loadCorpusText, rendered in <paper-card>s and as inline text in <paper-feed>'), async () => {
      const result = await load(format);
      expect(result.papers.length, `${format}: papers read`).to.be.greaterThan(0);
      expect(checkPapers(result.papers).slice(0, 20)).to.deep.equal([]);
      const root = await renderCards(result.papers, '');
      expectClean(root, trap, before, `${format}/card`);
      const names = result.papers
        .flatMap((p) => p.authors ?? [])
        .map((a) => a.name)
        .filter((n) => !/[;|\n]/.test(n))
        .slice(0, 25)
        .join('; ');
      // The feed reads the text itself (format detected from content, links resolved against the page).
      const text = corpusText(format);
      const expected = ok(await loadCorpusText(text, { baseUrl: document.baseURI }), `${format} as the feed reads it`);
      expect(expected.format, `${format} detected from content`).to.equal(format === 'arxiv-atom-raw' ? 'arxiv-atom' : format);
      const feed = await renderFeed(inline(text), names, expected.papers.length);
      expectClean(feed, trap, before, `${format}/feed`);
    });
  }

  it(`error pages: ${VECTOR_COUNT} payloads in the <title> of an HTML page given as a corpus show as text in the error box`, async () => {
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    PAYLOADS.forEach((payload, v) => {
      const feed = document.createElement('paper-feed');
      inline(`<!doctype html><html><head><title>${payload.make(payloadNumber('native', v, 99))}</title></head><body>x</body></html>`)(feed);
      root.append(feed);
    });
    const feeds = [...root.querySelectorAll('paper-feed')];
    await waitUntil(() => feeds.every((f) => f.shadowRoot?.querySelector('[part="error"]')), 'every feed shows an error', { timeout: 15000 });
    await settle(root);
    expectClean(root, trap, before, 'error pages');
  });

  it(`queries: ${VECTOR_COUNT} payloads as the search query of a feed of payload papers (results, highlights, "no match" text)`, async () => {
    const corpus = nativeCorpus();
    const papers = corpus.papers.slice(0, 40);
    const feed = await renderFeed(inline(JSON.stringify({ ...corpus, papers })), '', papers.length);
    for (const [v, payload] of PAYLOADS.entries()) {
      feed.query = payload.make(payloadNumber('native', v, 98));
      await feed.updateComplete;
    }
    // A term every payload paper matches, so that titles and abstracts get highlighted.
    feed.query = 'pwned';
    await waitUntil(() => deepQueryAll(feed, 'mark').length > 0, 'search terms are highlighted', { timeout: 5000 });
    await settle(feed);
    expectClean(feed, trap, before, 'queries');
  });

  it(`totals: ${(['native', 'hf-daily', 'property', 'bibtex', 'csl-json', 'arxiv-atom', 'arxiv-atom-raw', 'arxiv-jsonl', 'arxiv-kaggle'] as const).reduce((n, f) => n + attempts(f), 0) + 2 * VECTOR_COUNT} payload placements (vectors × fields over every format, plus error pages and queries)`, () => {
    expect(VECTOR_COUNT).to.be.at.least(150);
  });
});
