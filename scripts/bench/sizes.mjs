// Raw and gzip sizes of the CDN file, its lazy chunks and worker, measured as scripts/size.mjs does
// (gzip level 9), with the same budgets: 20 kB for the core (issue #6), 85 kB for KaTeX, 10 kB for
// the virtualizer, 15 kB for the corpus worker, 8 kB for every other chunk.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CORE_BUDGET = 20 * 1024;
const chunkBudget = (name) => (name.startsWith('math-') ? 85 : name.startsWith('virtual-list-') ? 10 : name.startsWith('worker-') ? 15 : 8) * 1024;

export function cdnSizes(root) {
  const out = [];
  const measure = (rel, budget) => {
    const buf = readFileSync(join(root, rel));
    out.push({ file: rel, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, budget });
  };
  measure('cdn/paper-feed.js', CORE_BUDGET);
  for (const sub of ['chunks', 'assets']) {
    // cdn/chunks: lazy chunks; cdn/assets: the search worker (started for large corpora).
    const dir = join(root, 'cdn', sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) measure(`cdn/${sub}/${f}`, chunkBudget(f));
  }
  return out;
}
