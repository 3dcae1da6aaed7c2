import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { CORPUS_FORMATS, type CorpusFormat, type Paper } from '../src/data/types.js';
import type { SortKey } from '../src/data/sort.js';
import { HF_DAILY_FULL_URL, HF_DAILY_URL, SAMPLE_URL, loadSample, neverFetch, neverUrl, noControl, pageFont, samplePapers, scrollInDocs } from './support.js';

/** Args of the feed stories: the attributes and the four events (logged in the Actions panel). */
interface FeedArgs {
  src: string;
  format: CorpusFormat | 'auto';
  sort: SortKey;
  /** 0 shows all. */
  limit: number;
  query: string;
  timeout: number;
  'heading-level': number;
  /** BCP 47 locale; empty for the nearest `lang` attribute. */
  locale: string;
  onPaperLoad?: (event: Event) => void;
  onPaperError?: (event: Event) => void;
  onPaperWarning?: (event: Event) => void;
  onPaperResults?: (event: Event) => void;
}

/** The feed for `args`; `papers` sets the property, `children` goes inside the element. */
function renderFeed(args: FeedArgs, extra: { papers?: unknown; children?: TemplateResult } = {}): TemplateResult {
  return html`<paper-feed
    src=${args.src || nothing}
    format=${args.format}
    sort=${args.sort}
    limit=${args.limit}
    query=${args.query}
    timeout=${args.timeout}
    heading-level=${args['heading-level']}
    locale=${args.locale || nothing}
    .papers=${extra.papers}
    @paper-load=${args.onPaperLoad}
    @paper-error=${args.onPaperError}
    @paper-warning=${args.onPaperWarning}
    @paper-results=${args.onPaperResults}
    >${extra.children ?? nothing}</paper-feed
  >`;
}

const meta: Meta<FeedArgs> = {
  title: 'Elements/paper-feed',
  component: 'paper-feed',
  render: (args) => renderFeed(args),
  decorators: [scrollInDocs, pageFont],
  args: { src: SAMPLE_URL, format: 'auto', sort: 'date', limit: 0, query: '', timeout: 30000, 'heading-level': 3, locale: '' },
  argTypes: {
    src: { control: 'text' },
    format: { control: 'select', options: ['auto', ...CORPUS_FORMATS] },
    sort: { control: 'select', options: ['date', 'upvotes', 'title'] satisfies SortKey[] },
    limit: { control: { type: 'number', min: 0, step: 1 } },
    query: { control: 'text' },
    timeout: { control: { type: 'number', min: 0, step: 1000 } },
    'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
    locale: { control: { type: 'select', labels: { '': '(nearest lang)' } }, options: ['', 'en', 'de', 'fr', 'ja'] },
    // Rows from the manifest that are not args of these stories: documented, without a control.
    ...noControl('papers', 'loadedPapers', 'shownPapers'),
  },
  parameters: {
    docs: {
      description: {
        component:
          'Loads a corpus from `src` (or the `papers` property, or an inline JSON child) and shows it as a list of cards. The corpus may be our native format or a Hugging Face API response; the format is detected from the content. On this page long feeds scroll inside a box.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<FeedArgs>;

/** The built-in 100-paper corpus (`public/sample-papers.json`), newest first. */
export const SampleCorpus: Story = {
  name: 'Sample corpus',
};

/** A Hugging Face `api/daily_papers` response, read as is (format detected): Jan 21, 2025, one paper. */
export const HuggingFaceDaily: Story = {
  name: 'Hugging Face daily response',
  args: { src: HF_DAILY_URL },
};

/** A full day of Hugging Face Daily Papers (Oct 14, 2025: 39 papers), most upvoted first. */
export const HuggingFaceDailyFullDay: Story = {
  name: 'Hugging Face daily response (full day)',
  args: { src: HF_DAILY_FULL_URL, sort: 'upvotes' },
};

/** A Hugging Face `api/papers/search` response. */
export const HuggingFaceSearch: Story = {
  name: 'Hugging Face search response',
  args: { src: 'fixtures/hf-papers-search.json' },
};

/** A single Hugging Face `api/papers/{id}` object. */
export const HuggingFaceSinglePaper: Story = {
  name: 'Hugging Face single paper',
  args: { src: 'fixtures/hf-paper-single.json' },
};

/** `sort="upvotes"`: most upvoted first. */
export const SortedByUpvotes: Story = {
  name: 'Sorted by upvotes',
  args: { sort: 'upvotes' },
};

/** `sort="title"`: alphabetical. */
export const SortedByTitle: Story = {
  name: 'Sorted by title',
  args: { sort: 'title' },
};

/** `limit="5"`: the first five papers in the current order. */
export const Limit: Story = {
  args: { limit: 5, sort: 'upvotes' },
};

/**
 * The loading placeholder. `src` points at a `__never__/` URL, which the story's `beforeEach`
 * (`neverFetch` in stories/support.ts) answers with a request that never settles; `timeout="0"`
 * keeps the feed from giving up, so it stays loading. The real fetch is put back when the story
 * is left.
 */
export const Loading: Story = {
  args: { src: neverUrl('papers.json'), timeout: 0 },
  beforeEach: neverFetch,
};

/** A request that never answers, given up after `timeout` ms (2 s here). */
export const ErrorTimeout: Story = {
  name: 'Error: timeout',
  args: { src: neverUrl('slow.json'), timeout: 2000 },
  beforeEach: neverFetch,
};

/** `src` not found: the error names the file and the HTTP status, with "Try again". */
export const Error404: Story = {
  name: 'Error: 404',
  args: { src: '/does-not-exist.json' },
};

/** `src` is not valid JSON (a missing comma on line 2). */
export const ErrorMalformedJson: Story = {
  name: 'Error: malformed JSON',
  args: { src: 'fixtures/bad/malformed.json' },
};

/** `src` answers with an HTML page (a server's error page served as 200). */
export const ErrorHtmlPage: Story = {
  name: 'Error: HTML page',
  args: { src: 'fixtures/bad/error-page.html' },
};

/** `.papers=${[]}`: a corpus without papers. */
export const EmptyCorpus: Story = {
  name: 'Empty corpus',
  args: { src: '' },
  render: (args) => renderFeed(args, { papers: [] }),
};

/**
 * A `papers` property with some records that cannot be read (no title, a string, `null`, a title
 * that is not text): the good ones are shown under a "4 of 8 entries could not be read" notice,
 * opened here to list the reasons. One record keeps its title but loses its bad fields (a warning,
 * not counted).
 */
export const PartlyBrokenCorpus: Story = {
  name: 'Partly broken corpus',
  args: { src: '' },
  loaders: [loadSample],
  render: (args, { loaded }) => {
    const [a, b, c] = samplePapers(loaded);
    const papers: unknown[] = [
      a,
      { id: 'no-title', abstract: 'A record without a title is skipped.' },
      b,
      'just a string',
      { id: 'bad-fields', title: 'Kept, but with its bad fields dropped', upvotes: 'many', published: 'someday', links: { pdf: 'javascript:alert(1)' } },
      null,
      { id: 42, title: ['not', 'text'] },
      c,
    ];
    return renderFeed(args, { papers });
  },
  play: async ({ canvasElement }) => {
    // The notice is a closed <details>; open it once the feed has rendered it.
    const feed = canvasElement.querySelector('paper-feed');
    for (let i = 0; feed && i < 100; i++) {
      const details = feed.shadowRoot?.querySelector('details');
      if (details) {
        details.open = true;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  },
};

/** The corpus inline, in a `<script type="application/json">` child (no request). */
export const InlineJson: Story = {
  name: 'Inline JSON',
  args: { src: '' },
  render: (args) =>
    renderFeed(args, {
      children: html`<script type="application/json">
        {
          "format": "paper-feed",
          "version": 1,
          "title": "Inline corpus",
          "papers": [
            {
              "id": "1706.03762",
              "title": "Attention Is All You Need",
              "authors": ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit", "Llion Jones", "Aidan N. Gomez", "Łukasz Kaiser", "Illia Polosukhin"],
              "published": "2017-06-12",
              "upvotes": 120,
              "abstract": "The dominant sequence transduction models are based on complex recurrent or convolutional neural networks that include an encoder and a decoder. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms, dispensing with recurrence and convolutions entirely.",
              "links": { "arxiv": "https://arxiv.org/abs/1706.03762", "pdf": "https://arxiv.org/pdf/1706.03762" }
            },
            {
              "id": "1810.04805",
              "title": "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
              "authorCount": 4,
              "published": "2018-10-11",
              "upvotes": 80,
              "links": { "arxiv": "https://arxiv.org/abs/1810.04805" }
            }
          ]
        }
      </script>`,
    }),
};

/** The number of papers `LargeCorpus` generates. */
const LARGE = 2000;

/** The sample corpus repeated to `LARGE` papers, each with a distinct id and title. */
function largeCorpus(sample: Paper[]): Paper[] {
  if (!sample.length) return [];
  return Array.from({ length: LARGE }, (_, i) => {
    const p = sample[i % sample.length];
    const round = Math.floor(i / sample.length);
    return round === 0 ? p : { ...p, id: `${p.id}~${round}`, title: `${p.title} (copy ${round})` };
  });
}

let largeCache: { sample: Paper[]; papers: Paper[] } | undefined;

/**
 * 2,000 papers (the sample corpus repeated with distinct ids) given through `papers`: loading,
 * sorting and filtering stay quick. Left out of the docs page, where it would render 2,000 cards.
 */
export const LargeCorpus: Story = {
  name: 'Large corpus (2,000 papers)',
  args: { src: '' },
  tags: ['!autodocs'],
  loaders: [loadSample],
  render: (args, { loaded }) => {
    const sample = samplePapers(loaded);
    if (largeCache?.sample !== sample) largeCache = { sample, papers: largeCorpus(sample) };
    return renderFeed(args, { papers: largeCache.papers });
  },
};

/** `query="reasoning"`: only matching papers (what `paper-search` sets as you type). */
export const QueryPreset: Story = {
  name: 'Query preset',
  args: { query: 'reasoning' },
};

/** A query that matches nothing. */
export const NoMatch: Story = {
  name: 'Query without matches',
  args: { query: 'zzzz no such paper' },
};

/**
 * `search-index="pagefind/"`: queries answered from a chunked Pagefind index instead of a loaded
 * corpus (`npm run build-storybook` writes the sample's index with `paper-corpus index`; in
 * `npm run storybook` there is none, and the story shows the missing-index message).
 */
export const SearchIndex: Story = {
  name: 'Search index (Pagefind)',
  args: { src: '', query: 'quantization' },
  render: (args) => html`<paper-feed search-index="pagefind/" query=${args.query} page-size="5" locale=${args.locale || nothing} @paper-error=${args.onPaperError} @paper-results=${args.onPaperResults}></paper-feed>`,
};

/** A `search-index` URL with no index behind it: the specific message, a retry button and `paper-error`. */
export const SearchIndexMissing: Story = {
  name: 'Search index missing',
  args: { src: '', query: 'quantization' },
  render: (args) => html`<paper-feed search-index="no-such-index/" query=${args.query} locale=${args.locale || nothing} @paper-error=${args.onPaperError}></paper-feed>`,
};
