import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import customElements from '../custom-elements.json';
import '../src/define.js';

/** The parts of a custom-elements.json declaration this file reads or fixes. */
interface Declaration {
  name: string;
  customElement?: boolean;
  tagName?: string;
  members?: { name: string; privacy?: string; attribute?: string }[];
}

/**
 * The elements are registered through `defineElement(tag, Class)` in the excluded define.ts files,
 * so the analyzer cannot see their tag names and Storybook would find no component metadata (no
 * description, no attribute/slot/part/event tables). Fill the tag names in here, unless the
 * manifest already has them (e.g. from a `@tagname` JSDoc tag), and drop private members and the
 * camelCase duplicates of attributes so each row of the docs table appears once.
 */
const TAGS: Record<string, string> = { PaperCard: 'paper-card', PaperFeed: 'paper-feed', PaperSearch: 'paper-search' };
for (const module of customElements.modules as { declarations?: Declaration[] }[]) {
  for (const declaration of module.declarations ?? []) {
    const tag = TAGS[declaration.name];
    if (!tag) continue;
    declaration.tagName ??= tag;
    declaration.customElement = true;
    declaration.members = declaration.members?.filter(
      (m) => m.privacy !== 'private' && m.privacy !== 'protected' && (m.attribute === undefined || m.attribute === m.name),
    );
  }
}

setCustomElementsManifest(customElements);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
  tags: ['autodocs'],
};

export default preview;
