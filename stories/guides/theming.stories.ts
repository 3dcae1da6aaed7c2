/**
 * Live examples of the theming guide (Theming.mdx): the `--paper-*` custom properties as controls,
 * `::part()` styling, and the `theme`, `density` and `layout` attributes. No docs page of its own
 * (`!autodocs`): the guide is that page.
 */
import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { SAMPLE_URL, pageFont, uid } from '../support.js';

/**
 * The custom properties with a control. Lengths are numbers of pixels; a value left at its default
 * (or a color left unset) is not written, so the element's own default applies.
 */
interface PropertyArgs {
  '--paper-color-text'?: string;
  '--paper-color-muted'?: string;
  '--paper-color-border'?: string;
  '--paper-color-surface'?: string;
  '--paper-color-accent'?: string;
  '--paper-color-highlight'?: string;
  '--paper-font-family': string;
  '--paper-title-font-family': string;
  '--paper-title-size': number;
  '--paper-title-weight': number;
  '--paper-meta-size': number;
  '--paper-abstract-size': number;
  '--paper-abstract-lines': number;
  '--paper-radius': number;
  '--paper-space': number;
  '--paper-card-padding'?: number;
  '--paper-gap': number;
  '--paper-search-radius'?: number;
  '--paper-search-background'?: string;
}

type PropertyName = keyof PropertyArgs;

/**
 * Each property: its control, the control's starting value (the element's built-in default, for
 * numbers), the built-in default as CSS says it, and what it sets.
 */
const PROPERTIES: Record<
  PropertyName,
  { kind: 'color' | 'font' | 'px' | 'number'; default?: number | string; defaultText: string; min?: number; max?: number; step?: number; description: string }
> = {
  '--paper-color-text': { kind: 'color', defaultText: 'inherited from the page', description: 'Text color.' },
  '--paper-color-muted': { kind: 'color', defaultText: 'text color at 62%', description: 'Meta line, counts, placeholder and icon.' },
  '--paper-color-border': { kind: 'color', defaultText: 'text color at 14%', description: 'Borders of cards, buttons and the search box.' },
  '--paper-color-surface': { kind: 'color', defaultText: 'transparent', description: 'Card background.' },
  '--paper-color-accent': { kind: 'color', defaultText: 'blue mixed with the text color', description: 'Text buttons (Show more, Cite), highlighted authors, pressed chips, focus ring.' },
  '--paper-color-highlight': { kind: 'color', defaultText: 'light yellow', description: 'Background of the search terms marked in titles and abstracts.' },
  '--paper-font-family': { kind: 'font', default: '', defaultText: 'inherited from the page', description: 'Font of everything.' },
  '--paper-title-font-family': { kind: 'font', default: '', defaultText: '--paper-font-family', description: 'Font of the titles.' },
  '--paper-title-size': { kind: 'px', default: 18, defaultText: '1.125rem (18px)', min: 12, max: 32, step: 1, description: 'Title size (px here).' },
  '--paper-title-weight': { kind: 'number', default: 700, defaultText: '700', min: 300, max: 900, step: 100, description: 'Title weight.' },
  '--paper-meta-size': { kind: 'px', default: 14, defaultText: '0.875rem (14px)', min: 10, max: 20, step: 1, description: 'Meta line size (px here).' },
  '--paper-abstract-size': { kind: 'px', default: 15, defaultText: '0.9375rem (15px)', min: 11, max: 22, step: 1, description: 'Abstract size (px here).' },
  '--paper-abstract-lines': { kind: 'number', default: 3, defaultText: '3', min: 1, max: 10, step: 1, description: 'Lines of abstract before "Show more".' },
  '--paper-radius': { kind: 'px', default: 12, defaultText: '0.75rem (12px)', min: 0, max: 32, step: 1, description: 'Corner radius of cards and boxes (px here).' },
  '--paper-space': { kind: 'px', default: 16, defaultText: '1rem (16px)', min: 4, max: 40, step: 1, description: 'Base spacing: card padding, boxes (px here).' },
  '--paper-card-padding': { kind: 'px', defaultText: '--paper-space', min: 0, max: 48, step: 1, description: 'Card padding (px here).' },
  '--paper-gap': { kind: 'px', default: 12, defaultText: '0.75rem (12px)', min: 0, max: 48, step: 1, description: 'Space between cards (px here).' },
  '--paper-search-radius': { kind: 'px', defaultText: 'fully rounded', min: 0, max: 32, step: 1, description: 'Corner radius of the search box (px here).' },
  '--paper-search-background': { kind: 'color', defaultText: 'text color at 5%', description: 'Background of the search box.' },
};

/** What the controls table shows as the type of each kind of property. */
const KIND_LABEL = { color: '<color>', font: 'font-family', px: '<length>', number: '<number>' } as const;

const PRESET_COLORS = ['#1f2328', '#59636e', '#d0d7de', '#ffffff', '#f6f8fa', '#0d1117', '#e6edf3', '#b31b1b', '#0969da', '#1a7f37', '#8250df', '#fff8c5'];

/** The CSS declarations for the args that differ from the defaults. */
function declarations(args: Partial<PropertyArgs>): [PropertyName, string][] {
  const out: [PropertyName, string][] = [];
  for (const [name, spec] of Object.entries(PROPERTIES) as [PropertyName, (typeof PROPERTIES)[PropertyName]][]) {
    const value = args[name];
    if (value === undefined || value === '' || value === spec.default) continue;
    out.push([name, spec.kind === 'px' ? `${String(value)}px` : String(value)]);
  }
  return out;
}

/** The CSS a page would use for these args. */
function cssFor(args: Partial<PropertyArgs>): string {
  const lines = declarations(args).map(([name, value]) => `  ${name}: ${value};`);
  if (!lines.length) return '/* Every property at its default: nothing to write. Change a control. */';
  return `/* On the elements, or on any element around them (custom properties inherit). */\npaper-feed,\npaper-search {\n${lines.join('\n')}\n}`;
}

function propertyArgTypes(): Partial<ArgTypes<PropertyArgs>> {
  const argTypes: Partial<ArgTypes<PropertyArgs>> = {};
  for (const [name, spec] of Object.entries(PROPERTIES) as [PropertyName, (typeof PROPERTIES)[PropertyName]][]) {
    const category = name.startsWith('--paper-color') || name === '--paper-search-background' ? 'colors' : name.includes('font') || name.includes('size') || name.includes('weight') || name.includes('lines') ? 'type' : 'shape and spacing';
    const control =
      spec.kind === 'color'
        ? { type: 'color' as const, presetColors: PRESET_COLORS }
        : spec.kind === 'font'
          ? { type: 'text' as const }
          : { type: 'range' as const, min: spec.min, max: spec.max, step: spec.step };
    argTypes[name] = {
      control,
      description: spec.description,
      type: { name: spec.kind === 'px' || spec.kind === 'number' ? 'number' : 'string', required: false },
      table: { category, type: { summary: KIND_LABEL[spec.kind] }, defaultValue: { summary: spec.defaultText } },
    };
  }
  return argTypes;
}

const meta: Meta = {
  title: 'Guides/Theming',
  tags: ['!autodocs'],
  decorators: [pageFont],
};
export default meta;

/**
 * Every `--paper-*` custom property as a control, applied as a `style` attribute on a `div`
 * around a search box and a feed. The code panel shows the CSS for the values you set.
 */
export const CustomProperties: StoryObj<PropertyArgs> = {
  name: 'Custom properties',
  // The built-in defaults, with a few changes to start from: a red accent, serif titles, square-ish
  // corners, two lines of abstract.
  args: {
    ...Object.fromEntries(Object.entries(PROPERTIES).map(([name, spec]) => [name, spec.default])),
    '--paper-color-accent': '#b31b1b',
    '--paper-title-font-family': "Georgia, 'Times New Roman', serif",
    '--paper-radius': 4,
    '--paper-abstract-lines': 2,
  },
  argTypes: propertyArgTypes(),
  parameters: {
    docs: { source: { language: 'css', transform: (_code: string, context: { args: Partial<PropertyArgs> }) => cssFor(context.args) } },
  },
  render: (args) => {
    const id = uid('themed-feed');
    const style = declarations(args)
      .map(([name, value]) => `${name}: ${value}`)
      .join('; ');
    return html`<div style=${style}>
      <paper-search for=${id}></paper-search>
      <paper-feed id=${id} src=${SAMPLE_URL} sort="upvotes" limit="3"></paper-feed>
    </div>`;
  },
};

/** Args of the `::part()` story. */
interface PartsArgs {
  /** CSS rules with `::part()` selectors, applied to this story only. */
  css: string;
}

const PARTS_CSS = `paper-feed::part(card-base) {
  border-width: 0 0 0 3px;
  border-color: #b31b1b;
  border-radius: 0;
}
paper-feed::part(card-title) {
  font-family: Georgia, 'Times New Roman', serif;
  font-weight: 600;
}
paper-feed::part(card-meta) {
  font-size: 0.75rem;
  letter-spacing: 0.03em;
  text-transform: uppercase;
}
paper-feed::part(card-links) {
  font-size: 0.8125rem;
}
paper-search::part(input) {
  border-radius: 0;
  border-width: 0 0 2px;
}`;

/**
 * Styling the `part`s: edit the CSS in the `css` control. The rules are nested in a class of
 * this story's wrapper, so they style only the elements below.
 */
export const Parts: StoryObj<PartsArgs> = {
  name: '::part() styling',
  args: { css: PARTS_CSS },
  argTypes: { css: { control: 'text', description: 'CSS rules with `::part()` selectors (scoped to this example).' } },
  parameters: { docs: { source: { language: 'css', transform: (_code: string, context: { args: Partial<PartsArgs> }) => context.args.css ?? '' } } },
  render: (args) => {
    const id = uid('parts-feed');
    const scope = uid('parts-demo');
    return html`<style>
        .${scope} {
          ${args.css}
        }
      </style>
      <div class=${scope}>
        <paper-search for=${id}></paper-search>
        <paper-feed id=${id} src=${SAMPLE_URL} sort="upvotes" limit="3"></paper-feed>
      </div>`;
  },
};

/** Args of the attribute stories. */
interface LookArgs {
  theme: '' | 'light' | 'dark';
  density: 'comfortable' | 'compact';
  layout: 'list' | 'compact' | 'grid';
  /** 0 shows all. */
  limit: number;
}

function lookFeed(args: Partial<LookArgs>): TemplateResult {
  return html`<paper-feed
    src=${SAMPLE_URL}
    sort="upvotes"
    theme=${args.theme || nothing}
    density=${args.density ?? nothing}
    layout=${args.layout ?? nothing}
    limit=${args.limit || nothing}
  ></paper-feed>`;
}

/**
 * `theme`, `density` and `layout` as controls. `theme="dark"` or `"light"` gives the feed its own
 * background and text color whatever the page; unset (empty here), it follows the page.
 */
export const ThemeDensityLayout: StoryObj<LookArgs> = {
  name: 'theme, density and layout',
  args: { theme: 'dark', density: 'comfortable', layout: 'list', limit: 3 },
  argTypes: {
    theme: {
      control: { type: 'inline-radio', labels: { '': '(unset: follow the page)' } },
      options: ['', 'light', 'dark'],
      description: '`light` or `dark` forces a color scheme; unset follows the page.',
      table: { defaultValue: { summary: 'unset' } },
    },
    density: { control: 'inline-radio', options: ['comfortable', 'compact'], description: 'Spacing.', table: { defaultValue: { summary: 'comfortable' } } },
    layout: {
      control: 'inline-radio',
      options: ['list', 'compact', 'grid'],
      description: '`compact`: title and meta line only; `grid`: cards in columns, with thumbnails.',
      table: { defaultValue: { summary: 'list' } },
    },
    limit: { control: { type: 'number', min: 0, step: 1 }, description: 'At most this many papers (0: all).' },
  },
  render: (args) => lookFeed(args),
};

/**
 * No `theme`: the same feed on a light page and on a dark page. Text, muted text and borders are
 * mixed from the page's text color, so both read well without any configuration.
 */
export const FollowsThePage: StoryObj<LookArgs> = {
  name: 'No theme: follows the page',
  args: { layout: 'compact', limit: 3 },
  argTypes: {
    theme: { control: false },
    density: { control: 'inline-radio', options: ['comfortable', 'compact'] },
    layout: { control: 'inline-radio', options: ['list', 'compact', 'grid'] },
    limit: { control: { type: 'number', min: 0, step: 1 } },
  },
  render: (args) => {
    const page = 'padding: 1rem; border-radius: 0.5rem; min-width: 0';
    return html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1rem">
      <div style="${page}; background: #ffffff; color: #1f2328; border: 1px solid #d0d7de">${lookFeed({ ...args, theme: '' })}</div>
      <div style="${page}; background: #0d1117; color: #e6edf3">${lookFeed({ ...args, theme: '' })}</div>
    </div>`;
  },
};
