#!/usr/bin/env node
// Prints raw and gzip sizes of the built entries and fails when the CDN file passes its budget.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS = [
  // [file, gzip budget in bytes or null for report only]
  // The core file: at most 20 kB gzip (issue 6). Lazy chunks (cdn/chunks/) are listed below it.
  ['cdn/paper-feed.js', 20 * 1024],
  ['dist/index.js', null],
  ['dist/define.js', null],
  ['dist/components/paper-card/paper-card.js', null],
  ['dist/components/paper-feed/paper-feed.js', null],
  ['dist/components/paper-search/paper-search.js', null],
  ['dist/components/paper-subscribe/paper-subscribe.js', null],
];

import { readdirSync } from 'node:fs';
if (existsSync('cdn/chunks')) {
  for (const f of readdirSync('cdn/chunks').filter((f) => f.endsWith('.js')).sort()) {
    // Each lazily loaded chunk has its own budget; KaTeX (math, loaded only for papers with
    // formulas) is the one large one. The virtualizer carries its flow layout (the feed's
    // subclass renders fewer rows beyond the viewport): one 9 kB chunk where there were two
    // (6.4 + 3.3 kB), the second only requested once the first had run.
    BUDGETS.push([`cdn/chunks/${f}`, (f.startsWith('math-') ? 85 : f.startsWith('virtual-list-') ? 10 : 8) * 1024]);
  }
}

if (existsSync('cdn/assets')) {
  for (const f of readdirSync('cdn/assets').filter((f) => f.endsWith('.js')).sort()) {
    // The corpus worker (parses corpus files from 1 MB and searches corpora from 5,000 papers;
    // it carries the JSON parser, the search engine, the date sort of a loaded corpus and the index
    // build's token table: 15 kB; only pages with large corpora load it) and the importers it loads
    // on demand.
    BUDGETS.push([`cdn/assets/${f}`, (f.startsWith('worker-') ? 15 : 8) * 1024]);
  }
}

let failed = false;
const rows = [];
for (const [file, budget] of BUDGETS) {
  if (!existsSync(file)) continue;
  const buf = readFileSync(file);
  const gz = gzipSync(buf, { level: 9 }).length;
  const over = budget !== null && gz > budget;
  if (over) failed = true;
  rows.push([file, (buf.length / 1024).toFixed(1) + ' kB', (gz / 1024).toFixed(1) + ' kB', budget ? (budget / 1024).toFixed(1) + ' kB' + (over ? '  OVER BUDGET' : '') : '—']);
}
const widths = [0, 1, 2, 3].map((i) => Math.max(...[['file', 'raw', 'gzip', 'budget (gzip)'], ...rows].map((r) => r[i].length)));
for (const r of [['file', 'raw', 'gzip', 'budget (gzip)'], ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
console.log('(dist/ files are unbundled modules: their size excludes what they import)');
if (failed) {
  console.error('A build output is over its gzip budget.');
  process.exit(1);
}
