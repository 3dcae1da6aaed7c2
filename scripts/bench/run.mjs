#!/usr/bin/env node
// `npm run bench`: measures the CDN build of <paper-feed> in Debian's Chromium against naive
// baselines and prints one markdown table of medians, also written to BENCHMARKS.md.
//
// It builds nothing itself: it expects `npm run build` to have produced cdn/ (when cdn/ is
// missing or older than src/, it runs `npx vite build` and says so). Corpora are written to a
// temporary directory and served, with the repo, by a tiny node:http server on 127.0.0.1.
//
// Options (environment): BENCH_RUNS_FAST (default 5), BENCH_RUNS_SLOW (default 3),
// BENCH_RUNS_100K (feed at 100k, default BENCH_RUNS_SLOW), BENCH_RUNS_100K_BASELINE (the naive
// page at 100k, default 1: one load takes 1 to 2.5 minutes), BENCH_FUSE=fulltext (Fuse.js matching
// anywhere, several times slower), BENCH_CORPORA (default ../shared/corpora), BENCH_NO_WRITE=1
// (print only), BENCH_ONLY (comma-separated parts to run: sample, 10k, 100k, search, indexing, profile, memory, pagefind;
// implies BENCH_NO_WRITE), BENCH_SEARCH_SIZES (1k,10k,50k), BENCH_SEARCH_SUBJECTS (feed,fuse: which
// search subjects type), CHROME_PATH. `--quick` runs everything once and writes nothing. Per-key
// breakdowns of the search: scripts/bench/segments.mjs and trace-search.mjs; the tasks of a large
// load, with the garbage collections inside them: trace-load.mjs and handover.mjs (diagnostics).
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import puppeteer from 'puppeteer-core';
import { ensureChromium, CHROMIUM_ARGS } from '../chromium.mjs';
import { serve } from './server.mjs';
import { buildCorpora } from './corpora.mjs';
import { cdnSizes } from './sizes.mjs';
import { attributeLongestStretch } from './profile.mjs';
import { SEARCH_SUBJECTS, SEARCH_QUERIES, SEARCH_SIZES, KEY_INTERVAL_MS, queriesFor, typeQueries, bundleEngine, engineIndexMs } from './search.mjs';
import { buildTable, markdown, percentile, ms, MB } from './report.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const QUICK = process.argv.includes('--quick');
const int = (v, d) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : d);
const CONFIG = {
  runsFast: QUICK ? 1 : int(process.env.BENCH_RUNS_FAST, 5),
  runsSlow: QUICK ? 1 : int(process.env.BENCH_RUNS_SLOW, 3),
  runs100k: QUICK ? 1 : int(process.env.BENCH_RUNS_100K, int(process.env.BENCH_RUNS_SLOW, 3)),
  runs100kBaseline: QUICK ? 1 : int(process.env.BENCH_RUNS_100K_BASELINE, 1),
  viewport: { width: 1280, height: 800 },
  scrollMs: 3000,
  scrollStep: 120, // px per frame: 7,200 px/s, a brisk fling
  longFrameMs: 20, // a rAF interval over 20 ms missed at least one 16.7 ms vsync
  settleMs: 1000,
  profileInterval: 200, // µs between CPU profile samples
};
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : undefined;
const part = (name) => !ONLY || ONLY.has(name);
const LOAD_TIMEOUT = 240_000;
const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

const t0 = Date.now();
const log = (...a) => console.error(`[bench ${String(Math.round((Date.now() - t0) / 1000)).padStart(3)} s]`, ...a);
const notes = [];

// ---------------------------------------------------------------- the CDN build

function newestMtime(dir) {
  let newest = { t: 0, file: '' };
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    const n = e.isDirectory() ? newestMtime(p) : { t: statSync(p).mtimeMs, file: p };
    if (n.t > newest.t) newest = n;
  }
  return newest;
}

/** Runs `npx vite build` when cdn/ is missing or older than src/ or vite.config.ts. */
function ensureCdn() {
  const cdn = join(ROOT, 'cdn/paper-feed.js');
  let why;
  if (!existsSync(cdn)) why = 'cdn/paper-feed.js was missing';
  else {
    const built = statSync(cdn).mtimeMs;
    const src = newestMtime(join(ROOT, 'src'));
    if (src.t > built) why = `cdn/ was older than ${src.file.slice(ROOT.length + 1)}`;
    else if (statSync(join(ROOT, 'vite.config.ts')).mtimeMs > built) why = 'cdn/ was older than vite.config.ts';
  }
  if (!why) return;
  log(`${why}: running npx vite build`);
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status === 0) {
    notes.push(`${why}, so the benchmark ran \`npx vite build\` first.`);
    return;
  }
  if (existsSync(cdn)) {
    notes.push(`${why}; \`npx vite build\` failed, so the existing (stale) cdn/ was measured.`);
    log('vite build failed: measuring the existing cdn/');
    return;
  }
  console.error('No cdn/paper-feed.js and `npx vite build` failed: run `npm run build` and try again.');
  process.exit(1);
}

// ---------------------------------------------------------------- one page

let base;
let corpora;

/** Opens `pages/<name>.html` on a corpus in a fresh browser context; resolves once it has settled. */
async function openPage(browser, pageName, corpusKey, { profile = false, params = '' } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(CONFIG.viewport);
  await page.evaluateOnNewDocument(PROBE);
  const cdp = await page.createCDPSession();
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: CONFIG.profileInterval });
    await cdp.send('Profiler.start');
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const src = `/bench-data/${corpora.files[corpusKey].file}`;
  if (pageName === 'feed') params = [params, feedParams(corpusKey)].filter(Boolean).join('&');
  await page.goto(`${base}/scripts/bench/pages/${pageName}.html?src=${encodeURIComponent(src)}${params ? `&${params}` : ''}`, {
    waitUntil: 'load',
    timeout: LOAD_TIMEOUT,
  });
  try {
    await page.waitForFunction(
      (settle) =>
        window.__bench.marks.error !== undefined || (window.__bench.marks.loaded !== undefined && window.__bench.visible > 0 && window.__bench.quietFor() > settle),
      { polling: 200, timeout: LOAD_TIMEOUT },
      CONFIG.settleMs,
    );
    const error = await page.evaluate(() => window.__bench.marks.error);
    if (error) throw new Error(`paper-error: ${error}`);
  } catch (e) {
    const state = await page.evaluate(() => ({ marks: window.__bench.marks, visible: window.__bench.visible })).catch(() => ({}));
    await context.close();
    throw new Error(`${pageName} on ${corpusKey} did not settle: ${e.message} ${JSON.stringify(state)} ${errors.join('; ')}`);
  }
  const cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : undefined;
  return { context, page, cdp, src, cpuProfile, errors };
}

/** Extra URL parameters of the feed page for a corpus: raise max-size above big corpora. */
const DEFAULT_MAX_MB = 256; // <paper-feed max-size> default
function feedParams(corpusKey) {
  const mb = corpora.files[corpusKey].bytes / 2 ** 20;
  return mb > DEFAULT_MAX_MB * 0.9 ? `max-size=${Math.ceil(mb / 50) * 50 + 50}` : '';
}

/** Lazy chunks and worker files the page has fetched so far. */
const loadedChunks = () =>
  performance
    .getEntriesByType('resource')
    .filter((e) => /\/cdn\/(chunks|assets)\//.test(e.name))
    .map((e) => new URL(e.name).pathname.replace('/cdn/', ''));

/** Load figures of a settled page. */
async function loadFigures(page, cdp, src, { heap }) {
  const r = await page.evaluate((src) => {
    const B = window.__bench;
    B.watching = false;
    const res = performance.getEntriesByType('resource');
    const corpus = res.find((e) => new URL(e.name).pathname === src);
    return {
      changes: B.changes,
      tasks: B.tasks,
      loafs: B.loafs,
      marks: B.marks,
      visible: B.visible,
      corpusEnd: corpus?.responseEnd,
      corpusTiming: corpus && { fetchStart: corpus.fetchStart, responseStart: corpus.responseStart, responseEnd: corpus.responseEnd },
      lastDecode: B.decodes.filter((t) => t >= (corpus?.responseEnd ?? Infinity) - 1 && t <= (B.marks.loaded ?? Infinity)).at(-1),
      chunks: res.filter((e) => /\/cdn\/(chunks|assets)\//.test(e.name)).map((e) => new URL(e.name).pathname.replace('/cdn/', '')),
      dom: B.countNodes(),
    };
  }, src);
  const firstCard = r.changes.find(([, n]) => n > 0)?.[0];
  const firstPage = r.changes.find(([, n]) => n >= r.visible)?.[0];
  const end = r.changes.at(-1)?.[0] ?? 0;
  const tasks = r.tasks.filter(([s]) => s <= end + CONFIG.settleMs);
  const longest = tasks.reduce((m, [, d]) => Math.max(m, d), 0);
  const tbt = tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
  // Feed: from the corpus text being available (Response.text() resolved; else the response's
  // end) to paper-load: JSON.parse and normalizing. Baseline pages time their own JSON.parse.
  const textAt = r.marks.textAt?.[src] ?? r.lastDecode ?? r.corpusEnd;
  const parse = r.marks.parseMs ?? (r.marks.loaded !== undefined && textAt ? r.marks.loaded - textAt : undefined);
  const fig = { firstCard, firstPage, longest, tbt, parse, textReady: textAt, nodes: r.dom.nodes, firstPageCards: r.visible, chunks: r.chunks, count: r.marks.count };
  fig.corpusTiming = r.corpusTiming;
  fig.longestLoaf = r.loafs.reduce((m, l) => (!m || l.duration > m.duration ? l : m), undefined);
  if (heap) {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    fig.heap = usage.usedSize;
    // Blink's objects (DOM nodes and their text) live in the embedder (Oilpan) heap.
    fig.heapWithDom = usage.usedSize + (usage.embedderHeapUsedSize ?? 0);
  }
  return fig;
}

/** The parse baseline in the page just measured: JSON.parse of the same corpus text. */
async function jsonParseFigure(page, src) {
  return page.evaluate(async (src) => {
    const text = await (await fetch(src)).text();
    const t = performance.now();
    JSON.parse(text);
    return performance.now() - t;
  }, src);
}

/**
 * Long tasks from navigation until the page's search index is ready (the feed's worker said
 * `ready`; the Fuse.js page set its index mark) and 1 s after.
 */
async function indexingFigures(page) {
  await page.waitForFunction(() => window.__bench.marks.indexReady !== undefined || window.__bench.marks.indexMs !== undefined, { polling: 100, timeout: LOAD_TIMEOUT });
  const indexReady = await page.evaluate(() => window.__bench.marks.indexReady ?? performance.now());
  await new Promise((r) => setTimeout(r, CONFIG.settleMs));
  const tasks = await page.evaluate(() => window.__bench.tasks);
  const upTo = tasks.filter(([s]) => s <= indexReady + CONFIG.settleMs);
  return {
    indexReady,
    longest: upTo.reduce((m, [, d]) => Math.max(m, d), 0),
    over50: upTo.filter(([, d]) => d > 50).length,
    tbt: upTo.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
    tasks: upTo.map(([s, d]) => [Math.round(s), Math.round(d)]),
  };
}

/** Scrolls the window by scrollStep px per frame for scrollMs; counts long rAF intervals. */
async function scrollFigures(page) {
  return page.evaluate(
    async (duration, step, long) => {
      window.__bench.watching = false; // the probe's per-frame card count would add layout work
      scrollTo(0, 0);
      await window.__bench.nextFrame();
      await window.__bench.nextFrame();
      const deltas = [];
      let last;
      let start;
      await new Promise((resolve) => {
        const frame = (ts) => {
          if (last !== undefined) deltas.push(ts - last);
          last = ts;
          start ??= ts;
          if (ts - start >= duration) return resolve();
          scrollBy(0, step);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      const scrolled = scrollY;
      scrollTo(0, 0);
      await window.__bench.nextFrame();
      return { frames: deltas.length, long: deltas.filter((d) => d > long).length, worst: Math.max(...deltas), scrolled };
    },
    CONFIG.scrollMs,
    CONFIG.scrollStep,
    CONFIG.longFrameMs,
  );
}

// ---------------------------------------------------------------- main

async function main() {
  const loadStart = os.loadavg()[0].toFixed(1);
  ensureCdn();
  const sizes = cdnSizes(ROOT);
  const chromePath = ensureChromium();
  if (!chromePath) process.exit(1);

  log('building corpora…');
  // 1k and 50k papers serve the search figures only (built when the search part runs).
  const searchExtra = part('search') ? Object.fromEntries(SEARCH_SIZES.filter((k) => k === '1k' || k === '50k').map((k) => [k, k === '1k' ? 1_000 : 50_000])) : {};
  if (part('indexing')) searchExtra['50k'] = 50_000;
  corpora = await buildCorpora(ROOT, { '1k': searchExtra['1k'], '10k': 10_000, '50k': searchExtra['50k'], '100k': part('100k') || part('profile') ? 100_000 : undefined });
  notes.push(...corpora.notes);
  log(`corpora: ${Object.entries(corpora.files).map(([k, f]) => `${k}: ${f.count} papers, ${MB(f.bytes)}`).join('; ')}`);
  const server = await serve(ROOT, corpora.dir);
  base = server.url;

  const browser = await puppeteer.launch({
    executablePath: chromePath,
    headless: true,
    defaultViewport: CONFIG.viewport,
    protocolTimeout: 600_000,
    args: [
      ...CHROMIUM_ARGS.filter((a) => a !== '--headless'),
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--mute-audio',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-renderer-backgrounding',
      `--window-size=${CONFIG.viewport.width},${CONFIG.viewport.height}`,
    ],
  });
  const chromium = await browser.version();

  /** results[corpus][subject] = per-run figures. */
  const results = {};
  const add = (corpus, subject, fig) => ((results[corpus] ??= {})[subject] ??= []).push(fig);
  const profiles = {};

  try {
    const plan = [
      ['sample', CONFIG.runsFast, CONFIG.runsFast, 0],
      ['10k', CONFIG.runsFast, CONFIG.runsFast, CONFIG.runsSlow],
      ['100k', CONFIG.runs100k, CONFIG.runs100kBaseline, 0],
    ];
    for (const [corpus, feedRuns, baselineRuns, interactionRuns] of plan) {
      if (!part(corpus)) continue;
      for (let i = 0; i < Math.max(feedRuns, baselineRuns); i++) {
        // Feed and baseline alternate, so that drift affects both alike.
        for (const subject of ['feed', 'naive']) {
          const runs = subject === 'feed' ? feedRuns : baselineRuns;
          if (i >= runs) continue;
          let opened;
          let fig;
          try {
            opened = await openPage(browser, subject, corpus);
            const { page, cdp, src, errors } = opened;
            fig = await loadFigures(page, cdp, src, { heap: corpus !== 'sample' });
            if (subject === 'feed') fig.jsonParse = await jsonParseFigure(page, src);
            if (errors.length) notes.push(`${subject} on ${corpus}: page error ${errors[0]}`);
            if (i < interactionRuns) {
              fig.scroll = await scrollFigures(page);
            }
          } catch (e) {
            notes.push(`${subject} on ${corpus}, run ${i + 1}, failed and is left out: ${String(e.message ?? e).slice(0, 300)}`);
            log(`${corpus} ${subject} ${i + 1}/${runs} FAILED: ${e.message ?? e}`);
            continue;
          } finally {
            await opened?.context.close().catch(() => {});
          }
          add(corpus, subject, fig);
          log(
            `${corpus} ${subject} ${i + 1}/${runs}: first card ${ms(fig.firstCard)}, first page ${ms(fig.firstPage)}, longest task ${ms(fig.longest)}` +
              (fig.corpusTiming ? `, corpus fetch ${ms(fig.corpusTiming.fetchStart)} → ${ms(fig.corpusTiming.responseEnd)}, text ${ms(fig.textReady)}` : '') +
              (fig.scroll ? `, scroll ${fig.scroll.long}/${fig.scroll.frames} long frames` : ''),

          );
        }
      }
    }
    // Search: <paper-search> driving the feed, and Fuse.js, at each size, alternating.
    if (part('search')) {
      const engineUrl = bundleEngine(ROOT, corpora.dir);
      for (const size of SEARCH_SIZES.filter((k) => corpora.files[k])) {
        for (let i = 0; i < CONFIG.runsSlow; i++) {
          for (const [name, subject] of Object.entries(SEARCH_SUBJECTS).filter(([n]) => !process.env.BENCH_SEARCH_SUBJECTS || process.env.BENCH_SEARCH_SUBJECTS.split(",").includes(n))) {
            let opened;
            try {
              opened = await openPage(browser, subject.page, size, { params: subject.params });
              const { page } = opened;
              const chunksBefore = await page.evaluate(loadedChunks);
              const keys = await typeQueries(page, subject, queriesFor(subject, i));
              const fig = { keys: keys.slice(1), first: keys[0] };
              if (name === 'feed') {
                fig.searchChunks = (await page.evaluate(loadedChunks)).filter((c) => !chunksBefore.includes(c));
                fig.indexMs = await engineIndexMs(page, engineUrl);
              } else {
                fig.indexMs = await page.evaluate(() => window.__bench.marks.indexMs);
              }
              add(size, `search-${name}`, fig);
              const p = (k, q) => ms(percentile(fig.keys.map((x) => x[k]), q));
              log(
                `${size} search ${name} ${i + 1}/${CONFIG.runsSlow}: index ${ms(fig.indexMs)}, first key ${ms(fig.first.paint)}, laid out p50 ${p('layout', 50)} p95 ${p('layout', 95)}, painted p50 ${p('paint', 50)} p95 ${p('paint', 95)}, keydown lag max ${ms(Math.max(...keys.map((x) => x.lag)))}; painted per key ${fig.keys.map((x) => Math.round(x.paint)).join(' ')}`,
              );
            } catch (e) {
              notes.push(`search ${name} at ${size}, run ${i + 1}, failed and is left out: ${String(e.message ?? e).slice(0, 300)}`);
              log(`${size} search ${name} ${i + 1} FAILED: ${e.message ?? e}`);
            } finally {
              await opened?.context.close().catch(() => {});
            }
          }
        }
      }
    }
    // Loading and indexing (issue #4: no main-thread task over 50 ms while 50,000 papers load and
    // are indexed): every long task from navigation until the search index is built, and 1 s after.
    // Feed: the file parsed and indexed in its worker, without a query; baseline: the Fuse.js page
    // (JSON.parse, then new Fuse(papers), in the page).
    if (part('indexing')) {
      for (const size of ['10k', '50k'].filter((k) => corpora.files[k])) {
        for (let i = 0; i < CONFIG.runsSlow; i++) {
          for (const [name, subject] of Object.entries(SEARCH_SUBJECTS)) {
            let opened;
            try {
              opened = await openPage(browser, subject.page, size, { params: subject.params });
              const fig = await indexingFigures(opened.page);
              add(size, `indexing-${name}`, fig);
              log(`${size} load + index ${name} ${i + 1}/${CONFIG.runsSlow}: index ready ${ms(fig.indexReady)}, longest task ${ms(fig.longest)}, ${fig.over50} tasks ≥ 50 ms, TBT ${ms(fig.tbt)}`);
            } catch (e) {
              notes.push(`load + index ${name} at ${size}, run ${i + 1}, failed and is left out: ${String(e.message ?? e).slice(0, 300)}`);
              log(`${size} load + index ${name} ${i + 1} FAILED: ${e.message ?? e}`);
            } finally {
              await opened?.context.close().catch(() => {});
            }
          }
        }
      }
    }
    // Extra feed runs under the CPU profiler (not in the medians): where do the longest tasks while
    // loading the sample and 100k papers, and the longest frame while scrolling 10k, go?
    if (part('profile')) {
      const { context, page, cdp, src, cpuProfile } = await openPage(browser, 'feed', 'sample', { profile: true });
      const fig = await loadFigures(page, cdp, src, { heap: false });
      profiles.sample = { ...attributeLongestStretch(ROOT, cpuProfile), longestTask: fig.longest, loaf: fig.longestLoaf };
      await context.close();
      log(`sample load profile: longest busy stretch ${profiles.sample.stretchMs} ms`);
    }
    if (part('profile')) {
      const { context, page, cdp, src, cpuProfile } = await openPage(browser, 'feed', '100k', { profile: true });
      const fig = await loadFigures(page, cdp, src, { heap: false });
      profiles.load100k = { ...attributeLongestStretch(ROOT, cpuProfile), longestTask: fig.longest, loaf: fig.longestLoaf };
      await context.close();
      log(`100k load profile: longest busy stretch ${profiles.load100k.stretchMs} ms`);
    }
    if (part('profile')) {
      const { context, page, cdp } = await openPage(browser, 'feed', '10k');
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: CONFIG.profileInterval });
      await cdp.send('Profiler.start');
      const scroll = await scrollFigures(page);
      const { profile } = await cdp.send('Profiler.stop');
      profiles.scroll = { ...attributeLongestStretch(ROOT, profile), scroll };
      await context.close();
      log(`scroll profile: longest busy stretch ${profiles.scroll.stretchMs} ms`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(corpora.dir, { recursive: true, force: true });
  }

  for (const key of Object.keys(corpora.files)) {
    const p = feedParams(key);
    if (p) notes.push(`${key}: the corpus (${MB(corpora.files[key].bytes)}) is over <paper-feed>'s default max-size of ${DEFAULT_MAX_MB} MB, so the feed page sets ${p.replace('=', '="')}" (as a site serving such a corpus must).`);
  }
  // The Long Animation Frames entry of the naive page's longest task, when one was reported for it.
  const naiveRun = results['100k']?.naive?.[0];
  const naive100k = naiveRun?.longestLoaf && naiveRun.longestLoaf.duration >= 0.8 * naiveRun.longest ? naiveRun.longestLoaf : undefined;
  if (naive100k) {
    notes.push(
      `Naive page at 100k: its longest animation frame took ${ms(naive100k.duration)}, of which ${ms(naive100k.render)} style, layout and paint.`,
    );
  }

  const machine = {
    nproc: String(spawnSync('nproc').stdout ?? '').trim() || String(os.availableParallelism?.() ?? os.cpus().length),
    cpu: os.cpus()[0]?.model?.trim() ?? 'unknown CPU',
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    chromium,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load: `load average ${loadStart} at the start, ${os.loadavg()[0].toFixed(1)} at the end`,
  };
  const elapsed = Math.round((Date.now() - t0) / 1000);
  const table = buildTable({ sizes, results, corpora, config: CONFIG, subjects: SEARCH_SUBJECTS, searchSizes: SEARCH_SIZES });
  const doc = markdown({ table, notes, profiles, machine, elapsed, corpora, config: CONFIG, queries: SEARCH_QUERIES, subjects: SEARCH_SUBJECTS, keyInterval: KEY_INTERVAL_MS, searchSizes: SEARCH_SIZES, root: ROOT });
  console.log(`\n${doc.summary}`);
  const write = !(process.env.BENCH_NO_WRITE === '1' || QUICK || ONLY);
  if (write) {
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), doc.file(existsSync(join(ROOT, 'BENCHMARKS.md')) ? readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8') : ''));
    log('wrote BENCHMARKS.md');
  }
  // The memory benchmark (re-pointing one feed 200 times; ~20 s) writes its own section.
  const memory = join(ROOT, 'scripts/bench/memory.mjs');
  if (existsSync(memory) && (!ONLY || ONLY.has('memory'))) {
    log('running scripts/bench/memory.mjs');
    const r = spawnSync(process.execPath, [memory, ...(write ? [] : ['--no-write'])], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) log(`scripts/bench/memory.mjs failed (exit ${r.status})`);
  }
  // The chunked index (Pagefind) against the in-page index at 10k and 100k papers (~5 minutes,
  // ~13 GB of memory for the 100k index build) writes its own section; BENCH_SKIP_PAGEFIND=1 skips it.
  const pagefind = join(ROOT, 'scripts/bench/pagefind.mjs');
  if (existsSync(pagefind) && process.env.BENCH_SKIP_PAGEFIND !== '1' && (!ONLY || ONLY.has('pagefind'))) {
    log('running scripts/bench/pagefind.mjs');
    const r = spawnSync(process.execPath, [pagefind, ...(write ? [] : ['--no-write'])], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) log(`scripts/bench/pagefind.mjs failed (exit ${r.status})`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
