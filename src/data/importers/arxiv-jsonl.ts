/**
 * arXiv metadata as JSON Lines, in two shapes:
 * - daily listings (`arxiv-jsonl`): `{ id, categories, pdf, abs, authors, title, comment, summary }`
 *   with no date (the date is the file name: pass `date`, else it is read from `fileName`, else
 *   the id's YYMM gives `YYYY-MM`); cross-lists repeat within a day and are kept once;
 * - the Kaggle / Cornell metadata snapshot (`arxiv-kaggle`): `{ id, authors, authors_parsed, title,
 *   abstract, versions: [{ version, created }], update_date, categories, doi, journal-ref, … }`.
 * A JSON array of such records is read too. Loaded on demand by `loadCorpusText`. Pure, never throws.
 */
import type { Author, CorpusFormat, CorpusProblem, ImportOptions, Paper, PaperLinks, ParseResult } from '../types.js';
import { RecordContext, isRecord, describeValue } from '../normalize.js';
import { jsonLinesFormat } from '../detect.js';
import { cleanParagraphs, collapseWhitespace, isoDate, text } from '../clean.js';
import { latexToText } from './latex.js';
import { arxivId, cleanDoi, errorMessage, failure, finish, setArxiv, setDoi } from './common.js';

type ArxivFormat = Extract<CorpusFormat, 'arxiv-jsonl' | 'arxiv-kaggle'>;

/** True for a Kaggle snapshot record (it has parsed authors or versions). */
export function isKaggleRecord(value: unknown): boolean {
  return isRecord(value) && typeof value.id === 'string' && ('authors_parsed' in value || 'versions' in value || 'update_date' in value);
}

/** True for a daily listing record. */
export function isListingRecord(value: unknown): boolean {
  return isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string' && ('abs' in value || 'summary' in value);
}

function light(value: unknown): string | undefined {
  const t = text(value);
  return t ? latexToText(t, { light: true }) : undefined;
}

/** Authors given as a list or as one string ("A, B and C"). */
function authorList(value: unknown): Author[] {
  const names = Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v : ''))
    : typeof value === 'string'
      ? value.split(/,\s*|\s+and\s+/)
      : [];
  return names.map((n) => light(n)).filter((n): n is string => !!n).map((name) => ({ name }));
}

/** Kaggle `authors_parsed`: `[last, first, suffix]` triples. */
function parsedAuthors(value: unknown): Author[] {
  if (!Array.isArray(value)) return [];
  const out: Author[] = [];
  for (const a of value) {
    if (!Array.isArray(a)) continue;
    const [last, first, suffix] = a.map((x) => (typeof x === 'string' ? x : '')) as [string, string?, string?];
    const name = light(collapseWhitespace([first, last, suffix].filter(Boolean).join(' ')));
    if (name) out.push({ name });
  }
  return out;
}

/** `2026-04-21` from a `date` option or a file name such as `data/2026-04-21.jsonl`. */
function listingDate(options: ImportOptions): string | undefined {
  const d = isoDate(options.date?.trim() ?? '');
  if (d) return d;
  const m = /(\d{4}-\d{2}-\d{2})(?!.*\d{4}-\d{2}-\d{2})/.exec(options.fileName ?? '');
  return m ? isoDate(m[1]) : undefined;
}

/** `YYYY-MM` from a new-style arXiv id (`2604.16512` → `2026-04`; `quant-ph/9905086` → `1999-05`). */
export function monthOfId(id: string): string | undefined {
  const m = /^(\d{2})(\d{2})\./.exec(id) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!m) return undefined;
  const yy = Number(m[1]);
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return undefined;
  return `${yy < 91 ? 2000 + yy : 1900 + yy}-${m[2]}`;
}

function readRecord(record: unknown, index: number, format: ArxivFormat, date: string | undefined): { paper?: Paper; problems: CorpusProblem[] } {
  const ctx = new RecordContext(index);
  if (!isRecord(record)) {
    ctx.error(undefined, 'expected an arXiv record object');
    return { problems: ctx.problems };
  }
  const rawId = text(record.id);
  const id = arxivId(rawId);
  ctx.id = id ?? rawId;
  const title = light(record.title);
  if (!title) {
    ctx.error('title', 'record without a title');
    return { problems: ctx.problems };
  }
  if (record.id === undefined || record.id === null) ctx.warn('id', 'record without an id: an id was made from the title');
  else if (!id) ctx.warn('id', `not an arXiv identifier: ${describeValue(record.id)}`);
  const paper: Paper = { id: id ?? rawId ?? '', title };
  const links: PaperLinks = {};
  const abstractRaw = format === 'arxiv-kaggle' ? (record.abstract ?? record.summary) : (record.summary ?? record.abstract);
  if (typeof abstractRaw === 'string') {
    const abstract = cleanParagraphs(latexToText(abstractRaw, { light: true }));
    if (abstract) paper.abstract = abstract;
  }
  const authors = parsedAuthors(record.authors_parsed);
  paper.authors = authors.length ? authors : authorList(record.authors);
  if (!paper.authors.length) delete paper.authors;

  let published: string | undefined;
  if (format === 'arxiv-kaggle') {
    const first: unknown = Array.isArray(record.versions) ? record.versions[0] : undefined;
    const created = isRecord(first) && typeof first.created === 'string' ? Date.parse(first.created) : NaN;
    published = Number.isNaN(created) ? isoDate(text(record.update_date) ?? '') : new Date(created).toISOString();
  } else {
    published = date ?? (id ? monthOfId(id) : undefined);
  }
  if (published) paper.published = published;

  setArxiv(paper, links, id);
  if (id) links.paper = links.arxiv;
  const doi = cleanDoi(text(record.doi)?.split(/\s+/)[0]);
  if (doi) setDoi(paper, links, doi);
  if (Object.keys(links).length) paper.links = links;
  const categories = Array.isArray(record.categories) ? record.categories : typeof record.categories === 'string' ? record.categories.split(/\s+/) : [];
  const tags = [...new Set(categories.map((c) => text(c)).filter((c): c is string => !!c))];
  if (tags.length) paper.tags = tags;
  paper.type = 'preprint';
  paper.venue = text(record['journal-ref']) ?? 'arXiv';
  return { paper, problems: ctx.problems };
}

/** Reads already-parsed arXiv records (one per JSON line, or a JSON array). */
export function readArxivRecords(records: unknown[], format: ArxivFormat, options: ImportOptions = {}, lineProblems: CorpusProblem[] = []): ParseResult {
  try {
    const date = format === 'arxiv-jsonl' ? listingDate(options) : undefined;
    const papers: Paper[] = [];
    const problems: CorpusProblem[] = [...lineProblems];
    const seen = new Set<string>();
    records.forEach((record, i) => {
      if (record === undefined) return;
      let r: ReturnType<typeof readRecord>;
      try {
        r = readRecord(record, i, format, date);
      } catch (e) {
        // One record that breaks the reader is reported and skipped; the others are kept.
        r = { problems: [{ index: i, reason: `record could not be read: ${errorMessage(e)}`, severity: 'error' }] };
      }
      problems.push(...r.problems);
      if (!r.paper) return;
      // Records without an id get one from their title later (finish): not cross-lists of each other.
      if (r.paper.id && seen.has(r.paper.id)) {
        problems.push({ index: i, id: r.paper.id, reason: 'listed again (a cross-list): kept once', severity: 'warning' });
        return;
      }
      seen.add(r.paper.id);
      papers.push(r.paper);
    });
    problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
    return finish(format, papers, problems, records.length);
  } catch (e) {
    return failure('unsupported-format', `The arXiv records could not be read: ${errorMessage(e)}.`);
  }
}

/**
 * Reads arXiv JSON Lines text (listing or Kaggle snapshot, detected from the majority of the first
 * records unless `format` forces one). A line that is not JSON is reported and skipped. Never throws.
 */
export function parseArxivJsonl(source: string, options: ImportOptions = {}): ParseResult {
  const text = source.replace(/^\ufeff/, '');
  if (text.trimStart().startsWith('[')) {
    // A JSON array of records.
    try {
      const value: unknown = JSON.parse(text);
      if (Array.isArray(value)) return readArxivRecords(value, pick(value, options), options);
    } catch {
      // Read line by line below.
    }
  }
  const lines = text.split(/\r?\n/);
  const records: unknown[] = [];
  const problems: CorpusProblem[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (!t) continue;
    try {
      records.push(JSON.parse(t));
    } catch {
      problems.push({ index: records.length, reason: `line is not valid JSON: ${t.slice(0, 60)}`, severity: 'error' });
      records.push(undefined);
    }
  }
  if (!records.some((r) => r !== undefined)) return failure('empty', 'The file holds no arXiv records.');
  return readArxivRecords(records, pick(records, options), options, problems);
}

function pick(records: unknown[], options: ImportOptions): ArxivFormat {
  if (options.format === 'arxiv-kaggle' || options.format === 'arxiv-jsonl') return options.format;
  return jsonLinesFormat(records);
}
