/** Registers <paper-card> (skipped, with a console warning, when the tag is already taken). */
import { isServer } from 'lit';
import { defineElement } from '../shared/define.js';
import { PaperCard, useParts } from './paper-card.js';
import * as parts from './parts.js';

// Server rendering (Lit SSR) is synchronous: it cannot wait for the optional parts to load, so
// they are there from the start. In the browser a card loads them when a paper needs them.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed `false` by lit's browser build; Node resolves its server build, where it is true.
if (isServer) useParts(parts);

defineElement('paper-card', PaperCard);

export { PaperCard };
