import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { HF_DAILY_FULL_URL, SAMPLE_URL, noControl, pageFont, scrollInDocs, uid } from './support.js';

/** Args of the search stories: the attributes and the `paper-search` action. */
interface SearchArgs {
  value: string;
  placeholder: string;
  label: string;
  onPaperSearch?: (event: Event) => void;
}

/** Cards shown per feed in these stories (the count in the search box is of all matches). */
const LIMIT = 10;

const meta: Meta<SearchArgs> = {
  title: 'Elements/paper-search',
  component: 'paper-search',
  decorators: [scrollInDocs, pageFont],
  args: { value: '', placeholder: 'Search papers…', label: 'Search papers' },
  argTypes: {
    value: { control: 'text' },
    placeholder: { control: 'text' },
    label: { control: 'text' },
    ...noControl('for', 'targets'),
  },
  parameters: {
    docs: {
      description: {
        component: `Filters the feeds it is bound to as you type, and announces the number of results. Bind it with \`for="feed-id"\` (several ids separated by spaces) or put the feed inside it. Esc clears the query. The feeds in these stories show at most ${LIMIT} cards.`,
      },
    },
  },
  // Ids are generated per render: on the docs page every story shares one document.
  render: (args) => {
    const id = uid('feed');
    return html`<paper-search
        for=${id}
        value=${args.value}
        placeholder=${args.placeholder}
        label=${args.label}
        @paper-search=${args.onPaperSearch}
      ></paper-search>
      <paper-feed id=${id} src=${SAMPLE_URL} limit=${LIMIT}></paper-feed>`;
  },
};
export default meta;

type Story = StoryObj<SearchArgs>;

/** `for="feed-id"`: the search and the feed are siblings, bound by id. Type "diffusion". */
export const BoundToAFeed: Story = {
  name: 'Search bound to a feed (for="id")',
};

/** The feed inside the search: no id needed. */
export const WrappingAFeed: Story = {
  name: 'Search wrapping a feed',
  render: (args) =>
    html`<paper-search value=${args.value} placeholder=${args.placeholder} label=${args.label} @paper-search=${args.onPaperSearch}>
      <paper-feed src=${SAMPLE_URL} limit=${LIMIT}></paper-feed>
    </paper-search>`,
};

/** `for="a b"`: one query filters two feeds; the count adds up the matches of both. */
export const TwoFeeds: Story = {
  name: 'One search driving two feeds (for="a b")',
  args: { value: 'video' },
  render: (args) => {
    const a = uid('sample');
    const b = uid('daily');
    return html`<paper-search
        for="${a} ${b}"
        value=${args.value}
        placeholder=${args.placeholder}
        label=${args.label}
        @paper-search=${args.onPaperSearch}
      ></paper-search>
      <div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1.5rem; align-items: start">
        <section>
          <h2 style="margin: 0 0 0.5rem; font-size: 1rem">Sample corpus</h2>
          <paper-feed id=${a} src=${SAMPLE_URL} limit=${LIMIT} heading-level="3"></paper-feed>
        </section>
        <section>
          <h2 style="margin: 0 0 0.5rem; font-size: 1rem">Hugging Face Daily Papers, Oct 14, 2025</h2>
          <paper-feed id=${b} src=${HF_DAILY_FULL_URL} limit=${LIMIT} heading-level="3"></paper-feed>
        </section>
      </div>`;
  },
};

/** `value="reasoning"`: the feed starts filtered. */
export const PresetValue: Story = {
  name: 'Preset value',
  args: { value: 'reasoning' },
};
