/** Pure data functions (no DOM): parse, normalize, search, sort, format. */
export * from './types.js';
export { parseCorpus, readCorpus, loadCorpusText, loadCorpusValue, isCorpusFormat, type ParseOptions } from './parse.js';
export { detectFormat, detectValue, textKind, type TextKind, type DetectHints } from './detect.js';
export { mergeCorpora, type LoadedResult, type MergeResult } from './merge.js';
export { applyFilters, facetCounts, parseYearRange, type PaperFilters, type FacetKey, type FacetValue } from './filter.js';
export { groupPapers, resolvePeriod, adjacentPeriod, type GroupBy, type Period, type PaperGroup } from './group.js';
export { authorMatches, shortenAuthors } from './authors.js';
export { toBibtex, generateBibtex, feedToBibtex } from './cite.js';
export { splitMath, hasMath, type MathSegment } from './math.js';
export { normalizePaper, ensureUniqueIds, RecordContext } from './normalize.js';
export { fromHuggingFace, isHfItem, isHfPaperObject } from './huggingface.js';
export { filterPapers, matchesQuery, queryTerms } from './search.js';
export { sortPapers, isSortKey, SORT_KEYS, type SortKey } from './sort.js';
export { formatPaperDate, formatAuthors, formatCount, authorTotal, dateTimeAttribute, type DateFormatOptions } from './format.js';
export { safeUrl, fold } from './text.js';
export { titleKey, cleanParagraphs } from './clean.js';
