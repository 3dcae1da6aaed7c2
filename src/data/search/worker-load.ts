/**
 * Parses a large corpus file in the corpus worker: the downloaded chunks are transferred (not
 * copied), the worker decodes, parses and normalizes them and sends the papers back in batches,
 * so that the page only ever runs short tasks while a 100,000-paper corpus loads. The worker then
 * keeps the papers: hand it to `createSearch(papers, { worker })` and the index is built there too.
 *
 * ```ts
 * const worker = await startLoadWorker();          // while the file downloads
 * const { result } = await loadInWorker(worker, chunks, { format: 'auto' }, { signal });
 * ```
 */
import type { ImportOptions, Paper, ParseResult } from '../types.js';
import { unpackBatch, type WorkerRequest, type WorkerResponse } from './protocol.js';
import { defaultWorker } from './start-worker.js';

/** Thrown when no worker could be started or its script failed: parse in the page instead. */
export class WorkerUnavailableError extends Error {
  constructor(reason: string) {
    super(`The corpus worker is unavailable: ${reason}.`);
    this.name = 'WorkerUnavailableError';
  }
}

function abortError(): DOMException {
  return new DOMException('The load was aborted.', 'AbortError');
}

/**
 * Starts a corpus worker and resolves once its script runs (it says hello), so that the bytes are
 * only handed over to a worker that can take them. Rejects with `WorkerUnavailableError` when the
 * page cannot run it (no Worker, a CSP without `worker-src` for it, a missing file) within `wait` ms.
 */
export function startLoadWorker(createWorker: () => Worker = defaultWorker, wait = 10000): Promise<Worker> {
  return new Promise<Worker>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = createWorker();
    } catch (e) {
      reject(new WorkerUnavailableError(e instanceof Error ? e.message : String(e)));
      return;
    }
    const fail = (reason: string): void => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      reject(new WorkerUnavailableError(reason));
    };
    const timer = setTimeout(() => {
      fail(`it did not start within ${wait / 1000} s`);
    }, wait);
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      if (event.data.type !== 'hello') return;
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      resolve(worker);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || 'its script could not run');
    };
  });
}

export interface WorkerLoadOptions {
  /** Aborting terminates the worker and rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Papers per message (default 500: a few milliseconds of JSON.parse for the page). */
  batch?: number;
}

/**
 * Loads the bytes of a corpus file (the chunks as downloaded; they are transferred, so unusable
 * afterwards) in a started worker. Resolves like `loadCorpusText`, with the worker holding the
 * papers when they loaded (terminate it when done with them) and their positions newest first
 * (`dateOrder`, as `sortPapers(papers, 'date')` would order them); rejects with an `AbortError` when
 * aborted and with `WorkerUnavailableError` when the worker crashed (out of memory).
 */
export function loadInWorker(
  worker: Worker,
  chunks: readonly Uint8Array[],
  options: ImportOptions,
  { signal, batch = 500 }: WorkerLoadOptions = {},
): Promise<{ result: ParseResult; worker?: Worker; dateOrder?: Int32Array }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      worker.terminate();
      reject(abortError());
      return;
    }
    const papers: Paper[] = [];
    const done = (): void => {
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
    };
    const onAbort = (): void => {
      done();
      worker.terminate();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const m = event.data;
      if (m.type === 'papers') {
        for (const p of unpackBatch(m)) papers.push(p);
        const more: WorkerRequest = { type: 'more' };
        worker.postMessage(more);
      } else if (m.type === 'loaded') {
        done();
        if (m.result.ok) {
          const { format, problems, total, dateOrder } = m.result;
          resolve({ result: { ok: true, format, problems, total, papers }, worker, dateOrder });
        } else {
          worker.terminate();
          resolve({ result: m.result });
        }
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done();
      worker.terminate();
      reject(new WorkerUnavailableError('it stopped while parsing'));
    };
    const buffers = [...new Set(chunks.map((c) => c.buffer))];
    const message: WorkerRequest = { type: 'load', chunks: [...chunks], options, batch };
    worker.postMessage(message, buffers);
  });
}
