import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { allowResizeObserverNotice } from './resize-observer-notice.js';
import type { PaperFeed } from '../../src/components/paper-feed/paper-feed.js';
import type { PaperCard } from '../../src/components/paper-card/paper-card.js';
import type { PaperErrorDetail, PaperLoadDetail, PaperResultsDetail, PaperWarningDetail } from '../../src/components/shared/events.js';

function cards(feed: PaperFeed): PaperCard[] {
  return [...feed.shadowRoot!.querySelectorAll('paper-card')];
}

function titles(feed: PaperFeed): string[] {
  return cards(feed).map((c) => c.paper?.title ?? '');
}

async function loaded(feed: PaperFeed): Promise<void> {
  await waitUntil(() => feed.shadowRoot!.querySelector('[part="list"], [part="empty"], [part="error"]'), 'feed settles', { timeout: 5000 });
  await feed.updateComplete;
}

const small = [
  { id: 'a', title: 'Older paper', published: '2024-01-10', upvotes: 50 },
  { id: 'b', title: 'Newest paper about diffusion', published: '2025-03-01', upvotes: 5 },
  { id: 'c', title: 'A middle paper about diffusion', published: '2024-11-20', upvotes: 20 },
];

describe('<paper-feed>', () => {
  it('loads the built-in sample corpus from src: 100 cards, newest first, and fires paper-load', async () => {
    const el = document.createElement('paper-feed');
    const load = oneEvent<CustomEvent<PaperLoadDetail>>(el, 'paper-load');
    el.src = '/public/sample-papers.json';
    await fixture(el);
    const event = await load;
    expect(event.detail).to.include({ count: 100, total: 100, format: 'native', source: '/public/sample-papers.json' });
    await loaded(el);
    expect(cards(el)).to.have.length(100);
    const dates = cards(el)
      .map((c) => c.paper?.published)
      .filter((d): d is string => !!d);
    expect(dates.slice().sort().reverse()).to.deep.equal(dates);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent.trim()).to.equal('100 papers');
  });

  it('reads an unmodified Hugging Face daily_papers response', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed src="/test/fixtures/hf-daily-2025-10-14.json"></paper-feed>`);
    await loaded(el);
    const items = (await (await fetch('/test/fixtures/hf-daily-2025-10-14.json')).json()) as unknown[];
    expect(cards(el)).to.have.length(items.length);
    expect(titles(el)).to.include('QeRL: Beyond Efficiency -- Quantization-enhanced Reinforcement Learning for LLMs');
  });

  it('shows a loading state with aria-busy, then the papers', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const original = window.fetch;
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      await gate;
      return original(...args);
    };
    try {
      const el = await fixture<PaperFeed>(html`<paper-feed src="/public/sample-papers.json"></paper-feed>`);
      const feed = el.shadowRoot!.querySelector('[part="feed"]')!;
      expect(feed.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.exist;
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim()).to.equal('Loading papers…');
      release();
      await loaded(el);
      expect(feed.getAttribute('aria-busy')).to.equal('false');
      expect(cards(el)).to.have.length(100);
    } finally {
      window.fetch = original;
    }
  });

  it('takes papers from the property, sorts them and limits them', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed .papers=${small}></paper-feed>`);
    await loaded(el);
    expect(titles(el)).to.deep.equal(['Newest paper about diffusion', 'A middle paper about diffusion', 'Older paper']);
    el.sort = 'upvotes';
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Older paper', 'A middle paper about diffusion', 'Newest paper about diffusion']);
    el.setAttribute('sort', 'title');
    await el.updateComplete;
    expect(titles(el)[0]).to.equal('A middle paper about diffusion');
    el.limit = 2;
    await el.updateComplete;
    expect(cards(el)).to.have.length(2);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim()).to.equal('Showing 2 of 3 papers');
  });

  it('reads an inline JSON script child', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed><script type="application/json">${JSON.stringify({ format: 'paper-feed', version: 1, papers: small })}</script></paper-feed>`);
    await loaded(el);
    expect(cards(el)).to.have.length(3);
  });

  it('filters by query and says when nothing matches', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed .papers=${small}></paper-feed>`);
    await loaded(el);
    const results = oneEvent<CustomEvent<PaperResultsDetail>>(el, 'paper-results');
    el.query = 'diffusion';
    expect((await results).detail).to.deep.equal({ query: 'diffusion', count: 2, total: 3 });
    expect(cards(el)).to.have.length(2);
    el.query = 'nothing-like-this';
    await el.updateComplete;
    expect(cards(el)).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('No papers match “nothing-like-this”.');
  });

  it('shows a distinct empty state', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed .papers=${[]}></paper-feed>`);
    await loaded(el);
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('There are no papers in this feed yet.');
    await expect(el).to.be.accessible();
  });

  for (const [name, src, pattern, kind] of [
    ['a 404', '/test/fixtures/bad/missing.json', /not found \(HTTP 404/, 'http'],
    ['malformed JSON', '/test/fixtures/bad/malformed.json', /not valid JSON at line 2, column 13/, 'invalid-json'],
    ['truncated JSON', '/test/fixtures/bad/truncated.json', /truncated/, 'truncated-json'],
    ['an HTML page', '/test/fixtures/bad/error-page.html', /HTML page titled “404 Not Found”/, 'html'],
    ['an empty file', '/test/fixtures/bad/empty.json', /empty/, 'empty'],
    ['a javascript: URL', 'javascript:alert(1)', /only be loaded over http/, 'invalid-url'],
  ] as const) {
    it(`shows a specific error for ${name} and fires paper-error`, async () => {
      const el = document.createElement('paper-feed');
      const error = oneEvent<CustomEvent<PaperErrorDetail>>(el, 'paper-error');
      el.src = src;
      await fixture(el);
      const event = await error;
      expect(event.detail.kind).to.equal(kind);
      expect(event.detail.message).to.match(pattern);
      await loaded(el);
      const box = el.shadowRoot!.querySelector('[part="error"]')!;
      expect(box.getAttribute('role')).to.equal('alert');
      expect(box.querySelector('[part="error-message"]')!.textContent).to.match(pattern);
      expect(box.querySelector('[part="retry"]')).to.exist;
    });
  }

  it('retries after an error', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed src="/test/fixtures/bad/missing.json"></paper-feed>`);
    await loaded(el);
    el.src = '/public/sample-papers.json';
    await loaded(el);
    await waitUntil(() => cards(el).length === 100, undefined, { timeout: 8000 });
    el.src = '/test/fixtures/bad/missing.json';
    await waitUntil(() => el.shadowRoot!.querySelector('[part="retry"]'), undefined, { timeout: 8000 });
    const again = oneEvent(el, 'paper-error');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await again;
  });

  it('drops a slow response when a newer src arrives', async () => {
    const original = window.fetch;
    let aborted = false;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if ((input instanceof Request ? input.url : input.toString()).includes('slow')) {
        return new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('aborted', 'AbortError'));
          });
        });
      }
      return original(input, init);
    };
    try {
      const el = await fixture<PaperFeed>(html`<paper-feed src="/slow.json"></paper-feed>`);
      el.src = '/test/fixtures/hf-daily-2025-01-21.json';
      await waitUntil(() => cards(el).length === 1, undefined, { timeout: 8000 });
      expect(aborted).to.equal(true);
      expect(titles(el)[0]).to.match(/^GameFactory/);
    } finally {
      window.fetch = original;
    }
  });

  it('gives up after the timeout with a specific message', async () => {
    const original = window.fetch;
    window.fetch = (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    try {
      const el = document.createElement('paper-feed');
      el.timeout = 100;
      const error = oneEvent<CustomEvent<PaperErrorDetail>>(el, 'paper-error');
      el.src = '/never.json';
      await fixture(el);
      const event = await error;
      expect(event.detail.kind).to.equal('timeout');
      expect(event.detail.message).to.contain('took longer than 0.1 s');
    } finally {
      window.fetch = original;
    }
  });

  it('shows every valid paper of a partly broken corpus, with a notice and paper-warning', async () => {
    const el = document.createElement('paper-feed');
    const warning = oneEvent<CustomEvent<PaperWarningDetail>>(el, 'paper-warning');
    el.papers = [...small, { id: 'bad' }, 42, { title: '' }];
    await fixture(el);
    const event = await warning;
    expect(event.detail).to.include({ skipped: 3, total: 6 });
    await loaded(el);
    expect(cards(el)).to.have.length(3);
    const notice = el.shadowRoot!.querySelector('[part="notice"]')!;
    expect(notice.querySelector('summary')!.textContent.trim()).to.equal('3 of 6 entries could not be read');
    expect(notice.textContent).to.contain('(bad) title: missing title');
  });

  describe('search results on screen (virtualized feed)', () => {
    allowResizeObserverNotice();

    const many = Array.from({ length: 300 }, (_, i) => ({
      id: `p${i}`,
      title: i % 3 === 0 ? `Paper ${i} about diffusion` : i % 3 === 1 ? `Paper ${i} about robots` : `Paper ${i} about graphs`,
      published: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
      abstract: 'Some words. '.repeat(10),
    }));

    /** Resolves with the detail of the first paper-results for `query`, and the card titles rendered at that moment. */
    function resultsFor(el: PaperFeed, query: string): Promise<{ detail: PaperResultsDetail; rendered: string[] }> {
      return new Promise((resolve) => {
        const on = (e: Event): void => {
          const detail = (e as CustomEvent<PaperResultsDetail>).detail;
          if (detail.query !== query) return;
          el.removeEventListener('paper-results', on);
          const rendered = cards(el).map((c) => c.shadowRoot?.querySelector('[part~="title"]')?.textContent.trim() ?? '');
          resolve({ detail, rendered });
        };
        el.addEventListener('paper-results', on);
      });
    }

    it('fires paper-results for each query only once its own results are rendered', async () => {
      const el = await fixture<PaperFeed>(html`<paper-feed .papers=${many}></paper-feed>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.virtual paper-card'), 'virtualizer renders', { timeout: 8000 });
      for (const word of ['robots', 'graphs', 'diffusion', 'robots']) {
        const results = resultsFor(el, word);
        el.query = word;
        const { detail, rendered } = await results;
        expect(detail).to.deep.equal({ query: word, count: 100, total: 300 });
        expect(rendered.length, 'cards on screen').to.be.greaterThan(0);
        // Every card on screen at that moment shows this query's results, none of the previous ones.
        expect(rendered.filter((t) => !t.endsWith(`about ${word}`))).to.deep.equal([]);
        expect(el.shownPapers.every((p) => p.title.endsWith(`about ${word}`))).to.equal(true);
      }
    });

    it('puts a new search into the cards on screen, without what the reader opened in them', async () => {
      const long = many.map((p) => ({ ...p, abstract: `${p.title}. `.repeat(80) }));
      const el = await fixture<PaperFeed>(html`<paper-feed .papers=${long}></paper-feed>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.virtual paper-card'), 'virtualizer renders', { timeout: 8000 });
      const first = (): PaperCard => el.shadowRoot!.querySelector<PaperCard>('.virtual paper-card')!;
      await waitUntil(() => first().shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]:not([hidden])'), 'the abstract is clamped', { timeout: 8000 });
      const card = first();
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await card.updateComplete;
      expect(card.expanded).to.equal(true);
      const results = resultsFor(el, 'robots');
      el.query = 'robots';
      await results;
      expect(first(), 'the same card element, now showing a result').to.equal(card);
      expect(card.paper?.title).to.match(/about robots$/);
      expect(card.expanded, 'the abstract opened for the previous paper is clamped again').to.equal(false);
    });

    it('keeps the list virtualized while a search narrows a long feed below 200 papers', async () => {
      const el = await fixture<PaperFeed>(html`<paper-feed .papers=${many}></paper-feed>`);
      await waitUntil(() => el.shadowRoot!.querySelector('.virtual paper-card'), 'virtualizer renders', { timeout: 8000 });
      const results = resultsFor(el, 'robots');
      el.query = 'robots';
      await results;
      expect(el.shadowRoot!.querySelector('.virtual'), 'still virtualized').to.exist;
      expect(cards(el).length, 'only the cards near the viewport').to.be.lessThan(60);
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim()).to.match(/of 100 papers/);
    });
  });

  it('is accessible with papers loaded and in the error state', async () => {
    const el = await fixture<PaperFeed>(html`<paper-feed src="/public/sample-papers.json" limit="5"></paper-feed>`);
    await loaded(el);
    await expect(el).to.be.accessible();
    const bad = await fixture<PaperFeed>(html`<paper-feed src="/test/fixtures/bad/malformed.json"></paper-feed>`);
    await loaded(bad);
    await expect(bad).to.be.accessible();
  });
});
