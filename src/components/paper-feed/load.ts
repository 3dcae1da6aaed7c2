/**
 * The core of corpus loading: starts the request for each URL of `src` at once and loads the
 * parsing chunk (`corpus.ts`: error messages, size limits, parsing, the worker) meanwhile, so that
 * neither waits for the other and the always-loaded file stays small.
 */
import type { Paper, ParseResult } from '../../data/types.js';
import type { FetchOptions } from './fetch.js';

export type LoadedCorpus = Extract<ParseResult, { ok: true }> & {
  /** The corpus worker holding these papers, when a large file was parsed there. */
  worker?: Worker;
  /** The papers newest first, when the worker sorted them (`sortPapers(papers, 'date')`). */
  newest?: Paper[];
};

/** What the feed asks servers for. */
export const ACCEPT = 'application/json, application/x-bibtex, application/atom+xml, application/x-ndjson, text/plain;q=0.8, */*;q=0.5';

/** A request the core started: its controller, and its response (or the error it failed with). */
export interface StartedRequest {
  controller: AbortController;
  response: Promise<Response | Error>;
}

type CorpusModule = typeof import('./corpus.js');
let corpusModule: Promise<CorpusModule> | undefined;
/** The loading and parsing chunk (loaded once, on the first corpus). */
export function loadCorpusModule(): Promise<CorpusModule> {
  return (corpusModule ??= import('./corpus.js'));
}

/**
 * Loads every URL of a space-separated `src` (in parallel) and merges them; see `fetch.ts`.
 * Requests for valid http(s) URLs start here, before the chunk that reads them has arrived.
 */
export async function fetchCorpora(src: string, options: Omit<FetchOptions, 'started'>): Promise<LoadedCorpus> {
  const chunk = loadCorpusModule();
  const started = new Map<string, StartedRequest>();
  for (const u of src.split(/\s+/).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(u, options.baseUrl);
    } catch {
      continue; // The chunk names the problem.
    }
    if (started.has(u) || (url.protocol !== 'http:' && url.protocol !== 'https:')) continue;
    const controller = new AbortController();
    options.signal.addEventListener('abort', () => {
      controller.abort();
    }, { once: true });
    const response = fetch(url, { signal: controller.signal, headers: { Accept: ACCEPT } }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    started.set(u, { controller, response });
  }
  let module: CorpusModule;
  try {
    module = await chunk;
  } catch (e) {
    for (const r of started.values()) r.controller.abort();
    throw e;
  }
  return module.fetchCorpora(src, { ...options, started });
}
