/** Pure data functions (no DOM): parse, normalize, search, sort, format. */
export * from './types.js';
export { parseCorpus, readCorpus, isCorpusFormat, type ParseOptions } from './parse.js';
export { normalizePaper, ensureUniqueIds, RecordContext } from './normalize.js';
export { fromHuggingFace, isHfItem, isHfPaperObject } from './huggingface.js';
export { filterPapers, matchesQuery, queryTerms } from './search.js';
export { sortPapers, isSortKey, SORT_KEYS, type SortKey } from './sort.js';
export { formatPaperDate, formatAuthors, formatCount, authorTotal, dateTimeAttribute, type DateFormatOptions } from './format.js';
export { safeUrl, fold, titleKey, cleanParagraphs } from './text.js';
