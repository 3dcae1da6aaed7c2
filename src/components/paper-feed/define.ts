/** Registers <paper-feed> (skipped, with a console warning, when the tag is already taken). */
import '../paper-card/define.js';
import { defineElement } from '../shared/define.js';
import { PaperFeed } from './paper-feed.js';

defineElement('paper-feed', PaperFeed);

export { PaperFeed };
