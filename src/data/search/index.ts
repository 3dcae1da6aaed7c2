/**
 * The ranked paper search, as its own module so that pages load it on the first query
 * (`await import('…/data/search/index.js')`) and the core bundle stays small.
 *
 * - `createSearch(papers)`: asynchronous search that moves to a Web Worker for large corpora.
 * - `createIndex(papers)`: the synchronous index itself (what the worker runs); `snapshot()` and
 *   `restoreIndex(papers, snapshot)` move a built index between threads without copying it.
 * - `highlightRanges(text, matchedTerms, matchedPrefixes)`: what to highlight in a card.
 * - `parseQuery(query)`: the query language (words, "phrases", -exclusions, author:, year:, has:…).
 */
export { createIndex, restoreIndex, snapshotTransfer, maxTypos, DEFAULT_BOOSTS, INDEXED_FIELDS, MAX_COMPLETIONS } from './engine.js';
export type { IndexOptions, IndexedField, IndexSnapshot, SearchIndex, SearchOptions, SearchResult } from './engine.js';
export { createSearch, isAbortError, WORKER_THRESHOLD, PAGE_QUERY_LIMIT } from './client.js';
export type { CreateSearchOptions, PaperSearch, QueryOptions } from './client.js';
export { highlightRanges, type HighlightRange } from './highlight.js';
export { parseQuery, parseYearRange, isEmptyQuery, HAS_KEYS } from './query.js';
export type { ParsedQuery, QueryFilter, QueryTerm, TextFilterField, HasKey } from './query.js';
export { tokenize } from './tokenize.js';
