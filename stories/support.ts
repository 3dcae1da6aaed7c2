/**
 * Helpers shared by the stories (not a story file: the glob in .storybook/main.ts only picks up
 * `*.stories.ts`).
 */
import type { ArgTypes, Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Corpus, Paper } from '../src/data/types.js';

/**
 * URLs are written relative to the Storybook iframe (`sample-papers.json`, not `/sample-papers.json`)
 * so the stories also work when the built Storybook is served from a sub-path (GitHub Pages).
 * `public/` is served at the root and `test/fixtures/` at `fixtures/` (see .storybook/main.ts).
 */
export const SAMPLE_URL = 'sample-papers.json';
export const HF_DAILY_URL = 'fixtures/hf-daily-2025-01-21.json';
/** A full day of the Daily Papers page (39 papers). */
export const HF_DAILY_FULL_URL = 'fixtures/hf-daily-2025-10-14.json';

/** Requests to URLs whose path contains this segment never answer while `neverFetch` is active. */
export const NEVER_SEGMENT = '/__never__/';

/** A URL that never answers (see `neverFetch`). */
export const neverUrl = (name: string): string => `__never__/${name}`;

function requestUrl(input: RequestInfo | URL): URL {
  return new URL(input instanceof Request ? input.url : input, document.baseURI);
}

/**
 * `beforeEach` hook that replaces `window.fetch` while the story is shown: a request whose path
 * contains `/__never__/` returns a promise that never settles (it rejects only when the request
 * is aborted, as a real fetch would), every other request goes to the real fetch. The returned
 * cleanup puts the real fetch back when the story is left. This keeps a feed in its loading state
 * for as long as one looks at it, without a server that hangs.
 */
export function neverFetch(): () => void {
  const previous = window.fetch;
  const stub: typeof window.fetch = (input, init) => {
    if (!requestUrl(input).pathname.includes(NEVER_SEGMENT)) return previous.call(window, input, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    return new Promise<Response>((_resolve, reject) => {
      signal?.addEventListener(
        'abort',
        () => {
          reject(new DOMException('The request was aborted.', 'AbortError'));
        },
        { once: true },
      );
    });
  };
  window.fetch = stub;
  return () => {
    // Only undo our own replacement (another story may have stubbed fetch after us).
    if (window.fetch === stub) window.fetch = previous;
  };
}

/** What `loadSample` puts in the story context's `loaded`. */
export type SampleLoaded = { sample: Paper[] };

let samplePromise: Promise<Paper[]> | undefined;

/** Loader: the built-in 100-paper corpus (`public/sample-papers.json`), fetched once. */
export async function loadSample(): Promise<SampleLoaded> {
  samplePromise ??= fetch(SAMPLE_URL).then(async (response) => {
    if (!response.ok) throw new Error(`${SAMPLE_URL}: HTTP ${response.status}`);
    return ((await response.json()) as Corpus).papers;
  });
  samplePromise.catch(() => {
    samplePromise = undefined; // try again next time
  });
  return { sample: await samplePromise };
}

/** The papers a `loadSample` loader provided. */
export function samplePapers(loaded: Record<string, unknown>): Paper[] {
  return (loaded as Partial<SampleLoaded>).sample ?? [];
}

/**
 * argTypes for manifest rows that are not args of a story (read-only getters, properties set in
 * `render`): they stay in the docs table, without a control that would do nothing.
 */
export function noControl(...names: string[]): ArgTypes {
  return Object.fromEntries(names.map((name) => [name, { control: false }]));
}

let counter = 0;

/**
 * A page-unique id. On a docs page every story renders into the same document (and the first one
 * twice), so fixed ids would collide and a `for` binding would find the wrong feed.
 */
export function uid(prefix: string): string {
  counter++;
  return `${prefix}-${counter}`;
}

/**
 * The canvas page has the browser's default (serif) font; the elements inherit the page's font,
 * so the stories set a sans-serif one, as a typical site would.
 */
export const pageFont: Decorator = (story) =>
  html`<div style="font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif">${story()}</div>`;

/** On docs pages, caps a long story at a scrollable height; in the canvas it is shown whole. */
export const scrollInDocs: Decorator = (story, context) =>
  context.viewMode === 'docs' ? html`<div style="max-height: 36rem; overflow: auto">${story()}</div>` : story();
