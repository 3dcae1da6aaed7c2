/**
 * Format detection from content: the text's first characters, then (for JSON) the shape of the
 * value. The file name and HTTP content type are only hints, used when the content says nothing.
 * Small on purpose: it is part of the core bundle, the importers are not. Pure, no DOM.
 */
import type { CorpusFormat, ImportOptions } from './types.js';
import { isRecord } from './normalize.js';
import { isHfItem, isHfPaperObject } from './huggingface.js';

/** What a text is before any JSON parsing. */
export type TextKind = 'json' | 'jsonl' | 'bibtex' | 'atom' | 'xml';

/** Hints for {@link detectFormat}: where the text came from. */
export type DetectHints = Pick<ImportOptions, 'fileName' | 'contentType'>;

function hinted({ fileName = '', contentType = '' }: DetectHints): TextKind | undefined {
  const name = fileName.replace(/[?#].*$/, '').toLowerCase();
  const type = contentType.toLowerCase();
  if (/\.(bib|bibtex|biblatex)$/.test(name) || type.includes('bibtex')) return 'bibtex';
  if (/\.(jsonl|ndjson)$/.test(name) || /ndjson|jsonl|json-seq/.test(type)) return 'jsonl';
  if (/\.(atom|xml)$/.test(name) || type.includes('xml')) return 'atom';
  return /\.json$/.test(name) || type.includes('json') ? 'json' : undefined;
}

/** How many non-empty lines (or records) detection looks at. */
const SAMPLE = 20;

/** The first `max` non-empty lines of a text, trimmed. */
function firstLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let pos = 0;
  while (pos < text.length && lines.length < max) {
    const nl = text.indexOf('\n', pos);
    const line = text.slice(pos, nl < 0 ? text.length : nl).trim();
    if (line) lines.push(line);
    pos = nl < 0 ? text.length : nl + 1;
  }
  return lines;
}

/** The line as a JSON object, or undefined (only lines that look like one are parsed). */
function lineRecord(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{') || !line.endsWith('}')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when a text is JSON Lines: most of its first non-empty lines are JSON objects, one per line
 * (so one broken, cut-off or odd line, even the first, does not change the verdict). With a
 * `.jsonl` / `.ndjson` name or content type, one object line is enough.
 */
function looksLikeJsonLines(text: string, hint: TextKind | undefined): boolean {
  const lines = firstLines(text, SAMPLE);
  if (lines.length < 2) return false;
  let objects = 0;
  for (const line of lines) if (lineRecord(line)) objects++;
  return objects * 2 > lines.length || (hint === 'jsonl' && objects > 0);
}

/**
 * The kind of a text: XML (an Atom feed or other), JSON, JSON Lines (JSON objects, one per line,
 * decided by the majority of the first lines) or BibTeX (a line opening an `@type{` entry, after
 * any front matter or notes). Falls back on the hints when the content is none of these.
 */
export function textKind(text: string, hints: DetectHints = {}): TextKind | undefined {
  const head = text.slice(0, 8192).trimStart();
  const c = head[0];
  if (c === '<') return /<([\w-]+:)?feed[\s>]/.test(head) ? 'atom' : 'xml';
  const hint = hinted(hints);
  if (c !== '@' && looksLikeJsonLines(text, hint)) return 'jsonl';
  if (c === '{' || c === '[') return 'json';
  if (/^[ \t]*@[ \t]*[a-z]+[ \t]*[{(]/im.test(text.slice(0, 1 << 16))) return 'bibtex';
  return hint;
}

/** The format one record suggests, or undefined for a record that suggests none in particular. */
function recordFormat(record: Record<string, unknown>, inList: boolean): CorpusFormat | undefined {
  const hfItem: boolean = isHfItem(record);
  const hfPaper: boolean = isHfPaperObject(record);
  // Search results carry highlighted copies of the title and summary; daily items do not.
  if (hfItem) return inList && (Object.hasOwn(record, 'highlightedTitle') || Object.hasOwn(record, 'highlightedSummary')) ? 'hf-search' : 'hf-daily';
  if (hfPaper) return 'hf-paper';
  if (Object.hasOwn(record, 'authors_parsed') || Object.hasOwn(record, 'versions')) return 'arxiv-kaggle';
  if (Object.hasOwn(record, 'abs') && Object.hasOwn(record, 'summary')) return 'arxiv-jsonl';
  if (typeof record.type === 'string' && !Object.hasOwn(record, 'authors') && ['issued', 'author', 'container-title', 'DOI', 'URL', 'citation-key'].some((k) => Object.hasOwn(record, k))) {
    return 'csl-json';
  }
  return undefined;
}

/**
 * The format most of the first records (objects only, up to 20) suggest: one corrupt record, even
 * the first, does not change it. Records that suggest nothing count for `native`; a tie goes to
 * the format seen first.
 */
export function majorityFormat(records: readonly unknown[]): CorpusFormat | undefined {
  const votes = new Map<CorpusFormat, number>();
  let seen = 0;
  for (let i = 0; i < records.length && seen < SAMPLE; i++) {
    const record = records[i];
    if (!isRecord(record)) continue;
    seen++;
    const format = recordFormat(record, true) ?? 'native';
    votes.set(format, (votes.get(format) ?? 0) + 1);
  }
  let best: CorpusFormat | undefined;
  let most = 0;
  for (const [format, n] of votes) {
    if (n > most) {
      best = format;
      most = n;
    }
  }
  return best;
}

/** The format of an already-parsed JSON value (an array of records, a corpus object, one record). */
export function detectValue(value: unknown): CorpusFormat | undefined {
  if (Array.isArray(value)) return majorityFormat(value) ?? 'native';
  if (!isRecord(value)) return undefined;
  const format = recordFormat(value, false);
  if (format === 'hf-daily' || format === 'hf-paper') return format;
  if (Array.isArray(value.papers)) return 'native';
  return format;
}

/**
 * Detects the format of a corpus file from its content, with the file name and content type as
 * hints. Undefined when the text is not a corpus in any known format (an HTML page, an RSS feed,
 * broken JSON …); `parseCorpus` / `loadCorpusText` then say what it is.
 */
export function detectFormat(text: string, hints: DetectHints = {}): CorpusFormat | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const kind = textKind(source, hints);
  if (kind === 'bibtex') return 'bibtex';
  if (kind === 'atom') return 'arxiv-atom';
  if (kind === 'jsonl') return jsonLinesFormat(firstLines(source, SAMPLE).map(lineRecord));
  if (kind === 'json') {
    try {
      return detectValue(JSON.parse(source));
    } catch {
      // Not JSON after all.
    }
  }
  return undefined;
}

/** True for a record of the Kaggle / Cornell snapshot (parsed authors, versions or an update date). */
function kaggleShaped(record: Record<string, unknown>): boolean {
  return Object.hasOwn(record, 'authors_parsed') || Object.hasOwn(record, 'versions') || Object.hasOwn(record, 'update_date');
}

/**
 * Kaggle snapshot or daily listing, by the majority of the first records that are objects (up to
 * 20): a corrupt or odd first record does not decide for the whole file. A tie reads as a listing.
 */
export function jsonLinesFormat(records: readonly unknown[]): 'arxiv-kaggle' | 'arxiv-jsonl' {
  let kaggle = 0;
  let seen = 0;
  for (let i = 0; i < records.length && seen < SAMPLE; i++) {
    const record = records[i];
    if (!isRecord(record)) continue;
    seen++;
    if (kaggleShaped(record)) kaggle++;
  }
  return kaggle * 2 > seen ? 'arxiv-kaggle' : 'arxiv-jsonl';
}
