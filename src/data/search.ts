/**
 * Simple matching for `<paper-search>`: every word of the query must appear (as a prefix of a
 * word, accent- and case-insensitively) somewhere in the paper's title, abstract, authors,
 * organization, keywords, tags or venue. This keeps the feed's order and is small enough for the
 * core bundle; the ranked engine (relevance, typos, phrases, `author:`/`year:`/`has:` filters, a
 * Web Worker for large corpora) is `./search/index.ts`, loaded on demand with `import()`.
 */
import type { Paper } from './types.js';
import { fold } from './text.js';

/** Splits a query into folded words. */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

const haystacks = new WeakMap<Paper, string>();

/** The folded text a paper is matched against (cached per paper object). */
export function searchText(paper: Paper): string {
  let hay = haystacks.get(paper);
  if (hay === undefined) {
    const parts = [
      paper.title,
      paper.abstract,
      paper.authors?.map((a) => a.name).join(' '),
      paper.organization?.name,
      paper.organization?.fullName,
      paper.keywords?.join(' '),
      paper.tags?.join(' '),
      paper.venue,
      paper.summary,
      paper.arxivId,
    ];
    // Leading space so that " term" finds a term at the start of any word.
    hay = ' ' + fold(parts.filter(Boolean).join(' ')).replace(/[^\p{L}\p{N}]+/gu, ' ');
    haystacks.set(paper, hay);
  }
  return hay;
}

/** True when every term of the query starts a word of the paper's text. */
export function matchesQuery(paper: Paper, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const hay = searchText(paper);
  return terms.every((t) => hay.includes(' ' + t));
}

/** The papers matching the query, in their original order. */
export function filterPapers(papers: readonly Paper[], query: string): Paper[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return papers.slice();
  return papers.filter((p) => matchesQuery(p, terms));
}
