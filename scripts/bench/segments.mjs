// Diagnostic (not part of `npm run bench`): types the search benchmark's queries into
// <paper-search> and splits each key press into segments, from in-page timestamps:
// keydown → input event → query posted to the worker → worker reply handled → paper-results →
// forced layout done → next frame. Prints p50/p95 per segment.
// Usage: node scripts/bench/segments.mjs [1k|10k|50k] [runs]
import puppeteer from 'puppeteer-core';
import { ensureChromium, CHROMIUM_ARGS } from '../chromium.mjs';
import { serve } from './server.mjs';
import { buildCorpora } from './corpora.mjs';
import { SEARCH_QUERIES } from './search.mjs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const size = process.argv[2] ?? '10k';
const runs = Number(process.argv[3] ?? 1);
const n = { '1k': 1000, '10k': 10000, '50k': 50000 }[size];
const corpora = await buildCorpora(ROOT, { [size]: n });
const server = await serve(ROOT, corpora.dir);
const browser = await puppeteer.launch({
  executablePath: ensureChromium(),
  headless: true,
  defaultViewport: { width: 1280, height: 800 },
  args: [...CHROMIUM_ARGS.filter((a) => a !== '--headless'), '--window-size=1280,800', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
});
const all = [];
for (let run = 0; run < runs; run++) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  if (process.env.OVERHANG) await page.evaluateOnNewDocument(`window.__overhang = ${Number(process.env.OVERHANG)}`);
  await page.evaluateOnNewDocument(() => {
    const T = (window.__seg = { cur: undefined, keys: [] });
    const W = window.Worker;
    window.Worker = class extends W {
      constructor(...a) {
        super(...a);
        this.addEventListener('message', (e) => {
          if (T.cur && e.data?.type === 'result' && T.cur.reply === undefined) T.cur.reply = performance.now();
        });
      }
      postMessage(m, ...rest) {
        if (T.cur && m?.type === 'search' && T.cur.post === undefined) T.cur.post = performance.now();
        return super.postMessage(m, ...rest);
      }
    };
    addEventListener('keydown', (e) => { T.cur = { key: e.timeStamp, seen: performance.now(), want: T.want, done: T.done }; }, true);
    addEventListener('input', () => { if (T.cur && T.cur.input === undefined) T.cur.input = performance.now(); }, true);
    document.addEventListener('paper-results', (e) => {
      const c = T.cur;
      if (!c || c.results !== undefined || e.detail.query !== c.want) return;
      c.results = performance.now();
      document.querySelector('paper-feed').getBoundingClientRect();
      c.layout = performance.now();
      requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => { c.paint = performance.now(); T.keys.push(c); c.done?.(); }; ch.port2.postMessage(0); });
    }, true);
  });
  await page.goto(`${server.url}/scripts/bench/pages/feed.html?search=1&src=${encodeURIComponent(`/bench-data/${corpora.files[size].file}`)}`);
  await page.waitForFunction(() => document.querySelector('paper-feed')?.shadowRoot?.querySelector('paper-card'), { timeout: 120000 });
  await new Promise((r) => setTimeout(r, 1500));
  await page.evaluate(() => document.querySelector('paper-search').focus());
  let first = true;
  for (const q of SEARCH_QUERIES) {
    for (let i = 1; i <= q.length; i++) {
      const want = q.slice(0, i);
      await page.evaluate((want) => { const T = window.__seg; T.want = want; T.promise = new Promise((r) => { T.done = r; }); }, want);
      const started = Date.now();
      await page.keyboard.type(q[i - 1]);
      const c = await page.evaluate(() => window.__seg.promise.then(() => { const rest = { ...window.__seg.cur }; delete rest.done; return rest; }));
      if (!first) all.push({ q: want, ...c });
      first = false;
      const wait = 100 - (Date.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await page.evaluate(() => { document.querySelector('paper-search').value = ''; });
    await new Promise((r) => setTimeout(r, 300));
  }
  console.error('cards rendered:', await page.evaluate(() => document.querySelector('paper-feed').shadowRoot.querySelectorAll('paper-card').length));
  await context.close();
}
await browser.close();
server.close?.();
const pct = (xs, q) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor((q / 100) * s.length))] : NaN; };
const seg = {
  'keydown→input': (c) => c.input - c.key,
  'input→post': (c) => c.post - c.input,
  'input→results': (c) => c.results - c.input,
  'post→reply': (c) => c.reply - c.post,
  'reply→results': (c) => c.results - c.reply,
  'results→laid out': (c) => c.layout - c.results,
  'TOTAL laid out': (c) => c.layout - c.key,
  'TOTAL painted': (c) => c.paint - c.key,
};
for (const [name, f] of Object.entries(seg)) console.log(name.padEnd(18), 'p50', pct(all.map(f), 50).toFixed(1).padStart(6), 'p95', pct(all.map(f), 95).toFixed(1).padStart(6));
if (process.env.KEYS) for (const c of all) console.log(c.q.padEnd(24), Object.values(seg).map((f) => f(c).toFixed(1).padStart(6)).join(''));
process.exit(0);
