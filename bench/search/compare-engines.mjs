#!/usr/bin/env node
// Compares candidate search engines (ours, MiniSearch, FlexSearch, Orama) in Node 20 on the relevance
// set (test/fixtures/search/relevance.json over corpus.json), index time, per-keystroke latency,
// memory and bundle size. The candidates are NOT dependencies of this project: install them in a
// scratch folder and point SCRATCH at it:
//
//   mkdir -p /tmp/search-compare && cd /tmp/search-compare && npm init -y &&
//     npm i -E minisearch@7.2.0 flexsearch@0.8.212 @orama/orama@3.1.18 esbuild@0.28.2
//   SCRATCH=/tmp/search-compare node --expose-gc bench/search/compare-engines.mjs [--big 20000]
//
// Every engine gets the same query parser, tokenizer (accent folding, camel-case parts), filters,
// phrase check and exclusions (our src/data/search modules); only the ranking of free words, prefix
// and typo matching are the engine's own. `--big N` also measures index time, memory and latency on
// N real papers built from ../shared/corpora (bench/search/corpora.mjs).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const SCRATCH = process.env.SCRATCH ?? '/tmp/search-compare';
const ROOT = new URL('../../', import.meta.url).pathname;
const require = createRequire(join(SCRATCH, 'package.json'));
const esbuild = require('esbuild');
const args = process.argv.slice(2);
const big = args.includes('--big') ? Number(args[args.indexOf('--big') + 1]) : 0;

// ---- our modules, bundled for Node ----
const ours = join(SCRATCH, 'ours.mjs');
await esbuild.build({
  stdin: {
    contents: `export { FilterSet } from './src/data/search/filters.ts';
      export { parseQuery } from './src/data/search/query.ts';
      export { tokenize, pluralVariants } from './src/data/search/tokenize.ts';
      export { createIndex } from './src/data/search/engine.ts';`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  outfile: ours,
  logLevel: 'warning',
});
const { FilterSet, parseQuery, tokenize, pluralVariants, createIndex } = await import(ours);
const MiniSearch = (await import(require.resolve('minisearch'))).default;
const flexModule = await import(require.resolve('flexsearch'));
const FlexSearch = flexModule.Document ? flexModule : flexModule.default;
const orama = await import(require.resolve('@orama/orama'));

const BOOSTS = { title: 4, authors: 3, keywords: 2, organization: 2, venue: 1.5, abstract: 1, summary: 0.5, ids: 3 };
const FIELDS = Object.keys(BOOSTS);
function fieldText(p, f) {
  switch (f) {
    case 'title': return p.title;
    case 'authors': return (p.authors ?? []).map((a) => a.name).join(' ; ');
    case 'keywords': return [...(p.keywords ?? []), ...(p.tags ?? [])].join(' ; ');
    case 'organization': return [p.organization?.name, p.organization?.fullName].filter(Boolean).join(' ; ');
    case 'venue': return p.venue ?? '';
    case 'abstract': return p.abstract ?? '';
    case 'summary': return p.summary ?? '';
    case 'ids': return [p.arxivId, p.doi].filter(Boolean).join(' ');
  }
}
const typos = (t) => (t.length >= 9 ? 2 : t.length >= 5 ? 1 : 0);

/** The shared layer for the other engines: filters, phrases, exclusions on ranked positions. */
function commonLayer(papers) {
  const filters = new FilterSet(papers);
  const tokensCache = new Map();
  const fieldTokens = (d) => {
    let t = tokensCache.get(d);
    if (!t) {
      t = ['title', 'abstract', 'keywords', 'summary', 'authors', 'organization', 'venue'].map((f) => tokenize(fieldText(papers[d], f), false));
      tokensCache.set(d, t);
    }
    return t;
  };
  const same = (tok, w) => tok === w || pluralVariants(w).includes(tok);
  const hasPhrase = (d, words) =>
    fieldTokens(d).some((toks) => {
      outer: for (let i = 0; i + words.length <= toks.length; i++) {
        for (let j = 0; j < words.length; j++) if (!same(toks[i + j], words[j])) continue outer;
        return true;
      }
      return false;
    });
  return (ranked, q) =>
    ranked.filter(
      (d) =>
        filters.testAll(d, q.filters) &&
        q.phrases.every((ph) => hasPhrase(d, ph.map((t) => t.text))) &&
        q.exclude.every((words) => (words.length === 1 ? !fieldTokens(d).some((toks) => toks.some((t) => same(t, words[0]))) : !hasPhrase(d, words))),
    );
}

// ---- adapters: build(papers) → search(query) → ranked positions ----
const ENGINES = {
  ours: {
    build(papers) {
      const index = createIndex(papers);
      return (query) => index.search(query).indices;
    },
  },
  minisearch: {
    build(papers) {
      const ms = new MiniSearch({
        fields: FIELDS,
        idField: 'i',
        extractField: (doc, f) => (f === 'i' ? doc.i : fieldText(doc.p, f)),
        tokenize: (text) => tokenize(text),
        processTerm: (t) => t,
      });
      ms.addAll(papers.map((p, i) => ({ i, p })));
      const layer = commonLayer(papers);
      return (query) => {
        const q = parseQuery(query);
        if (q.terms.length === 0) return layer(papers.map((_, i) => i), q);
        const text = q.terms.map((t) => t.text).join(' ');
        const last = q.terms.at(-1).prefix;
        const opts = (combineWith) => ({
          boost: BOOSTS,
          combineWith,
          prefix: (_t, i, all) => last && i === all.length - 1,
          fuzzy: (t) => typos(t) || false,
          tokenize: (s) => s.split(' '),
        });
        let hits = ms.search(text, opts('AND'));
        if (hits.length === 0) hits = ms.search(text, opts('OR'));
        return layer(hits.map((h) => h.id), q);
      };
    },
  },
  flexsearch: {
    build(papers) {
      const boosted = ['title', 'authors', 'keywords', 'organization'];
      const doc = new FlexSearch.Document({
        document: { id: 'i', index: [...boosted, 'all'].map((field) => ({ field, tokenize: 'forward', encode: (t) => tokenize(t), resolution: 9 })) },
      });
      papers.forEach((p, i) => {
        const rec = { i, all: FIELDS.map((f) => fieldText(p, f)).join(' ; ') };
        for (const f of boosted) rec[f] = fieldText(p, f);
        doc.add(rec);
      });
      const layer = commonLayer(papers);
      return (query) => {
        const q = parseQuery(query);
        if (q.terms.length === 0) return layer(papers.map((_, i) => i), q);
        const text = q.terms.map((t) => t.text).join(' ');
        // AND over all text for the result set (FlexSearch intersects within one field), ranks
        // from the boosted fields.
        let res = doc.search(text, { index: 'all', limit: 5000 });
        let ids = res[0]?.result ?? [];
        if (ids.length === 0) ids = doc.search(text, { index: 'all', limit: 5000, suggest: true })[0]?.result ?? [];
        const score = new Map(ids.map((id, r) => [id, 1 - r / (ids.length + 1)]));
        res = doc.search(text, { index: boosted, limit: 5000, suggest: true });
        for (const { field, result } of res) {
          result.forEach((id, r) => {
            if (score.has(id)) score.set(id, score.get(id) + BOOSTS[field] * (1 - r / (result.length + 1)));
          });
        }
        return layer([...score].sort((a, b) => b[1] - a[1]).map(([id]) => id), q);
      };
    },
  },
  orama: {
    build(papers) {
      const schema = Object.fromEntries(FIELDS.map((f) => [f, 'string']));
      const db = orama.create({
        schema: { ...schema, i: 'number' },
        components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: (raw) => tokenize(String(raw ?? '')) } },
      });
      orama.insertMultiple(db, papers.map((p, i) => ({ i, ...Object.fromEntries(FIELDS.map((f) => [f, fieldText(p, f)])) })));
      const layer = commonLayer(papers);
      return (query) => {
        const q = parseQuery(query);
        if (q.terms.length === 0) return layer(papers.map((_, i) => i), q);
        const text = q.terms.map((t) => t.text).join(' ');
        const run = (threshold) => orama.search(db, { term: text, properties: FIELDS, boost: BOOSTS, tolerance: 1, threshold, limit: 5000 });
        let hits = run(0).hits;
        if (hits.length === 0) hits = run(1).hits;
        return layer(hits.map((h) => h.document.i), q);
      };
    },
  },
};

// ---- relevance ----
const corpus = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/search/corpus.json'), 'utf8')).papers;
const relevance = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/search/relevance.json'), 'utf8')).queries;

function judge(ranked, papers, item) {
  const ids = ranked.map((d) => papers[d].id);
  const problems = [];
  for (const { id, within } of item.expect) {
    const r = ids.indexOf(id);
    if (r === -1 || r >= within) problems.push(`${id} at ${r === -1 ? 'none' : r + 1} (want ≤ ${within})`);
  }
  for (const id of item.absent ?? []) if (ids.includes(id)) problems.push(`${id} present (want absent)`);
  return problems;
}

const TYPED = ['diffusion modle', 'transfomer', 'reinforcement learning from human feedback', 'kastner', 'mixture of experts', 'author:kastner fork', 'video generation -survey', 'llm agents has:code'];
function keystrokes(search) {
  for (const q of TYPED) for (let i = 1; i <= q.length; i++) search(q.slice(0, i)); // warm up
  const times = [];
  for (const q of TYPED)
    for (let i = 1; i <= q.length; i++) {
      const s = performance.now();
      search(q.slice(0, i));
      times.push(performance.now() - s);
    }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
}

function measureBuild(engine, papers) {
  globalThis.gc?.();
  const m0 = process.memoryUsage();
  const t0 = performance.now();
  const search = engine.build(papers);
  const ms = performance.now() - t0;
  globalThis.gc?.();
  const m1 = process.memoryUsage();
  const mb = (m1.heapUsed + m1.arrayBuffers - m0.heapUsed - m0.arrayBuffers) / 1e6;
  return { search, ms, mb };
}

async function gzipSize(contents) {
  const out = await esbuild.build({ stdin: { contents, resolveDir: SCRATCH, loader: 'ts' }, bundle: true, format: 'esm', minify: true, write: false, platform: 'browser', target: 'es2022' });
  const code = out.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const SIZES = {
  ours: `export * from '${ROOT}src/data/search/index.ts';`,
  minisearch: `export { default } from 'minisearch';`,
  flexsearch: `export { Document } from 'flexsearch';`,
  orama: `export { create, insertMultiple, search } from '@orama/orama';`,
};

const rows = [];
const failures = {};
let bigPapers;
if (big) {
  const { benchPapers } = await import('./corpora.mjs');
  bigPapers = await benchPapers(big);
}
for (const [name, engine] of Object.entries(ENGINES)) {
  const small = measureBuild(engine, corpus);
  let pass = 0;
  failures[name] = [];
  for (const item of relevance) {
    const problems = judge(small.search(item.query), corpus, item);
    if (problems.length === 0) pass++;
    else failures[name].push(`${item.kind}: ${item.query} → ${problems.join('; ')}`);
  }
  const lat = keystrokes(small.search);
  const row = { engine: name, pass, of: relevance.length, indexMs: small.ms, latency: lat, size: await gzipSize(SIZES[name]) };
  if (bigPapers) {
    const b = measureBuild(engine, bigPapers);
    row.big = { indexMs: b.ms, mb: b.mb, latency: keystrokes(b.search) };
  }
  rows.push(row);
  console.error(`${name}: ${pass}/${relevance.length}`);
}

const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const lines = [];
lines.push(
  `| engine | relevance (of ${relevance.length}) | index ${corpus.length} papers | keystroke p50 / p95 (${corpus.length}) |` +
    (big ? ` index ${big} papers | memory ${big} | keystroke p50 / p95 (${big}) |` : '') +
    ' min+gzip |',
);
lines.push('| --- | --- | --- | --- |' + (big ? ' --- | --- | --- |' : '') + ' --- |');
for (const r of rows) {
  lines.push(
    `| ${r.engine} | ${r.pass} | ${f1(r.indexMs)} ms | ${f2(r.latency.p50)} / ${f2(r.latency.p95)} ms |` +
      (r.big ? ` ${Math.round(r.big.indexMs)} ms | ${Math.round(r.big.mb)} MB | ${f2(r.big.latency.p50)} / ${f2(r.big.latency.p95)} ms |` : '') +
      ` ${f1(r.size.gzip / 1024)} kB |`,
  );
}
console.log(lines.join('\n'));
mkdirSync(join(SCRATCH, 'results'), { recursive: true });
writeFileSync(join(SCRATCH, 'results/compare.json'), JSON.stringify({ rows, failures }, null, 2));
console.log('\nFailures:');
for (const [name, list] of Object.entries(failures)) {
  console.log(`\n${name} (${list.length}):`);
  for (const f of list) console.log('  - ' + f);
}
