/**
 * Live examples of the "Drop it into your site" guide (DropIn.mdx). The introduction page embeds
 * `SmallFeed` too. No docs page of its own (`!autodocs`): the guide is that page.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { PaperFeed } from '../../src/components/paper-feed/paper-feed.js';
import { SAMPLE_URL, loadSample, pageFont, samplePapers, uid } from '../support.js';

/** Args of the drop-in stories: a few attributes of the feed. */
interface DropInArgs {
  src: string;
  sort: 'date' | 'upvotes' | 'title';
  /** 0 shows all. */
  limit: number;
}

const meta: Meta<DropInArgs> = {
  title: 'Guides/Drop it into your site',
  tags: ['!autodocs'],
  decorators: [pageFont],
  args: { src: SAMPLE_URL, sort: 'upvotes', limit: 3 },
  argTypes: {
    src: { control: 'text', description: 'URL of the corpus (relative to the page).' },
    sort: { control: 'inline-radio', options: ['date', 'upvotes', 'title'], description: 'Order of the papers.' },
    limit: { control: { type: 'number', min: 0, step: 1 }, description: 'At most this many papers (0: all).' },
  },
};
export default meta;

type Story = StoryObj<DropInArgs>;

/**
 * What the two tags of the CDN snippet give: a search box bound to a feed, here the built-in
 * sample corpus, its three most upvoted papers. Type in the box to filter.
 */
export const SmallFeed: Story = {
  name: 'A small feed with search',
  render: (args) => {
    const id = uid('small-feed');
    return html`<paper-search for=${id}></paper-search>
      <paper-feed id=${id} src=${args.src} sort=${args.sort} limit=${args.limit || nothing}></paper-feed>`;
  },
};

/**
 * Attributes hold text: `src`, `sort`, `limit` are written in the HTML. Data that is not text
 * (an array of papers) goes into the `papers` property, set from JavaScript; here three papers of
 * the sample corpus, with `sort` and `limit` still given as attributes.
 */
export const PapersProperty: Story = {
  name: 'The papers property',
  args: { sort: 'title', limit: 2 },
  argTypes: { src: { control: false } },
  loaders: [loadSample],
  render: (args, { loaded }) =>
    html`<paper-feed .papers=${samplePapers(loaded).slice(0, 3)} sort=${args.sort} limit=${args.limit || nothing}></paper-feed>`,
};

/** Short, readable summary of an event's detail for the log. */
function describeDetail(event: CustomEvent<unknown>): string {
  const detail = event.detail as Record<string, unknown> | null;
  if (!detail) return '';
  if (Array.isArray(detail.problems)) {
    return JSON.stringify({ skipped: detail.skipped, total: detail.total, problems: `${detail.problems.length} (see detail.problems)` });
  }
  if (detail.paper && typeof detail.paper === 'object') {
    const paper = detail.paper as { id?: unknown; title?: unknown };
    return JSON.stringify({ paper: { id: paper.id, title: paper.title } });
  }
  return JSON.stringify(detail);
}

/** Appends one line per event to the log inside the element the listener is on. */
function logEvent(event: Event): void {
  const box = event.currentTarget;
  if (!(box instanceof HTMLElement) || !(event instanceof CustomEvent)) return;
  // A demo: titles log their `paper-select` instead of leaving the page.
  if (event.type === 'paper-select') event.preventDefault();
  const log = box.querySelector('ol');
  if (!log) return;
  const item = document.createElement('li');
  const name = document.createElement('code');
  name.textContent = event.type;
  item.append(name, ` ${describeDetail(event as CustomEvent<unknown>)}`);
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

/**
 * Every event, logged as it happens. The feed gets three papers and two broken records through
 * `papers`, so it fires `paper-load`, `paper-warning` (two records skipped) and `paper-results`.
 * Type in the search box for `paper-search` and `paper-results`; click a title for `paper-select`
 * (this story calls `preventDefault()` on it, so the page stays here). The listeners sit on a
 * wrapper `div`: the events bubble and cross shadow roots.
 */
export const Events: Story = {
  args: { sort: 'date', limit: 0 },
  argTypes: { src: { control: false }, sort: { control: false }, limit: { control: false } },
  loaders: [loadSample],
  render: (_args, { loaded }) => {
    const id = uid('events-feed');
    const papers: unknown[] = [...samplePapers(loaded).slice(0, 3), { id: 'broken-1', abstract: 'No title.' }, 'not a paper'];
    return html`<div
      @paper-load=${logEvent}
      @paper-warning=${logEvent}
      @paper-error=${logEvent}
      @paper-results=${logEvent}
      @paper-search=${logEvent}
      @paper-select=${logEvent}
    >
      <paper-search for=${id}></paper-search>
      <paper-feed id=${id} .papers=${papers} layout="compact"></paper-feed>
      <p style="margin: 1rem 0 0.25rem; font-weight: 600">Events</p>
      <ol
        style="max-height: 12rem; overflow: auto; margin: 0; padding: 0.5rem 0.5rem 0.5rem 2.25rem; border: 1px solid #d0d7de; border-radius: 0.5rem; font-size: 0.8125rem; line-height: 1.5; overflow-wrap: anywhere"
      ></ol>
    </div>`;
  },
};

/** The tag this page registers the feed class under, in `OtherTagName`. */
const LAB_TAG = 'lab-papers';

/**
 * The feed class registered a second time as `<lab-papers>`. On this page `paper-feed-elements/define`
 * already registered `PaperFeed` as `<paper-feed>`, and a class can only be registered once, so the
 * new tag gets a subclass: `customElements.define('lab-papers', class extends PaperFeed {})`.
 * A `paper-search` drives it by id like any feed.
 */
export const OtherTagName: Story = {
  name: 'Another tag name',
  args: { limit: 2 },
  render: (args) => {
    if (!customElements.get(LAB_TAG)) customElements.define(LAB_TAG, class LabPapers extends PaperFeed {});
    const id = uid('lab-papers');
    return html`<paper-search for=${id} placeholder="Search our papers…"></paper-search>
      <lab-papers id=${id} src=${args.src} sort=${args.sort} limit=${args.limit || nothing}></lab-papers>`;
  },
};
