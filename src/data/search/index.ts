/**
 * The ranked paper search, as its own module so that pages load it on the first query
 * (`await import('…/data/search/index.js')`) and the core bundle stays small.
 *
 * - `createSearch(papers)`: asynchronous search that moves to a Web Worker for large corpora.
 * - `createIndex(papers)`: the synchronous index itself (what the worker runs).
 * - `highlightRanges(text, matchedTerms, matchedPrefixes)`: what to highlight in a card.
 * - `parseQuery(query)`: the query language (words, "phrases", -exclusions, author:, year:, has:…).
 */
export { createIndex, maxTypos, DEFAULT_BOOSTS, INDEXED_FIELDS } from './engine.js';
export type { IndexOptions, IndexedField, SearchIndex, SearchOptions, SearchResult } from './engine.js';
export { createSearch, isAbortError, WORKER_THRESHOLD } from './client.js';
export type { CreateSearchOptions, PaperSearch, QueryOptions } from './client.js';
export { highlightRanges, type HighlightRange } from './highlight.js';
export { parseQuery, parseYearRange, isEmptyQuery, HAS_KEYS } from './query.js';
export type { ParsedQuery, QueryFilter, QueryTerm, TextFilterField, HasKey } from './query.js';
export { tokenize } from './tokenize.js';
