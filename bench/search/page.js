// The in-browser half of bench/search/run.mjs (bundled by Vite): builds each engine on the
// papers it is given and types queries one character at a time, timing every keystroke.
import Fuse from 'fuse.js';
import { createIndex } from '../../src/data/search/engine.ts';
import { createSearch } from '../../src/data/search/client.ts';

const TYPED = ['diffusion transformer', 'reinforcement learning from human feedback', 'mixture of experts', 'kastner', 'transfomer'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** A Fuse.js set-up a page would use for the same fields (weights as our boosts). */
function buildFuse(papers) {
  return new Fuse(papers, {
    keys: [
      { name: 'title', weight: 4 },
      { name: 'authors.name', weight: 3 },
      { name: 'keywords', weight: 2 },
      { name: 'organization.fullName', weight: 2 },
      { name: 'abstract', weight: 1 },
    ],
    ignoreLocation: true,
    threshold: 0.3,
  });
}

const ENGINES = {
  ours: {
    build: (papers) => createIndex(papers),
    search: (index, q) => index.search(q, { limit: 50 }).ids.length,
  },
  fuse: {
    build: (papers) => buildFuse(papers),
    search: (index, q) => index.search(q, { limit: 50 }).length,
  },
};

/** Types every query letter by letter; stops early past `budgetMs` (reported as `keystrokes`). */
async function typeQueries(search, budgetMs) {
  const times = [];
  const start = performance.now();
  for (const q of TYPED) {
    for (let i = 1; i <= q.length; i++) {
      const t = performance.now();
      await search(q.slice(0, i));
      times.push(performance.now() - t);
      if (performance.now() - start > budgetMs) return times;
    }
  }
  return times;
}

window.runBench = async ({ sizes, runs, budgetMs, workerUrl }) => {
  const all = await (await fetch('./papers.json')).json();
  const rows = [];
  for (const size of sizes) {
    const papers = all.slice(0, size);
    for (const [name, engine] of Object.entries(ENGINES)) {
      const buildTimes = [];
      let index;
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        index = engine.build(papers);
        buildTimes.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      // Warm-up, then the measured typing.
      for (const q of TYPED.slice(0, 2)) engine.search(index, q.slice(0, 4));
      const times = await typeQueries((q) => engine.search(index, q), budgetMs);
      rows.push({ size, engine: name, indexMs: median(buildTimes), p50: median(times), p95: pct(times, 0.95), keystrokes: times.length });
    }
    // Ours in a Web Worker (what createSearch does from 5,000 papers): time to ready, and the
    // round trip of each keystroke's query.
    if (size >= 5000) {
      const t = performance.now();
      let buildMs = NaN;
      const createWorker = () => {
        const worker = new Worker(workerUrl, { type: 'module' });
        worker.addEventListener('message', (e) => {
          if (e.data.type === 'ready') buildMs = e.data.ms;
        });
        return worker;
      };
      const search = createSearch(papers, { createWorker });
      await search.ready;
      const readyMs = performance.now() - t;
      const times = await typeQueries((q) => search.search(q, { limit: 50 }), budgetMs);
      rows.push({ size, engine: 'ours (worker)', indexMs: readyMs, buildMs, p50: median(times), p95: pct(times, 0.95), keystrokes: times.length, mode: search.mode });
      search.dispose();
    }
  }
  return { rows, userAgent: navigator.userAgent, keystrokes: TYPED.reduce((n, q) => n + q.length, 0) };
};
