#!/usr/bin/env node
// Search benchmark in headless Chromium: index time and per-keystroke query latency (p50/p95, a
// query typed one character at a time) of our engine and of Fuse.js, at 1k, 10k and 50k real papers
// from ../shared/corpora (repeated with distinct ids past the ~17k distinct ones), plus our engine
// in its Web Worker from 5k papers on. Prints a markdown table and writes it into
// docs/search-engines.md (between the bench markers). No assertions: numbers only.
//
//   node bench/search/run.mjs [--sizes 1000,10000,50000] [--runs 3] [--budget 60000] [--no-write]
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import puppeteer from 'puppeteer-core';
import { benchPapers, requireCorpora } from './corpora.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = option('--sizes', '1000,10000,50000').split(',').map(Number);
const runs = Number(option('--runs', '3'));
const budgetMs = Number(option('--budget', '60000'));
const write = !args.includes('--no-write');
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

requireCorpora();
const out = mkdtempSync(join(tmpdir(), 'search-bench-'));
try {
  // 1. The page script, the worker and the engine chunk, bundled and minified as an app would.
  const bundle = async (entry, fileName) =>
    build({
      configFile: false,
      logLevel: 'warn',
      root: ROOT,
      build: { outDir: out, emptyOutDir: false, target: 'es2022', minify: true, lib: { entry: join(ROOT, entry), formats: ['es'], fileName: () => fileName } },
    });
  await bundle('bench/search/page.js', 'page.js');
  await bundle('src/data/search/worker.ts', 'worker.js');
  await bundle('src/data/search/index.ts', 'search.js');
  const gz = (f) => gzipSync(readFileSync(join(out, f)), { level: 9 }).length;
  const sizesKb = { chunk: gz('search.js') / 1024, worker: gz('worker.js') / 1024 };

  // 2. Real papers.
  const papers = await benchPapers(Math.max(...sizes));
  writeFileSync(join(out, 'papers.json'), JSON.stringify(papers));
  writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><title>search bench</title><script type="module" src="./page.js"></script>');

  // 3. A static server on the loopback address.
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const path = join(out, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!path.startsWith(out) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;

  // 4. Headless Chromium.
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let result;
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${base}/index.html`);
    await page.waitForFunction(() => typeof window.runBench === 'function');
    page.setDefaultTimeout(0);
    result = await page.evaluate((o) => window.runBench(o), { sizes, runs, budgetMs, workerUrl: `${base}/worker.js` });
  } finally {
    await browser.close();
    server.close();
  }

  // 5. The table.
  const f = (x) => (x >= 100 ? Math.round(x).toString() : x.toFixed(x >= 10 ? 1 : 2));
  const ratio = (a, b) => (b > 0 ? `${Number((a / b).toPrecision(2))}×` : '—');
  const lines = [
    `| papers | engine | index (median of ${runs}) | keystroke p50 | keystroke p95 | keystrokes | index vs Fuse.js | p50 vs Fuse.js | p95 vs Fuse.js |`,
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const size of sizes) {
    const fuse = result.rows.find((r) => r.size === size && r.engine === 'fuse');
    for (const r of result.rows.filter((x) => x.size === size)) {
      const vs = r.engine === 'fuse' ? ['1×', '1×', '1×'] : [ratio(r.indexMs, fuse.indexMs), ratio(r.p50, fuse.p50), ratio(r.p95, fuse.p95)];
      const name = r.engine === 'ours (worker)' ? `ours, in a worker${r.mode === 'worker' ? '' : ' (fell back!)'} (index = until ready; keystroke = round trip)` : r.engine === 'fuse' ? 'Fuse.js 7.5.0' : 'ours (in page)';
      lines.push(`| ${size.toLocaleString('en-US')} | ${name} | ${f(r.indexMs)} ms | ${f(r.p50)} ms | ${f(r.p95)} ms | ${r.keystrokes} | ${vs.join(' | ')} |`);
    }
  }
  const table = lines.join('\n');
  const browserVersion = /Chrome\/([\d.]+)/.exec(result.userAgent)?.[1] ?? result.userAgent;
  const note =
    `Measured with \`node bench/search/run.mjs\` in headless Chromium ${browserVersion} on ${new Date().toISOString().slice(0, 10)}; ` +
    `${result.keystrokes} keystrokes per engine and size (queries typed letter by letter, \`limit: 50\`), fewer when an engine ` +
    `passed the ${budgetMs / 1000} s typing budget. Our lazily loaded search chunk (\`src/data/search/index.ts\`, Vite, minified): ` +
    `${sizesKb.chunk.toFixed(1)} kB gzip; the worker file: ${sizesKb.worker.toFixed(1)} kB gzip.`;
  console.log(table + '\n\n' + note);
  for (const r of result.rows) if (r.buildMs !== undefined) console.log(`worker ${r.size}: index built in ${Math.round(r.buildMs)} ms inside the worker, ready after ${Math.round(r.indexMs)} ms`);

  if (write) {
    const doc = join(ROOT, 'docs/search-engines.md');
    const start = '<!-- bench:start (written by bench/search/run.mjs) -->';
    const end = '<!-- bench:end -->';
    const text = existsSync(doc) ? readFileSync(doc, 'utf8') : `# Search engines\n\n${start}\n${end}\n`;
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i === -1 || j === -1) console.error(`docs/search-engines.md has no bench markers; not written.`);
    else writeFileSync(doc, text.slice(0, i + start.length) + '\n\n' + table + '\n\n' + note + '\n\n' + text.slice(j));
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
