import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { PaperFeed } from '../../src/components/paper-feed/paper-feed.js';
import type { PaperCard } from '../../src/components/paper-card/paper-card.js';
import type { Paper } from '../../src/data/types.js';

const now = new Date('2025-10-14T12:00:00Z');

const papers: Paper[] = [
  { id: 'a', title: 'Alpha', published: '2025-10-13', upvotes: 3, tags: ['nlp'], type: 'conference', venue: 'ACL 2025', authors: [{ name: 'Jan Kästner' }], links: { code: 'https://github.com/a/a' } },
  { id: 'b', title: 'Beta', published: '2025-10-13', upvotes: 30, tags: ['vision'], type: 'preprint', selected: true },
  { id: 'c', title: 'Gamma', published: '2025-10-10', upvotes: 10, tags: ['nlp', 'vision'], type: 'article', venue: 'TMLR' },
  { id: 'd', title: 'Delta', published: '2024-05-02', upvotes: 1, type: 'conference', venue: 'ICML 2024', authors: [{ name: 'Kästner, J.' }] },
  { id: 'e', title: 'Epsilon', published: '2021-01-15', type: 'thesis' },
];

function ids(feed: PaperFeed): string[] {
  return [...feed.shadowRoot!.querySelectorAll<PaperCard>('paper-card')].map((c) => c.paper?.id ?? '');
}

function headings(feed: PaperFeed): string[] {
  return [...feed.shadowRoot!.querySelectorAll('[part="group-heading"]')].map((h) => h.textContent.replace(/\s+/g, ' ').trim());
}

async function feed(attrs: Record<string, string> = {}, list: Paper[] = papers): Promise<PaperFeed> {
  const el = document.createElement('paper-feed');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.now = now;
  el.locale = 'en-US';
  el.papers = list;
  await fixture(el);
  await waitUntil(() => el.shadowRoot!.querySelector('[part="list"], [part="empty"]'), undefined, { timeout: 8000 });
  await el.updateComplete;
  return el;
}

describe('<paper-feed> features', () => {
  it('a card reused for another paper (after re-sorting) does not keep the abstract the reader opened', async () => {
    const long = papers.map((p) => ({ ...p, abstract: `${p.title} abstract. `.repeat(120) }));
    const el = await feed({}, long);
    const first = (): PaperCard => el.shadowRoot!.querySelector<PaperCard>('paper-card')!;
    await waitUntil(() => first().shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]:not([hidden])'), 'the abstract is clamped', { timeout: 8000 });
    first().shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await first().updateComplete;
    expect(first().expanded).to.equal(true);
    expect(first().paper?.id).to.equal('a');
    el.sort = 'trending'; // Beta (30 upvotes) comes first
    await el.updateComplete;
    await first().updateComplete;
    expect(first().paper?.id).to.equal('b');
    expect(first().expanded, 'the card now showing Beta is clamped').to.equal(false);
  });

  it('sorts by date (stable within a day), trending and title', async () => {
    const el = await feed();
    expect(ids(el)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    el.sort = 'trending';
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['b', 'c', 'a', 'd', 'e']);
    el.sort = 'title';
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['a', 'b', 'd', 'e', 'c']);
  });

  it('groups under headings by day, month, year, venue and type', async () => {
    const el = await feed({ 'group-by': 'day' });
    expect(headings(el)).to.deep.equal(['Oct 13 2', 'Oct 10 1', 'May 2, 2024 1', 'Jan 15, 2021 1']);
    el.groupBy = 'year';
    await el.updateComplete;
    expect(headings(el)).to.deep.equal(['2025 3', '2024 1', '2021 1']);
    el.groupBy = 'month';
    await el.updateComplete;
    expect(headings(el)[0]).to.equal('October 2025 3');
    el.groupBy = 'type';
    await el.updateComplete;
    expect(headings(el)).to.deep.equal(['Conference paper 2', 'Preprint 1', 'Journal article 1', 'Thesis 1']);
    el.groupBy = 'venue';
    await el.updateComplete;
    expect(headings(el)).to.deep.equal(['ACL 2025 1', 'TMLR 1', 'ICML 2024 1', 'Other 2']);
    const h = el.shadowRoot!.querySelector('[part="group-heading"]')!;
    expect(h.getAttribute('role')).to.equal('heading');
    expect(h.getAttribute('aria-level')).to.equal('2');
  });

  it('navigates by day, falling back from today to the latest day with papers', async () => {
    const el = await feed({ period: 'day', date: 'today' });
    const label = () => el.shadowRoot!.querySelector('[part="period-label"]')!.textContent.trim();
    const [prev, next] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="period-button"]')] as [HTMLButtonElement, HTMLButtonElement];
    expect(label()).to.equal('Oct 13');
    expect(ids(el)).to.deep.equal(['a', 'b']);
    expect(next.disabled).to.equal(true);
    expect(prev.getAttribute('aria-label')).to.equal('Previous day');
    prev.click();
    await el.updateComplete;
    expect(el.getAttribute('date')).to.equal('2025-10-10');
    expect(label()).to.equal('Oct 10');
    expect(ids(el)).to.deep.equal(['c']);
    el.period = 'month';
    el.date = '2025-10-01';
    await el.updateComplete;
    expect(label()).to.equal('October 2025');
    expect(ids(el)).to.deep.equal(['a', 'b', 'c']);
    el.period = 'week';
    el.date = '2025-10-14';
    await el.updateComplete;
    expect(label()).to.equal('Week of Oct 13');
    expect(ids(el)).to.deep.equal(['a', 'b']);
  });

  it('filters by attributes: year range, tag, author, type, venue, selected, has-code', async () => {
    const el = await feed({ year: '2024..2025' });
    expect(ids(el)).to.deep.equal(['a', 'b', 'c', 'd']);
    el.year = undefined;
    el.tag = 'vision';
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['b', 'c']);
    el.tag = undefined;
    el.author = 'J. Kastner';
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['a', 'd']);
    el.author = undefined;
    el.type = 'conference, thesis';
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['a', 'd', 'e']);
    el.type = undefined;
    el.venue = 'icml';
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['d']);
    el.venue = undefined;
    el.selected = true;
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['b']);
    el.selected = false;
    el.hasCode = true;
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['a']);
  });

  it('offers facet chips with counts that toggle filters', async () => {
    const el = await feed({ facets: 'year tag' });
    const chips = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="chip"]')];
    expect(chips().map((c) => c.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal(['2025 3', '2024 1', '2021 1', 'nlp 2', 'vision 2']);
    const nlp = chips().find((c) => c.textContent.includes('nlp'))!;
    nlp.click();
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['a', 'c']);
    expect(chips().find((c) => c.textContent.includes('nlp'))!.getAttribute('aria-pressed')).to.equal('true');
    const clear = chips().find((c) => c.textContent.includes('Clear filters'))!;
    clear.click();
    await el.updateComplete;
    expect(ids(el)).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('styles the extras with the sheet their chunk brings; their strings stay overridable and translated', async () => {
    const el = await feed({ facets: 'type', period: 'day', date: '2025-10-13', strings: '{"facetType":"Kind"}' });
    const root = el.shadowRoot!;
    const sheets = root.adoptedStyleSheets.length;
    const group = root.querySelector('[part="facet-group"]')!;
    const chipTexts = () => [...root.querySelectorAll('[part="chip"]')].map((c) => c.textContent.replace(/\s+/g, ' ').trim());
    const prev = () => root.querySelector('[part="period-button"]')!;
    expect(getComputedStyle(group).display).to.equal('grid');
    expect(getComputedStyle(root.querySelector('[part="chip"]')!).fontSize).to.equal('13px');
    expect(getComputedStyle(prev()).width).to.equal('32px');
    expect(group.getAttribute('aria-label')).to.equal('Kind');
    expect(chipTexts()).to.have.members(['Conference paper 1', 'Preprint 1']);
    expect(prev().getAttribute('aria-label')).to.equal('Previous day');
    el.locale = 'de';
    await waitUntil(() => prev().getAttribute('aria-label') === 'Vorheriger Tag', undefined, { timeout: 8000 });
    expect(chipTexts()).to.have.members(['Konferenzbeitrag 1', 'Preprint 1']);
    expect(root.querySelector('[part="facet-group"]')!.getAttribute('aria-label')).to.equal('Kind');
    // Adopted once per shadow root, not on every render.
    expect(root.adoptedStyleSheets.length).to.equal(sheets);
  });

  it('pages with "Show more papers"', async () => {
    const el = await feed({ 'page-size': '2' });
    expect(ids(el)).to.deep.equal(['a', 'b']);
    const more = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]');
    more()!.click();
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['a', 'b', 'c', 'd']);
    more()!.click();
    await el.updateComplete;
    expect(ids(el)).to.have.length(5);
    expect(more()).to.equal(null);
  });

  it('lays out a grid with thumbnails, a compact list, and themes', async () => {
    const el = await feed({ layout: 'grid' }, [{ id: 'x', title: 'With image', thumbnail: 'https://cdn.example/x.png' }, { id: 'y', title: 'Other' }]);
    const list = el.shadowRoot!.querySelector('[part="list"]')!;
    expect(getComputedStyle(list).gridTemplateColumns.split(' ').length).to.be.greaterThan(1);
    const card = el.shadowRoot!.querySelector('paper-card')!;
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('img')).to.exist;
    el.layout = 'compact';
    await el.updateComplete;
    await card.updateComplete;
    expect(card.variant).to.equal('compact');
    el.theme = 'dark';
    await el.updateComplete;
    await card.updateComplete;
    expect(getComputedStyle(card.shadowRoot!.querySelector('article')!).color).to.equal('rgb(230, 237, 243)');
  });

  it('virtualizes very long feeds: 20,000 papers keep a small DOM', async () => {
    // @lit-labs/virtualizer makes Chromium report the benign "ResizeObserver loop completed with
    // undelivered notifications" notice (w3c/csswg-drafts#5488); it is not an exception, but
    // the test framework counts window errors, so this one message is let through here.
    const previous = window.onerror;
    window.onerror = (message, ...rest): boolean => {
      if (typeof message === 'string' && message.startsWith('ResizeObserver loop')) return true;
      return previous ? Boolean(previous.call(window, message, ...rest)) : false;
    };
    const many = Array.from({ length: 20000 }, (_, i) => ({ id: `p${i}`, title: `Paper number ${i}`, published: '2025-01-01', abstract: 'Text. '.repeat(20) }));
    const el = await feed({}, many);
    await waitUntil(() => el.shadowRoot!.querySelector('.virtual'), 'virtualizer loaded', { timeout: 5000 });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('paper-card').length > 0, 'the virtualizer renders the first cards', { timeout: 8000 });
    const count = el.shadowRoot!.querySelectorAll('paper-card').length;
    expect(count).to.be.greaterThan(0);
    expect(count).to.be.lessThan(200);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim()).to.equal('20,000 papers');
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    window.onerror = previous;
  });

  it('downloads the shown papers as .bib', async () => {
    const el = await feed({ 'bibtex-download': '', tag: 'nlp' });
    const blobs: Blob[] = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      if (b instanceof Blob) blobs.push(b);
      return 'blob:about:blank';
    };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!.click();
      await waitUntil(() => blobs.length === 1, undefined, { timeout: 8000 });
      const text = await blobs[0].text();
      expect(text.match(/^@/gm)).to.have.length(2);
      expect(text).to.contain('title = {Alpha}');
      expect(text).to.contain('title = {Gamma}');
    } finally {
      URL.createObjectURL = original;
    }
  });

  it('speaks the page language: cards inside the feed follow lang="de"', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'de';
    const el = document.createElement('paper-feed');
    el.now = now;
    el.papers = [{ id: 'x', title: 'T', authorCount: 3, published: '2024-06-05', abstract: 'Lorem ipsum. '.repeat(60) }];
    wrapper.append(el);
    await fixture(wrapper);
    await waitUntil(() => el.shadowRoot!.querySelector('paper-card'), undefined, { timeout: 8000 });
    const card = el.shadowRoot!.querySelector('paper-card')!;
    await waitUntil(() => card.shadowRoot!.querySelector('[part="authors"]')?.textContent === '3 Autor:innen', 'German strings in the card', { timeout: 8000 });
    expect(card.shadowRoot!.querySelector('time')!.textContent).to.equal('5. Juni 2024');
    await waitUntil(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim() === '1 Artikel', undefined, { timeout: 8000 });
  });

  it('ranks results by relevance while searching, typo-tolerant, and highlights matched terms', async () => {
    const list: Paper[] = [
      { id: 'old', title: 'A survey that mentions diffusion once', published: '2025-10-01', abstract: 'Broad overview of generative models.' },
      { id: 'best', title: 'Diffusion Models for Protein Design', published: '2023-01-01', abstract: 'Diffusion models generate protein backbones.' },
      { id: 'none', title: 'Graph neural networks', published: '2025-10-05' },
    ];
    const el = await feed({}, list);
    el.query = 'difusion protein';
    await waitUntil(() => ids(el).join() === 'best', 'typo-tolerant, ranked results', { timeout: 5000 });
    el.query = 'diffusion';
    await waitUntil(() => ids(el).join() === 'best,old', 'relevance order: the better match first although older', { timeout: 5000 });
    const card = el.shadowRoot!.querySelector<PaperCard>('paper-card')!;
    await card.updateComplete;
    const marks = [...card.shadowRoot!.querySelectorAll('[part="title"] mark')].map((m) => m.textContent);
    expect(marks).to.deep.equal(['Diffusion']);
    expect(card.shadowRoot!.querySelector('[part="title"]')!.textContent.trim()).to.equal('Diffusion Models for Protein Design');
    el.sort = 'title';
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['old', 'best']);
    el.query = '';
    await el.updateComplete;
    expect(ids(el)).to.have.length(3);
    expect(card.shadowRoot!.querySelector('mark')).to.equal(null);
  });

  it('highlights the word being typed from its third letter on', async () => {
    const list: Paper[] = [{ id: 'p', title: 'Diffusion Models for Protein Design', abstract: 'Diffusion models generate protein backbones.' }];
    const el = await feed({}, list);
    const card = (): PaperCard => el.shadowRoot!.querySelector<PaperCard>('paper-card')!;
    const marks = async (query: string): Promise<string[]> => {
      const results = new Promise((resolve) => {
        el.addEventListener('paper-results', resolve, { once: true });
      });
      el.query = query;
      await results;
      await card().updateComplete;
      return [...card().shadowRoot!.querySelectorAll('mark')].map((m) => m.textContent);
    };
    // The engine loads on the first query (simple matching, without marks, until then).
    el.query = 'models';
    await waitUntil(() => card().shadowRoot!.querySelector('mark'), 'the engine answers', { timeout: 5000 });
    // One or two letters match most words of an abstract: nothing is marked yet.
    expect(await marks('d')).to.deep.equal([]);
    expect(await marks('di')).to.deep.equal([]);
    expect(await marks('dif')).to.deep.equal(['Dif', 'Dif']);
    expect(await marks('protein de')).to.deep.equal(['Protein', 'protein']);
    expect(await marks('protein des')).to.deep.equal(['Protein', 'Des', 'protein']);
  });

  it('offers "Similar papers": the closest papers by content, then back to all', async () => {
    const list: Paper[] = [
      { id: 'target', title: 'Protein structure prediction with diffusion', abstract: 'We generate protein backbones with a diffusion model over residue frames.', keywords: ['protein design'] },
      { id: 'close', title: 'Backbone generation for protein design', abstract: 'Diffusion over residue frames yields designable protein backbones.' },
      { id: 'mid', title: 'Diffusion for images', abstract: 'Image generation with diffusion.' },
      { id: 'far', title: 'Tax law in the 19th century', abstract: 'A history of taxation.' },
    ];
    const el = await feed({ similar: '' }, list);
    const card = [...el.shadowRoot!.querySelectorAll<PaperCard>('paper-card')].find((c) => c.paper?.id === 'target')!;
    await card.updateComplete;
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part="similar"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="similar-heading"]') && ids(el).length > 0, 'similar papers shown', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part="similar-heading"]')!.textContent.trim()).to.equal('Papers similar to “Protein structure prediction with diffusion”');
    expect(ids(el)[0]).to.equal('close');
    expect(ids(el)).not.to.include('target');
    expect(ids(el)).not.to.include('far');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="back"]')!.click();
    await el.updateComplete;
    expect(ids(el)).to.have.length(4);
  });

  it('resolves al-folio relative links against the site root, or base-url', async () => {
    const bib = '@article{a, title={T}, year={2024}, pdf={paper.pdf}}';
    const el = document.createElement('paper-feed');
    // Inline BibTeX, read by the same text loader as a src file.
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = bib;
    el.append(script);
    await fixture(el);
    await waitUntil(() => el.shadowRoot!.querySelector('paper-card'), 'card', { timeout: 5000 });
    const card = el.shadowRoot!.querySelector('paper-card')!;
    expect(card.paper?.links?.pdf).to.equal(`${location.origin}/assets/pdf/paper.pdf`);
    el.baseUrl = 'https://lab.example/site/';
    await waitUntil(() => el.shadowRoot!.querySelector('paper-card')?.paper?.links?.pdf === 'https://lab.example/site/assets/pdf/paper.pdf', 'base-url applies', { timeout: 5000 });
  });
});
