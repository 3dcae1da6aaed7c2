/**
 * CSL-JSON importer (Zotero "Better CSL JSON" / CSL JSON exports, Manubot, citeproc): a JSON array
 * of items `{ id, type, title, author: [{ family, given } | { literal }], issued: { 'date-parts':
 * [[y, m, d]] }, 'container-title', DOI, URL, abstract, … }`. Date parts may be strings; abstracts
 * from Crossref carry JATS tags (`<jats:p>`, `<jats:italic>`), which become plain text. Loaded on
 * demand by `loadCorpusText`. Pure, never throws.
 */
import type { Author, CorpusProblem, ImportOptions, Paper, PaperLinks, PaperType, ParseResult } from '../types.js';
import { RecordContext, isRecord } from '../normalize.js';
import { cleanParagraphs, collapseWhitespace, isoDate, text } from '../clean.js';
import { safeUrl } from '../text.js';
import { decodeEntities } from './latex.js';
import { arxivId, cleanDoi, dateFrom, errorMessage, failure, finish, setDoi } from './common.js';

/**
 * Markup (CSL rich text, HTML, JATS) reduced to plain text: paragraphs and section titles become
 * paragraphs, every other tag is dropped (its text kept), character references are decoded.
 */
export function markupToText(value: string): string {
  const t = value
    .replace(/<\/?(?:jats:)?(?:p|sec|div|title|br|li|ul|ol|list|list-item|abstract)\b[^<>]*>/gi, '\n\n')
    .replace(/<\/?[a-zA-Z][\w:.-]*(?:\s[^<>]*)?\/?>/g, '');
  return cleanParagraphs(decodeEntities(t)).replace(/^Abstract\n\n/i, '');
}

/** Text of a value given as a string, a number or (Zotero) a list holding one: `["Title"]`. */
function str(value: unknown): string | undefined {
  let v = value;
  // Lists nested in lists: the first item, a few levels down at most (no recursion on hostile nesting).
  for (let depth = 0; Array.isArray(v) && depth < 8; depth++) v = (v as unknown[])[0];
  if (typeof v === 'number') return String(v);
  return text(v);
}

function readName(value: unknown): Author | undefined {
  if (typeof value === 'string') {
    const name = text(value);
    return name ? { name } : undefined;
  }
  if (!isRecord(value)) return undefined;
  const literal = str(value.literal);
  const parts = [value.given, value['dropping-particle'], value['non-dropping-particle'], value.family].map(str).filter(Boolean);
  let name = literal ?? parts.join(' ');
  const suffix = str(value.suffix);
  if (!literal && suffix && name) name += value['comma-suffix'] === true ? `, ${suffix}` : ` ${suffix}`;
  name = collapseWhitespace(markupToText(name));
  return name ? { name } : undefined;
}

/** `YYYY[-MM[-DD]]` from a CSL date: `date-parts` (numbers or strings), `raw`, `literal` or a string. */
export function cslDate(value: unknown): string | undefined {
  return dateOf(value, 0);
}

function dateOf(value: unknown, depth: number): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') {
    const s = String(value).trim();
    return isoDate(s.slice(0, 10)) ?? /\b(\d{4})\b/.exec(s)?.[1];
  }
  if (!isRecord(value) || depth > 2) return undefined;
  const parts = value['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const [y, m, d] = parts[0] as unknown[];
    const date = dateFrom(typeof y === 'string' ? y.trim() : y, typeof m === 'string' ? Number(m) : m, typeof d === 'string' ? Number(d) : d);
    if (date) return date;
  }
  // `raw` / `literal` hold a string; an object there is followed a couple of levels at most.
  return dateOf(value.raw ?? value.literal, depth + 1);
}

const TYPES: Record<string, PaperType> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  review: 'article',
  'review-book': 'article',
  'paper-conference': 'conference',
  thesis: 'thesis',
  report: 'report',
  book: 'book',
  classic: 'book',
  chapter: 'chapter',
  entry: 'chapter',
  'entry-encyclopedia': 'chapter',
  'entry-dictionary': 'chapter',
  dataset: 'dataset',
  software: 'software',
  manuscript: 'preprint',
  'posted-content': 'preprint',
  preprint: 'preprint',
};

function readItem(item: unknown, index: number, options: ImportOptions): { paper?: Paper; problems: CorpusProblem[] } {
  const ctx = new RecordContext(index);
  if (!isRecord(item)) {
    ctx.error(undefined, 'expected a CSL item object');
    return { problems: ctx.problems };
  }
  const id = str(item['citation-key']) ?? str(item.id);
  if (id) ctx.id = id;
  const rawTitle = str(item.title) ?? str(item['title-short']);
  const title = rawTitle ? collapseWhitespace(markupToText(rawTitle)) : undefined;
  if (!title) {
    ctx.error('title', 'item without a title, skipped');
    return { problems: ctx.problems };
  }
  const paper: Paper = { id: id ?? '', title };
  const links: PaperLinks = {};

  if (Array.isArray(item.author)) {
    const authors = item.author.map(readName).filter((a): a is Author => a !== undefined);
    if (authors.length) paper.authors = authors;
  } else if (item.author !== undefined) ctx.warn('author', 'expected a list of names');

  if (typeof item.abstract === 'string') {
    const abstract = markupToText(item.abstract);
    if (abstract) paper.abstract = abstract;
  }
  const issued = item.issued ?? item['event-date'] ?? item['original-date'];
  const published = cslDate(issued);
  if (published) paper.published = published;
  else if (issued !== undefined) ctx.warn('issued', 'not a date');

  const doi = cleanDoi(item.DOI ?? item.doi);
  if (doi) setDoi(paper, links, doi);
  else if (item.DOI !== undefined) ctx.warn('DOI', 'not a DOI');
  const url = safeUrl(str(item.URL), options.baseUrl);
  if (url) links.paper = url;
  else if (item.URL !== undefined) ctx.warn('URL', 'not an http(s) URL, dropped');
  // arXiv: from the DOI (10.48550/arXiv.…), the URL, or `number` of an item published by arXiv.
  const container = str(item['container-title']);
  const publisher = str(item.publisher);
  const fromArxiv = /^arxiv\b/i.test(container ?? '') || /^arxiv\b/i.test(publisher ?? '');
  const arxiv = paper.arxivId ?? arxivId(str(item.URL)) ?? (fromArxiv ? arxivId(str(item.number)) : undefined);
  if (arxiv) {
    paper.arxivId = arxiv;
    links.arxiv = `https://arxiv.org/abs/${arxiv}`;
  }
  if (Object.keys(links).length) paper.links = links;

  const cslType = str(item.type)?.toLowerCase() ?? '';
  let type: PaperType = Object.hasOwn(TYPES, cslType) ? TYPES[cslType] : cslType === 'article' ? 'article' : 'misc';
  const preprintServer = fromArxiv || arxiv !== undefined || /rxiv|preprint/i.test(`${publisher ?? ''} ${container ?? ''}`);
  // CSL `article` is a preprint or working paper when it comes from a preprint server or has a number;
  // Manubot writes arXiv papers as `report` with the arXiv id as `number`.
  if ((cslType === 'article' && (preprintServer || item.number !== undefined)) || (cslType === 'report' && arxiv)) type = 'preprint';
  paper.type = type;
  const venue = container ?? (type === 'thesis' || type === 'report' || type === 'preprint' ? publisher : undefined) ?? (arxiv ? 'arXiv' : undefined);
  if (venue) paper.venue = venue === 'arXiv' || /^arxiv$/i.test(venue) ? 'arXiv' : venue;
  const short = str(item['container-title-short']);
  if (short && short !== venue) paper.venueShort = short;

  const keywords = str(item.keyword);
  if (keywords) {
    const tags = [...new Set(keywords.split(/[,;]/).map((k) => k.trim()).filter(Boolean))];
    if (tags.length) paper.tags = tags;
  }
  return { paper, problems: ctx.problems };
}

/** Reads parsed CSL-JSON: an array of items, a single item, or an object of items keyed by id. */
export function readCsl(value: unknown, options: ImportOptions = {}): ParseResult {
  try {
    const items: unknown[] = Array.isArray(value)
      ? value
      : isRecord(value) && typeof value.type === 'string'
        ? [value]
        : isRecord(value) && Object.values(value).every(isRecord)
          ? Object.values(value)
          : [];
    if (!items.length && !Array.isArray(value)) return failure('unknown-shape', 'Expected CSL-JSON (a list of items with a type and a title).');
    const papers: Paper[] = [];
    const problems: CorpusProblem[] = [];
    items.forEach((item, i) => {
      let r: ReturnType<typeof readItem>;
      try {
        r = readItem(item, i, options);
      } catch (e) {
        // One item that breaks the reader is reported and skipped; the others are kept.
        r = { problems: [{ index: i, reason: `item could not be read: ${errorMessage(e)}`, severity: 'error' }] };
      }
      problems.push(...r.problems);
      if (r.paper) papers.push(r.paper);
    });
    return finish('csl-json', papers, problems, items.length);
  } catch (e) {
    return failure('unsupported-format', `The CSL-JSON could not be read: ${errorMessage(e)}.`);
  }
}

/** Reads CSL-JSON text. Never throws. */
export function parseCsl(source: string, options: ImportOptions = {}): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(source.replace(/^\ufeff/, ''));
  } catch (e) {
    return failure('invalid-json', `The CSL-JSON file is not valid JSON: ${errorMessage(e)}.`);
  }
  return readCsl(value, options);
}
