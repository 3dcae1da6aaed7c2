/**
 * The plain-HTML page (examples/cdn.html), the Jekyll include (examples/jekyll/_includes/
 * paper-feed.html) and the Hugo partial and shortcode (examples/hugo/layouts/), rendered by real
 * `jekyll build` and `hugo` runs into examples/jekyll/_site and examples/hugo/public (with
 * paper-feed.js from the repository's cdn/ instead of jsDelivr), then opened in the browser.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { cardParts, cardTitles, closePages, feedIn, openPage, skipUnlessBuilt } from './pages.js';

describe('Plain HTML example (examples/cdn.html)', () => {
  before(async function () {
    await skipUnlessBuilt(this, '/cdn/paper-feed.js');
  });
  afterEach(closePages);

  it('renders the sample corpus with only the CDN script on the page', async () => {
    const { doc } = await openPage('/examples/cdn.html');
    const feed = feedIn(doc);
    await waitUntil(() => cardTitles(feed).length === 100, '100 cards', { timeout: 10000 });
    expect(cardTitles(feed).every((title) => title.length > 0)).to.equal(true);
  });
});

for (const [name, url] of [
  ['Jekyll include', '/examples/jekyll/_site/index.html'],
  ['Hugo partial', '/examples/hugo/public/index.html'],
] as const) {
  describe(`${name} (${url})`, () => {
    before(async function () {
      await skipUnlessBuilt(this, url);
    });
    afterEach(closePages);

    it('writes the script tag, a search box bound to the feed and the feed with its parameters, which render', async () => {
      const { doc } = await openPage(url);
      const script = doc.querySelector('script[type="module"][src$="paper-feed.js"]');
      expect(script?.getAttribute('src')).to.equal('/cdn/paper-feed.js');
      const feed = feedIn(doc);
      expect(feed.id).to.equal('paper-feed');
      // src went through the site's base URL (relative_url / relURL).
      expect(feed.getAttribute('src')).to.equal(url.replace('index.html', 'papers.json'));
      expect(feed.getAttribute('base-url')).to.equal(url.replace('index.html', ''));
      expect(feed.getAttribute('group-by')).to.equal('year');
      expect(feed.getAttribute('highlight-authors')).to.equal('Hritik Bansal; Yujie Zhou');
      expect(feed.hasAttribute('cite')).to.equal(true);
      await waitUntil(() => cardTitles(feed).length === 5, 'the 5 papers of the site', { timeout: 10000 });
      // Group headings read "2025 3" (the year, then the number of papers).
      const headings = [...feed.shadowRoot!.querySelectorAll('[part~="group-heading"]')].map((h) => h.textContent.trim().split(/\s+/)[0]);
      expect(headings).to.deep.equal(['2025', '2024']);
      // Highlighted people are marked once the cards' optional parts (a small lazy chunk) arrive.
      await waitUntil(() => cardParts(feed, 'author-highlighted').length === 2, 'the lab members highlighted', { timeout: 10000 });
      expect(cardParts(feed, 'author-highlighted').map((a) => a.textContent.trim())).to.have.members(['Hritik Bansal', 'Yujie Zhou']);
      expect(cardParts(feed, 'cite').length).to.equal(5);
      const search = doc.querySelector('paper-search');
      expect(search?.getAttribute('for')).to.equal('paper-feed');
      expect(search?.getAttribute('placeholder')).to.equal('Search our papers…');
    });
  });
}

describe('Hugo shortcode in Markdown (/examples/hugo/public/reading-list/)', () => {
  const url = '/examples/hugo/public/reading-list/index.html';
  before(async function () {
    await skipUnlessBuilt(this, url);
  });
  afterEach(closePages);

  it('passes typed shortcode parameters (page-size=3, search=true) through to the elements', async () => {
    const { doc } = await openPage(url);
    const feed = feedIn(doc, '#reading');
    expect(feed.getAttribute('layout')).to.equal('grid');
    expect(feed.getAttribute('page-size')).to.equal('3');
    await waitUntil(() => cardTitles(feed).length === 3, 'the first 3 of 5 papers', { timeout: 10000 });
    expect(feed.shadowRoot!.querySelector('[part~="more"]')).to.not.equal(null);
    expect(doc.querySelector('paper-search')?.getAttribute('url-param')).to.equal('q');
  });
});

describe('Jekyll include and Hugo partial take every attribute of the elements', () => {
  it('lists each attribute of <paper-feed> and <paper-search> in custom-elements.json (src and base-url have their own lines)', async function () {
    const response = await fetch('/custom-elements.json');
    if (!response.ok) this.skip();
    type Declaration = { tagName?: string; attributes?: { name: string; type?: { text: string } }[] };
    const manifest = (await response.json()) as { modules: { declarations?: Declaration[] }[] };
    const attributes = (tag: string, flags: boolean) =>
      manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .find((d) => d.tagName === tag)!
        .attributes!.filter((a) => (a.type?.text === 'boolean') === flags)
        .map((a) => a.name)
        .filter((n) => !['src', 'base-url', 'for', 'value'].includes(n))
        .sort();
    const lists = (source: string, names: string[]) =>
      names.map((name) => (new RegExp(`${name}[^"]*"([a-z -]*)"`).exec(source)?.[1] ?? '').split(' ').filter(Boolean).sort());
    for (const path of ['/examples/jekyll/_includes/paper-feed.html', '/examples/hugo/layouts/partials/paper-feed.html']) {
      const source = await (await fetch(path)).text();
      const jekyll = path.includes('jekyll');
      const [feedValues, feedFlags, searchValues, searchFlags] = lists(
        source,
        jekyll ? ['pf_feed_values', 'pf_feed_flags', 'pf_search_values', 'pf_search_flags'] : ['\\$feedValues', '\\$feedFlags', '\\$searchValues', '\\$searchFlags'],
      );
      expect(feedValues, `${path}: <paper-feed> attributes`).to.deep.equal(attributes('paper-feed', false));
      expect(feedFlags, `${path}: <paper-feed> boolean attributes`).to.deep.equal(attributes('paper-feed', true));
      expect(searchValues, `${path}: <paper-search> attributes`).to.deep.equal(attributes('paper-search', false));
      expect(searchFlags, `${path}: <paper-search> boolean attributes`).to.deep.equal(attributes('paper-search', true));
    }
  });
});
