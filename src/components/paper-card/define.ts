/** Registers <paper-card> (skipped, with a console warning, when the tag is already taken). */
import { defineElement } from '../shared/define.js';
import { PaperCard } from './paper-card.js';

defineElement('paper-card', PaperCard);

export { PaperCard };
