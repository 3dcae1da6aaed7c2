/**
 * Registers every element: `<paper-card>`, `<paper-feed>`, `<paper-search>` and `<paper-subscribe>`.
 * Tags already defined on the page are skipped with a console warning.
 */
import './components/paper-card/define.js';
import './components/paper-feed/define.js';
import './components/paper-search/define.js';
import './components/paper-subscribe/define.js';

export * from './index.js';
