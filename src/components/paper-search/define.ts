/** Registers <paper-search> (skipped, with a console warning, when the tag is already taken). */
import { defineElement } from '../shared/define.js';
import { PaperSearch } from './paper-search.js';

defineElement('paper-search', PaperSearch);

export { PaperSearch };
