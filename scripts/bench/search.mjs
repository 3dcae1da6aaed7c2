// What the search benchmark types, and into what. Each subject names the page it runs on
// (scripts/bench/pages/<page>.html, with optional extra URL parameters) and a `step(query)`
// function that runs IN THE PAGE (it is serialized, so it may only use page globals) and resolves
// once the new query is applied; the harness then waits for one rendered frame. `queries` says
// what one run types: every query ('all') or one query per run, in turn ('one', for slow
// subjects). Percentiles pool every keystroke of every run. To benchmark another engine (say the
// ranked search when it lands), add a subject here: its own page, or `feed` with another attribute.
import { readFileSync } from 'node:fs';

/** Realistic queries, typed one character at a time. */
export const SEARCH_QUERIES = ['diffusion transformer', 'reinforcement learning', 'video generation'];

const fuseVersion = (() => {
  try {
    return JSON.parse(readFileSync(new URL('../../node_modules/fuse.js/package.json', import.meta.url), 'utf8')).version;
  } catch {
    return '?';
  }
})();
const fuseMode = process.env.BENCH_FUSE === 'fulltext' ? 'fulltext' : 'default';

export const SEARCH_SUBJECTS = {
  /**
   * The feed under test: its `query` property (what <paper-search> sets). The ranked engine
   * answers asynchronously (loaded on the first query, in a Web Worker for large corpora) while the
   * previous results stay on screen, so the step waits for the feed's answer for this query (its
   * internal `ranked` state) before the frame is counted. A feed without an engine (plain
   * filtering) is done at `updateComplete`.
   */
  feed: {
    page: 'feed',
    label: 'paper-feed `query`',
    queries: 'all',
    step: async (q) => {
      const feed = document.querySelector('paper-feed');
      feed.query = q;
      await feed.updateComplete;
      const want = q.trim();
      if (!want || !('ranked' in feed)) return;
      const start = performance.now();
      while (feed.ranked?.query !== want) {
        if (performance.now() - start > 15000) throw new Error(`no search answer for “${q}” within 15 s`);
        await new Promise((r) => setTimeout(r, 0));
      }
      await feed.updateComplete;
    },
  },
  /** Baseline: Fuse.js over the same papers, top 20 results re-rendered (pages/fuse.html). */
  fuse: {
    page: 'fuse',
    params: `fuse=${fuseMode}`,
    label:
      fuseMode === 'fulltext'
        ? `Fuse.js ${fuseVersion}, full text (ignoreLocation, threshold 0.3)`
        : `Fuse.js ${fuseVersion}, default options`,
    queries: 'one',
    step: async (q) => {
      window.benchSearch(q);
    },
  },
};
