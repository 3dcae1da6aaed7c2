// Attributes the longest main-thread stretch of a CDP CPU profile to functions, mapped back to the
// original sources through the CDN build's source maps (cdn/*.js.map).
import { SourceMap } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const maps = new Map();
function sourceMapFor(root, url) {
  const m = /\/(cdn\/.+\.js)$/.exec(url);
  if (!m) return null;
  const file = join(root, m[1] + '.map');
  if (!maps.has(file)) {
    try {
      maps.set(file, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
    } catch {
      maps.set(file, null);
    }
  }
  return maps.get(file);
}

/** A readable name for a profile frame: original file:line and a function name. */
function describe(root, frame) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  // The benchmark's own probe: its getBoundingClientRect calls force the frame's style and layout.
  if (frame.url.endsWith('bench-probe.js')) return `bench probe ${name} (forces the frame's style + layout)`;
  const map = sourceMapFor(root, frame.url);
  const short = frame.url.replace(/^https?:\/\/[^/]+\//, '');
  if (!map) return `${name} (${short}:${frame.lineNumber + 1})`;
  const e = map.findEntry(frame.lineNumber, frame.columnNumber);
  if (!e || !e.originalSource) return `${name} (${short}:${frame.lineNumber + 1})`;
  const src = e.originalSource.replace(/^(\.\.\/)+/, '');
  let original = e.name;
  if (!original) {
    const idx = map.payload.sources.indexOf(e.originalSource);
    const line = map.payload.sourcesContent?.[idx]?.split('\n')[e.originalLine] ?? '';
    const rest = line.slice(e.originalColumn);
    const around = line.slice(Math.max(0, e.originalColumn - 60), e.originalColumn + 80);
    const m =
      /^(?:async\s+)?function\s*\*?\s*([\w$]+)/.exec(rest) ??
      /^(?:(?:private|protected|public|static|override|async|get|set)\s+)*([\w$]+)\s*(?:<[^>]*>)?\s*\(/.exec(rest.trimStart()) ??
      /(?:const|let|var)\s+([\w$]+)\s*=\s*(?:async\s*)?(?:\([^)]*\)|[\w$]+)\s*(?::[^=]*)?=>\s*$/.exec(line.slice(0, e.originalColumn + 1)) ??
      /([\w$]+)\s*(?:=|:)\s*(?:async\s*)?\(?[^()]*\)?\s*=>/.exec(around) ??
      /([\w$]+)\s*\(/.exec(rest);
    original = m?.[1];
  }
  return `${original ?? name} (${src}:${e.originalLine + 1})`;
}

/**
 * The longest contiguous stretch of busy samples (everything but "(idle)") in the profile, and
 * the functions it spent its time in: self time and total (inclusive) time, top `n` of each.
 * `others` lists the other stretches longer than `over` ms with their top self-time functions.
 */
export function attributeLongestStretch(root, profile, n = 6, over = 200) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const samples = profile.samples;
  const deltas = profile.timeDeltas;
  const dur = (i) => (i + 1 < deltas.length ? deltas[i + 1] : 0) / 1000; // ms
  const idle = (i) => nodes.get(samples[i])?.callFrame.functionName === '(idle)';
  const stretches = [];
  let start = -1;
  let ms = 0;
  for (let i = 0; i <= samples.length; i++) {
    if (i < samples.length && !idle(i)) {
      if (start < 0) {
        start = i;
        ms = 0;
      }
      ms += dur(i);
    } else if (start >= 0) {
      stretches.push({ start, end: i - 1, ms });
      start = -1;
    }
  }
  stretches.sort((a, b) => b.ms - a.ms);
  const best = stretches[0] ?? { start: 0, end: -1, ms: 0 };
  const main = attribute(root, best, nodes, parent, samples, dur, n);
  const others = stretches
    .slice(1)
    .filter((s) => s.ms > over)
    .map((s) => ({ ms: Math.round(s.ms), self: attribute(root, s, nodes, parent, samples, dur, 3).self }));
  return { stretchMs: Math.round(best.ms), ...main, others };
}

function attribute(root, best, nodes, parent, samples, dur, n) {
  const self = new Map();
  const total = new Map();
  const program = { '(program)': 0, '(garbage collector)': 0 };
  for (let i = best.start; i <= best.end; i++) {
    const d = dur(i);
    const leaf = nodes.get(samples[i]);
    const fn = leaf.callFrame.functionName;
    if (fn in program) program[fn] += d;
    const key = describe(root, leaf.callFrame);
    self.set(key, (self.get(key) ?? 0) + d);
    const seen = new Set();
    for (let id = samples[i]; id !== undefined; id = parent.get(id)) {
      const node = nodes.get(id);
      if (node.callFrame.functionName === '(root)') break;
      const k = describe(root, node.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + d);
    }
  }
  const top = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, t]) => ({ name, ms: Math.round(t) }));
  return { self: top(self), total: top(total), native: Object.fromEntries(Object.entries(program).map(([k, v]) => [k, Math.round(v)])) };
}
