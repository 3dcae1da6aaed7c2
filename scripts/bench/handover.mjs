// Diagnostic (not part of `npm run bench`): loads a corpus of N papers (default 19,000, just
// under the size from which the worker keeps the search index) into feed.html?search=1, waits 15 s
// (the worker builds the index when the page is idle and hands it to the page), types one key and
// prints every main-thread task of 50 ms or more since navigation (Long Tasks API).
// Usage: node scripts/bench/handover.mjs [papers]
import puppeteer from 'puppeteer-core';
import { ensureChromium, CHROMIUM_ARGS } from '../chromium.mjs';
import { serve } from './server.mjs';
import { buildCorpora } from './corpora.mjs';
import { fileURLToPath } from 'node:url';
const n = Number(process.argv[2] ?? 19000);
const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const corpora = await buildCorpora(ROOT, { x: n });
const server = await serve(ROOT, corpora.dir);
const browser = await puppeteer.launch({ executablePath: ensureChromium(), headless: true, defaultViewport: { width: 1280, height: 800 }, args: [...CHROMIUM_ARGS.filter((a) => a !== '--headless'), '--window-size=1280,800'] });
const page = await browser.newPage();
await page.evaluateOnNewDocument(() => {
  window.__long = [];
  window.__handedOver = 0;
  // The worker sends the index with its arrays transferred and the page stops it.
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', (e) => {
        if (e.data?.type === 'ready' && e.data.snapshot) window.__handedOver = Math.round(performance.now());
      });
    }
  };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
});
await page.goto(`${server.url}/scripts/bench/pages/feed.html?search=1&src=/bench-data/${corpora.files.x.file}`);
await page.waitForFunction(() => document.querySelector('paper-feed')?.shadowRoot?.querySelector('paper-card'), { timeout: 120000 });
const loadedAt = await page.evaluate(() => performance.now());
await new Promise((r) => setTimeout(r, 15000));
await page.evaluate(() => document.querySelector('paper-search').focus());
const t = await page.evaluate(() => performance.now());
await page.keyboard.type('d');
await new Promise((r) => setTimeout(r, 2000));
console.log(JSON.stringify({ n, loadedAt: Math.round(loadedAt), typedAt: Math.round(t), handedOverAt: await page.evaluate(() => window.__handedOver), long: await page.evaluate(() => window.__long) }));
await browser.close(); process.exit(0);
