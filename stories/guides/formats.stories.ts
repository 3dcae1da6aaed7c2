/**
 * Live examples of the formats guide (Formats.mdx): one feed per input format, loaded from the
 * test fixtures (served under `fixtures/`), and the notice for records that cannot be read. No
 * docs page of its own (`!autodocs`): the guide is that page.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { CORPUS_FORMATS, type CorpusFormat } from '../../src/data/types.js';
import { pageFont, scrollInDocs } from '../support.js';
import { FORMAT_FIXTURES, MINIMAL_CORPUS, type FixtureKey } from './examples.js';

/** Args of the format stories. */
interface FormatArgs {
  /** Which fixture file `src` points at. */
  file: FixtureKey;
  format: CorpusFormat | 'auto';
  sort: 'date' | 'upvotes' | 'title';
  /** 0 shows all. */
  limit: number;
  onPaperLoad?: (event: Event) => void;
  onPaperWarning?: (event: Event) => void;
  onPaperError?: (event: Event) => void;
}

const FILES = Object.keys(FORMAT_FIXTURES) as FixtureKey[];

const meta: Meta<FormatArgs> = {
  title: 'Guides/Formats',
  tags: ['!autodocs'],
  decorators: [scrollInDocs, pageFont],
  args: { file: 'hf-daily', format: 'auto', sort: 'date', limit: 2 },
  argTypes: {
    file: {
      control: { type: 'select', labels: Object.fromEntries(FILES.map((k) => [k, `${FORMAT_FIXTURES[k].src.replace(/^fixtures\//, '')} — ${FORMAT_FIXTURES[k].what}`])) },
      options: FILES,
      description: 'The file `src` points at (from test/fixtures).',
    },
    format: { control: 'select', options: ['auto', ...CORPUS_FORMATS], description: '`auto` detects the format from the content; a name forces it.' },
    sort: { control: 'inline-radio', options: ['date', 'upvotes', 'title'] },
    limit: { control: { type: 'number', min: 0, step: 1 }, description: 'At most this many papers (0: all).' },
    onPaperLoad: { action: 'paper-load', table: { disable: true } },
    onPaperWarning: { action: 'paper-warning', table: { disable: true } },
    onPaperError: { action: 'paper-error', table: { disable: true } },
  },
  render: (args) => html`<paper-feed
    src=${FORMAT_FIXTURES[args.file].src}
    format=${args.format}
    sort=${args.sort}
    limit=${args.limit || nothing}
    @paper-load=${args.onPaperLoad}
    @paper-warning=${args.onPaperWarning}
    @paper-error=${args.onPaperError}
  ></paper-feed>`,
};
export default meta;

type Story = StoryObj<FormatArgs>;

/** Our native format, inline: the minimal corpus shown above it. */
export const Native: Story = {
  name: 'Native JSON (inline)',
  argTypes: { file: { control: false } },
  render: (args) =>
    html`<paper-feed format=${args.format} sort=${args.sort} limit=${args.limit || nothing}>
      <script type="application/json">
        ${MINIMAL_CORPUS}
      </script>
    </paper-feed>`,
};

/** A Hugging Face `api/daily_papers` response as it comes, most upvoted first. */
export const HuggingFaceDaily: Story = {
  name: 'Hugging Face daily papers',
  args: { file: 'hf-daily', sort: 'upvotes' },
};

/** A BibTeX file from an al-folio lab site: `abbr` badges, `preview` images, arXiv preprints. */
export const Bibtex: Story = {
  name: 'BibTeX (al-folio)',
  args: { file: 'bibtex', limit: 3 },
};

/** CSL-JSON exported by Manubot (Zotero, citeproc and Crossref give the same shape). */
export const CslJson: Story = {
  name: 'CSL-JSON',
  args: { file: 'csl-json' },
};

/** An arXiv API query answered as Atom. */
export const ArxivAtom: Story = {
  name: 'arXiv Atom',
  args: { file: 'arxiv-atom' },
};

/** One day of an arXiv listing as JSON Lines; the day comes from the file name. */
export const ArxivListing: Story = {
  name: 'arXiv listing (JSON Lines)',
  args: { file: 'arxiv-jsonl' },
};

/** Rows of the Kaggle / Cornell arXiv metadata snapshot. */
export const KaggleSnapshot: Story = {
  name: 'Kaggle arXiv snapshot',
  args: { file: 'arxiv-kaggle' },
};

/**
 * A BibTeX file with two broken entries (one without a title, one with an unclosed field): the
 * good entries show under a notice, opened here to list what was skipped and why.
 */
export const BadRecords: Story = {
  name: 'Records that cannot be read',
  args: { file: 'bibtex-quirks', limit: 2 },
  // Run the play function on the docs page too, so the notice is open there.
  parameters: { docs: { story: { autoplay: true } } },
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
