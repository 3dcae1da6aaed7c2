// Large corpus files (1 MB and more) are parsed in the corpus worker and handed back in batches;
// the worker then builds the search index from its own copy. These tests load generated corpora
// (/__corpus/large, served by web-test-runner.config.mjs) through the real worker.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { allowResizeObserverNotice } from './resize-observer-notice.js';
import type { PaperFeed } from '../../src/components/paper-feed/paper-feed.js';
import { sortPapers } from '../../src/data/sort.js';
import type { PaperErrorDetail, PaperLoadDetail, PaperWarningDetail } from '../../src/components/shared/events.js';

const workerFetched = (): boolean => performance.getEntriesByType('resource').some((e) => /\/src\/data\/search\/worker\.(js|ts)/.test(e.name));

function status(feed: PaperFeed): string {
  return feed.shadowRoot!.querySelector('[role="status"]')?.textContent.trim() ?? '';
}

function shownTitles(feed: PaperFeed): string[] {
  return [...feed.shadowRoot!.querySelectorAll('paper-card')].map((c) => (c as HTMLElement & { paper?: { title: string } }).paper?.title ?? '');
}

describe('<paper-feed> with a large corpus file', () => {
  allowResizeObserverNotice();
  beforeEach(() => {
    performance.clearResourceTimings();
  });

  it('parses it in the worker: every paper arrives, newest first, and the list is virtualized', async () => {
    const el = document.createElement('paper-feed');
    const load = oneEvent<CustomEvent<PaperLoadDetail>>(el, 'paper-load');
    el.src = '/__corpus/large?n=3000';
    await fixture(el);
    const event = await load;
    expect(event.detail).to.include({ count: 3000, total: 3000, format: 'native' });
    expect(workerFetched(), 'the corpus worker was started').to.equal(true);
    await waitUntil(() => status(el) === '3,000 papers', 'count announced', { timeout: 8000 });
    expect(el.loadedPapers).to.have.length(3000);
    // Corpus order is kept across batches.
    expect(el.loadedPapers.slice(0, 3).map((p) => p.id)).to.deep.equal(['p0', 'p1', 'p2']);
    expect(el.loadedPapers[2999].id).to.equal('p2999');
    // Normalized in the worker like in the page: the javascript: link is gone, the pdf kept.
    expect(el.loadedPapers[0].links?.code).to.equal(undefined);
    expect(el.loadedPapers[0].links?.pdf).to.equal('https://arxiv.org/pdf/2501.00000');
    const dates = el.shownPapers.slice(0, 50).map((p) => p.published ?? '');
    expect(dates.slice().sort().reverse()).to.deep.equal(dates);
    // The worker sorted them, exactly as the page would have.
    expect(el.shownPapers.map((p) => p.id)).to.deep.equal(sortPapers(el.loadedPapers, 'date').map((p) => p.id));
    await waitUntil(() => shownTitles(el).length > 0, 'cards rendered', { timeout: 8000 });
    expect(shownTitles(el).length).to.be.below(200);
    await expect(el).to.be.accessible();
  });

  it('searches it with the index the worker built from its own copy', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed src="/__corpus/large?n=2500"></paper-feed>`);
    await waitUntil(() => status(el) === '2,500 papers', 'loaded', { timeout: 8000 });
    el.query = 'kaleidoscopes';
    await waitUntil(() => el.shownPapers.length === 1, 'the one matching paper', { timeout: 8000 });
    expect(el.shownPapers[0].id).to.equal('p2499');
    el.query = 'experts';
    // Every 7th paper's title has the word.
    await waitUntil(() => el.shownPapers.length === Math.ceil(2500 / 7), 'ranked results', { timeout: 8000 });
    expect(el.shownPapers.every((p) => p.title.includes('experts'))).to.equal(true);
  });

  it('reports invalid records from the worker as a warning and still shows every valid paper', async () => {
    const el = document.createElement('paper-feed');
    const warning = oneEvent<CustomEvent<PaperWarningDetail>>(el, 'paper-warning');
    el.src = '/__corpus/large?n=2000&broken=3';
    await fixture(el);
    const event = await warning;
    expect(event.detail.skipped).to.equal(3);
    expect(event.detail.total).to.equal(2000);
    await waitUntil(() => el.loadedPapers.length === 1997, 'valid papers loaded', { timeout: 8000 });
    await waitUntil(() => /3 of 2,000/.test(el.shadowRoot!.textContent) || !!el.shadowRoot!.querySelector('[part~="notice"], [part~="warning"]'), 'a notice', {
      timeout: 8000,
    });
  });

  it('names the syntax error of a large malformed file, read in the worker', async () => {
    const el = document.createElement('paper-feed');
    const error = oneEvent<CustomEvent<PaperErrorDetail>>(el, 'paper-error');
    el.src = '/__corpus/large?n=2000&bad=1';
    await fixture(el);
    const event = await error;
    expect(event.detail.message).to.match(/Could not read “\/__corpus\/large\?n=2000&bad=1”/);
    // Says what is wrong and quotes where.
    expect(event.detail.message).to.match(/not valid JSON: Unexpected token ','.*\},,\{"id":"p1/);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'error shown', { timeout: 8000 });
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.match(/not valid JSON|JSON/);
  });

  it('parses in the page when no worker can run', async () => {
    const original = window.Worker;
    // As on a page whose CSP leaves workers out.
    (window as { Worker?: typeof Worker }).Worker = undefined;
    try {
      const el = await fixture<PaperFeed>(html`<paper-feed src="/__corpus/large?n=1500"></paper-feed>`);
      await waitUntil(() => status(el) === '1,500 papers', 'loaded in the page', { timeout: 8000 });
      expect(workerFetched()).to.equal(false);
      expect(el.loadedPapers).to.have.length(1500);
    } finally {
      window.Worker = original;
    }
  });

  it('drops a large load that a newer src replaced', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed src="/__corpus/large?n=4000"></paper-feed>`);
    // Replaced while the first is still downloading or parsing.
    await new Promise((r) => setTimeout(r, 20));
    el.src = '/public/sample-papers.json';
    await waitUntil(() => status(el) === '100 papers', 'the newer corpus', { timeout: 8000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(status(el)).to.equal('100 papers');
    expect(el.loadedPapers).to.have.length(100);
  });
});
