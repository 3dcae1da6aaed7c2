// The search benchmark: real key presses typed into a search box, timed in the page.
//
// Each subject names the page it runs on (scripts/bench/pages/<page>.html, with extra URL
// parameters), how to focus its search box and how to clear it (both run IN THE PAGE: they are
// serialized, so they may only use page globals), and the element whose layout is forced. Every
// subject fires `paper-results` ({ query, count }, bubbling to the document) once the results of a
// query are in the DOM: <paper-feed> does so itself (a public event, fired once the cards of that
// query's results are rendered, never for a query its engine has not answered yet); the Fuse.js
// page fires it right after rendering. Per key press:
//
// - the harness arms a listener for the query the key will produce, then presses the key through
//   CDP (puppeteer `keyboard.type`: keydown, keypress/input, keyup, as a user's key would);
// - a capturing `keydown` listener records the event's `timeStamp` (the moment the key event was
//   created: the start of every figure);
// - on `paper-results` for that query, the listener calls `getBoundingClientRect()` on the results
//   element, forcing style and layout, and records the time: "results laid out" (processing
//   latency: the work to do before the browser can paint them);
// - it then waits for the next frame (requestAnimationFrame, then a message posted from it, which
//   runs once the frame's paint is done on the main thread) and records "first frame painted"
//   (what the reader sees; includes waiting for the display's next vsync, 0 to 16.7 ms).
//
// `queries` says what one run types: every query ('all') or one query per run, in turn ('one',
// for slow subjects). The first key press of a page is reported on its own (for the feed it loads
// the engine and builds the index) and left out of the percentiles, which pool every other key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Realistic queries, typed one character at a time. */
export const SEARCH_QUERIES = ['diffusion transformer', 'reinforcement learning', 'video generation'];

/** Corpus sizes the search runs on (BENCH_SEARCH_SIZES, comma-separated, restricts them). */
export const SEARCH_SIZES = (process.env.BENCH_SEARCH_SIZES ?? '1k,10k,50k').split(',').map((s) => s.trim()).filter(Boolean);

/** At most one key per this many ms (a fast typist: 10 keys/s). */
export const KEY_INTERVAL_MS = 100;

const fuseVersion = (() => {
  try {
    return JSON.parse(readFileSync(new URL('../../node_modules/fuse.js/package.json', import.meta.url), 'utf8')).version;
  } catch {
    return '?';
  }
})();
const fuseMode = process.env.BENCH_FUSE === 'fulltext' ? 'fulltext' : 'default';

export const SEARCH_SUBJECTS = {
  /** `<paper-search for="feed">` driving `<paper-feed>` (feed.html?search=1), as on a real page. */
  feed: {
    page: 'feed',
    params: 'search=1',
    label: '<paper-search> driving <paper-feed>',
    queries: 'all',
    ready: () => !!document.querySelector('paper-search')?.shadowRoot?.querySelector('input'),
    focus: () => document.querySelector('paper-search').focus(),
    clear: () => {
      document.querySelector('paper-search').value = '';
    },
    results: () => document.querySelector('paper-feed'),
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
    ready: () => !!document.getElementById('q'),
    focus: () => document.getElementById('q').focus(),
    clear: () => {
      document.getElementById('q').value = '';
      window.benchSearch('');
    },
    results: () => document.getElementById('list'),
  },
};

/** The queries run `i` of a subject types. */
export const queriesFor = (subject, i) => (subject.queries === 'one' ? [SEARCH_QUERIES[i % SEARCH_QUERIES.length]] : SEARCH_QUERIES);

/** Installs the in-page listeners (once per page). */
async function install(page, subject) {
  await page.waitForFunction(subject.ready.toString(), { timeout: 30_000 });
  await page.evaluate((resultsSource) => {
    const results = (0, eval)(`(${resultsSource})`);
    const T = { want: undefined, keydown: undefined, seen: undefined };
    window.__benchTyping = T;
    window.addEventListener(
      'keydown',
      (e) => {
        T.keydown = e.timeStamp;
        T.seen = performance.now();
      },
      true,
    );
    document.addEventListener(
      'paper-results',
      (e) => {
        const w = T.want;
        if (!w || e.detail?.query !== w.query) return;
        T.want = undefined;
        results().getBoundingClientRect(); // forces style and layout
        const laidOut = performance.now();
        const { keydown, seen } = T;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => w.resolve({ keydown, seen, laidOut, painted: performance.now(), count: e.detail.count });
          ch.port2.postMessage(0);
        });
      },
      true,
    );
  }, subject.results.toString());
}

/**
 * Types each query one key at a time into the subject's search box (at most one key per
 * KEY_INTERVAL_MS; the box is cleared between queries). Returns per key press
 * { query, layout, paint, lag } in ms from the keydown's timeStamp (`lag`: from timeStamp to the
 * keydown listener running), the first key press first.
 */
export async function typeQueries(page, subject, queries, { timeout = 60_000 } = {}) {
  await install(page, subject);
  const out = [];
  for (const q of queries) {
    await page.evaluate(`(${subject.focus})()`);
    for (let i = 1; i <= q.length; i++) {
      const query = q.slice(0, i);
      const started = Date.now();
      await page.evaluate((query) => {
        const T = window.__benchTyping;
        T.done = new Promise((resolve) => {
          T.want = { query, resolve };
        });
      }, query);
      await page.keyboard.type(q[i - 1]);
      const r = await Promise.race([
        page.evaluate(() => window.__benchTyping.done),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no results for “${query}” within ${timeout / 1000} s`)), timeout)),
      ]);
      out.push({ query, layout: r.laidOut - r.keydown, paint: r.painted - r.keydown, lag: r.seen - r.keydown, count: r.count });
      const wait = KEY_INTERVAL_MS - (Date.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await page.evaluate(`(${subject.clear})()`);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  }
  return out;
}

/** Bundles src/data/search/engine.ts for the browser into `dir` (served at /bench-data/engine.mjs). */
export function bundleEngine(root, dir) {
  const esbuild = join(root, 'node_modules', '.bin', 'esbuild');
  const r = spawnSync(esbuild, [join(root, 'src/data/search/engine.ts'), '--bundle', '--platform=browser', '--format=esm', `--outfile=${join(dir, 'engine.mjs')}`, '--log-level=warning'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error('esbuild could not bundle src/data/search/engine.ts');
  return '/bench-data/engine.mjs';
}

/** Index build time of the feed's engine over the feed's papers, in its page (main thread). */
export async function engineIndexMs(page, url) {
  return page.evaluate(async (url) => {
    const { createIndex } = await import(url);
    const papers = document.querySelector('paper-feed').loadedPapers;
    const t = performance.now();
    createIndex(papers);
    return performance.now() - t;
  }, url);
}
