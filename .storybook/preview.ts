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
  slots?: { name: string }[];
}

/**
 * Storybook reads the docs tables (attributes, properties, events, slots, CSS parts and custom
 * properties) from the manifest, by tag name. Three fixes before handing it over:
 * - The elements are registered through `defineElement(tag, Class)` in the define.ts files the
 *   analyzer skips, so the manifest has no tag names: fill them in (unless already there, e.g.
 *   from a `@tagname` JSDoc tag).
 * - Drop private members, and the camelCase property rows that repeat an attribute's row.
 * - Rows are keyed by name, so the slots `title`, `meta`, `abstract` and `links` were hidden by
 *   the CSS parts of the same names: label slots `slot="title"` (and the default slot too).
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
    for (const slot of declaration.slots ?? []) slot.name = slot.name ? `slot="${slot.name}"` : '(default slot)';
  }
}

setCustomElementsManifest(customElements);

/** Table categories that only document: a control there would set an arg no story reads. */
const DOCS_ONLY = new Set(['events', 'slots', 'css shadow parts', 'css custom properties']);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => [
          name,
          DOCS_ONLY.has(String(argType.table?.category)) ? { ...argType, control: { disable: true } } : argType,
        ]),
      ),
  ],
  tags: ['autodocs'],
};

export default preview;
