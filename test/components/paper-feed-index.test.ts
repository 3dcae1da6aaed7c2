/**
 * `<paper-feed search-index="…">`: queries answered from a chunked Pagefind index written by the
 * real `paper-corpus index` (the `pagefind-bundle` server command, web-test-runner.config.mjs),
 * downloading only what a query needs. Needs dist/ (`npx tsc -p tsconfig.build.json`).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { PaperFeed } from '../../src/components/paper-feed/paper-feed.js';
import type { PaperCard } from '../../src/components/paper-card/paper-card.js';
import type { PaperErrorDetail, PaperResultsDetail } from '../../src/components/shared/events.js';

const BUNDLE = '/test/tmp/pagefind/feed-sample/';

const titles = (feed: PaperFeed): string[] => [...feed.shadowRoot!.querySelectorAll<PaperCard>('paper-card')].map((c) => c.paper?.title ?? '');
const status = (feed: PaperFeed): string => feed.shadowRoot!.querySelector('[role="status"]')?.textContent.trim() ?? '';
const fetched = (): string[] => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);

before(async function () {
  this.timeout(60000);
  const built = await executeServerCommand<{ status: number | null; stderr: string }, { name: string; args: string[] }>('pagefind-bundle', {
    name: 'feed-sample',
    args: ['index', 'public/sample-papers.json', '-o', '$OUT', '-q'],
  });
  if (built.status !== 0) throw new Error(`paper-corpus index failed: ${built.stderr}`);
});

describe('<paper-feed search-index>', () => {
  beforeEach(() => {
    performance.clearResourceTimings();
  });

  it('answers a query from the index without downloading the corpus, best match first, highlighted', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed search-index=${BUNDLE} page-size="5"></paper-feed>`);
    // Without src, it lists the index's newest papers.
    await waitUntil(() => titles(el).length === 5, 'the newest page from the index', { timeout: 15000 });
    const results = oneEvent<CustomEvent<PaperResultsDetail>>(el, 'paper-results');
    el.query = 'GGUF quantization';
    const event = await results;
    expect(event.detail.query).to.equal('GGUF quantization');
    expect(titles(el)[0]).to.equal('Mind the Gap: A Practical Attack on GGUF Quantization');
    expect(event.detail.count).to.equal(1);
    expect(status(el)).to.equal('1 paper');
    // Only the index's files were fetched: no corpus JSON.
    const urls = fetched();
    expect(urls.some((u) => u.startsWith(BUNDLE))).to.equal(true);
    expect(urls.filter((u) => u.endsWith('.json') && !u.startsWith(BUNDLE))).to.deep.equal([]);
    const card = el.shadowRoot!.querySelector<PaperCard>('paper-card')!;
    await card.updateComplete;
    expect([...card.shadowRoot!.querySelectorAll('mark')].map((m) => m.textContent.toLowerCase())).to.include('quantization');
    await expect(el).to.be.accessible();
  });

  it('pages through the results with Show more', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed search-index=${BUNDLE} page-size="3" query="model"></paper-feed>`);
    await waitUntil(() => titles(el).length === 3, 'the first page', { timeout: 15000 });
    const first = titles(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.click();
    await waitUntil(() => titles(el).length === 6, 'the next page appended', { timeout: 15000 });
    expect(titles(el).slice(0, 3)).to.deep.equal(first);
    expect(new Set(titles(el)).size).to.equal(6);
  });

  it('with src, lists the corpus until a query is typed, then asks the index', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed src="/public/sample-papers.json" search-index=${BUNDLE}></paper-feed>`);
    await waitUntil(() => status(el) === '100 papers', 'the corpus', { timeout: 15000 });
    el.query = 'zzqxjv';
    await waitUntil(() => el.shadowRoot!.querySelector('[part="empty"]'), 'no match from the index', { timeout: 15000 });
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('zzqxjv');
    el.query = '';
    await waitUntil(() => titles(el).length === 100, 'back to the corpus', { timeout: 15000 });
  });

  it('a missing index shows a specific message and fires paper-error', async () => {
    const el = document.createElement('paper-feed');
    const error = oneEvent<CustomEvent<PaperErrorDetail>>(el, 'paper-error');
    el.setAttribute('search-index', '/test/tmp/pagefind/no-such-index/');
    el.query = 'diffusion';
    await fixture(el);
    const event = await error;
    expect(event.detail.message).to.contain('No search index at');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'the error shown', { timeout: 15000 });
    expect(el.shadowRoot!.querySelector('[part="error-message"]')!.textContent).to.contain('no-such-index');
  });
});
