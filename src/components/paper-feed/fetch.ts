/**
 * Reads a corpus URL and parses it, turning every failure into a `FeedLoadError` with a specific
 * message. Part of the parsing chunk: the core (`load.ts`) has already started the request, so
 * the download and this chunk arrive in parallel. The AbortSignal comes from @lit/task, so a newer
 * `src` cancels the request. Large files are parsed in a worker, which then holds the papers for
 * the search (`LoadedCorpus.worker`).
 */
import type { ImportOptions, ParseResult } from '../../data/types.js';
import type { PaperErrorDetail, PaperErrorKind } from '../shared/events.js';
import { ACCEPT, type LoadedCorpus, type StartedRequest } from './load.js';
import { parseChunks, prepareWorker } from './parse-bytes.js';
import { inOrder } from '../../data/sort.js';

export class FeedLoadError extends Error {
  constructor(readonly detail: PaperErrorDetail) {
    super(detail.message);
    this.name = 'FeedLoadError';
  }
}

function failure(kind: PaperErrorKind, message: string, extra: Partial<PaperErrorDetail> = {}): FeedLoadError {
  return new FeedLoadError({ kind, message, ...extra });
}

/** Throws FeedLoadError for a failed parse, returns the corpus otherwise. */
export function expectCorpus(result: ParseResult, where: string, url?: string): LoadedCorpus {
  if (!result.ok) throw failure(result.kind, `${where}: ${result.message}`, url ? { url } : {});
  return result;
}

/**
 * Files larger than this are refused (bytes; the `max-size` attribute changes it): room for a
 * 100,000-paper corpus (about 205 MB of JSON with abstracts), parsed in the worker.
 */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

class TooLarge extends Error {
  constructor(readonly bytes: number) {
    super('too large');
  }
}

function formatMB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
}

/** Reads a response body as downloaded chunks, stopping as soon as it passes `limit` bytes (0: no limit). */
async function readChunks(response: Response, limit: number, abort: () => void): Promise<Uint8Array[]> {
  if (!response.body) return [new Uint8Array(await response.arrayBuffer())];
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (limit > 0 && bytes > limit) {
      abort();
      await reader.cancel().catch(() => undefined);
      throw new TooLarge(bytes);
    }
    chunks.push(value);
  }
  return chunks;
}

export interface FetchOptions extends ImportOptions {
  /** Requests the core started already, by URL as written in `src`. */
  started?: ReadonlyMap<string, StartedRequest>;
  /** Largest file accepted, in bytes (0: no limit). */
  maxBytes?: number;
  signal: AbortSignal;
  /** Milliseconds before giving up; 0 for never. */
  timeout: number;
  /** What `src` resolves against (the page). */
  baseUrl?: string;
  /** What relative links inside the corpus resolve against (default: baseUrl). */
  linkBase?: string;
}

export async function fetchCorpus(src: string, options: FetchOptions): Promise<LoadedCorpus> {
  let url: URL;
  try {
    url = new URL(src, options.baseUrl);
  } catch {
    throw failure('invalid-url', `“${src}” is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw failure('invalid-url', `Papers can only be loaded over http(s), not from “${url.protocol}” URLs.`, { url: src });
  }
  const name = src;
  const early = options.started?.get(src);
  const controller = early?.controller ?? new AbortController();
  const abort = () => {
    controller.abort();
  };
  options.signal.addEventListener('abort', abort);
  const TIMEOUT = 'timeout';
  const timedOut = () => controller.signal.aborted && controller.signal.reason === TIMEOUT;
  const timer =
    options.timeout > 0
      ? setTimeout(() => {
          controller.abort(TIMEOUT);
        }, options.timeout)
      : undefined;
  try {
    let response: Response;
    try {
      const answer = early ? await early.response : await fetch(url, { signal: controller.signal, headers: { Accept: ACCEPT } });
      if (answer instanceof Error) throw answer;
      response = answer;
    } catch (e) {
      if (timedOut()) throw failure('timeout', `Loading “${name}” took longer than ${options.timeout / 1000} s, so it was stopped.`, { url: src });
      if (options.signal.aborted) throw e;
      throw failure(
        'network',
        `Could not reach “${name}”: the network request failed (offline, blocked by the server's CORS policy, or the server is down).`,
        { url: src },
      );
    }
    if (!response.ok) {
      const reason = response.status === 404 ? 'the file was not found' : response.status >= 500 ? 'the server had an error' : 'the request was refused';
      throw failure('http', `Could not load “${name}”: ${reason} (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}).`, {
        status: response.status,
        url: src,
      });
    }
    const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const tooLarge = (size: number) =>
      failure('too-large', `“${name}” is ${formatMB(size)} or more, over the ${formatMB(limit)} this feed accepts (the max-size attribute raises it).`, { url: src });
    const declared = Number(response.headers.get('content-length'));
    if (limit > 0 && declared > limit) {
      controller.abort();
      throw tooLarge(declared);
    }
    // A file that may be large (its compressed size, if any, is over 256 kB) gets its worker
    // started while it downloads.
    const worker = !declared || declared >= 256 * 1024 ? prepareWorker() : undefined;
    let body: Uint8Array[];
    try {
      body = await readChunks(response, limit, () => {
        controller.abort();
      });
    } catch (e) {
      void worker?.then((w) => {
        w?.terminate();
      });
      if (e instanceof TooLarge) throw tooLarge(e.bytes);
      if (timedOut()) throw failure('timeout', `Loading “${name}” took longer than ${options.timeout / 1000} s, so it was stopped.`, { url: src });
      if (options.signal.aborted) throw e;
      throw failure('network', `The connection broke while “${name}” was downloading.`, { url: src });
    }
    const { result, worker: holder, dateOrder } = await parseChunks(
      body,
      {
        format: options.format,
        fileName: url.pathname,
        contentType: response.headers.get('content-type') ?? undefined,
        baseUrl: options.linkBase ?? options.baseUrl,
      },
      worker,
      options.signal,
    );
    const loaded: LoadedCorpus = expectCorpus(result, `Could not read “${name}”`, src);
    if (!holder) return loaded;
    return dateOrder?.length === loaded.papers.length ? { ...loaded, worker: holder, newest: inOrder(loaded.papers, dateOrder) } : { ...loaded, worker: holder };
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', abort);
  }
}

/**
 * Loads every URL of a space-separated `src` in parallel and merges them (duplicates across files
 * become one paper). A file that fails is reported as a problem while the others still show; when
 * every file fails, the first error is thrown.
 */
export async function fetchCorpora(src: string, options: FetchOptions): Promise<LoadedCorpus> {
  const urls = src.split(/\s+/).filter(Boolean);
  if (urls.length <= 1) return fetchCorpus(urls[0] ?? src, options);
  const settled = await Promise.allSettled(urls.map((u) => fetchCorpus(u, options)));
  const loaded = settled.filter((s): s is PromiseFulfilledResult<LoadedCorpus> => s.status === 'fulfilled').map((s) => s.value);
  // Merged papers are new objects: the workers' copies are of no use to the search.
  for (const l of loaded) l.worker?.terminate();
  const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason as unknown);
  if (!loaded.length) throw failures[0];
  // Merging is only needed with several files: loaded on demand.
  const { mergeCorpora } = await import('../../data/merge.js');
  const merged = mergeCorpora(loaded);
  const problems = [
    ...failures.map((f) => ({ field: 'src', reason: f instanceof Error ? f.message : String(f), severity: 'error' as const })),
    ...loaded.flatMap((l) => l.problems),
    ...merged.problems,
  ];
  return { ok: true, format: loaded[0]?.format ?? 'native', papers: merged.papers, problems, total: loaded.reduce((n, l) => n + l.total, 0) };
}
