/**
 * One asynchronous search API whatever the corpus size: small corpora are indexed and searched in
 * the page; from `workerThreshold` papers on (5,000 by default) the index lives in a Web Worker,
 * so that building it and answering queries never blocks typing. Results are the same either way.
 *
 * ```ts
 * const { createSearch } = await import('paper-feed-elements/…/search/index.js');
 * const search = createSearch(papers);
 * const result = await search.search('kastner diffusion', { signal });
 * ```
 */
import type { Paper } from '../types.js';
import { createIndex, type IndexOptions, type SearchIndex, type SearchResult } from './engine.js';
import { searchableFields, type WorkerRequest, type WorkerResponse } from './protocol.js';
import { defaultWorker } from './start-worker.js';

/** Papers from which on the index is built in a worker. */
export const WORKER_THRESHOLD = 5000;

export interface CreateSearchOptions extends IndexOptions {
  /** Build the index in a worker from this many papers on (default `WORKER_THRESHOLD`). 0: always. */
  workerThreshold?: number;
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
  /** Where the index lives. `worker` may fall back to `thread` when no worker can be started. */
  readonly mode: 'thread' | 'worker';
  /** Resolves when the index is built. */
  readonly ready: Promise<void>;
  /** Runs a query (see `query.ts` for the syntax). */
  search(query: string, options?: QueryOptions): Promise<SearchResult>;
  /** Stops the worker, if any. Later searches reject. */
  dispose(): void;
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

  constructor(papers: readonly Paper[], options: IndexOptions) {
    this.ready = Promise.resolve().then(() => {
      this.index ??= createIndex(papers, options);
    });
  }

  async search(query: string, options: QueryOptions = {}): Promise<SearchResult> {
    await this.ready;
    if (options.signal?.aborted) throw abortError();
    if (this.disposed || !this.index) throw new Error('The search was disposed.');
    return this.index.search(query, { ...(options.limit === undefined ? {} : { limit: options.limit }), ...(options.any ? { any: true } : {}) });
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
    this.ready = new Promise<void>((resolve, reject) => {
      const useThread = (): void => {
        this.worker?.terminate();
        this.worker = undefined;
        this.mode = 'thread';
        this.fallback = new ThreadSearch(papers, indexOptions);
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
        if (m.type === 'result') p.resolve(m.result);
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
      const message: WorkerRequest = options.worker ? { type: 'index', options: indexOptions } : { type: 'index', papers: papers.map(searchableFields), options: indexOptions };
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
