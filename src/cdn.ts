/**
 * The self-contained script-tag bundle: Lit included, every element registered. It exports the
 * element classes only; the data functions (parse, merge, cite…) stay in the npm modules so the
 * bundle carries what the elements use, and optional parts load on demand.
 */
export { PaperCard } from './components/paper-card/define.js';
export { PaperFeed } from './components/paper-feed/define.js';
export { PaperSearch } from './components/paper-search/define.js';
