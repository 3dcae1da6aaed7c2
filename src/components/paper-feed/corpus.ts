/**
 * The feed's loading and parsing, a chunk of its own: the core (`load.ts`) imports it on the first
 * corpus, while the corpus request it already started downloads.
 */
export { isCorpusFormat, loadCorpusText, loadCorpusValue } from '../../data/parse.js';
export { expectCorpus, fetchCorpora, FeedLoadError } from './fetch.js';
