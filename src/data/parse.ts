/**
 * The loader's pure core: bytes in, papers and problems out. Detects the format from content
 * (or takes a forced one), never throws, and names what it found when a file is not a corpus.
 * JSON formats are read here; BibTeX, CSL-JSON and arXiv feeds by importers that
 * `loadCorpusText` loads on demand (separate chunks, fetched only for such files).
 */
import { CORPUS_FORMATS, type CorpusFormat, type CorpusProblem, type ImportOptions, type Paper, type ParseResult } from './types.js';
import { RecordContext, ensureUniqueIds, isRecord, normalizePaper, describeValue } from './normalize.js';
import { fromHuggingFace, isHfItem, isHfPaperObject } from './huggingface.js';
import { text as cleanText } from './clean.js';
import { detectValue, textKind } from './detect.js';

/** Options of `parseCorpus`, `readCorpus` and `loadCorpusText`. */
export type ParseOptions = ImportOptions;

/** True when the string names a format the loader understands (or `auto`). */
export function isCorpusFormat(value: string): value is CorpusFormat | 'auto' {
  return value === 'auto' || (CORPUS_FORMATS as readonly string[]).includes(value);
}

type Failure = Extract<ParseResult, { ok: false }>;

function fail(kind: Failure['kind'], message: string): Failure {
  return { ok: false, kind, message };
}

/** Line and column (1-based) of a character offset. */
function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Recognizes content that is not JSON at all and says what it is. */
function sniff(source: string): Failure | undefined {
  const head = source.slice(0, 2048).trimStart();
  if (!head) return fail('empty', 'The file is empty: it holds no papers.');
  if (head.startsWith('%PDF-')) return fail('pdf', 'Expected a JSON corpus but found a PDF document.');
  const lower = head.slice(0, 200).toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || /^<(head|body|meta|title)\b/.test(lower)) {
    const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(source.slice(0, 8192))?.[1];
    const t = title ? cleanText(title) : undefined;
    return fail(
      'html',
      `Expected a JSON corpus but found an HTML page${t ? ` titled “${t}”` : ''}: the URL probably points to an error page or a website rather than to the data file.`,
    );
  }
  // eslint-disable-next-line no-control-regex
  const controls = head.slice(0, 512).match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 8) return fail('binary', 'Expected a JSON corpus but found binary data.');
  return undefined;
}

/** Offset of a JSON parser error, from its message: V8's "position N", Firefox's "line L column C". */
function errorOffset(source: string, message: string): number | undefined {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (!lc) return undefined;
  let offset = 0;
  for (let line = 1; line < Number(lc[1]); line++) {
    const nl = source.indexOf('\n', offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  return offset + Number(lc[2]) - 1;
}

/**
 * True when a parser error means the text ends too early: the engine says so, or the error is at
 * the end of the text (only white space after it), or inside a literal cut short (`tru`, `nul`).
 */
function isTruncation(source: string, message: string, offset: number | undefined): boolean {
  if (/end of (JSON )?(input|data)|Unterminated string|unterminated string/i.test(message)) return true;
  if (offset === undefined) return false;
  const rest = source.slice(offset).trim();
  return rest === '' || (rest.length < 5 && ['true', 'false', 'null'].some((w) => w.startsWith(rest) && w !== rest));
}

/** Parses JSON text, turning parser errors into a specific message with line and column. */
function parseJson(source: string): { ok: true; value: unknown } | Failure {
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const offset = errorOffset(source, message);
    if (isTruncation(source, message, offset)) {
      return fail('truncated-json', `The JSON ends too early (${source.length.toLocaleString('en-US')} characters read): the file looks truncated.`);
    }
    const where = offset !== undefined && offset <= source.length ? lineColumn(source, offset) : undefined;
    const reason = message
      .replace(/^JSON\.parse: /, '')
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ at line \d+ column \d+ of the JSON data$/, '');
    return fail('invalid-json', `The file is not valid JSON${where ? ` at line ${where.line}, column ${where.column}` : ''}: ${reason}.`);
  }
}

/** A key of the user's object as quoted in a message: white space collapsed, cut at 40 characters. */
function shortKey(key: string): string {
  const k = key.replace(/\s+/g, ' ').trim();
  return k.length > 40 ? `${k.slice(0, 40)}…` : k;
}

function describeShape(value: unknown): string {
  if (isRecord(value)) {
    const keys = Object.keys(value).slice(0, 6);
    return keys.length
      ? `a JSON object with the keys ${keys.map((k) => `“${shortKey(k)}”`).join(', ')}${Object.keys(value).length > 6 ? ', …' : ''} but no list of papers`
      : 'an empty JSON object';
  }
  if (typeof value === 'string') return 'a JSON string';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return `a JSON ${value === null ? 'null' : typeof value}`;
  // JavaScript values set as a property: no JSON counterpart.
  if (value === undefined) return 'no value at all';
  if (typeof value === 'bigint') return 'a BigInt';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Message of an unexpected exception, for a failure that names it (never throws itself). */
function thrown(e: unknown): string {
  try {
    if (e instanceof Error) return `${e.name}: ${e.message}`;
  } catch {
    // An error object whose name or message cannot be read.
  }
  return describeValue(e, 80);
}

/**
 * Reads an already-parsed value (e.g. the `papers` property or inline JSON) as a corpus. Never
 * throws: a record that breaks the reader is reported and skipped, and anything else unexpected
 * becomes a failure.
 */
export function readCorpus(value: unknown, options: ParseOptions = {}): ParseResult {
  try {
    return readValue(value, options);
  } catch (e) {
    return fail('unsupported-format', `The corpus could not be read: the reader stopped on an unexpected error (${thrown(e)}).`);
  }
}

function readValue(value: unknown, options: ParseOptions): ParseResult {
  const forced = options.format && options.format !== 'auto' ? options.format : undefined;
  const format = forced ?? detectValue(value);
  if (!format) {
    return fail('unknown-shape', `Expected a list of papers but found ${describeShape(value)}.`);
  }
  if (!format.startsWith('hf-') && format !== 'native') return needsAsync(format);
  let records: unknown[];
  let title: string | undefined;
  const problems: CorpusProblem[] = [];
  if (Array.isArray(value)) {
    records = value;
  } else if (isRecord(value) && Array.isArray(value.papers)) {
    records = value.papers;
    title = cleanText(value.title);
    if (value.format !== undefined && value.format !== 'paper-feed') {
      problems.push({ field: 'format', reason: `unknown format marker ${describeValue(value.format)}, read as paper-feed`, severity: 'warning' });
    }
  } else if (isRecord(value) && (isHfItem(value) || isHfPaperObject(value))) {
    records = [value];
  } else {
    return fail('unknown-shape', `Expected a ${format} corpus but found ${describeShape(value)}.`);
  }

  const papers: Paper[] = [];
  records.forEach((record, index) => {
    const ctx = new RecordContext(index);
    let paper: Paper | undefined;
    try {
      if (format === 'native') {
        paper = normalizePaper(record, ctx);
      } else if (isHfItem(record) && isRecord(record.paper)) {
        paper = fromHuggingFace(record.paper, record, ctx);
      } else if (isHfPaperObject(record)) {
        paper = fromHuggingFace(record, undefined, ctx);
      } else if (isRecord(record) && typeof record.title === 'string') {
        // A record of another shape inside a Hugging Face list: read what we can.
        paper = normalizePaper(record, ctx);
      } else {
        ctx.error(undefined, 'not a Hugging Face paper item');
      }
    } catch (e) {
      // One record that breaks the reader (a throwing getter, a Proxy …) is skipped, not the corpus.
      paper = undefined;
      ctx.error(undefined, `the record could not be read (${thrown(e)})`);
    }
    problems.push(...ctx.problems);
    if (paper) papers.push(paper);
  });
  ensureUniqueIds(papers, problems);
  const result: ParseResult = { ok: true, format, papers, problems, total: records.length };
  if (title) result.title = title;
  return result;
}

function needsAsync(what: string): Failure {
  return fail('unsupported-format', `${what} is read by the asynchronous loader (loadCorpusText, loadCorpusValue).`);
}

/** Why a text cannot be read as JSON: it is not a corpus, or it is one for `loadCorpusText`. */
function notJson(text: string, options: ParseOptions): Failure | undefined {
  const kind = textKind(text, options);
  if (kind === 'xml') return fail('xml', 'Expected a corpus but found an XML document that is not an Atom feed.');
  return kind && kind !== 'json' ? needsAsync(kind) : undefined;
}

/**
 * Parses the text of a JSON corpus file (native or Hugging Face) synchronously. Never throws.
 * Other formats need {@link loadCorpusText}.
 */
export function parseCorpus(source: string, options: ParseOptions = {}): ParseResult {
  try {
    if (typeof source !== 'string') return fail('unknown-shape', `Expected the text of a corpus file but found ${describeValue(source)}.`);
    const cleaned = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    const sniffed = sniff(cleaned) ?? notJson(cleaned, options);
    if (sniffed) return sniffed;
    const json = parseJson(cleaned);
    if (!json.ok) return json;
    return readCorpus(json.value, options);
  } catch (e) {
    return fail('unsupported-format', `The file could not be read: the reader stopped on an unexpected error (${thrown(e)}).`);
  }
}

/** Runs an importer loaded on demand; a chunk that fails to load (offline) becomes a failure. */
async function lazily(what: string, run: () => Promise<ParseResult>): Promise<ParseResult> {
  try {
    return await run();
  } catch (e) {
    return fail('unsupported-format', `The ${what} reader could not be loaded or stopped on an unexpected error (${thrown(e)}).`);
  }
}

/** Runs a loader so that it neither throws synchronously nor rejects: anything unexpected becomes a failure. */
async function guarded(what: string, run: () => Promise<ParseResult>): Promise<ParseResult> {
  try {
    return await run();
  } catch (e) {
    return fail('unsupported-format', `The ${what} could not be read: the reader stopped on an unexpected error (${thrown(e)}).`);
  }
}

/**
 * Reads an already-parsed value in any JSON format, CSL-JSON and arrays of arXiv records included
 * (their importers are loaded on demand). Never throws, never rejects.
 */
export function loadCorpusValue(value: unknown, options: ParseOptions = {}): Promise<ParseResult> {
  return guarded('corpus', () => loadValue(value, options));
}

function loadValue(value: unknown, options: ParseOptions): Promise<ParseResult> {
  const format = options.format && options.format !== 'auto' ? options.format : detectValue(value);
  if (format === 'csl-json') return lazily(format, async () => (await import('./importers/csl.js')).readCsl(value, options));
  if ((format === 'arxiv-jsonl' || format === 'arxiv-kaggle') && Array.isArray(value)) {
    return lazily(format, async () => (await import('./importers/arxiv-jsonl.js')).readArxivRecords(value, format, options));
  }
  return Promise.resolve(readCorpus(value, options));
}

/**
 * Reads the text of a corpus file in any supported format: detects it from content (the
 * `fileName` and `contentType` options are hints), or takes `format`. BibTeX, arXiv Atom and
 * JSON Lines importers are loaded on demand. Never throws, never rejects.
 */
export function loadCorpusText(source: string, options: ParseOptions = {}): Promise<ParseResult> {
  return guarded('file', () => loadText(source, options));
}

async function loadText(source: string, options: ParseOptions): Promise<ParseResult> {
  if (typeof source !== 'string') return fail('unknown-shape', `Expected the text of a corpus file but found ${describeValue(source)}.`);
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const forced = options.format && options.format !== 'auto' ? options.format : undefined;
  const kind = forced ? (forced === 'bibtex' ? 'bibtex' : forced === 'arxiv-atom' ? 'atom' : forced.startsWith('arxiv') ? 'jsonl' : 'json') : textKind(text, options);
  const sniffed = sniff(text);
  if (sniffed) return sniffed;
  if (kind === 'bibtex') return lazily(kind, async () => (await import('./importers/bibtex.js')).parseBibtex(text, options));
  if (kind === 'atom') return lazily(kind, async () => (await import('./importers/arxiv-atom.js')).parseArxivAtom(text, options));
  if (kind === 'jsonl') return lazily(kind, async () => (await import('./importers/arxiv-jsonl.js')).parseArxivJsonl(text, options));
  const failure = notJson(text, options);
  if (failure) return failure;
  const json = parseJson(text);
  return json.ok ? loadCorpusValue(json.value, options) : json;
}
