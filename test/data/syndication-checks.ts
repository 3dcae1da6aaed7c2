/**
 * Checks shared by the feed tests (test/data/syndication.test.ts, test/cli/feed.test.ts): a real
 * feed parser (feedsmith, run in Node by the `parse-feed` server command of
 * web-test-runner.config.mjs), the browser's strict XML parser, and JSON Feed 1.1's required fields.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

export type Parsed = { ok: true; format: string; feed: Record<string, unknown> } | { ok: false; error: string };

/** Parses a feed with feedsmith in Node. */
export function parseFeed(text: string): Promise<Parsed> {
  return executeServerCommand<Parsed, { text: string }>('parse-feed', { text });
}

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses XML with the browser's strict parser; fails the test on any well-formedness error. */
export function parseXml(text: string): XMLDocument {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror').item(0);
  expect(error, `not well-formed XML: ${error?.textContent ?? ''}`).to.equal(null);
  return doc;
}

/** Checks the fields JSON Feed 1.1 requires (and the types of those we write). */
export function checkJsonFeed(value: unknown): void {
  const feed = value as Record<string, unknown>;
  expect(feed.version).to.equal('https://jsonfeed.org/version/1.1');
  expect(feed.title).to.be.a('string').and.not.equal('');
  expect(feed.items).to.be.an('array');
  const ids = new Set<string>();
  for (const item of feed.items as Record<string, unknown>[]) {
    expect(item.id, 'item id').to.be.a('string').and.not.equal('');
    ids.add(item.id as string);
    expect(typeof item.content_text === 'string' || typeof item.content_html === 'string', 'content_text or content_html').to.equal(true);
    for (const key of ['date_published', 'date_modified']) if (key in item) expect(item[key], key).to.match(RFC3339);
    for (const key of ['url', 'external_url']) if (key in item) expect(new URL(item[key] as string).protocol).to.match(/^https?:$/);
    if ('authors' in item) for (const a of item.authors as { name: unknown }[]) expect(a.name).to.be.a('string');
    if ('tags' in item) for (const t of item.tags as unknown[]) expect(t).to.be.a('string');
  }
  expect(ids.size, 'unique item ids').to.equal((feed.items as unknown[]).length);
}
