// Turns the per-run figures into the one markdown table (medians, baseline, ratio, runs) and
// BENCHMARKS.md. Blocks between `<!-- name:start -->` and `<!-- name:end -->` markers survive a
// rewrite: the hand-written observations, and sections other scripts write (memory.mjs).

export const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
/** Nearest-rank percentile. */
export const percentile = (xs, p) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
};
export const kB = (b) => `${(b / 1024).toFixed(1)} kB`;
export const MB = (b) => (b === undefined ? '—' : `${(b / 1024 / 1024).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`);
export const ms = (x) => (x === undefined ? '—' : x === 0 ? 'none' : x >= 100 ? `${Math.round(x).toLocaleString('en-US')} ms` : `${x.toFixed(1)} ms`);
const count = (x) => (x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×`);

export function buildTable({ sizes, results, corpora, config, subjects, searchSizes }) {
  const rows = [];
  const row = (...cells) => rows.push(cells);
  const atLoad = {};
  const bySearch = {};
  for (const [corpus, bySubject] of Object.entries(results)) {
    for (const fig of bySubject.feed ?? []) for (const c of fig.chunks ?? []) (atLoad[c] ??= new Set()).add(corpus);
    for (const fig of bySubject['search-feed'] ?? []) for (const c of fig.searchChunks ?? []) (bySearch[c] ??= new Set()).add(corpus);
  }
  const loadedWhen = (name) =>
    [atLoad[name] && `loaded at ${[...atLoad[name]].join(', ')}`, bySearch[name] && `loaded by the first search at ${[...bySearch[name]].join(', ')}`]
      .filter(Boolean)
      .join('; ') || 'not loaded in these runs';
  for (const s of sizes) {
    const name = s.file.replace(/^cdn\//, '');
    const kind = s.file.includes('/assets/') ? 'worker' : 'lazy chunk';
    const what = s.file === 'cdn/paper-feed.js' ? `Size: ${name} (always loaded)` : `Size: ${kind} ${name} (${loadedWhen(name)})`;
    row(what, '—', `${kB(s.gzip)} gzip, ${kB(s.raw)} raw`, `budget ${kB(s.budget)} gzip`, ratio(s.gzip, s.budget), 'static');
  }
  const label = (k) => `${k} (${corpora.files[k].count.toLocaleString('en-US')} papers, ${MB(corpora.files[k].bytes)})`;
  /** A row per corpus: the feed's `key` beside the naive page's `baselineKey` (or the feed page's own). */
  const metric = (figure, key, fmt, keys, { baselineKey = key, baselineInFeed = false } = {}) => {
    for (const c of keys) {
      const f = results[c]?.feed ?? [];
      const b = baselineInFeed ? f : (results[c]?.naive ?? []);
      const fv = median(f.map((x) => x[key]));
      const bv = median(b.map((x) => x[baselineKey]));
      row(figure, label(c), fmt(fv), fmt(bv), ratio(fv, bv), baselineInFeed ? `${f.length} (same page)` : `${f.length} + ${b.length}`);
    }
  };
  const all = ['sample', '10k', '100k'].filter((k) => corpora.files[k]);
  const big = ['10k', '100k'].filter((k) => corpora.files[k]);
  metric('Navigation → corpus text ready (download and decoding, before any parsing)', 'textReady', ms, all);
  metric('Corpus parse (feed: text ready → paper-load, i.e. JSON.parse + normalize, in a worker from 1 MB; baseline: JSON.parse of the same text in the same page)', 'parse', ms, all, {
    baselineKey: 'jsonParse',
    baselineInFeed: true,
  });
  metric('Navigation → first card painted', 'firstCard', ms, all);
  metric('Navigation → first page painted (all cards of the initial viewport)', 'firstPage', ms, all);
  metric('Longest main-thread task while loading', 'longest', ms, all);
  metric('Total blocking time while loading (Σ task − 50 ms)', 'tbt', ms, all);
  metric('JS heap after load (V8 used, after a forced GC)', 'heap', MB, big);
  metric('JS + DOM heap after load (V8 + Blink embedder heap, after a forced GC)', 'heapWithDom', MB, big);
  metric('DOM nodes after load (shadow roots included)', 'nodes', count, all);

  const f = (results['10k']?.feed ?? []).filter((x) => x.scroll);
  const b = (results['10k']?.naive ?? []).filter((x) => x.scroll);
  const m = (xs, k) => median(xs.map((x) => x.scroll[k]));
  row(
    `Scrolling ${config.scrollMs / 1000} s at ${config.scrollStep} px/frame: frames over 16 ms (rAF interval > ${config.longFrameMs} ms) / all frames`,
    label('10k'),
    `${count(m(f, 'long'))} / ${count(m(f, 'frames'))}`,
    `${count(m(b, 'long'))} / ${count(m(b, 'frames'))}`,
    ratio(m(f, 'long'), m(b, 'long')),
    `${f.length} + ${b.length}`,
  );
  row('Scrolling: worst rAF interval', label('10k'), ms(m(f, 'worst')), ms(m(b, 'worst')), ratio(m(f, 'worst'), m(b, 'worst')), `${f.length} + ${b.length}`);

  // Search, per corpus size: the feed (typed into <paper-search>) beside Fuse.js, same keys.
  const fuseLabel = subjects.fuse?.label ?? 'Fuse.js';
  for (const c of (searchSizes ?? []).filter((k) => corpora.files[k])) {
    const fs = results[c]?.['search-feed'] ?? [];
    const bs = results[c]?.['search-fuse'] ?? [];
    if (!fs.length && !bs.length) continue;
    const runs = `${fs.length} + ${bs.length}`;
    const fi = median(fs.map((x) => x.indexMs));
    const bi = median(bs.map((x) => x.indexMs));
    row(`Search: index build (feed: \`createIndex\` over the loaded papers; baseline: \`new Fuse(papers)\`)`, label(c), ms(fi), ms(bi), ratio(fi, bi), runs);
    const f1 = median(fs.map((x) => x.first?.paint));
    const b1 = median(bs.map((x) => x.first?.paint));
    row(`Search: first key press of a page → first frame painted (feed: loads the engine, builds its index, answers)`, label(c), ms(f1), ms(b1), ratio(f1, b1), runs);
    const fk = fs.flatMap((x) => x.keys);
    const bk = bs.flatMap((x) => x.keys);
    for (const [key, what] of [
      ['layout', 'results in the DOM, styled and laid out'],
      ['paint', 'first frame painted with them'],
    ]) {
      for (const p of [50, 95]) {
        const fv = percentile(fk.map((x) => x[key]), p);
        const bv = percentile(bk.map((x) => x[key]), p);
        row(`Search: key press → ${what}, p${p} of ${fk.length} + ${bk.length} key presses (baseline: ${fuseLabel})`, label(c), ms(fv), ms(bv), ratio(fv, bv), runs);
      }
    }
  }
  // Loading and indexing: the feed (worker) beside the Fuse.js page.
  for (const c of ['10k', '50k'].filter((k) => corpora.files[k])) {
    const fs = results[c]?.['indexing-feed'] ?? [];
    const bs = results[c]?.['indexing-fuse'] ?? [];
    if (!fs.length && !bs.length) continue;
    const runs = `${fs.length} + ${bs.length}`;
    const line = (what, key, fmt) => {
      const fv = median(fs.map((x) => x[key]));
      const bv = median(bs.map((x) => x[key]));
      row(what, label(c), fmt(fv), fmt(bv), ratio(fv, bv), runs);
    };
    line('Load + index: navigation → search index built (feed: parsed and indexed in its worker; baseline: JSON.parse + `new Fuse(papers)` in the page)', 'indexReady', ms);
    line('Load + index: longest main-thread task, navigation → index built + 1 s', 'longest', ms);
    line('Load + index: main-thread tasks over 50 ms, navigation → index built + 1 s', 'over50', count);
    const worst = Math.max(0, ...fs.map((x) => x.longest));
    row('Load + index: longest main-thread task, worst run (feed per run: ' + fs.map((x) => ms(x.longest)).join(', ') + ')', label(c), ms(worst), '—', '—', runs);
  }
  const header = ['Figure', 'Corpus', 'paper-feed', 'Baseline', 'Ratio', 'Runs (feed + baseline)'];
  return [`| ${header.join(' | ')} |`, `| --- | --- | ---: | ---: | ---: | ---: |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function profileLines(profiles, config) {
  const lines = [];
  const fns = (list) => list.map((f) => `${f.name} ${f.ms} ms`).join('; ');
  for (const [key, what] of [
    ['sample', 'the sample (100 papers)'],
    ['load100k', '100k papers'],
  ]) {
    const p = profiles[key];
    if (!p) continue;
    if (lines.length) lines.push('');
    lines.push(
      `**Loading ${what}** (one extra feed run under the CPU profiler, not in the medians; its longest task: ${ms(p.longestTask)}). Longest busy stretch of the main thread: ${p.stretchMs} ms.`,
      '',
      `- Self time: ${fns(p.self)}.`,
      `- Total time (with callees): ${fns(p.total)}.`,
      `- Not JavaScript: (program) ${p.native['(program)']} ms, (garbage collector) ${p.native['(garbage collector)']} ms.`,
    );
    if (p.loaf) {
      const scripts = p.loaf.scripts.map((s) => `${s.invoker || '?'} ${ms(s.duration)}`).join('; ');
      lines.push(`- Longest animation frame (Long Animation Frames API): ${ms(p.loaf.duration)}, of which style, layout and paint ${ms(p.loaf.render)}${scripts ? `; scripts: ${scripts}` : ''}.`);
    }
    if (p.others?.length) lines.push(`- Other busy stretches over 200 ms: ${p.others.map((o) => `${o.ms} ms (${fns(o.self)})`).join('; ')}.`);
  }
  const s = profiles.scroll;
  if (s) {
    lines.push(
      '',
      `**Scrolling 10k papers** (one extra feed run under the profiler: ${s.scroll.long} of ${s.scroll.frames} frames over ${config.longFrameMs} ms, worst ${ms(s.scroll.worst)}). Longest busy stretch: ${s.stretchMs} ms.`,
      '',
      `- Self time: ${fns(s.self)}.`,
      `- Total time (with callees): ${fns(s.total)}.`,
      `- Not JavaScript: (program) ${s.native['(program)']} ms, (garbage collector) ${s.native['(garbage collector)']} ms.`,
    );
  }
  return lines;
}

export function markdown({ table, notes, profiles, machine, elapsed, corpora, config, queries, subjects, keyInterval, searchSizes }) {
  const runs = `Medians of ${config.runsFast} runs for the sample and 10k loads; ${config.runs100k} runs of the feed at 100k but ${config.runs100kBaseline} of the naive page (one naive 100k load takes 1 to 2.5 minutes on this machine; \`BENCH_RUNS_100K_BASELINE\` raises it); ${config.runsSlow} runs of scrolling and search. Every run is a fresh browser context (cold HTTP cache). Search percentiles pool every key press but each page's first: the feed types all ${queries.length} queries per run, the slow baseline one query per run in turn, so both type the same keys.`;
  const allNotes = [runs, ...notes].map((n) => `- ${n}`).join('\n');
  const profile = profileLines(profiles, config).join('\n');
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machineLine = `\`nproc\` ${machine.nproc} (${machine.cpu}), ${machine.memory} RAM, ${machine.os}, ${machine.chromium}, Node ${machine.node}, ${machine.load}`;
  const summary = `${table}\n\n${allNotes}\n\n${profile}\n\nMachine: ${machineLine}. Took ${elapsed} s.`;
  const file = (previous) => {
    const kept =
      /<!-- observations:start -->[\s\S]*?<!-- observations:end -->/.exec(previous)?.[0] ??
      '<!-- observations:start -->\n(Hand-written notes on the figures go here; `npm run bench` keeps this block.)\n<!-- observations:end -->';
    const others = [...previous.matchAll(/<!-- ([\w-]+):start -->[\s\S]*?<!-- \1:end -->/g)].filter((m) => m[1] !== 'observations').map((m) => m[0]);
    return `# Benchmarks

How \`<paper-feed>\` from the CDN build (\`cdn/paper-feed.js\`) loads, renders, scrolls and searches
large corpora, beside naive baselines measured in the same run. The figures describe one machine; none
is a pass/fail threshold.

## Run it

\`\`\`sh
npm run build   # produces cdn/ (the benchmark runs \`npx vite build\` itself if cdn/ is missing or older than src/)
npm run bench   # about 15 minutes on 2 cores (8 without BENCH_SKIP_PAGEFIND=1's part); prints the table and rewrites this file
\`\`\`

\`scripts/bench/run.mjs\` writes the corpora to a temporary directory (never committed), serves them and
the repo with a tiny node:http server on 127.0.0.1, and drives Debian's Chromium (found by
\`scripts/chromium.mjs\`) through puppeteer-core, headless, at ${config.viewport.width}×${config.viewport.height}. Environment variables:
\`BENCH_RUNS_FAST\` (default 5), \`BENCH_RUNS_SLOW\` (3), \`BENCH_RUNS_100K\` (3), \`BENCH_RUNS_100K_BASELINE\`
(1), \`BENCH_FUSE=fulltext\`, \`BENCH_CORPORA\` (default \`../shared/corpora\`), \`BENCH_NO_WRITE=1\` (print
only), \`CHROME_PATH\`. \`node scripts/bench/run.mjs --quick\` runs everything once and writes nothing. At the
end it runs \`scripts/bench/memory.mjs\` (a feed re-pointed at new corpora 200 times) and
\`scripts/bench/pagefind.mjs\` (the chunked index against the in-page one; \`BENCH_SKIP_PAGEFIND=1\`
skips it, \`npm run bench:pagefind\` runs it alone), which write their own sections below.

## What each row means

- **Corpora**: the built-in sample (\`public/sample-papers.json\`, 100 papers) and 10,000 and 100,000
  papers built from real records: ${corpora.source}. Written in our native format; the feed
  loads them with \`src\`, exactly like \`examples/cdn.html\` (\`scripts/bench/pages/feed.html\`).
- **Size**: raw and gzip (level 9, as \`scripts/size.mjs\`) of the CDN file, of each lazy chunk and of
  the search worker, with the corpora that loaded each (at load time, or on the first search). The
  baseline column holds the budget: 20 kB for the core file (issue #6), 8 kB per chunk, 85 kB for KaTeX,
  10 kB for the virtualizer, 15 kB for the corpus worker.
- **Corpus text ready**: the download and decoding of the corpus. The probe time-stamps
  \`Response.text()\` resolving (the naive page) or the final \`TextDecoder.decode()\` call in the page
  (the feed, for files under 1 MB: the sample). Files from 1 MB on are decoded by the feed's worker,
  which the probe cannot see: for them the row gives the response's end (resource timing).
- **Corpus parse**: for the feed, from the corpus text being ready (as above) to the \`paper-load\`
  event: \`JSON.parse\` and normalizing every record, in the page for the sample, in the worker for
  10k and 100k (then including the decoding and the hand-over of the papers to the page in batches).
  Baseline: after the feed has loaded, the same page fetches the same corpus again and times
  \`JSON.parse\` of its text.
- **First card / first page painted**, from navigation start. A probe injected before any script of
  the page (\`scripts/bench/probe.js\`) counts, in every animation frame, the rendered cards that
  intersect the viewport (\`paper-card\`s in the feed's shadow root whose own shadow root holds a title;
  \`<article>\`s on the naive page) and time-stamps each change once that frame has been rendered (a
  message posted from the rAF callback). *First card*: the first frame with a card on screen. *First
  page*: the first frame with as many cards on screen as once the page has settled (no change and no
  long task for ${config.settleMs / 1000} s), i.e. the cards seen without scrolling.
- **Longest task, total blocking time**: \`PerformanceObserver('longtask')\` from navigation until the
  page settled; TBT sums each task's time beyond 50 ms.
- **Heap**: \`HeapProfiler.collectGarbage\`, then \`Runtime.getHeapUsage\`: V8's used heap, and V8 plus
  Blink's embedder heap (where DOM nodes and their text live; the naive page keeps its papers only
  there). **DOM nodes**: every node of the document, descending into every shadow root.
- **Scrolling**: \`window.scrollBy(0, ${config.scrollStep})\` in every animation frame for ${config.scrollMs / 1000} s, from
  the top; a frame "over 16 ms" is a rAF interval above ${config.longFrameMs} ms, i.e. a missed vsync at 60 Hz.
- **Search** (\`scripts/bench/search.mjs\`), at ${(searchSizes ?? []).join(', ')} papers (the 1k and 50k corpora are the
  first 1,000 and 50,000 papers built the same way): ${queries.map((q) => `“${q}”`).join(', ')} typed
  one key at a time with real key events (CDP \`Input.dispatchKeyEvent\` through puppeteer's
  \`keyboard.type\`: keydown, input, keyup) into \`<paper-search for="feed">\` above the feed
  (\`feed.html?search=1\`), at most one key per ${keyInterval} ms, waiting for each key's results before the
  next; the box is cleared between queries. Each key press is timed from its \`keydown\` event's
  \`timeStamp\` (when the key event was created) to (a) **results in the DOM, styled and laid out**:
  the feed's public \`paper-results\` event for exactly that query — fired once the cards of the
  results are rendered, never for a query the engine has not answered yet (the previous results stay
  on screen meanwhile) — followed by \`getBoundingClientRect()\` on the feed, which forces style and
  layout; and (b) **first frame painted with them**: then \`requestAnimationFrame\` and a message
  posted from it, which runs once that frame is painted (so (b) − (a) includes waiting for the next
  vsync, 0–16.7 ms). The engine answers in the page below 20,000 papers (from 5,000 with the index a
  Web Worker built and handed over) and from the worker above.
  The first key press of each page (which loads the search chunk, starts the worker and builds the
  index) is its own row and left out of the percentiles, which pool every other key press of every
  run. **Index build**: \`createIndex\` (src/data/search/engine.ts, bundled by esbuild) over the feed's
  loaded papers, timed in the same page on the main thread (the worker builds the same index).
  The baseline types the same keys, measured the same way, into a plain \`<input>\` on \`fuse.html\`.
- **Load + index** (10k and 50k): the same pages, nothing typed. Every long task
  (\`PerformanceObserver('longtask')\`, i.e. of 50 ms or more) from navigation until the search index
  is built and 1 s after. The feed's index is built when its worker says \`ready\` (the probe listens
  to the page's workers); the Fuse.js page's once \`new Fuse(papers)\` returned. "none": no task
  reached 50 ms. Issue #4 asks for none at 50,000 papers.

**Baselines** (\`scripts/bench/pages/\`): \`naive.html\` fetches the same JSON, \`JSON.parse\`s it and
appends one plain \`<article>\` (title, authors, abstract) per paper, all of them in the DOM: the baseline
for loading, painting, tasks, heap, DOM and scrolling. Parsing is compared with a bare \`JSON.parse\` of
the same text (see above). \`fuse.html\` indexes the same papers
with Fuse.js (keys title, authors, abstract; ${subjects.fuse?.label ?? 'Fuse.js'}) and renders its top 20
results in the input event of each key, then fires \`paper-results\` itself: the baseline for search
(its index is built at page load). **Ratio** = paper-feed ÷ baseline; below 1, the feed is faster or
smaller. Search subjects are listed in \`scripts/bench/search.mjs\`.

## Results

\`npm run bench\` on ${when} UTC; machine: ${machineLine}; took ${elapsed} s.

${table}

${allNotes}

### Where the long tasks go

CPU profiles (CDP \`Profiler\`, ${config.profileInterval} µs sampling) of the longest stretch without idle time, with
minified frames mapped back to the sources through \`cdn/*.js.map\`:

${profile || 'No profile was taken.'}

## Observations

${kept}
${others.map((b) => `\n${b}\n`).join('')}`;
  };
  return { summary, file };
}
