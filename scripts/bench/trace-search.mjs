// Diagnostic: traces key presses into <paper-search> and prints, per key, where the main thread's
// time went between the keydown and `paper-results` (+ forced layout). Not part of `npm run bench`.
// Usage: node scripts/bench/trace-search.mjs [10k|50k|1k] [query]
import puppeteer from 'puppeteer-core';
import { ensureChromium, CHROMIUM_ARGS } from '../chromium.mjs';
import { serve } from './server.mjs';
import { buildCorpora } from './corpora.mjs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const size = process.argv[2] ?? '10k';
const query = process.argv[3] ?? 'diffusion transformer';
const n = { '1k': 1000, '10k': 10000, '50k': 50000 }[size];
const corpora = await buildCorpora(ROOT, { [size]: n });
const server = await serve(ROOT, corpora.dir);
const browser = await puppeteer.launch({ executablePath: ensureChromium(), headless: true, defaultViewport: { width: 1280, height: 800 }, args: [...CHROMIUM_ARGS.filter((a) => a !== '--headless'), '--window-size=1280,800', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'] });
const page = await browser.newPage();
await page.goto(`${server.url}/scripts/bench/pages/feed.html?search=1&src=${encodeURIComponent(`/bench-data/${corpora.files[size].file}`)}`);
await page.waitForFunction(() => document.querySelector('paper-feed')?.shadowRoot?.querySelector('paper-card'), { timeout: 120000 });
await new Promise((r) => setTimeout(r, 3000));
await page.evaluate(() => {
  window.addEventListener('keydown', () => performance.mark('key'), true);
  document.addEventListener('paper-results', (e) => { document.querySelector('paper-feed').getBoundingClientRect(); performance.mark('results:' + e.detail.query); }, true);
});
await page.evaluate(() => document.querySelector('paper-search').focus());
// warm-up: first key builds the index
await page.keyboard.type(process.env.WARM ?? 'x');
await new Promise((r) => setTimeout(r, 4000));
await page.keyboard.press('Backspace');
await new Promise((r) => setTimeout(r, 1000));
const cdp = await page.createCDPSession();
if (process.env.PROFILE) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.INTERVAL ?? 100) }); await cdp.send('Profiler.start'); }
if (!process.env.PROFILE) await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'toplevel', 'blink'] });
for (const ch of query) {
  await page.keyboard.type(ch);
  await new Promise((r) => setTimeout(r, 150));
}
if (process.env.PROFILE) {
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let total = 0;
  for (const [id, us] of dt) {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + us);
    if (f.functionName !== '(idle)') total += us;
  }
  console.log('busy ms', (total / 1000).toFixed(1));
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((us / 1000).toFixed(1).padStart(8), k);
  await browser.close();
  process.exit(0);
}
const buf = await page.tracing.stop();
await browser.close();
server.close?.();
const trace = JSON.parse(Buffer.from(buf).toString("utf8"));
const ev = trace.traceEvents;
const marks = ev.filter((e) => e.cat?.includes('blink.user_timing') && (e.name === 'key' || e.name.startsWith('results:'))).sort((a, b) => a.ts - b.ts);
const mainPid = marks[0]?.pid;
const mainTid = marks[0]?.tid;
const main = ev.filter((e) => e.pid === mainPid && e.tid === mainTid && e.ph === 'X');
let key;
const rows = [];
for (const m of marks) {
  if (m.name === 'key') { key = m.ts; continue; }
  if (key === undefined) continue;
  const end = m.ts;
  const inWin = main.filter((e) => e.ts >= key - 2000 && e.ts + (e.dur ?? 0) <= end + 20000 && e.ts < end);
  const by = {};
  for (const e of inWin) {
    if (!['FunctionCall', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'v8.run', 'ParseHTML', 'HitTest', 'PrePaint', 'Paint', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'].includes(e.name)) continue;
    let label = e.name;
    if (e.name === 'EventDispatch') label += ':' + e.args?.data?.type;
    if (e.name === 'FunctionCall') label += ':' + (e.args?.data?.functionName || '?') + '@' + String(e.args?.data?.url ?? '').split('/').pop() + ':' + e.args?.data?.lineNumber;
    by[label] = (by[label] ?? 0) + (e.dur ?? 0) / 1000;
  }
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ts + e.dur >= key && e.ts <= end).map((e) => `${((e.ts - key) / 1000).toFixed(1)}+${(e.dur / 1000).toFixed(1)}`);
  rows.push({ q: m.name.slice(8), total: ((end - key) / 1000).toFixed(1), tasks: tasks.join(' '), by: Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ') });
  key = undefined;
}
if (process.env.TREE) {
  const want = new Set(process.env.TREE.split(','));
  let k;
  for (const m of marks) {
    if (m.name === 'key') { k = m.ts; continue; }
    if (!want.has(m.name.slice(8)) || k === undefined) continue;
    console.log('== ' + m.name.slice(8));
    const evs = main.filter((e) => e.ts >= k - 1000 && e.ts <= m.ts + 1000 && (e.dur ?? 0) >= 300).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    for (const e of evs) {
      while (stack.length && stack[stack.length - 1] <= e.ts) stack.pop();
      const d = e.args?.data ?? {};
      const extra = e.name === 'FunctionCall' ? ` ${d.functionName || '?'}@${String(d.url ?? '').split('/').pop()}:${d.lineNumber}:${d.columnNumber}` : e.name === 'EventDispatch' ? ' ' + d.type : '';
      if (stack.length < 7) console.log(`${'  '.repeat(stack.length)}${((e.ts - k) / 1000).toFixed(1)} ${e.name}${extra} ${(e.dur / 1000).toFixed(1)}`);
      stack.push(e.ts + e.dur);
    }
    k = undefined;
  }
}
for (const r of rows) console.log(`${r.q.padEnd(24)} ${r.total.padStart(6)} ms  tasks[${r.tasks}]\n    ${r.by}`);
process.exit(0);
