// Diagnostic (not part of `npm run bench`): traces loads of a corpus of N papers (default 50,000)
// into feed.html?search=1 and prints, per load, every main-thread task of MIN ms or more (default
// 10): when it started (ms since the trace began), how long it took, the garbage collections inside
// it (m: scavenge, M: mark-compact, in ms) and what ran (the function a message called, or the
// kind of work). With DETAIL=ms, tasks from that length on are broken down by trace event.
// Tracing slows tasks down by a few milliseconds: for the real figures, use `npm run bench`
// (BENCH_ONLY=indexing) or scripts/bench/handover.mjs.
// Usage: node scripts/bench/trace-load.mjs [papers] [runs]   (env MIN, DETAIL, WAIT)
import puppeteer from 'puppeteer-core';
import { ensureChromium, CHROMIUM_ARGS } from '../chromium.mjs';
import { serve } from './server.mjs';
import { buildCorpora } from './corpora.mjs';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';

const n = Number(process.argv[2] ?? 50000);
const runs = Number(process.argv[3] ?? 1);
const MIN = Number(process.env.MIN ?? 10) * 1000;
const DETAIL = process.env.DETAIL ? Number(process.env.DETAIL) * 1000 : Infinity;
const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const corpora = await buildCorpora(ROOT, { x: n });
const server = await serve(ROOT, corpora.dir);
const key = (e) => `${e.pid}:${e.tid}`;
const isGc = (e) => e.name === 'MinorGC' || e.name === 'MajorGC';

for (let r = 0; r < runs; r++) {
  const browser = await puppeteer.launch({
    executablePath: ensureChromium(),
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    args: [...CHROMIUM_ARGS.filter((a) => a !== '--headless'), '--window-size=1280,800'],
  });
  const page = await browser.newPage();
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.gc', 'toplevel', 'v8.execute'] });
  await page.goto(`${server.url}/scripts/bench/pages/feed.html?search=1&src=/bench-data/${corpora.files.x.file}`);
  await page.waitForFunction(() => document.querySelector('paper-feed')?.shadowRoot?.querySelector('paper-card'), { timeout: 120000 });
  // The worker builds the search index once the page is idle: trace that too.
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.WAIT ?? 5000)));
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
  await browser.close();

  // The page's main thread: the renderer main thread with the most events.
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [key(e), e.args.name]));
  const count = new Map();
  for (const e of events) count.set(key(e), (count.get(key(e)) ?? 0) + 1);
  const mainKey = [...names]
    .filter(([, v]) => v === 'CrRendererMain')
    .sort((a, b) => (count.get(b[0]) ?? 0) - (count.get(a[0]) ?? 0))[0]?.[0];
  const main = events.filter((e) => key(e) === mainKey && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const t0 = main[0]?.ts ?? 0;
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur >= MIN);
  const rows = [];
  for (const t of tasks) {
    const inside = main.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur);
    const gcs = inside.filter(isGc).map((e) => `${e.name === 'MinorGC' ? 'm' : 'M'}${Math.round(e.dur / 1000)}`);
    const what = inside.find((e) => e.name === 'FunctionCall')?.args?.data?.functionName || inside.find((e) => /RunMicrotasks|ParseHTML|EvaluateScript|v8\.compile|TimerFire|UpdateLayoutTree|Layout|GC/.test(e.name))?.name || '';
    rows.push(`${Math.round((t.ts - t0) / 1000)}: ${Math.round(t.dur / 1000)} ms${gcs.length ? ` (gc ${gcs.join('+')})` : ''}${what ? ` ${what}` : ''}`);
    if (t.dur >= DETAIL) {
      const by = new Map();
      for (const e of inside) if (e.dur >= 1000 && !/^V8\.GC/.test(e.name)) by.set(e.name, (by.get(e.name) ?? 0) + e.dur);
      rows.push(`    ${[...by].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}`);
    }
  }
  const longest = Math.max(0, ...tasks.map((t) => t.dur)) / 1000;
  console.log(`load ${r + 1}: ${tasks.filter((t) => t.dur >= 50000).length} tasks of 50 ms or more; longest ${Math.round(longest)} ms`);
  for (const row of rows) console.log(`  ${row}`);
}
await server.close();
rmSync(corpora.dir, { recursive: true, force: true });
process.exit(0);
