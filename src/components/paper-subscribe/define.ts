/** Registers <paper-subscribe> (skipped, with a console warning, when the tag is already taken). */
import { defineElement } from '../shared/define.js';
import { PaperSubscribe } from './paper-subscribe.js';

defineElement('paper-subscribe', PaperSubscribe);

export { PaperSubscribe };
