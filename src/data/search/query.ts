/**
 * The search box's query language. Pure, no index needed: `parseQuery` turns what the user typed
 * into terms, phrases, exclusions and field filters.
 *
 * | Syntax | Meaning |
 * | --- | --- |
 * | `diffusion video` | Papers with both words (in any field, ranked). The last word is a prefix while typing. |
 * | `"diffusion model"` | The words next to each other (plural variants allowed). |
 * | `-survey`, `-"large language"` | Leaves out papers with the word or phrase. |
 * | `author:kastner`, `author:"jan kastner"` | An author whose name has these words (as prefixes). |
 * | `year:2024`, `year:2020..2023`, `year:>=2022`, `year:..2021` | Publication year. |
 * | `tag:rlhf` (`keyword:`) | A tag or keyword with these words. |
 * | `org:nvidia` | The organization or an author affiliation. |
 * | `venue:neurips`, `title:…`, `abstract:…` | Words in that field only. |
 * | `has:code`, `has:pdf`, `has:abstract` (also `project`, `video`, `doi`, `arxiv`) | Papers that have it. |
 *
 * Every filter can be negated with `-` (`-has:code`). A field name the parser does not know
 * (`foo:bar`) is read as plain words. A filter whose value is still being typed (`year:20`,
 * `has:co`, `author:`) is ignored rather than emptying the results.
 */
import { pluralVariants, tokenize } from './tokenize.js';

/** One word the papers must contain. */
export interface QueryTerm {
  /** Folded word. */
  text: string;
  /** Being typed: matches words that start with it. */
  prefix: boolean;
  /** From a quoted phrase: no typo tolerance. */
  exact: boolean;
}

/** Fields a text filter can restrict to. */
export type TextFilterField = 'author' | 'org' | 'venue' | 'tag' | 'title' | 'abstract';

/** What `has:` can ask for. */
export type HasKey = 'code' | 'pdf' | 'abstract' | 'project' | 'video' | 'doi' | 'arxiv';

export const HAS_KEYS: readonly HasKey[] = ['code', 'pdf', 'abstract', 'project', 'video', 'doi', 'arxiv'];

export type QueryFilter =
  | { type: 'text'; field: TextFilterField; words: string[]; negate: boolean }
  | { type: 'year'; min: number; max: number; negate: boolean }
  | { type: 'has'; what: HasKey; negate: boolean };

/** A parsed query. All text is folded (lower case, no accents). */
export interface ParsedQuery {
  /** Words every result must contain (plain words and the words of phrases), in query order. */
  terms: QueryTerm[];
  /** Quoted phrases: their words must appear next to each other in one field. */
  phrases: QueryTerm[][];
  /** Excluded words and phrases (`-word`, `-"two words"`): a result contains none of them. */
  exclude: string[][];
  /** Field filters, all of which must hold. */
  filters: QueryFilter[];
}

const FIELD_ALIASES: Record<string, TextFilterField | 'year' | 'has'> = {
  author: 'author',
  authors: 'author',
  by: 'author',
  year: 'year',
  tag: 'tag',
  tags: 'tag',
  keyword: 'tag',
  keywords: 'tag',
  kw: 'tag',
  org: 'org',
  organization: 'org',
  organisation: 'org',
  affiliation: 'org',
  venue: 'venue',
  title: 'title',
  abstract: 'abstract',
  has: 'has',
};

const HAS_ALIASES: Partial<Record<string, HasKey>> = {
  code: 'code',
  github: 'code',
  repo: 'code',
  pdf: 'pdf',
  abstract: 'abstract',
  project: 'project',
  page: 'project',
  video: 'video',
  doi: 'doi',
  arxiv: 'arxiv',
};

/** True for the quote characters that open or close a phrase. */
const QUOTE = /["“”„«»]/;

interface RawToken {
  negate: boolean;
  field?: string;
  value: string;
  quoted: boolean;
  /** The closing quote is missing (still being typed). */
  open: boolean;
  /** The token runs to the very end of the query (no space after it). */
  atEnd: boolean;
}

/** Splits the query into white-space separated tokens, keeping quoted runs together. */
function lex(query: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    while (i < n && /\s/.test(query[i])) i++;
    if (i >= n) break;
    let negate = false;
    if (query[i] === '-' && i + 1 < n && !/[\s-]/.test(query[i + 1])) {
      negate = true;
      i++;
    }
    let field: string | undefined;
    const fieldMatch = /^([A-Za-z]+):/.exec(query.slice(i, i + 20));
    if (fieldMatch && fieldMatch[1].toLowerCase() in FIELD_ALIASES) {
      field = fieldMatch[1].toLowerCase();
      i += fieldMatch[0].length;
    }
    if (i < n && QUOTE.test(query[i])) {
      const close = query.slice(i + 1).search(QUOTE);
      const end = close === -1 ? n : i + 1 + close;
      tokens.push({ negate, field, value: query.slice(i + 1, end), quoted: true, open: close === -1, atEnd: close === -1 || end + 1 >= n });
      i = end + 1;
      continue;
    }
    const start = i;
    while (i < n && !/\s/.test(query[i])) i++;
    tokens.push({ negate, field, value: query.slice(start, i), quoted: false, open: false, atEnd: i >= n });
  }
  return tokens;
}

/** Reads a year filter value; undefined when it is not (yet) a year or a range. */
export function parseYearRange(value: string): { min: number; max: number } | undefined {
  const v = value.trim();
  const year = (s: string): number | undefined => (/^\d{4}$/.test(s) ? Number(s) : undefined);
  let m = /^(\d{4})$/.exec(v);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  m = /^(\d{4})?\s*(?:\.\.|-|–)\s*(\d{4})?$/.exec(v);
  if (m && (m[1] || m[2])) {
    const min = m[1] ? year(m[1]) : -Infinity;
    const max = m[2] ? year(m[2]) : Infinity;
    if (min === undefined || max === undefined) return undefined;
    return min <= max ? { min, max } : { min: max, max: min };
  }
  m = /^(>=|<=|>|<)\s*(\d{4})$/.exec(v);
  if (m) {
    const y = Number(m[2]);
    switch (m[1]) {
      case '>':
        return { min: y + 1, max: Infinity };
      case '>=':
        return { min: y, max: Infinity };
      case '<':
        return { min: -Infinity, max: y - 1 };
      default:
        return { min: -Infinity, max: y };
    }
  }
  return undefined;
}

/** Parses a query. Never throws; an empty or blank query gives an empty `ParsedQuery`. */
export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], phrases: [], exclude: [], filters: [] };
  const endsOpen = query.length > 0 && !/\s$/.test(query);
  for (const token of lex(query)) {
    const typing = endsOpen && token.atEnd;
    const kind = token.field === undefined ? undefined : FIELD_ALIASES[token.field];
    if (kind === 'year') {
      const range = parseYearRange(token.value);
      if (range) parsed.filters.push({ type: 'year', ...range, negate: token.negate });
      continue;
    }
    if (kind === 'has') {
      const what = HAS_ALIASES[token.value.trim().toLowerCase()];
      if (what) parsed.filters.push({ type: 'has', what, negate: token.negate });
      continue;
    }
    const words = tokenize(token.value, false);
    if (kind !== undefined) {
      if (words.length > 0) parsed.filters.push({ type: 'text', field: kind, words, negate: token.negate });
      continue;
    }
    // A field name we do not know ("foo:bar") is kept as words: the lexer left it in the value.
    if (words.length === 0) continue;
    if (token.negate) {
      if (token.quoted) parsed.exclude.push(words);
      else for (const w of words) parsed.exclude.push([w]);
      continue;
    }
    if (token.quoted) {
      const phrase = words.map((text, i) => ({ text, prefix: token.open && typing && i === words.length - 1, exact: true }));
      parsed.terms.push(...phrase);
      if (phrase.length > 1) parsed.phrases.push(phrase);
      continue;
    }
    words.forEach((text, i) => {
      parsed.terms.push({ text, prefix: typing && i === words.length - 1, exact: false });
    });
  }
  return parsed;
}

/** True when the query asks for nothing (no terms, filters or exclusions). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.terms.length === 0 && q.filters.length === 0 && q.exclude.length === 0;
}

/** True when `token` is `word` or one of its plural variants. */
export function sameWord(token: string, word: string): boolean {
  return token === word || pluralVariants(word).includes(token);
}
