/**
 * The feed's side of a chunked search index (`search-index`, see pagefind.ts): loaded with the
 * first query that uses the index, so the always-loaded file does not carry it.
 */
import type { Paper } from '../../data/types.js';
import { highlightRanges } from '../../data/search/highlight.js';
import { paperEvent, type PaperErrorDetail } from '../shared/events.js';
import { createIndexSearch, type IndexSearch } from './pagefind.js';

/** What the index answered for a query (or the error it failed with). */
export interface IndexView {
  query: string;
  total: number;
  papers: Paper[];
  highlight?: (text: string) => [number, number][];
  error?: string;
  busy?: boolean;
}

const opened = new WeakMap<EventTarget, { url: string; search: IndexSearch }>();

/**
 * Asks the index at `url` for the next `size` papers of the query after `previous` (every paper,
 * in the index's order, when the query is empty). Resolves with the view to show, or undefined when aborted.
 * A failure becomes a view with its message, and a `paper-error` event on `host`.
 */
export async function searchIndex(host: EventTarget, url: string, query: string, size: number, previous: IndexView | undefined, signal: AbortSignal): Promise<IndexView | undefined> {
  try {
    let open = opened.get(host);
    if (open?.url !== url) {
      open?.search.dispose();
      open = { url, search: createIndexSearch(new URL(url, document.baseURI)) };
      opened.set(host, open);
    }
    // An empty query lists every paper in index order: newest first in bundles of `paper-corpus index`.
    const result = await open.search.search(query, { limit: size, offset: previous?.papers.length ?? 0, signal });
    const { terms } = result;
    return {
      query,
      total: result.total,
      papers: [...(previous?.papers ?? []), ...result.papers],
      ...(terms.length ? { highlight: (text: string) => highlightRanges(text, terms, terms) } : {}),
    };
  } catch (e) {
    if (signal.aborted) return undefined;
    const message = e instanceof Error ? e.message : String(e);
    host.dispatchEvent(paperEvent<PaperErrorDetail>('paper-error', { kind: 'network', message, url }));
    return { query, total: 0, papers: [], error: message };
  }
}

/** Releases the index a feed opened (when it leaves the page). */
export function closeIndex(host: EventTarget): void {
  opened.get(host)?.search.dispose();
  opened.delete(host);
}
