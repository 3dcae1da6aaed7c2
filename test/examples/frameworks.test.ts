/**
 * The React 19 and Vue 3 examples (examples/react, examples/vue), built with Vite against the
 * package as npm installs it: the feed renders from the `papers` property, the app's handlers for
 * `paper-load` and `paper-results` run (they write into the page), and the search box filters.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { cardTitles, closePages, feedIn, openPage, skipUnlessBuilt, text, typeInto } from './pages.js';

for (const [name, url, eventSyntax] of [
  ['React 19', '/examples/react/dist/index.html', 'onpaper-load / onpaper-results props'],
  ['Vue 3', '/examples/vue/dist/index.html', '@paper-load / @paper-results listeners'],
] as const) {
  describe(`${name} example (${url.split('/').slice(0, 3).join('/')})`, () => {
    before(async function () {
      await skipUnlessBuilt(this, url);
    });
    afterEach(closePages);

    it(`renders the sample corpus given as a property, and its ${eventSyntax} update the page`, async () => {
      const { doc } = await openPage(url);
      await waitUntil(() => text(doc, 'loaded') === 'Loaded 100 papers (native).', `the app's paper-load handler wrote "Loaded 100 papers (native)." into the page`, { timeout: 10000 });
      const feed = feedIn(doc);
      await waitUntil(() => cardTitles(feed).length === 20, 'the first page of 20 cards (page-size)', { timeout: 5000 });
      expect(cardTitles(feed).every((title) => title.length > 0)).to.equal(true);
      // `papers` arrived as a property (an array), not as an attribute.
      expect(feed.hasAttribute('papers')).to.equal(false);
      expect(feed.loadedPapers.length).to.equal(100);
      // Plain values (group-by="day", sort, highlight-authors) reached the element.
      expect(feed.groupBy).to.equal('day');
      expect(feed.sort).to.equal('upvotes');
      expect(feed.shadowRoot!.querySelectorAll('[part~="group-heading"]').length).to.be.greaterThan(0);
      expect(feed.highlightAuthors).to.equal('Yifei Liu; Yujie Zhou');
    });

    it('filters the feed from the search box, and the paper-results handler reports the count', async () => {
      const { doc } = await openPage(url);
      await waitUntil(() => text(doc, 'loaded').startsWith('Loaded'), 'the app rendered and the feed loaded', { timeout: 10000 });
      const feed = feedIn(doc);
      const search = doc.querySelector('paper-search');
      expect(search?.getAttribute('for') ?? (search as { for?: string } | null)?.for).to.equal('feed');
      typeInto(search!, 'reasoning');
      await waitUntil(() => /papers match “reasoning”/.test(text(doc, 'results')), `the app's paper-results handler wrote the match count into the page`, { timeout: 5000 });
      const matches = feed.shownPapers.length;
      expect(matches).to.be.within(1, 99);
      expect(text(doc, 'results')).to.equal(`${matches} of 100 papers match “reasoning”.`);
      await waitUntil(() => cardTitles(feed).length === Math.min(matches, 20), 'the feed shows the matches', { timeout: 5000 });
    });
  });
}
