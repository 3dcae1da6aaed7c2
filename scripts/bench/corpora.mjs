// Builds the benchmark corpora (native JSON files) in a temporary directory, never in the repo.
//
// Real records come from the shared corpora folder (../shared/corpora relative to the repo root):
// every Hugging Face api/daily_papers file read with the project's own loader (src/data/parse.ts,
// bundled for Node with esbuild), then arXiv listing rows (JSON Lines) mapped to native records and
// normalized by the same loader. Sizes beyond the real pool repeat it with distinct ids (and dates
// moved back two years per copy, so repeats do not sit next to each other in date order).
// Without the shared folder, the built-in sample (public/sample-papers.json) is repeated instead.
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdtempSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Where the shared corpora live: `../shared/corpora` from the repo root (BENCH_CORPORA overrides). */
export function corporaDir(root) {
  return process.env.BENCH_CORPORA ?? join(root, '..', 'shared', 'corpora');
}

/** Bundles src/data/parse.ts for Node into `dir` and imports it. */
async function loadParser(root, dir) {
  const out = join(dir, 'parse.bundle.mjs');
  const esbuild = join(root, 'node_modules', '.bin', 'esbuild');
  const r = spawnSync(esbuild, [join(root, 'src/data/parse.ts'), '--bundle', '--platform=node', '--format=esm', `--outfile=${out}`, '--log-level=warning'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error('esbuild could not bundle src/data/parse.ts');
  return import(pathToFileURL(out).href);
}

function hfPapers(parser, dir, notes) {
  const seen = new Set();
  const out = [];
  let skipped = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const result = parser.parseCorpus(readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) {
      skipped++;
      continue;
    }
    for (const p of result.papers) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push(p);
    }
  }
  if (skipped) notes.push(`${skipped} Hugging Face files could not be read by the loader and were skipped`);
  return out;
}

function arxivPapers(parser, dir, exclude) {
  const records = [];
  const seen = new Set(exclude);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const day = file.replace('.jsonl', '');
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let row;
      try {
        row = JSON.parse(line);
      } catch {
        continue;
      }
      if (!row.id || seen.has(row.id)) continue;
      seen.add(row.id);
      records.push({
        id: row.id,
        title: row.title,
        abstract: row.summary,
        authors: (row.authors ?? []).map((name) => ({ name })),
        published: day,
        arxivId: row.id,
        venue: 'arXiv',
        type: 'preprint',
        tags: row.categories,
        links: { arxiv: row.abs, pdf: row.pdf },
      });
    }
  }
  const result = parser.readCorpus({ format: 'paper-feed', version: 1, papers: records });
  return result.ok ? result.papers : [];
}

function shiftYears(date, years) {
  if (typeof date !== 'string' || !/^\d{4}/.test(date)) return date;
  return String(Number(date.slice(0, 4)) - years).padStart(4, '0') + date.slice(4);
}

/** `n` papers from the pool: the pool first, then copies with distinct ids. */
function take(pool, n) {
  const out = [];
  for (let copy = 0; out.length < n; copy++) {
    for (const p of pool) {
      if (out.length >= n) break;
      if (copy === 0) {
        out.push(p);
        continue;
      }
      const q = { ...p, id: `${p.id}-r${copy}` };
      if (q.published) q.published = shiftYears(q.published, 2 * copy);
      if (q.year) q.year -= 2 * copy;
      out.push(q);
    }
  }
  return out;
}

/**
 * Writes sample.json (the built-in corpus, unchanged) and one `<name>.json` per entry of `sizes`
 * (name → number of papers; falsy entries are skipped) into a new temp dir: 10k.json and 100k.json
 * by default; the benchmark adds 1k and 50k for its search figures.
 * Returns { dir, files: { sample, …sizes } (name → { file, count, bytes }), source, notes }.
 */
export async function buildCorpora(root, sizes = { '10k': 10_000, '100k': 100_000 }) {
  const dir = mkdtempSync(join(tmpdir(), 'paper-feed-bench-'));
  const notes = [];
  const shared = corporaDir(root);
  const where = process.env.BENCH_CORPORA ?? relative(root, shared);
  let pool;
  let source;
  const samplePath = join(root, 'public/sample-papers.json');
  if (existsSync(join(shared, 'hf-daily-papers'))) {
    const parser = await loadParser(root, dir);
    const hf = hfPapers(parser, join(shared, 'hf-daily-papers'), notes);
    const arxivDir = join(shared, 'arxiv-listing-jsonl');
    const arxiv = existsSync(arxivDir) ? arxivPapers(parser, arxivDir, hf.map((p) => p.arxivId ?? p.id)) : [];
    pool = [...hf, ...arxiv];
    source = `${hf.length.toLocaleString('en-US')} Hugging Face daily papers (api/daily_papers dumps read by src/data/parse.ts) + ${arxiv.length.toLocaleString('en-US')} arXiv listing rows (normalized by the same loader) from ${where}`;
  } else {
    const sample = JSON.parse(readFileSync(samplePath, 'utf8'));
    pool = sample.papers ?? sample;
    source = `the built-in sample corpus (public/sample-papers.json) repeated: ${where} is absent`;
    notes.push(`${where} not found: the 10k and 100k corpora repeat public/sample-papers.json (with distinct ids) instead of real records`);
  }
  const files = {};
  const sampleBytes = readFileSync(samplePath);
  writeFileSync(join(dir, 'sample.json'), sampleBytes);
  const sampleCount = (JSON.parse(sampleBytes.toString('utf8')).papers ?? []).length;
  files.sample = { file: 'sample.json', count: sampleCount, bytes: sampleBytes.length };
  for (const [name, n] of Object.entries(sizes)) {
    if (!n) continue; // a size left out of this run
    const papers = take(pool, n);
    const copies = Math.ceil(n / pool.length);
    if (copies > 1) notes.push(`${name}: the ${pool.length.toLocaleString('en-US')} real papers repeated ${copies}× with distinct ids`);
    const file = `${name}.json`;
    writeFileSync(join(dir, file), JSON.stringify({ format: 'paper-feed', version: 1, title: `Benchmark corpus (${name})`, papers }));
    files[name] = { file, count: papers.length, bytes: statSync(join(dir, file)).size };
  }
  return { dir, files, source, notes };
}
