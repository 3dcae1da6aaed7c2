import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { PAPER_TYPES, type Paper, type PaperType } from '../src/data/types.js';
import { noControl, pageFont } from './support.js';
import { collaboration, followSystemScheme, grit, madeUpAuthors, styleBench } from './reading-support.js';

/**
 * Args of the reading-experience card stories: the card's attributes, the `lang` of a wrapper, and
 * a few paper fields (marks, summary, keywords, badges) that have no attribute but are worth a
 * control. Each story shows only the controls of the feature it demonstrates.
 */
interface ReadingCardArgs {
  paper: Paper;
  expanded: boolean;
  'max-authors': number;
  /** People to highlight, separated by `;`. */
  'highlight-authors': string;
  'show-thumbnail': boolean;
  cite: boolean;
  variant: 'full' | 'compact';
  /** JSON object of replacement strings; empty for none. */
  strings: string;
  /** BCP 47 locale; empty for the nearest `lang` attribute. */
  locale: string;
  /** `lang` of a wrapper element; empty for no wrapper. */
  lang: string;
  /** How many authors, from the first, are marked "equal contribution" (*). */
  equalContribution: number;
  /** Position (1-based) of the corresponding author (✉); 0 for none. */
  corresponding: number;
  /** The one-line AI summary (`paper.summary`); empty for none. */
  summary: string;
  /** AI keywords (`paper.keywords`); the card shows the first few. */
  keywords: string[];
  /** `paper.venue` (not shown when "arXiv"). */
  venue: string;
  /** `paper.venueShort`, the short venue label (al-folio `abbr`). */
  venueShort: string;
  /** `paper.award`; empty for none. */
  award: string;
  /** `paper.type`: a badge only when there is no venue. */
  type: PaperType | '';
  onPaperSelect?: (event: Event) => void;
}

function renderCard(args: ReadingCardArgs, paper: Paper = args.paper): TemplateResult {
  const card = html`<paper-card
    .paper=${paper}
    ?expanded=${args.expanded}
    max-authors=${args['max-authors']}
    highlight-authors=${args['highlight-authors'] || nothing}
    ?show-thumbnail=${args['show-thumbnail']}
    ?cite=${args.cite}
    variant=${args.variant}
    strings=${args.strings || nothing}
    locale=${args.locale || nothing}
    @paper-select=${args.onPaperSelect}
  ></paper-card>`;
  return args.lang ? html`<div lang=${args.lang}>${card}</div>` : card;
}

/** Keeps only the named controls (the demonstrated attribute and what it works with). */
const only = (...names: (keyof ReadingCardArgs)[]) => ({ controls: { include: names } });

/** A card 40rem wide, as in a reading column. */
const column = (story: () => unknown) => html`<div style="max-width: 40rem">${story()}</div>`;

const meta: Meta<ReadingCardArgs> = {
  title: 'Reading experience/paper-card',
  component: 'paper-card',
  render: (args) => renderCard(args),
  decorators: [column, pageFont],
  beforeEach: followSystemScheme,
  args: {
    paper: styleBench,
    expanded: false,
    'max-authors': 8,
    'highlight-authors': '',
    'show-thumbnail': false,
    cite: false,
    variant: 'full',
    strings: '',
    locale: '',
    lang: '',
  },
  argTypes: {
    paper: { control: 'object' },
    expanded: { control: 'boolean' },
    'max-authors': { control: { type: 'number', min: 2, step: 1 } },
    'highlight-authors': { control: 'text', description: 'People to highlight, separated by `;` ("Jan Kästner; Kästner, J.; J. Kastner" all match).' },
    'show-thumbnail': { control: 'boolean' },
    cite: { control: 'boolean' },
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    strings: { control: 'text', description: 'Replacement UI strings as JSON, e.g. `{"showMore":"Read more"}`.' },
    locale: { control: { type: 'select', labels: { '': '(nearest lang)' } }, options: ['', 'en', 'de'] },
    lang: { control: { type: 'select', labels: { '': '(no wrapper)' } }, options: ['', 'en', 'de'], description: '`lang` attribute of a wrapper `<div>`; the card follows it.' },
    equalContribution: { description: 'How many authors, from the first, are marked "equal contribution" (*).', control: { type: 'number', min: 0, max: 6, step: 1 } },
    corresponding: { description: 'Position (1-based) of the corresponding author (✉); 0 for none.', control: { type: 'number', min: 0, max: 6, step: 1 } },
    summary: { control: 'text' },
    keywords: { control: 'object' },
    venue: { control: 'text' },
    venueShort: { control: 'text' },
    award: { control: 'text' },
    type: { control: 'select', options: ['', ...PAPER_TYPES] },
    ...noControl('effectiveLocale', 'heading-level'),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The reading features of `<paper-card>`, one story each: highlighted authors, author marks, AI summary and keywords, badges, thumbnail, Cite, the compact variant, German and replaced strings. Each story shows the controls of its feature.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<ReadingCardArgs>;

/**
 * `highlight-authors="Jan Kästner"` on a 31-author list: the first `max-authors - 1` names, the
 * highlighted person in the middle between ellipses, the last author, then "+N more". Names match
 * in any style: try `Kästner, J.` or `J. Kastner`, or several people separated by `;`.
 */
export const HighlightAuthors: Story = {
  name: 'Highlighted author in a long list',
  args: { paper: collaboration, 'highlight-authors': 'Jan Kästner', 'max-authors': 3 },
  parameters: only('highlight-authors', 'max-authors'),
};

/** Equal contribution (`*`) and corresponding author (`✉`) marks, from the paper's author data. Hover a mark for its meaning. */
export const AuthorMarks: Story = {
  name: 'Equal contribution and corresponding author',
  args: { equalContribution: 2, corresponding: 5 },
  parameters: only('equalContribution', 'corresponding', 'highlight-authors'),
  render: (args) => {
    const authors = madeUpAuthors(5).map((a, i) => ({
      ...a,
      ...(i < args.equalContribution ? { equalContribution: true } : {}),
      ...(i + 1 === args.corresponding ? { corresponding: true } : {}),
    }));
    return renderCard(args, {
      id: 'example-marks',
      title: 'Two first authors who contributed equally, and a corresponding author (example)',
      abstract: 'A made-up paper. The marks come from the author list: the equal-contribution and corresponding-author flags of our format, or * and † after names in BibTeX.',
      authors,
      published: '2025-04-03',
      upvotes: 7,
      links: { pdf: 'https://example.org/papers/marks.pdf' },
    });
  },
};

/**
 * A real Hugging Face paper (2509.20868, from the sample corpus) with its AI summary ("TL;DR") and
 * AI keywords: 16 in the data, of which the card shows the first few.
 */
export const SummaryAndKeywords: Story = {
  name: 'AI summary and keywords',
  args: { summary: styleBench.summary ?? '', keywords: styleBench.keywords ?? [] },
  parameters: only('summary', 'keywords', 'expanded'),
  render: (args) => renderCard(args, { ...styleBench, summary: args.summary || undefined, keywords: args.keywords }),
};

/**
 * Venue, type and award badges under the meta line. A venue of "arXiv" gets no badge; the type is
 * shown only when there is no venue. The data model also has `venueShort` ("short venue label
 * shown as a badge") for long venue names.
 */
export const VenueAndAwardBadges: Story = {
  name: 'Venue and award badges',
  args: {
    venue: 'Advances in Neural Information Processing Systems (NeurIPS 2024)',
    venueShort: 'NeurIPS',
    award: 'Outstanding Paper',
    type: 'conference',
    cite: true,
  },
  parameters: only('venue', 'venueShort', 'award', 'type'),
  render: (args) =>
    renderCard(args, {
      id: 'example-badges',
      title: 'Equivariant transformers that respect long-range electrostatics (example)',
      abstract:
        'A made-up conference paper. Adding a learned charge-equilibration layer to an equivariant transformer captures long-range electrostatics and improves energies of charged systems without losing locality.',
      authors: madeUpAuthors(4),
      published: '2024-12-10',
      venue: args.venue || undefined,
      venueShort: args.venueShort || undefined,
      award: args.award || undefined,
      type: args.type || undefined,
      links: { pdf: 'https://example.org/papers/badges.pdf', code: 'https://example.org/code/badges' },
    }),
};

/**
 * `show-thumbnail`: the paper's preview image above the title (a real Hugging Face social
 * thumbnail of 2505.15879). Without network the image box shows its alt text.
 */
export const Thumbnail: Story = {
  args: { paper: grit, 'show-thumbnail': true },
  parameters: only('show-thumbnail'),
};

/**
 * `cite`: a Cite button among the links. Clicking it copies the paper's BibTeX and says "BibTeX
 * copied"; where the clipboard is not available it shows the BibTeX to copy by hand.
 */
export const Cite: Story = {
  args: { paper: grit, cite: true },
  parameters: only('cite'),
};

/**
 * The same with the clipboard refused (as in an insecure context): the story's `play` clicks Cite
 * and the card falls back to a text box with the BibTeX.
 */
export const CiteWithoutClipboard: Story = {
  name: 'Cite (clipboard refused)',
  args: { paper: grit, cite: true },
  parameters: only('cite'),
  beforeEach: () => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) return undefined;
    const original = Object.getOwnPropertyDescriptor(clipboard, 'writeText');
    Object.defineProperty(clipboard, 'writeText', {
      configurable: true,
      value: () => Promise.reject(new DOMException('Refused by the story.', 'NotAllowedError')),
    });
    return () => {
      if (original) Object.defineProperty(clipboard, 'writeText', original);
      else Reflect.deleteProperty(clipboard, 'writeText');
    };
  },
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('paper-card');
    await card?.updateComplete;
    card?.shadowRoot?.querySelector<HTMLButtonElement>('button.cite')?.click();
  },
};

/** `variant="compact"`: title, meta line and badges only, for dense lists. */
export const Compact: Story = {
  name: 'Compact variant',
  args: { paper: styleBench, variant: 'compact' },
  parameters: only('variant', 'cite'),
};

/**
 * Inside `<div lang="de">` the card speaks German: "Kurz gesagt", "Mehr anzeigen", "+N weitere",
 * "Zitieren", German dates and numbers. The strings load on demand.
 */
export const German: Story = {
  name: 'German (lang="de" wrapper)',
  args: { paper: { ...styleBench, authors: madeUpAuthors(12), upvotes: 1234 }, lang: 'de', cite: true, 'show-thumbnail': false },
  parameters: only('lang', 'locale'),
};

/** `strings='{"showMore":"Read more"}'` replaces one UI string; any other key can be replaced too. */
export const ReplacedStrings: Story = {
  name: 'Replaced strings',
  args: { paper: styleBench, strings: '{"showMore":"Read more"}' },
  parameters: only('strings'),
};
