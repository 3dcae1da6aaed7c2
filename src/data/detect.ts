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

/**
 * The kind of a text: XML (an Atom feed or other), JSON, JSON Lines (several JSON objects, one per
 * line) or BibTeX (a line opening an `@type{` entry, after any front matter or notes). Falls back
 * on the hints when the content is none of these.
 */
export function textKind(text: string, hints: DetectHints = {}): TextKind | undefined {
  const head = text.slice(0, 8192).trimStart();
  const c = head[0];
  if (c === '<') return /<([\w-]+:)?feed[\s>]/.test(head) ? 'atom' : 'xml';
  if (c === '{') {
    const start = text.indexOf('{');
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? undefined : nl).trim();
    if (nl > 0 && line.endsWith('}') && text.slice(nl).trim().startsWith('{')) {
      try {
        if (isRecord(JSON.parse(line))) return 'jsonl';
      } catch {
        // A pretty-printed JSON object.
      }
    }
  }
  if (c === '{' || c === '[') return 'json';
  if (/^[ \t]*@[ \t]*[a-z]+[ \t]*[{(]/im.test(text.slice(0, 1 << 16))) return 'bibtex';
  return hinted(hints);
}

/** The format of an already-parsed JSON value (an array of records, a corpus object, one record). */
export function detectValue(value: unknown): CorpusFormat | undefined {
  const list = Array.isArray(value);
  const first: unknown = list ? value.find((v) => v !== null && v !== undefined) : value;
  if (list && first === undefined) return 'native';
  // Search results carry highlighted copies of the title and summary; daily items do not.
  if (isHfItem(first)) return list && ('highlightedTitle' in first || 'highlightedSummary' in first) ? 'hf-search' : 'hf-daily';
  if (isHfPaperObject(first)) return 'hf-paper';
  if (isRecord(value) && Array.isArray(value.papers)) return 'native';
  if (isRecord(first)) {
    if ('authors_parsed' in first || 'versions' in first) return 'arxiv-kaggle';
    if ('abs' in first && 'summary' in first) return 'arxiv-jsonl';
    if (typeof first.type === 'string' && !('authors' in first) && ['issued', 'author', 'container-title', 'DOI', 'URL', 'citation-key'].some((k) => k in first)) {
      return 'csl-json';
    }
  }
  return list ? 'native' : undefined;
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
  try {
    if (kind === 'jsonl') return detectValue(JSON.parse(source.trim().split('\n', 1)[0])) === 'arxiv-kaggle' ? 'arxiv-kaggle' : 'arxiv-jsonl';
    if (kind === 'json') return detectValue(JSON.parse(source));
  } catch {
    // Not JSON after all.
  }
  return undefined;
}
