import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { GROUP_BY, PERIODS, type GroupBy as GroupKey, type Period } from '../src/data/group.js';
import { FACET_KEYS } from '../src/data/filter.js';
import { PAPER_TYPES, type Paper } from '../src/data/types.js';
import { HF_DAILY_FULL_URL, SAMPLE_URL, loadSample, noControl, pageFont, samplePapers, scrollInDocs } from './support.js';
import { LAB_LEAD, followSystemScheme, labPapers, repeatCorpus } from './reading-support.js';

/** Where a story's papers come from. */
type CorpusChoice = 'sample' | 'lab' | 'hf-daily';

/**
 * Args of the reading-experience feed stories: the feed's attributes (empty text and 0 leave an
 * attribute out) and, for some stories, which corpus to show. Each story shows only the controls
 * of the feature it demonstrates.
 */
interface ReadingFeedArgs {
  corpus: CorpusChoice;
  sort: 'date' | 'upvotes' | 'trending' | 'title';
  /** 0 shows all. */
  limit: number;
  /** 0: no paging. */
  'page-size': number;
  'group-by': GroupKey;
  period: Period | '';
  date: string;
  year: string;
  tag: string;
  author: string;
  type: string;
  venue: string;
  selected: boolean;
  'has-code': boolean;
  facets: string;
  layout: 'list' | 'compact' | 'grid';
  density: 'comfortable' | 'compact';
  theme: 'light' | 'dark' | '';
  locale: string;
  'highlight-authors': string;
  cite: boolean;
  'bibtex-download': boolean;
  thumbnails: boolean;
  virtualize: 'auto' | 'on' | 'off';
  /** Papers generated for the virtualization story. */
  count: number;
  /** The page around the feed in the theme stories. */
  page: PageChoice;
  onPaperLoad?: (event: Event) => void;
  onPaperResults?: (event: Event) => void;
}

/** The page around the feed in the theme stories: light, dark, or following the system (`prefers-color-scheme`). */
type PageChoice = 'light' | 'dark' | 'system';

const PAGE_STYLE: Record<PageChoice, string> = {
  light: 'background: #ffffff; color: #1f2328',
  dark: 'background: #0d1117; color: #e6edf3',
  system: 'color-scheme: light dark; background: Canvas; color: CanvasText',
};

/** Puts the story on a page of the `page` arg's colors. */
const onPage: Decorator<ReadingFeedArgs> = (story, { args }) =>
  html`<div style="${PAGE_STYLE[args.page]}; padding: 1.5rem; border-radius: 0.5rem; outline: 1px solid color-mix(in srgb, currentColor 14%, transparent)">${story()}</div>`;

const CORPUS_SRC: Record<CorpusChoice, string | undefined> = { sample: SAMPLE_URL, 'hf-daily': HF_DAILY_FULL_URL, lab: undefined };

/** The feed for `args`: the lab corpus through `papers`, the others through `src` (or `papers` when given). */
function renderFeed(args: ReadingFeedArgs, papers?: Paper[]): TemplateResult {
  const given = papers ?? (args.corpus === 'lab' ? labPapers : undefined);
  return html`<paper-feed
    src=${given ? nothing : (CORPUS_SRC[args.corpus] ?? nothing)}
    .papers=${given}
    sort=${args.sort}
    limit=${args.limit || nothing}
    page-size=${args['page-size'] || nothing}
    group-by=${args['group-by']}
    period=${args.period || nothing}
    date=${args.date || nothing}
    year=${args.year || nothing}
    tag=${args.tag || nothing}
    author=${args.author || nothing}
    type=${args.type || nothing}
    venue=${args.venue || nothing}
    ?selected=${args.selected}
    ?has-code=${args['has-code']}
    facets=${args.facets}
    layout=${args.layout}
    density=${args.density}
    theme=${args.theme || nothing}
    locale=${args.locale || nothing}
    highlight-authors=${args['highlight-authors'] || nothing}
    ?cite=${args.cite}
    ?bibtex-download=${args['bibtex-download']}
    ?thumbnails=${args.thumbnails}
    virtualize=${args.virtualize}
    @paper-load=${args.onPaperLoad}
    @paper-results=${args.onPaperResults}
  ></paper-feed>`;
}

/** Keeps only the named controls (the demonstrated attribute and what it works with). */
const only = (...names: (keyof ReadingFeedArgs)[]) => ({ controls: { include: names } });

const meta: Meta<ReadingFeedArgs> = {
  title: 'Reading experience/paper-feed',
  component: 'paper-feed',
  render: (args) => renderFeed(args),
  decorators: [scrollInDocs, pageFont],
  beforeEach: followSystemScheme,
  args: {
    corpus: 'sample',
    sort: 'date',
    limit: 0,
    'page-size': 0,
    'group-by': 'none',
    period: '',
    date: '',
    year: '',
    tag: '',
    author: '',
    type: '',
    venue: '',
    selected: false,
    'has-code': false,
    facets: '',
    layout: 'list',
    density: 'comfortable',
    theme: '',
    locale: '',
    'highlight-authors': '',
    cite: false,
    'bibtex-download': false,
    thumbnails: false,
    virtualize: 'auto',
    count: 20000,
    page: 'light',
  },
  argTypes: {
    corpus: {
      control: { type: 'inline-radio', labels: { sample: 'Sample corpus (100)', lab: 'Lab corpus (14, made up)', 'hf-daily': 'HF Daily Papers, Oct 14, 2025 (39)' } },
      options: ['sample', 'lab', 'hf-daily'] satisfies CorpusChoice[],
      description: 'Which papers the story shows (not an attribute).',
    },
    sort: { control: 'select', options: ['date', 'upvotes', 'trending', 'title'] },
    limit: { control: { type: 'number', min: 0, step: 1 } },
    'page-size': { control: { type: 'number', min: 0, step: 1 } },
    'group-by': { control: 'select', options: [...GROUP_BY] },
    period: { control: { type: 'select', labels: { '': '(none)' } }, options: ['', ...PERIODS] },
    date: { control: 'text', description: '`YYYY-MM-DD`, or `today` (the latest day with papers).' },
    year: { control: 'text', description: '`2024`, `2020..2023` or `2023..`.' },
    tag: { control: 'text', description: 'Tags or keywords, comma-separated.' },
    author: { control: 'text', description: 'Authors separated by `;` ("Fischer, L." matches "Lena Fischer").' },
    type: { control: 'text', description: `Comma-separated: ${PAPER_TYPES.join(', ')}.` },
    venue: { control: 'text', description: 'Venues containing one of these (comma-separated).' },
    selected: { control: 'boolean' },
    'has-code': { control: 'boolean' },
    facets: { control: 'text', description: `Space-separated: ${FACET_KEYS.join(' ')}.` },
    layout: { control: 'select', options: ['list', 'compact', 'grid'] },
    density: { control: 'inline-radio', options: ['comfortable', 'compact'] },
    theme: { control: { type: 'select', labels: { '': '(follow the page)' } }, options: ['', 'light', 'dark'] },
    locale: { control: { type: 'select', labels: { '': '(nearest lang)' } }, options: ['', 'en', 'de'] },
    'highlight-authors': { control: 'text' },
    cite: { control: 'boolean' },
    'bibtex-download': { control: 'boolean' },
    thumbnails: { control: 'boolean' },
    virtualize: { control: 'inline-radio', options: ['auto', 'on', 'off'] },
    count: { control: { type: 'number', min: 0, max: 50000, step: 100 }, description: 'Papers generated from the sample corpus (not an attribute).' },
    page: {
      control: { type: 'inline-radio', labels: { light: 'Light page', dark: 'Dark page', system: 'System (prefers-color-scheme)' } },
      options: ['light', 'dark', 'system'] satisfies PageChoice[],
      description: 'The page around the feed (not an attribute).',
    },
    ...noControl('papers', 'loadedPapers', 'shownPapers', 'src', 'format', 'query', 'timeout', 'heading-level', 'from', 'to', 'organization', 'strings'),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The reading features of `<paper-feed>`, one story each: grouping, period navigation, attribute filters, facet chips, paging, virtualization, layouts, density, theme, languages, highlighted authors with Cite, the .bib download and the trending sort. Each story shows the controls of its feature. The lab corpus is made up (see `stories/reading-support.ts`); the others are real.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<ReadingFeedArgs>;

/**
 * `group-by` puts headings (with counts) over the papers: by day, week, month or year, or by
 * venue or type (the lab corpus has those; the sample corpus has neither, so all its papers fall
 * under "Other").
 */
export const GroupBy: Story = {
  name: 'Group by',
  args: { 'group-by': 'month' },
  parameters: only('group-by', 'corpus', 'sort'),
};

/**
 * `period="week" date="today"`: one week at a time, as on the Daily Papers page, with previous and
 * next buttons that skip empty periods. "today" falls back to the latest period with papers.
 */
export const PeriodNavigation: Story = {
  name: 'Period navigation (sample corpus)',
  args: { period: 'week', date: 'today' },
  parameters: only('period', 'date'),
};

/**
 * A full day of the Daily Papers page (Hugging Face `api/daily_papers` for Oct 14, 2025, 39
 * papers) with `period="day" date="today"`, most upvoted first.
 */
export const PeriodNavigationHfDaily: Story = {
  name: 'Period navigation (HF Daily Papers)',
  args: { corpus: 'hf-daily', period: 'day', date: 'today', sort: 'upvotes' },
  parameters: only('period', 'date', 'sort'),
};

/**
 * Filters by attribute on a lab's publication list: `year`, `tag`, `author`, `type`, `venue`,
 * `selected` and `has-code` narrow the feed; every filter that is set must match. Here:
 * `selected` papers since 2023.
 */
export const Filters: Story = {
  name: 'Filters by attribute',
  args: { corpus: 'lab', year: '2023..', selected: true },
  parameters: only('year', 'tag', 'author', 'type', 'venue', 'selected', 'has-code'),
};

/** `facets="year tag type venue code"`: chips with counts that narrow the feed when pressed. */
export const Facets: Story = {
  name: 'Facet chips',
  args: { corpus: 'lab', facets: 'year tag type venue code', layout: 'compact' },
  parameters: only('facets', 'layout'),
};

/** `page-size="10"`: ten papers, then "Show more papers" adds ten more. */
export const PageSize: Story = {
  name: 'Page size and "Show more papers"',
  args: { 'page-size': 10, layout: 'compact' },
  parameters: only('page-size', 'layout'),
};

let hugeCache: { sample: Paper[]; count: number; papers: Paper[] } | undefined;

/**
 * 20,000 papers (the sample corpus repeated; each copy has a distinct id and is dated a day earlier
 * per round) given through `papers`. Above 200 papers, without `page-size`, the feed virtualizes:
 * only the cards near the viewport exist. Lower `count` to 200 or less and the list is rendered
 * whole. Left out of the docs page.
 */
export const Virtualized: Story = {
  name: 'Virtualized (20,000 papers)',
  tags: ['!autodocs'],
  args: { count: 20000, virtualize: 'auto' },
  parameters: only('count', 'virtualize', 'group-by'),
  argTypes: { virtualize: { options: ['auto', 'on'], description: '`off` is left out here: it would render every card.' } },
  loaders: [loadSample],
  render: (args, { loaded }) => {
    const sample = samplePapers(loaded);
    const count = Math.max(0, Math.min(50000, Math.floor(args.count)));
    if (hugeCache?.sample !== sample || hugeCache.count !== count) hugeCache = { sample, count, papers: repeatCorpus(sample, count) };
    const virtual = args.virtualize === 'on' || (args.virtualize === 'auto' && count > 200);
    return html`<p style="margin: 0 0 0.75rem; font-size: 0.875rem; opacity: 0.75">
        ${count.toLocaleString('en')} papers · ${virtual ? 'virtualized: only the cards near the viewport are in the DOM' : 'not virtualized: every card is in the DOM'}
      </p>
      ${renderFeed(args, hugeCache.papers)}`;
  },
};

/**
 * `layout`: `list` (default), `compact` (title and meta line only) or `grid` (cards side by side,
 * with thumbnails). On the Daily Papers of Oct 14, 2025; without network the thumbnails show
 * their alt text.
 */
export const Layouts: Story = {
  args: { corpus: 'hf-daily', layout: 'grid', sort: 'upvotes', limit: 9 },
  parameters: only('layout', 'limit'),
};

/** `density="compact"`: less padding and smaller gaps, in any layout. */
export const Density: Story = {
  args: { density: 'compact', limit: 6 },
  parameters: only('density', 'layout'),
};

/**
 * `theme="dark"` (or `light`) forces a color scheme on the feed whatever the page's: here dark on a
 * light page, with facets and group headings to show every part. Try the other combinations with
 * the `page` control.
 */
export const Theme: Story = {
  name: 'Theme (forced)',
  args: { corpus: 'lab', theme: 'dark', page: 'light', facets: 'year type', 'group-by': 'year', cite: true, limit: 4 },
  parameters: only('theme', 'page'),
  decorators: [onPage],
};

/**
 * No `theme`: on a dark page the feed inherits the page's text color, and borders and muted text
 * derive from it. With `page` set to "System" the page follows `prefers-color-scheme`, and so does
 * the feed.
 */
export const ThemeInherited: Story = {
  name: 'Theme inherited from a dark page',
  args: { corpus: 'lab', page: 'dark', facets: 'year type', 'group-by': 'year', cite: true, limit: 4 },
  parameters: only('page', 'theme'),
  decorators: [onPage],
};

/**
 * `locale="de"`: every string of the feed and its cards in German (facets, group headings, paging,
 * the .bib button, Cite), with German dates and numbers. Switch to `en` with the control.
 */
export const Languages: Story = {
  args: { corpus: 'lab', locale: 'de', facets: 'type code', 'group-by': 'type', 'page-size': 6, cite: true, 'bibtex-download': true },
  parameters: only('locale'),
};

/** `highlight-authors` and `cite` on the feed: the lab lead stands out in every author list (however the name is written), and each card has a Cite button. */
export const HighlightAuthorsAndCite: Story = {
  name: 'Highlighted authors and Cite',
  args: { corpus: 'lab', 'highlight-authors': LAB_LEAD, cite: true, limit: 5 },
  parameters: only('highlight-authors', 'cite'),
};

/** `bibtex-download`: a "Download .bib" button for the papers shown (after filters and facets). */
export const BibtexDownload: Story = {
  name: 'Download .bib',
  args: { corpus: 'lab', 'bibtex-download': true, facets: 'type', layout: 'compact' },
  parameters: only('bibtex-download', 'facets'),
};

/** `sort="trending"`: most upvoted first, on the Daily Papers of Oct 14, 2025. */
export const Trending: Story = {
  name: 'Trending sort',
  args: { corpus: 'hf-daily', sort: 'trending', limit: 8 },
  parameters: only('sort', 'limit'),
};
