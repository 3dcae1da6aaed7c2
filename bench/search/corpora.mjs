// Reads the real corpora of ../shared/corpora into our native papers, for the search fixture and
// the benchmarks. Hugging Face daily files go through the project's own loader (`parseCorpus`);
// arXiv listing rows and BibTeX entries are mapped to native records and then normalized by the
// same loader.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport } from 'vite';

export const CORPORA = new URL('../../../shared/corpora/', import.meta.url).pathname;

let parseCorpusFn;
/** The project's `parseCorpus`, loaded from the TypeScript source. */
export async function parseCorpus(text, options) {
  if (!parseCorpusFn) {
    const root = new URL('../../', import.meta.url).pathname;
    const { module } = await runnerImport(join(root, 'src/data/parse.ts'), { configFile: false, logLevel: 'warn', root });
    parseCorpusFn = module.parseCorpus;
  }
  return parseCorpusFn(text, options);
}

export function requireCorpora() {
  if (!existsSync(CORPORA)) {
    console.error(`The shared corpora are not at ${CORPORA}.`);
    process.exit(1);
  }
}

/** Every paper of the Hugging Face daily files, oldest day first, first occurrence of each id. */
export async function loadHfDaily() {
  const dir = join(CORPORA, 'hf-daily-papers');
  const seen = new Set();
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const result = await parseCorpus(readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) continue;
    for (const p of result.papers) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push({ ...p, _source: `hf-daily-papers/${file}` });
    }
  }
  return out;
}

/** arXiv listing rows (JSON Lines), one paper per arXiv id, dated by the file name. */
export async function loadArxivListing() {
  const dir = join(CORPORA, 'arxiv-listing-jsonl');
  const seen = new Set();
  const records = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const day = file.replace('.jsonl', '');
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line);
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
        tags: row.categories,
        links: { arxiv: row.abs, pdf: row.pdf },
        _source: `arxiv-listing-jsonl/${file}`,
      });
    }
  }
  const result = await parseCorpus(JSON.stringify({ format: 'paper-feed', version: 1, papers: records }));
  if (!result.ok) throw new Error(result.message);
  const sources = new Map(records.map((r) => [r.id, r._source]));
  return result.papers.map((p) => ({ ...p, _source: sources.get(p.id) }));
}

// ---- BibTeX (a small reader: enough for titles, authors, venues, years, abstracts, links) ----

const ACCENTS = { '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307', c: '\u0327', v: '\u030c', u: '\u0306', H: '\u030b', r: '\u030a', k: '\u0328' };
const LETTERS = { ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', o: 'ø', O: 'Ø', ss: 'ß', l: 'ł', L: 'Ł', aa: 'å', AA: 'Å', i: 'ı', j: 'ȷ' };

/** LaTeX accents and braces to Unicode text. */
export function latexToText(value) {
  let s = value;
  // {\"a}, \"{a}, \"a, {\'\i}, \c{c}
  s = s.replace(/\{?\\([`'^"~=.])\s*\{?\\?([A-Za-z])\}?\}?/g, (_, a, c) => (c === 'i' ? 'i' : c) + ACCENTS[a]);
  s = s.replace(/\{?\\([cvuHrk])\{([A-Za-z])\}\}?/g, (_, a, c) => c + ACCENTS[a]);
  s = s.replace(/\{\\(ae|AE|oe|OE|o|O|ss|l|L|aa|AA)\}/g, (_, l) => LETTERS[l]);
  s = s.replace(/\\(ae|AE|oe|OE|ss|aa|AA)\b/g, (_, l) => LETTERS[l]);
  s = s.replace(/\{"([A-Za-z])\}/g, (_, c) => c + '\u0308'); // J{"u}rgen (a common slip)
  s = s.replace(/\\&/g, '&').replace(/\\%/g, '%').replace(/\\_/g, '_').replace(/~/g, ' ').replace(/--/g, '–');
  s = s.replace(/\\(emph|textit|textbf|textsc|mathrm|text)\{/g, '{');
  s = s.replace(/[{}]/g, '');
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Entries of a .bib file: `{ type, key, fields }`, field values raw (braces kept). */
export function readBibtex(source) {
  const entries = [];
  const re = /@(\w+)\s*\{\s*([^,\s]*)\s*,/g;
  let m;
  while ((m = re.exec(source))) {
    const type = m[1].toLowerCase();
    if (type === 'comment' || type === 'string' || type === 'preamble') continue;
    let i = re.lastIndex;
    const fields = {};
    for (;;) {
      const fm = /^\s*([\w-]+)\s*=\s*/.exec(source.slice(i, i + 200));
      if (!fm) break;
      const name = fm[1].toLowerCase();
      i += fm[0].length;
      let value = '';
      if (source[i] === '{' || source[i] === '"') {
        const close = source[i] === '{' ? '}' : '"';
        let depth = 0;
        let j = i;
        for (; j < source.length; j++) {
          const ch = source[j];
          if (ch === '\\') {
            j++;
            continue;
          }
          if (ch === '{') depth++;
          else if (ch === '}') depth--;
          if (close === '"' ? ch === '"' && j > i && depth === 0 : depth === 0) break;
        }
        value = source.slice(i + 1, j);
        i = j + 1;
      } else {
        const vm = /^[^,}\s]+/.exec(source.slice(i));
        value = vm ? vm[0] : '';
        i += value.length;
      }
      fields[name] = value;
      const sep = /^\s*,?/.exec(source.slice(i));
      i += sep[0].length;
      if (source[i] === '}') break;
    }
    re.lastIndex = i;
    entries.push({ type, key: m[2], fields });
  }
  return entries;
}

const TYPES = { article: 'article', inproceedings: 'conference', conference: 'conference', book: 'book', incollection: 'chapter', phdthesis: 'thesis', mastersthesis: 'thesis', techreport: 'report', misc: 'misc', unpublished: 'preprint' };

/** "Last, First and First Last" → names in reading order. */
function bibAuthors(value) {
  return latexToText(value)
    .split(/\s+and\s+/)
    .map((a) => a.trim())
    .filter((a) => a && a !== 'others')
    .map((a) => {
      const parts = a.split(',').map((s) => s.trim());
      return parts.length >= 2 ? `${parts.slice(1).join(' ')} ${parts[0]}`.trim() : a;
    })
    .map((a) => a.replace(/[*†+]+$/u, '').trim());
}

/** Every BibTeX entry with a title, as native papers (ids made unique per file). */
export async function loadBibtex() {
  const dir = join(CORPORA, 'bibtex');
  const records = [];
  for (const site of readdirSync(dir).sort()) {
    for (const file of readdirSync(join(dir, site)).filter((f) => f.endsWith('.bib'))) {
      const seen = new Set();
      for (const { type, key, fields } of readBibtex(readFileSync(join(dir, site, file), 'utf8'))) {
        if (!fields.title) continue;
        let id = `${site.split('__')[0]}:${key}`;
        while (seen.has(id)) id += '+';
        seen.add(id);
        const url = (v) => (v && /^https?:\/\//.test(v.trim()) ? v.trim() : undefined);
        records.push({
          id,
          title: latexToText(fields.title),
          abstract: fields.abstract ? latexToText(fields.abstract) : undefined,
          authors: fields.author ? bibAuthors(fields.author).map((name) => ({ name })) : undefined,
          published: /^\d{4}$/.test((fields.year ?? '').trim()) ? fields.year.trim() : undefined,
          venue: fields.journal || fields.booktitle ? latexToText(fields.journal || fields.booktitle) : undefined,
          keywords: fields.keywords ? latexToText(fields.keywords).split(/\s*[,;]\s*/).filter(Boolean) : undefined,
          doi: fields.doi?.trim() || undefined,
          type: TYPES[type] ?? 'misc',
          links: { paper: url(fields.url) ?? url(fields.html), pdf: url(fields.pdf), code: url(fields.code) },
          _source: `bibtex/${site}/${file}`,
        });
      }
    }
  }
  const result = await parseCorpus(JSON.stringify({ format: 'paper-feed', version: 1, papers: records }));
  if (!result.ok) throw new Error(result.message);
  const sources = new Map(records.map((r) => [r.id, r._source]));
  return result.papers.map((p) => ({ ...p, _source: sources.get(p.id) }));
}

/** A paper with only the fields the search reads (what the test fixture keeps). */
export function compact(p) {
  const out = { id: p.id, title: p.title };
  if (p.abstract) out.abstract = p.abstract;
  if (p.authors?.length) out.authors = p.authors.map((a) => ({ name: a.name }));
  if (p.organization) out.organization = { name: p.organization.name, ...(p.organization.fullName ? { fullName: p.organization.fullName } : {}) };
  if (p.keywords?.length) out.keywords = p.keywords;
  if (p.tags?.length) out.tags = p.tags;
  if (p.venue) out.venue = p.venue;
  if (p.published) out.published = p.published;
  if (p.arxivId) out.arxivId = p.arxivId;
  if (p.doi) out.doi = p.doi;
  const links = {};
  if (p.links?.code) links.code = p.links.code;
  if (p.links?.pdf) links.pdf = p.links.pdf;
  if (Object.keys(links).length) out.links = links;
  return out;
}

/**
 * `size` real papers for benchmarks: every Hugging Face daily paper, arXiv listing paper and BibTeX
 * entry, interleaved, repeated with distinct ids (`id#2`, `id#3`…) when more are needed.
 */
export async function benchPapers(size) {
  const pools = [await loadHfDaily(), await loadArxivListing(), await loadBibtex()];
  const all = [];
  const longest = Math.max(...pools.map((p) => p.length));
  for (let i = 0; i < longest; i++) for (const pool of pools) if (i < pool.length) all.push(pool[i]);
  const out = [];
  for (let round = 1; out.length < size; round++) {
    for (const p of all) {
      if (out.length >= size) break;
      const paper = { ...p };
      delete paper._source;
      out.push(round === 1 ? paper : { ...paper, id: `${paper.id}#${round}` });
    }
  }
  return out;
}
