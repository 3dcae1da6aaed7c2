#!/usr/bin/env node
// Memory: re-points one <paper-feed> (CDN build) at new corpora 100 times and compares the heap
// after garbage collection with the heap after the first load. Writes its section into
// BENCHMARKS.md (between the memory markers). Usage: node scripts/bench/memory.mjs [--no-write]
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ensureChromium, CHROMIUM_ARGS } from '../chromium.mjs';
import { serve } from './server.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const ROUNDS = Number(process.env.MEMORY_ROUNDS ?? 100);
if (!existsSync(join(root, 'cdn/paper-feed.js'))) {
  console.error('cdn/paper-feed.js is missing: run `npm run build` first.');
  process.exit(1);
}

// Two distinct corpora of 1,000 papers each, made from the built-in sample (ids differ, so nothing is shared).
const sample = JSON.parse(readFileSync(join(root, 'public/sample-papers.json'), 'utf8')).papers;
const data = mkdtempSync(join(tmpdir(), 'paper-feed-memory-'));
for (const name of ['a', 'b']) {
  const papers = Array.from({ length: 1000 }, (_, i) => ({ ...sample[i % sample.length], id: `${name}-${i}` }));
  writeFileSync(join(data, `${name}.json`), JSON.stringify({ format: 'paper-feed', version: 1, papers }));
}
writeFileSync(
  join(data, 'page.html'),
  `<!doctype html><meta charset="utf-8"><script type="module" src="/cdn/paper-feed.js"></script><paper-feed page-size="20"></paper-feed>`,
);

const server = await serve(root, data);
const chrome = ensureChromium();
const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
try {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await page.goto(`${server.url}/bench-data/page.html`);
  const load = (src) =>
    page.evaluate(
      (s) =>
        new Promise((resolve, reject) => {
          const feed = document.querySelector('paper-feed');
          feed.addEventListener('paper-load', () => requestAnimationFrame(() => resolve(undefined)), { once: true });
          feed.addEventListener('paper-error', (e) => reject(new Error(e.detail.message)), { once: true });
          feed.setAttribute('src', s);
        }),
      src,
    );
  const heap = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const nodes = await page.evaluate(() => {
      let n = 0;
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          n++;
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return n;
    });
    return { usedSize, nodes };
  };
  await load('/bench-data/a.json');
  await load('/bench-data/b.json');
  const before = await heap();
  const t0 = Date.now();
  for (let i = 0; i < ROUNDS; i++) await load(`/bench-data/${i % 2 ? 'b' : 'a'}.json?round=${i}`);
  await load('/bench-data/b.json');
  const after = await heap();
  // A second batch: a leak grows with every re-point, warm-up (compiled code, caches) does not.
  for (let i = 0; i < ROUNDS; i++) await load(`/bench-data/${i % 2 ? 'b' : 'a'}.json?round=x${i}`);
  await load('/bench-data/b.json');
  const after2 = await heap();
  const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const growth = after.usedSize - before.usedSize;
  const lines = [
    `Re-pointing one feed (\`src\`) at 1,000-paper corpora ${ROUNDS} times (alternating two files, ${((Date.now() - t0) / 1000).toFixed(0)} s), heap measured after garbage collection (CDP \`HeapProfiler.collectGarbage\`, \`Runtime.getHeapUsage\`):`,
    '',
    `| | after the first loads | after ${ROUNDS} re-points | after ${2 * ROUNDS} re-points | growth over the second ${ROUNDS} |`,
    '| --- | --- | --- | --- | --- |',
    `| JS heap (V8, used) | ${mb(before.usedSize)} | ${mb(after.usedSize)} (${growth >= 0 ? '+' : ''}${mb(growth)}) | ${mb(after2.usedSize)} | ${after2.usedSize - after.usedSize >= 0 ? '+' : ''}${mb(after2.usedSize - after.usedSize)} |`,
    `| DOM nodes (shadow roots included) | ${before.nodes} | ${after.nodes} | ${after2.nodes} | ${after2.nodes - after.nodes} |`,
    '',
    'A leak would grow with every re-point (each corpus is about 1.6 MB of JSON); a one-time rise that stops is warm-up (compiled code, inline caches).',
    '',
    `Command: \`node scripts/bench/memory.mjs\` (part of \`npm run bench\`), ${new Date().toISOString().slice(0, 10)}.`,
  ];
  const section = lines.join('\n');
  console.log(section);
  if (!process.argv.includes('--no-write')) {
    const file = join(root, 'BENCHMARKS.md');
    const start = '<!-- memory:start -->';
    const end = '<!-- memory:end -->';
    let md = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
    const block = `${start}\n## Memory: re-pointing a feed\n\n${section}\n${end}`;
    md = md.includes(start) ? md.slice(0, md.indexOf(start)) + block + md.slice(md.indexOf(end) + end.length) : `${md.trimEnd()}\n\n${block}\n`;
    writeFileSync(file, md);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(data, { recursive: true, force: true });
}
