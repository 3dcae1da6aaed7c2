/**
 * The script-tag promise: a bare page holding only the minified CDN file and a <paper-feed>
 * renders the corpus. Needs `cdn/paper-feed.js` (built by `npm test`'s pretest step).
 */
import { expect, waitUntil } from '@open-wc/testing';

async function barePage(body: string): Promise<Document> {
  const head = await fetch('/cdn/paper-feed.js', { method: 'HEAD' });
  if (!head.ok) throw new Error('cdn/paper-feed.js is missing: run `npm run build:cdn` (npm test does it).');
  const frame = document.createElement('iframe');
  frame.style.width = '900px';
  frame.style.height = '700px';
  frame.srcdoc = `<!doctype html><html><head><script type="module" src="/cdn/paper-feed.js"></script></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => { frame.addEventListener('load', resolve, { once: true }); });
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

function cardTitles(doc: Document): string[] {
  const feed = doc.querySelector('paper-feed');
  const cards = [...(feed?.shadowRoot?.querySelectorAll('paper-card') ?? [])];
  return cards.map((c) => c.shadowRoot?.querySelector('[part="title"]')?.textContent.trim() ?? '');
}

describe('CDN file on a bare page', () => {
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((f) => {
      f.remove();
    });
  });

  it('renders the built-in sample corpus: 100 cards', async () => {
    const doc = await barePage('<paper-feed src="/public/sample-papers.json"></paper-feed>');
    await waitUntil(() => cardTitles(doc).length === 100, 'expected 100 cards', { timeout: 5000 });
    expect(cardTitles(doc)).to.include('BoostStep: Boosting mathematical capability of Large Language Models via improved single-step reasoning');
  });

  it('renders an unmodified Hugging Face api/daily_papers response: one card per paper, with its title', async () => {
    const items = (await (await fetch('/test/fixtures/hf-daily-2025-10-14.json')).json()) as { title: string }[];
    const doc = await barePage('<paper-feed src="/test/fixtures/hf-daily-2025-10-14.json"></paper-feed>');
    await waitUntil(() => cardTitles(doc).length === items.length, `expected ${items.length} cards`, { timeout: 5000 });
    const shown = cardTitles(doc);
    for (const item of items) expect(shown).to.include(item.title.replace(/\s+/g, ' ').trim());
  });

  it('shows a specific error inside the feed for a 404 and for malformed JSON', async () => {
    const doc = await barePage('<paper-feed src="/test/fixtures/bad/nope.json"></paper-feed><paper-feed src="/test/fixtures/bad/malformed.json"></paper-feed>');
    const messages = () => [...doc.querySelectorAll('paper-feed')].map((f) => f.shadowRoot?.querySelector('[part="error-message"]')?.textContent ?? '');
    await waitUntil(() => messages().every(Boolean), 'both feeds show an error', { timeout: 5000 });
    const [notFound, malformed] = messages();
    expect(notFound).to.contain('the file was not found (HTTP 404');
    expect(malformed).to.contain('not valid JSON at line 2');
  });

  for (const [kind, src] of [
    ['BibTeX', '/test/fixtures/bibtex/nu-ideas-al-folio.bib'],
    ['CSL-JSON', '/test/fixtures/csl/manubot-references.json'],
    ['arXiv Atom', '/test/fixtures/arxiv/atom-bipv.xml'],
    ['arXiv JSON Lines', '/test/fixtures/arxiv/listing-2026-04-21.jsonl'],
  ] as const) {
    it(`renders ${kind} (${src.split('/').pop() ?? ''}) with no other script on the page`, async () => {
      const doc = await barePage(`<paper-feed src="${src}"></paper-feed>`);
      await waitUntil(() => cardTitles(doc).length > 0, `cards from ${kind}`, { timeout: 8000 });
      const feed = doc.querySelector('paper-feed')!;
      expect(feed.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
      expect(cardTitles(doc).every((t) => t.length > 0)).to.equal(true);
    });
  }

  it('merges several URLs in src and keeps showing papers when one of them fails', async () => {
    const doc = await barePage('<paper-feed src="/test/fixtures/hf-daily-mixed.json /test/fixtures/hf-paper-single.json /test/fixtures/bad/gone.json"></paper-feed>');
    await waitUntil(() => cardTitles(doc).length === 9, '9 papers: the single paper is a duplicate of one of the 9', { timeout: 8000 });
    const notice = doc.querySelector('paper-feed')!.shadowRoot!.querySelector('[part="notice"]')!;
    expect(notice.textContent).to.contain('gone.json');
    expect(notice.textContent).to.contain('HTTP 404');
  });

  it('searches a large corpus in the Web Worker shipped next to the chunks', async () => {
    const doc = await barePage('<paper-feed page-size="20"></paper-feed>');
    const win = doc.defaultView as Window & typeof globalThis;
    await win.customElements.whenDefined('paper-feed');
    const feed = doc.querySelector('paper-feed') as (HTMLElement & { papers: unknown; query: string }) | null;
    const papers = Array.from({ length: 6000 }, (_, i) => ({ id: `p${i}`, title: i === 4321 ? 'Quantized reinforcement learning for LLMs' : `Paper about topic ${i % 50}`, published: '2025-01-01' }));
    feed!.papers = papers;
    await waitUntil(() => cardTitles(doc).length === 20, 'first page', { timeout: 8000 });
    const workers: string[] = [];
    const Original = win.Worker;
    win.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        workers.push(String(url));
        super(url, options);
      }
    };
    feed!.query = 'quantised reinforcement';
    await waitUntil(() => cardTitles(doc).length === 1, 'ranked result from the worker', { timeout: 15000 });
    expect(cardTitles(doc)[0]).to.equal('Quantized reinforcement learning for LLMs');
    expect(workers.some((u) => /\/cdn\/assets\/worker-[\w-]+\.js$/.test(u))).to.equal(true);
  });

  it('registers <paper-search> when one appears (its code loads only then) and filters the feed', async () => {
    const doc = await barePage('<paper-feed id="f" src="/public/sample-papers.json"></paper-feed>');
    await waitUntil(() => cardTitles(doc).length === 100, 'feed loaded', { timeout: 8000 });
    const win = doc.defaultView as Window & typeof globalThis;
    expect(win.customElements.get('paper-search')).to.equal(undefined);
    const search = doc.createElement('paper-search');
    search.setAttribute('for', 'f');
    doc.body.prepend(search);
    await win.customElements.whenDefined('paper-search');
    (search as HTMLElement & { value: string }).value = 'BoostStep';
    await waitUntil(() => cardTitles(doc).length === 1, 'search filters the feed', { timeout: 8000 });
    expect(cardTitles(doc)[0]).to.match(/^BoostStep/);
  });

  it('survives the script loaded twice and two copies on one page', async () => {
    const frame = document.createElement('iframe');
    const loaded = new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
    });
    frame.srcdoc = `<!doctype html><html><head>
      <script>window.__errors = []; addEventListener('error', (e) => __errors.push(String(e.message))); addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));</script>
      <script type="module" src="/cdn/paper-feed.js"></script>
      <script type="module" src="/cdn/paper-feed.js"></script>
      <script type="module" src="/cdn/paper-feed.js?copy=2"></script>
      </head><body><paper-search for="f"></paper-search><paper-feed id="f" src="/public/sample-papers.json"></paper-feed></body></html>`;
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    await waitUntil(() => cardTitles(doc).length === 100, 'the feed renders once', { timeout: 8000 });
    await new Promise((r) => setTimeout(r, 300));
    expect((frame.contentWindow as Window & { __errors: string[] }).__errors).to.deep.equal([]);
  });
});
