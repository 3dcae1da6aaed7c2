/**
 * Validation and normalization of papers in our native format (and the common tail of every
 * importer): each field is checked on its own, so one bad field drops that field (a warning), and
 * only a record without a usable title is skipped (an error). Never throws.
 */
import {
  LINK_KINDS,
  PAPER_TYPES,
  type Author,
  type CorpusProblem,
  type Organization,
  type Paper,
  type PaperLinks,
  type PaperType,
} from './types.js';
import { cleanParagraphs, count, isoDate, text, titleKey, yearOf } from './clean.js';
import { safeUrl } from './text.js';

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A short, readable rendering of any value for a problem message: strings quoted, numbers and
 * BigInts as written, symbols and functions by kind, objects as (cut) JSON. Never throws (BigInt,
 * symbols, cycles, null-prototype objects, throwing `toJSON` or `toString`).
 */
export function describeValue(value: unknown, max = 40): string {
  const cut = (s: string): string => (s.length > max ? `${s.slice(0, max)}…` : s);
  switch (typeof value) {
    case 'string':
      return cut(JSON.stringify(value));
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return cut(`${value.toString()}n`);
    case 'undefined':
      return 'nothing';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      break;
  }
  if (value === null) return 'null';
  try {
    const json = JSON.stringify(value) as string | undefined;
    if (json !== undefined) return cut(json);
  } catch {
    // BigInt inside, a cycle, a throwing toJSON: described by kind below.
  }
  return describe(value);
}

/** Collects problems for one record while its fields are read. */
export class RecordContext {
  readonly problems: CorpusProblem[] = [];
  constructor(
    readonly index: number,
    public id?: string,
  ) {}

  warn(field: string, reason: string): void {
    this.problems.push({ index: this.index, id: this.id, field, reason, severity: 'warning' });
  }

  error(field: string | undefined, reason: string): void {
    const p: CorpusProblem = { index: this.index, id: this.id, reason, severity: 'error' };
    if (field) p.field = field;
    this.problems.push(p);
  }
}

function stringList(value: unknown, ctx: RecordContext, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = typeof value === 'string' ? value.split(/[,;]/) : value;
  if (!Array.isArray(items)) {
    ctx.warn(field, `expected a list of strings, found ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  for (const item of items) {
    const t = text(item);
    if (t && !out.includes(t)) out.push(t);
  }
  return out.length ? out : undefined;
}

function readAuthor(value: unknown, ctx: RecordContext, i: number): Author | undefined {
  if (typeof value === 'string') {
    const name = text(value);
    return name ? { name } : undefined;
  }
  if (!isRecord(value)) {
    ctx.warn(`authors[${i}]`, `expected a name or an object with a name, found ${describe(value)}`);
    return undefined;
  }
  const name = text(value.name);
  if (!name) {
    ctx.warn(`authors[${i}]`, 'author without a name');
    return undefined;
  }
  const author: Author = { name };
  const affiliation = text(value.affiliation);
  if (affiliation) author.affiliation = affiliation;
  if (value.equalContribution === true) author.equalContribution = true;
  if (value.corresponding === true) author.corresponding = true;
  const url = safeUrl(value.url);
  if (url) author.url = url;
  else if (value.url !== undefined) ctx.warn(`authors[${i}].url`, 'not an http(s) URL, dropped');
  return author;
}

/** Reads an organization given as a name or as an object. */
export function readOrganization(value: unknown, ctx: RecordContext, field = 'organization'): Organization | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const name = text(value);
    return name ? { name } : undefined;
  }
  if (!isRecord(value)) {
    ctx.warn(field, `expected a name or an object, found ${describe(value)}`);
    return undefined;
  }
  const name = text(value.name) ?? text(value.fullName) ?? text(value.fullname);
  if (!name) {
    ctx.warn(field, 'organization without a name');
    return undefined;
  }
  const org: Organization = { name };
  const fullName = text(value.fullName) ?? text(value.fullname);
  if (fullName && fullName !== name) org.fullName = fullName;
  const avatar = safeUrl(value.avatar);
  if (avatar) org.avatar = avatar;
  const url = safeUrl(value.url);
  if (url) org.url = url;
  return org;
}

function readLinks(value: unknown, ctx: RecordContext): PaperLinks | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    ctx.warn('links', `expected an object of URLs, found ${describe(value)}`);
    return undefined;
  }
  const links: PaperLinks = {};
  for (const kind of LINK_KINDS) {
    const raw = value[kind];
    if (raw === undefined || raw === null || raw === '') continue;
    const url = safeUrl(raw);
    if (url) links[kind] = url;
    else ctx.warn(`links.${kind}`, 'not an http(s) URL, dropped');
  }
  return Object.keys(links).length ? links : undefined;
}

function setCount(paper: Paper, key: 'upvotes' | 'comments' | 'authorCount' | 'githubStars' | 'year', value: unknown, ctx: RecordContext): void {
  if (value === undefined || value === null) return;
  const n = count(value);
  if (n === undefined) ctx.warn(key, `expected a non-negative number, found ${describeValue(value)}`);
  else paper[key] = n;
}

/**
 * Normalizes one record of our native format. Returns undefined (with an error in `ctx`) when the
 * record has no usable title.
 */
export function normalizePaper(value: unknown, ctx: RecordContext): Paper | undefined {
  if (!isRecord(value)) {
    ctx.error(undefined, `expected a paper object, found ${describe(value)}`);
    return undefined;
  }
  const rawId = typeof value.id === 'number' ? String(value.id) : text(value.id);
  if (rawId) ctx.id = rawId;
  const title = text(value.title);
  if (!title) {
    ctx.error(
      'title',
      value.title === undefined || value.title === null ? 'missing title' : typeof value.title === 'string' ? 'empty title' : `title is ${describe(value.title)}, not text`,
    );
    return undefined;
  }
  const paper: Paper = { id: rawId ?? '', title };

  if (typeof value.abstract === 'string') {
    const abstract = cleanParagraphs(value.abstract);
    if (abstract) paper.abstract = abstract;
  } else if (value.abstract !== undefined && value.abstract !== null) {
    ctx.warn('abstract', `expected text, found ${describe(value.abstract)}`);
  }

  if (Array.isArray(value.authors)) {
    const authors = value.authors.map((a, i) => readAuthor(a, ctx, i)).filter((a): a is Author => a !== undefined);
    if (authors.length) paper.authors = authors;
  } else if (typeof value.authors === 'string') {
    const names = value.authors.split(/\s+and\s+|;/).map((n) => text(n)).filter((n): n is string => !!n);
    if (names.length) paper.authors = names.map((name) => ({ name }));
  } else if (value.authors !== undefined && value.authors !== null) {
    ctx.warn('authors', `expected a list, found ${describe(value.authors)}`);
  }
  if (value.etAl === true) paper.etAl = true;
  setCount(paper, 'authorCount', value.authorCount, ctx);

  const org = readOrganization(value.organization, ctx);
  if (org) paper.organization = org;

  if (value.published !== undefined && value.published !== null) {
    const published = isoDate(value.published);
    if (published) paper.published = published;
    else ctx.warn('published', `not a date: ${describeValue(value.published)}`);
  }
  if (value.listed !== undefined && value.listed !== null) {
    const listed = isoDate(value.listed);
    if (listed && listed.length >= 10) paper.listed = listed.slice(0, 10);
    else ctx.warn('listed', `not a day (YYYY-MM-DD): ${describeValue(value.listed)}`);
  }
  setCount(paper, 'year', value.year, ctx);
  if (paper.year === undefined) {
    const y = yearOf(paper.published);
    if (y !== undefined) paper.year = y;
  }
  setCount(paper, 'upvotes', value.upvotes, ctx);
  setCount(paper, 'comments', value.comments, ctx);
  setCount(paper, 'githubStars', value.githubStars, ctx);

  if (value.thumbnail !== undefined && value.thumbnail !== null && value.thumbnail !== '') {
    const thumb = safeUrl(value.thumbnail);
    if (thumb) paper.thumbnail = thumb;
    else ctx.warn('thumbnail', 'not an http(s) URL, dropped');
  }
  const arxivId = text(value.arxivId);
  if (arxivId) paper.arxivId = arxivId;
  const doi = text(value.doi);
  if (doi) paper.doi = doi;
  const links = readLinks(value.links, ctx);
  if (links) paper.links = links;

  const keywords = stringList(value.keywords, ctx, 'keywords');
  if (keywords) paper.keywords = keywords;
  const tags = stringList(value.tags, ctx, 'tags');
  if (tags) paper.tags = tags;
  const summary = text(value.summary);
  if (summary) paper.summary = summary;
  const venue = text(value.venue);
  if (venue) paper.venue = venue;
  const venueShort = text(value.venueShort);
  if (venueShort) paper.venueShort = venueShort;
  if (value.type !== undefined && value.type !== null) {
    const type = text(value.type)?.toLowerCase();
    if (type && (PAPER_TYPES as readonly string[]).includes(type)) paper.type = type as PaperType;
    else ctx.warn('type', `unknown type ${describeValue(value.type)}, expected one of ${PAPER_TYPES.join(', ')}`);
  }
  if (value.selected === true || value.selected === 'true') paper.selected = true;
  const award = text(value.award);
  if (award) paper.award = award;
  if (typeof value.bibtex === 'string' && value.bibtex.trim()) paper.bibtex = value.bibtex.trim();
  return paper;
}

function slug(value: string): string {
  return titleKey(value).replace(/ /g, '-').slice(0, 60).replace(/-+$/, '') || 'paper';
}

/**
 * Gives every paper a non-empty id, unique within the list: missing ids come from the title;
 * repeated ids get a suffix and a warning.
 */
export function ensureUniqueIds(papers: Paper[], problems: CorpusProblem[]): void {
  const seen = new Set<string>();
  // The next suffix to try per base id: each base's counter only grows, so thousands of papers
  // with the same id (or the same title and no id) take linear time, not quadratic.
  const next = new Map<string, number>();
  papers.forEach((paper, index) => {
    const base = paper.id || slug(paper.title);
    let id = base;
    if (seen.has(id)) {
      let n = next.get(base) ?? 2;
      while (seen.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      next.set(base, n + 1);
    }
    if (paper.id && id !== paper.id) {
      problems.push({ index, id: paper.id, field: 'id', reason: `duplicate id "${paper.id}", renamed to "${id}"`, severity: 'warning' });
    }
    paper.id = id;
    seen.add(id);
  });
}
