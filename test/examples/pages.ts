/**
 * Helpers for the example tests: they open a built example (served by the test runner from the
 * repository root) in an iframe and look into the elements' shadow roots. The examples are built
 * by `node scripts/build-examples.mjs` (CI runs it before the tests); when one is not built, its
 * tests are skipped with a message saying so.
 */
import type { PaperFeed } from '../../src/components/paper-feed/paper-feed.js';

export type Page = { doc: Document; win: Window & typeof globalThis };

/** Skips the calling suite (from a `before` hook) when `url` is not there, saying how to build it. */
export async function skipUnlessBuilt(context: Mocha.Context, url: string): Promise<void> {
  const response = await fetch(url, { method: 'HEAD' });
  if (response.ok) return;
  console.warn(`${url} is not built: run \`node scripts/build-examples.mjs\` (CI does, before the tests). Skipping its tests.`);
  context.skip();
}

/** Opens `url` in a visible 1000×800 iframe (cards measure themselves, so it must be rendered). */
export async function openPage(url: string): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '800px';
  const loaded = new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
  });
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return { doc: frame.contentDocument!, win: frame.contentWindow as Window & typeof globalThis };
}

export function closePages(): void {
  document.querySelectorAll('iframe').forEach((frame) => {
    frame.remove();
  });
}

export function feedIn(doc: Document, selector = 'paper-feed'): PaperFeed {
  const feed = doc.querySelector<PaperFeed>(selector);
  if (!feed) throw new Error(`no ${selector} on the page`);
  return feed;
}

/** The titles of the cards a feed shows. */
export function cardTitles(feed: Element): string[] {
  return [...(feed.shadowRoot?.querySelectorAll('paper-card') ?? [])].map((card) => card.shadowRoot?.querySelector('[part="title"]')?.textContent.trim() ?? '');
}

/** Elements with a given part inside the feed's cards. */
export function cardParts(feed: Element, part: string): Element[] {
  return [...(feed.shadowRoot?.querySelectorAll('paper-card') ?? [])].flatMap((card) => [...(card.shadowRoot?.querySelectorAll(`[part~="${part}"]`) ?? [])]);
}

/** Types `value` into a <paper-search> box as a person would. */
export function typeInto(search: Element, value: string): void {
  const input = search.shadowRoot?.querySelector('input');
  if (!input) throw new Error('paper-search has no input');
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export function text(doc: Document, testId: string): string {
  return doc.querySelector(`[data-testid="${testId}"]`)?.textContent.trim() ?? '';
}
