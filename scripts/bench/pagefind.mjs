#!/usr/bin/env node
// `npm run bench:pagefind`: the chunked Pagefind index (`paper-corpus index`, queried by
// src/components/paper-feed/pagefind.ts) against the in-page approach (download the whole corpus
// JSON, index it with src/data/search/engine.ts, search in the page), at 10k and 100k papers, in
// Debian's Chromium. Writes its section into BENCHMARKS.md between the pagefind markers.
//
// Per corpus size:
// - builds the bundle with the real CLI (node dist/cli/paper-corpus.js index; time, files, bytes
//   on disk, peak memory of the build when /usr/bin/time is there);
// - Pagefind, cold: every query in a fresh browser context (nothing loaded yet): bytes transferred
//   and latency of `search(query, { limit: 20 })` (Pagefind's script, WebAssembly, metadata, the
//   index chunks and the 20 result fragments);
// - Pagefind, warm: every query after one other query in the same page;
// - bytes are CDP `Network.loadingFinished` `encodedDataLength` (bytes on the wire, headers
//   included) of the page's requests while the query runs, so these runs use the adapter's
//   `worker: false` (a shared worker's requests are not the page's); one more warm pass with the
//   default shared worker gives its latency;
// - in-page: the corpus download (bytes on the wire: scripts/bench/server.mjs does not compress,
//   so the gzip size a compressing host would send is computed too), parse + index time, then the
//   same queries through `createIndex(papers).search(query, { limit: 20 })`.
//
// Options (environment): BENCH_PAGEFIND_SIZES (default "10k,100k"), BENCH_PAGEFIND_RUNS (cold
// runs per query and warm passes, default 3), BENCH_PAGEFIND_INPAGE_RUNS (in-page runs per size,
// default 3 at 10k, 1 at 100k), BENCH_CORPORA, BENCH_NO_WRITE=1 (print only), CHROME_PATH.
// `--quick`: 10k only, one run, nothing written.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import puppeteer from 'puppeteer-core';
import { ensureChromium, CHROMIUM_ARGS } from '../chromium.mjs';
import { serve } from './server.mjs';
import { buildCorpora } from './corpora.mjs';
import { SEARCH_QUERIES } from './search.mjs';
import { median, percentile, ms, MB } from './report.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const QUICK = process.argv.includes('--quick');
const WRITE = !QUICK && process.env.BENCH_NO_WRITE !== '1' && !process.argv.includes('--no-write');
const int = (v, d) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : d);
const SIZES = QUICK ? ['10k'] : (process.env.BENCH_PAGEFIND_SIZES ?? '10k,100k').split(',').map((s) => s.trim()).filter(Boolean);
const SIZE_COUNTS = { '1k': 1_000, '10k': 10_000, '50k': 50_000, '100k': 100_000 };
const RUNS = QUICK ? 1 : int(process.env.BENCH_PAGEFIND_RUNS, 3);
const inpageRuns = (size) => (QUICK ? 1 : int(process.env.BENCH_PAGEFIND_INPAGE_RUNS, SIZE_COUNTS[size] >= 100_000 ? 1 : 3));
const LIMIT = 20;
const TIMEOUT = 600_000;

const t0 = Date.now();
const log = (...a) => console.error(`[pagefind ${String(Math.round((Date.now() - t0) / 1000)).padStart(4)} s]`, ...a);
const notes = [];
const kB = (b) => (b === undefined ? '—' : `${Math.round(b / 1024).toLocaleString('en-US')} kB`);
const pct = (a, b) => (a === undefined || !b ? '—' : `${((100 * a) / b).toFixed(a / b < 0.01 ? 2 : 1)} %`);
const times = (a, b) => (a === undefined || b === undefined || !b ? '—' : `${(a / b).toLocaleString('en-US', { maximumFractionDigits: a / b >= 10 ? 0 : 1 })}×`);

for (const s of SIZES) {
  if (!SIZE_COUNTS[s]) {
    console.error(`Unknown size "${s}" in BENCH_PAGEFIND_SIZES (known: ${Object.keys(SIZE_COUNTS).join(', ')}).`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------- builds

const cli = join(ROOT, 'dist/cli/paper-corpus.js');
if (!existsSync(cli) || statSync(cli).mtimeMs < statSync(join(ROOT, 'src/cli/index-pagefind.ts')).mtimeMs) {
  log('dist/cli is missing or older than src/cli/index-pagefind.ts: running npx tsc -p tsconfig.build.json');
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error('tsc failed: run `npm run build` and try again.');
    process.exit(1);
  }
}
if (!existsSync(join(ROOT, 'node_modules/pagefind/package.json'))) {
  console.error('Pagefind is not installed: run `npm ci` (it is a dev dependency).');
  process.exit(1);
}
const pagefindVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8')).version;

/** Bundles one browser entry with esbuild (as corpora.mjs bundles the parser). */
function bundle(entry, outfile) {
  const esbuild = join(ROOT, 'node_modules', '.bin', 'esbuild');
  const r = spawnSync(esbuild, [entry, '--bundle', '--format=esm', '--platform=browser', '--target=es2022', `--outfile=${outfile}`, '--log-level=warning'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`esbuild could not bundle ${entry}`);
}

function folderSize(dir) {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

/** Runs `paper-corpus index`; returns { seconds, files, bytes, peakRss? }. */
function buildIndex(corpusFile, outDir) {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const args = [process.execPath, cli, 'index', corpusFile, '-o', outDir, '-q'];
  const start = Date.now();
  const r = timeBin ? spawnSync(timeBin, ['-f', 'PEAK_RSS_KB=%M', ...args], { encoding: 'utf8' }) : spawnSync(args[0], args.slice(1), { encoding: 'utf8' });
  const seconds = (Date.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`paper-corpus index failed (${r.status}): ${r.stderr}`);
  const peak = /PEAK_RSS_KB=(\d+)/.exec(r.stderr ?? '');
  return { seconds, ...folderSize(outDir), peakRss: peak ? Number(peak[1]) * 1024 : undefined };
}

// ---------------------------------------------------------------- the pages

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>pagefind bench</title>
<script type="module">
  import * as adapter from '/bench-data/adapter.js';
  import * as inpage from '/bench-data/inpage.js';
  window.adapter = adapter;
  window.inpage = inpage;
  window.benchReady = true;
</script>`;

/** A page in a fresh browser context, with CDP network accounting. */
async function openPage(browser, base) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  const net = { bytes: 0, requests: 0, urls: new Map() };
  cdp.on('Network.requestWillBeSent', (e) => net.urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    net.bytes += e.encodedDataLength;
    net.requests++;
  });
  await page.goto(`${base}/bench-data/page.html`, { waitUntil: 'load', timeout: TIMEOUT });
  await page.waitForFunction(() => window.benchReady === true, { timeout: 30_000 });
  return { context, page, net };
}

/** Lets the last network events of a finished query arrive, then reads and resets the counters. */
async function takeNetwork(net) {
  await new Promise((r) => setTimeout(r, 150));
  const out = { bytes: net.bytes, requests: net.requests };
  net.bytes = 0;
  net.requests = 0;
  return out;
}

async function runQuery(page, query) {
  return page.evaluate(
    async (query, limit) => {
      const t = performance.now();
      const r = await window.__search.search(query, { limit });
      return { ms: performance.now() - t, total: r.total, shown: r.papers.length };
    },
    query,
    LIMIT,
  );
}

async function pagefindCold(browser, base, bundleUrl, query) {
  const { context, page, net } = await openPage(browser, base);
  try {
    await takeNetwork(net); // the page and our adapter module (part of the feed's own code) are not counted
    await page.evaluate((url) => {
      window.__search = window.adapter.createIndexSearch(url, { worker: false });
    }, bundleUrl);
    const r = await runQuery(page, query);
    return { ...r, ...(await takeNetwork(net)) };
  } finally {
    await context.close();
  }
}

async function pagefindWarm(browser, base, bundleUrl, queries, worker) {
  const { context, page, net } = await openPage(browser, base);
  try {
    await page.evaluate(
      (url, worker) => {
        window.__search = window.adapter.createIndexSearch(url, { worker });
      },
      bundleUrl,
      worker,
    );
    await runQuery(page, 'model'); // one other query first: Pagefind, its WebAssembly and metadata are loaded
    await takeNetwork(net);
    const out = [];
    for (const q of queries) {
      const r = await runQuery(page, q);
      out.push({ query: q, ...r, ...(worker ? {} : await takeNetwork(net)) });
    }
    // The empty query: every paper, newest first (what a feed shows before any query).
    out.push({ query: '', empty: true, ...(await runQuery(page, '')), ...(worker ? {} : await takeNetwork(net)) });
    return out;
  } finally {
    await context.close();
  }
}

async function inPage(browser, base, corpusUrl, queries) {
  const { context, page, net } = await openPage(browser, base);
  try {
    await takeNetwork(net);
    const load = await page.evaluate(async (url) => {
      const t = performance.now();
      const res = await fetch(url);
      const text = await res.text();
      const tFetched = performance.now();
      const parsed = window.inpage.parseCorpus(text);
      if (!parsed.ok) throw new Error(parsed.message);
      const tParsed = performance.now();
      window.__papers = parsed.papers;
      window.__index = window.inpage.createIndex(parsed.papers);
      const tIndexed = performance.now();
      return { fetchMs: tFetched - t, parseMs: tParsed - tFetched, indexMs: tIndexed - tParsed, totalMs: tIndexed - t, papers: parsed.papers.length };
    }, corpusUrl);
    const loadNet = await takeNetwork(net);
    const out = [];
    for (const q of queries) {
      out.push({
        query: q,
        ...(await page.evaluate(
          (q, limit) => {
            const t = performance.now();
            const r = window.__index.search(q, { limit });
            const shown = r.indices.map((i) => window.__papers[i]);
            return { ms: performance.now() - t, total: r.total, shown: shown.length };
          },
          q,
          LIMIT,
        )),
      });
    }
    return { load: { ...load, ...loadNet }, queries: out };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- run

const data = (await buildCorpora(ROOT, Object.fromEntries(SIZES.map((s) => [s, SIZE_COUNTS[s]])))).dir;
const corpora = Object.fromEntries(SIZES.map((s) => [s, join(data, `${s}.json`)]));
bundle(join(ROOT, 'src/components/paper-feed/pagefind.ts'), join(data, 'adapter.js'));
writeFileSync(
  join(data, 'inpage-entry.ts'),
  `export { parseCorpus } from ${JSON.stringify(join(ROOT, 'src/data/parse.ts'))};\nexport { createIndex } from ${JSON.stringify(join(ROOT, 'src/data/search/engine.ts'))};\n`,
);
bundle(join(data, 'inpage-entry.ts'), join(data, 'inpage.js'));
writeFileSync(join(data, 'page.html'), PAGE);

/** The queries: the search benchmark's, plus an author, a title, a phrase and a filtered query from the corpus. */
function queriesFor(file) {
  const papers = JSON.parse(readFileSync(file, 'utf8')).papers;
  const mid = papers[Math.floor(papers.length / 2)];
  const withAuthor = papers.find((p, i) => i >= papers.length / 3 && (p.authors ?? []).some((a) => /^\S+ \S+$/.test(a.name)));
  const author = withAuthor?.authors.find((a) => /^\S+ \S+$/.test(a.name))?.name;
  const title = mid.title.split(/\s+/).slice(0, 6).join(' ');
  return [...SEARCH_QUERIES, 'graph neural networks', '"large language models"', 'diffusion year:2024', ...(author ? [`author:"${author}"`] : []), title];
}

const chrome = ensureChromium();
if (!chrome) process.exit(1);
const server = await serve(ROOT, data);
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROMIUM_ARGS, protocolTimeout: TIMEOUT });
const results = {};
try {
  for (const size of SIZES) {
    const file = corpora[size];
    const corpusBytes = statSync(file).size;
    const gzipBytes = gzipSync(readFileSync(file)).length;
    log(`${size}: building the Pagefind index`);
    const build = buildIndex(file, join(data, `pf-${size}`));
    log(`${size}: built in ${build.seconds.toFixed(1)} s, ${build.files} files, ${MB(build.bytes)}`);
    const bundleUrl = `/bench-data/pf-${size}/`;
    const queries = queriesFor(file);
    const cold = [];
    for (let run = 0; run < RUNS; run++) for (const q of queries) cold.push({ query: q, ...(await pagefindCold(browser, server.url, bundleUrl, q)) });
    log(`${size}: ${cold.length} cold queries`);
    const warm = [];
    const warmWorker = [];
    for (let run = 0; run < RUNS; run++) {
      warm.push(...(await pagefindWarm(browser, server.url, bundleUrl, queries, false)));
      warmWorker.push(...(await pagefindWarm(browser, server.url, bundleUrl, queries, true)));
    }
    log(`${size}: warm queries done; in-page runs`);
    const inpage = [];
    for (let run = 0; run < inpageRuns(size); run++) inpage.push(await inPage(browser, server.url, `/bench-data/${size}.json`, queries));
    results[size] = { corpusBytes, gzipBytes, build, queries, cold, warm, warmWorker, inpage };
    const zero = cold.filter((c) => c.total === 0).map((c) => c.query);
    if (zero.length) notes.push(`${size}: no results for ${[...new Set(zero)].join(', ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}

// ---------------------------------------------------------------- report

const col = (xs, key) => xs.map((x) => x[key]);
const lines = [];
lines.push(
  `Pagefind ${pagefindVersion} bundle (\`paper-corpus index\`) queried through \`src/components/paper-feed/pagefind.ts\` versus the in-page approach (the whole corpus JSON downloaded, parsed and indexed by \`src/data/search/engine.ts\`), Chromium headless on ${os.cpus().length} cores, served from 127.0.0.1 by scripts/bench/server.mjs (no compression, no cache). ${LIMIT} results per query; ${RUNS} cold run(s) per query (each in a fresh browser context), ${RUNS} warm pass(es). Queries: ${results[SIZES[0]]?.queries.map((q) => `\`${q}\``).join(', ')} (the author and title queries come from each corpus).`,
  '',
  'Bytes are CDP `Network.loadingFinished` `encodedDataLength` (on the wire, headers included) of the requests a query makes; Pagefind\'s files (`.pf_*` chunks and fragments, WebAssembly) are stored gzip-compressed by Pagefind itself, its `pagefind.js` is not. "Corpus, gzip" is `zlib.gzipSync` of the JSON: what a compressing host would send instead.',
  '',
  `| | ${SIZES.join(' | ')} |`,
  `| --- |${SIZES.map(() => ' --- |').join('')}`,
);
const row = (label, f) => lines.push(`| ${label} | ${SIZES.map((s) => f(results[s])).join(' | ')} |`);
row('Papers', (r) => r.inpage[0]?.load.papers.toLocaleString('en-US') ?? '—');
row('Index build (`paper-corpus index`)', (r) => `${r.build.seconds.toFixed(0)} s${r.build.peakRss ? `, peak ${MB(r.build.peakRss)} RSS` : ''}`);
row('Bundle on disk', (r) => `${r.build.files.toLocaleString('en-US')} files, ${MB(r.build.bytes)}`);
row('**In-page**: corpus download', (r) => `${MB(median(r.inpage.map((x) => x.load.bytes)))} (gzip: ${MB(r.gzipBytes)})`);
row('In-page: download + parse + index, median', (r) => ms(median(r.inpage.map((x) => x.load.totalMs))));
row('In-page: query latency p50 / p95', (r) => {
  const q = r.inpage.flatMap((x) => col(x.queries, 'ms'));
  return `${ms(median(q))} / ${ms(percentile(q, 95))}`;
});
row('**Pagefind**, cold query (nothing loaded): bytes p50 / p95', (r) => `${kB(median(col(r.cold, 'bytes')))} / ${kB(percentile(col(r.cold, 'bytes'), 95))}`);
row('Pagefind cold: requests p50', (r) => String(median(col(r.cold, 'requests'))));
row('Pagefind cold: latency p50 / p95', (r) => `${ms(median(col(r.cold, 'ms')))} / ${ms(percentile(col(r.cold, 'ms'), 95))}`);
const warmQ = (r) => r.warm.filter((x) => !x.empty);
row('Pagefind warm (after one query): bytes p50 / p95', (r) => `${kB(median(col(warmQ(r), 'bytes')))} / ${kB(percentile(col(warmQ(r), 'bytes'), 95))}`);
row('Pagefind warm: latency p50 / p95 (main thread)', (r) => `${ms(median(col(warmQ(r), 'ms')))} / ${ms(percentile(col(warmQ(r), 'ms'), 95))}`);
row('Pagefind warm: latency p50 / p95 (shared worker, the default)', (r) => `${ms(median(col(r.warmWorker.filter((x) => !x.empty), 'ms')))} / ${ms(percentile(col(r.warmWorker.filter((x) => !x.empty), 'ms'), 95))}`);
row('Pagefind warm, empty query (all papers, newest first): bytes, latency p50', (r) => {
  const e = r.warm.filter((x) => x.empty);
  return `${kB(median(col(e, 'bytes')))}, ${ms(median(col(e, 'ms')))}`;
});
row('**Cold query bytes / corpus download**', (r) => `${pct(median(col(r.cold, 'bytes')), median(r.inpage.map((x) => x.load.bytes)))} (of the gzip corpus: ${pct(median(col(r.cold, 'bytes')), r.gzipBytes)})`);
row('Corpus download / cold query bytes', (r) => `${times(median(r.inpage.map((x) => x.load.bytes)), median(col(r.cold, 'bytes')))} (gzip: ${times(r.gzipBytes, median(col(r.cold, 'bytes')))})`);
row('First results: in-page (load + first query) vs Pagefind cold, p50', (r) => {
  const a = median(r.inpage.map((x) => x.load.totalMs + (x.queries[0]?.ms ?? 0)));
  const b = median(col(r.cold, 'ms'));
  return `${ms(a)} vs ${ms(b)} (${times(a, b)})`;
});
lines.push('');
lines.push('Per query (median over runs): results, cold bytes, cold / warm latency (Pagefind, main thread), in-page latency:');
lines.push('');
lines.push(`| Query | ${SIZES.map((s) => `${s}: results · cold bytes · cold / warm · in-page`).join(' | ')} |`);
lines.push(`| --- |${SIZES.map(() => ' --- |').join('')}`);
const TITLE = '(a title from the corpus)';
const AUTHOR = '(author:"…" of a name from the corpus)';
const labelOf = (r, q) => (q === r.queries.at(-1) ? TITLE : q.startsWith('author:') ? AUTHOR : q);
const allQueries = [...new Set(SIZES.flatMap((s) => results[s].queries.map((q) => labelOf(results[s], q))))];
for (const label of allQueries) {
  const cells = SIZES.map((s) => {
    const r = results[s];
    const q = r.queries.find((x) => labelOf(r, x) === label);
    const c = r.cold.filter((x) => x.query === q);
    const w = r.warm.filter((x) => x.query === q);
    const ip = r.inpage.flatMap((x) => x.queries.filter((y) => y.query === q));
    if (!q || !c.length) return '—';
    return `${median(col(c, 'total'))} (in-page ${median(col(ip, 'total')) ?? '—'}) · ${kB(median(col(c, 'bytes')))} · ${ms(median(col(c, 'ms')))} / ${ms(median(col(w, 'ms')))} · ${ms(median(col(ip, 'ms')))}`;
  });
  lines.push(`| ${label.startsWith('(') ? label : `\`${label}\``} | ${cells.join(' | ')} |`);
}
if (notes.length) lines.push('', ...notes.map((n) => `- ${n}`));
lines.push('', `Command: \`npm run bench:pagefind\` (\`node scripts/bench/pagefind.mjs\`), ${new Date().toISOString().slice(0, 10)}, ${((Date.now() - t0) / 60000).toFixed(0)} min.`);

const section = lines.join('\n');
console.log(section);
writeFileSync(join(data, 'results.json'), JSON.stringify(results, null, 1));
if (process.env.BENCH_PAGEFIND_KEEP_JSON) writeFileSync(process.env.BENCH_PAGEFIND_KEEP_JSON, JSON.stringify(results, null, 1));
if (WRITE) {
  const fileMd = join(ROOT, 'BENCHMARKS.md');
  const start = '<!-- pagefind:start -->';
  const end = '<!-- pagefind:end -->';
  let md = existsSync(fileMd) ? readFileSync(fileMd, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n## Chunked index (Pagefind) versus the in-page index\n\n${section}\n${end}`;
  md = md.includes(start) && md.includes(end) ? md.slice(0, md.indexOf(start)) + block + md.slice(md.indexOf(end) + end.length) : `${md.trimEnd()}\n\n${block}\n`;
  writeFileSync(fileMd, md);
  log('wrote the pagefind section of BENCHMARKS.md');
}
rmSync(data, { recursive: true, force: true });
