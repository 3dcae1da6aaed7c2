/**
 * One asynchronous search API whatever the corpus size: small corpora are indexed and searched in
 * the page; from `workerThreshold` papers on (5,000 by default) the index is built in a Web Worker,
 * so that building it never blocks the page. Below `pageQueryLimit` papers (20,000 by default) the
 * worker then hands the built index over (its arrays are transferred, not copied) and queries are
 * answered in the page, in a few milliseconds and without a round trip: results render in the same
 * frame as the key press. From `pageQueryLimit` on, the worker answers them, so that typing never
 * waits on a query. Results are the same either way.
 *
 * ```ts
 * const { createSearch } = await import('paper-feed-elements/…/search/index.js');
 * const search = createSearch(papers);
 * const result = await search.search('kastner diffusion', { signal });
 * ```
 */
import type { Paper } from '../types.js';
import { createIndex, restoreIndex, withLazyIds, type IndexOptions, type IndexSnapshot, type SearchIndex, type SearchResult } from './engine.js';
import { searchableFields, type WireResult, type WorkerRequest, type WorkerResponse } from './protocol.js';
import { defaultWorker } from './start-worker.js';

/** Papers from which on the index is built in a worker. */
export const WORKER_THRESHOLD = 5000;

/**
 * Papers from which on the worker also answers the queries. Below, the page does, from the index
 * the worker built: at 10,000 papers a query takes 1 to 3 ms (a one-letter prefix up to 10 ms), so
 * answering in the page is faster than the round trip, which waits for the frame the key press
 * causes. Larger corpora have slower one-letter queries: those stay off the main thread.
 */
export const PAGE_QUERY_LIMIT = 20_000;

export interface CreateSearchOptions extends IndexOptions {
  /** Build the index in a worker from this many papers on (default `WORKER_THRESHOLD`). 0: always. */
  workerThreshold?: number;
  /**
   * Answer queries in the worker from this many papers on (default `PAGE_QUERY_LIMIT`); below, the
   * worker hands the index it built to the page. 0: the worker always answers.
   */
  pageQueryLimit?: number;
  /**
   * Starts the worker. Default: `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })`,
   * which bundlers (Vite, webpack 5, Rollup with a plugin) follow. Pass your own when the worker
   * file is served from elsewhere.
   */
  createWorker?: () => Worker;
  /**
   * A corpus worker that already holds these papers (it loaded the corpus file: see
   * `loadInWorker`). The index is built there from its own copy, so no paper is copied again.
   */
  worker?: Worker;
}

export interface QueryOptions {
  /** At most this many results (`total` still counts all). */
  limit?: number;
  /** Rank papers having any of the words (more like this), not only those having all. */
  any?: boolean;
  /** Aborting rejects with an `AbortError`; a query not yet sent to the worker is never run. */
  signal?: AbortSignal;
}

export interface PaperSearch {
  /**
   * Where queries are answered. `worker` becomes `thread` once a worker hands its index to the page
   * (below `pageQueryLimit`), or when no worker can be started.
   */
  readonly mode: 'thread' | 'worker';
  /** Resolves when the index is built. */
  readonly ready: Promise<void>;
  /** Runs a query (see `query.ts` for the syntax). */
  search(query: string, options?: QueryOptions): Promise<SearchResult>;
  /** Stops the worker, if any. Later searches reject. */
  dispose(): void;
}

/** Runs `work` once the page is idle (soon after, where there is no requestIdleCallback). */
function whenIdle(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(work, { timeout: 500 });
  else setTimeout(work, 50);
}

function abortError(): DOMException {
  return new DOMException('The search was aborted.', 'AbortError');
}

/** True for the rejection of an aborted search. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The index options among the search options (what is sent to the worker). */
function indexOptionsOf(options: CreateSearchOptions): IndexOptions {
  const out: IndexOptions = {};
  if (options.boosts) out.boosts = options.boosts;
  if (options.k1 !== undefined) out.k1 = options.k1;
  if (options.fuzzy !== undefined) out.fuzzy = options.fuzzy;
  return out;
}

class ThreadSearch implements PaperSearch {
  readonly mode = 'thread';
  readonly ready: Promise<void>;
  private index: SearchIndex | undefined;
  private disposed = false;

  constructor(papers: readonly Paper[], options: IndexOptions, built?: SearchIndex) {
    this.index = built;
    this.ready = built
      ? Promise.resolve()
      : Promise.resolve().then(() => {
          this.index ??= createIndex(papers, options);
        });
  }

  async search(query: string, options: QueryOptions = {}): Promise<SearchResult> {
    await this.ready;
    if (options.signal?.aborted) throw abortError();
    if (this.disposed || !this.index) throw new Error('The search was disposed.');
    const index = this.index;
    const result = index.search(query, { ...(options.limit === undefined ? {} : { limit: options.limit }), ...(options.any ? { any: true } : {}) });
    whenIdle(() => {
      if (this.index === index) index.prepare(query);
    });
    return result;
  }

  dispose(): void {
    this.disposed = true;
    this.index = undefined;
  }
}

interface Pending {
  id: number;
  query: string;
  limit?: number;
  any?: boolean;
  signal?: AbortSignal;
  resolve: (r: SearchResult) => void;
  reject: (e: unknown) => void;
}

class WorkerSearch implements PaperSearch {
  mode: 'thread' | 'worker' = 'worker';
  readonly ready: Promise<void>;
  private readonly papers: readonly Paper[];
  private worker: Worker | undefined;
  private fallback: ThreadSearch | undefined;
  private readonly queue: Pending[] = [];
  private inflight: Pending | undefined;
  private nextId = 1;
  private isReady = false;
  private disposed = false;

  constructor(papers: readonly Paper[], options: CreateSearchOptions) {
    const { createWorker } = options;
    const indexOptions = indexOptionsOf(options);
    this.papers = papers;
    const handOver = papers.length < (options.pageQueryLimit ?? PAGE_QUERY_LIMIT);
    this.ready = new Promise<void>((resolve, reject) => {
      const useThread = (snapshot?: IndexSnapshot): void => {
        this.worker?.terminate();
        this.worker = undefined;
        this.mode = 'thread';
        let built: SearchIndex | undefined;
        try {
          built = snapshot && restoreIndex(papers, snapshot);
        } catch {
          // Not the same papers after all: index them here.
        }
        this.fallback = new ThreadSearch(papers, indexOptions, built);
        this.fallback.ready.then(() => {
          this.isReady = true;
          resolve();
          this.pump();
        }, reject);
      };
      try {
        this.worker = options.worker ?? (createWorker ?? defaultWorker)();
      } catch {
        useThread();
        return;
      }
      this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        const m = event.data;
        if (m.type === 'ready' && m.snapshot) {
          useThread(m.snapshot);
          return;
        }
        if (m.type === 'ready') {
          this.isReady = true;
          resolve();
          this.pump();
          return;
        }
        if (m.type === 'error' && m.id === undefined && !this.isReady) {
          // The worker could not build the index (e.g. it lost its corpus): index in the page.
          useThread();
          return;
        }
        if (m.type !== 'result' && m.type !== 'error') return;
        const p = this.inflight;
        if (!p || m.id !== p.id) return;
        this.inflight = undefined;
        if (m.type === 'result') p.resolve(this.fromWire(m.result));
        else p.reject(new Error(m.message));
        this.pump();
      };
      // The worker script failed to load or crashed: search in the page instead.
      this.worker.onerror = (event) => {
        event.preventDefault();
        const p = this.inflight;
        this.inflight = undefined;
        if (p) this.queue.unshift(p);
        useThread();
      };
      const message: WorkerRequest = options.worker
        ? { type: 'index', options: indexOptions, handOver }
        : { type: 'index', papers: papers.map(searchableFields), options: indexOptions, handOver };
      this.worker.postMessage(message);
    });
  }

  search(query: string, options: QueryOptions = {}): Promise<SearchResult> {
    if (this.disposed) return Promise.reject(new Error('The search was disposed.'));
    if (options.signal?.aborted) return Promise.reject(abortError());
    return new Promise<SearchResult>((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, query, limit: options.limit, any: options.any, signal: options.signal, resolve, reject };
      options.signal?.addEventListener(
        'abort',
        () => {
          const i = this.queue.indexOf(pending);
          if (i !== -1) this.queue.splice(i, 1);
          reject(abortError());
        },
        { once: true },
      );
      this.queue.push(pending);
      this.pump();
    });
  }

  /** A result as the worker sent it, with the ids read from the page's papers (when asked for). */
  private fromWire(r: WireResult): SearchResult {
    const indices = Array.from(r.indices);
    const papers = this.papers;
    return withLazyIds(
      { indices, scores: Array.from(r.scores), total: r.total, matchedTerms: r.matchedTerms, matchedPrefixes: r.matchedPrefixes, partial: r.partial },
      () => indices.map((i) => papers[i]?.id ?? ''),
    );
  }

  /** Sends the next query when the worker is free (one at a time, so aborted ones are skipped). */
  private pump(): void {
    if (!this.isReady || this.inflight || this.disposed) return;
    const next = this.queue.shift();
    if (!next) return;
    if (this.fallback) {
      this.fallback.search(next.query, { limit: next.limit, any: next.any, signal: next.signal }).then(next.resolve, next.reject);
      this.pump();
      return;
    }
    if (!this.worker) return;
    this.inflight = next;
    const message: WorkerRequest = { type: 'search', id: next.id, query: next.query, ...(next.limit === undefined ? {} : { limit: next.limit }), ...(next.any ? { any: true } : {}) };
    this.worker.postMessage(message);
  }

  dispose(): void {
    this.disposed = true;
    this.worker?.terminate();
    this.worker = undefined;
    this.fallback?.dispose();
    const error = new Error('The search was disposed.');
    for (const p of [...this.queue, ...(this.inflight ? [this.inflight] : [])]) p.reject(error);
    this.queue.length = 0;
    this.inflight = undefined;
  }
}

/**
 * Creates the search of a corpus: in the page for small corpora, in a worker from
 * `workerThreshold` papers on (or wherever `Worker` exists and `workerThreshold` is 0).
 */
export function createSearch(papers: readonly Paper[], options: CreateSearchOptions = {}): PaperSearch {
  const threshold = options.workerThreshold ?? WORKER_THRESHOLD;
  const canUseWorker = typeof Worker !== 'undefined' || options.createWorker !== undefined;
  if (options.worker || (canUseWorker && papers.length >= threshold)) return new WorkerSearch(papers, options);
  return new ThreadSearch(papers, indexOptionsOf(options));
}
