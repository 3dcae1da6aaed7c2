/**
 * Parses a downloaded corpus file: small files in the page; large ones in the corpus worker,
 * which sends the papers back in batches and keeps them for the search index. When no worker can
 * run (a strict CSP without `worker-src`, no Worker at all), large files are parsed in the page too.
 */
import { loadCorpusText } from '../../data/parse.js';
import { loadInWorker, startLoadWorker, WorkerUnavailableError } from '../../data/search/worker-load.js';
import type { ImportOptions, ParseResult } from '../../data/types.js';

/** Files from this many bytes on are parsed in the worker (below, starting one costs more than it saves). */
export const WORKER_BYTES = 1024 * 1024;

/**
 * A worker being started for a file that may be large (start it while the file downloads);
 * resolves to undefined when none can run on this page (the file is then parsed in the page).
 */
export function prepareWorker(): Promise<Worker | undefined> | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return startLoadWorker().catch(() => undefined);
}

/**
 * Loads the browser's number and date formatting data, which its first use costs (12 ms for the
 * first Intl.NumberFormat, 3 ms for a DateTimeFormat, here), in a task of its own while the worker
 * parses: otherwise the task that first renders a large corpus would pay for it.
 */
function warmFormats(): void {
  setTimeout(() => {
    new Intl.NumberFormat().format(1);
    new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(0);
  }, 0);
}

function decode(chunks: readonly Uint8Array[]): string {
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  // One buffer, decoded once: appending decoded pieces builds a rope string that is slow to read.
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/**
 * Parses a downloaded file: in the worker when it is large and a worker started, else in the page.
 * Resolves with the parse result and, for a worker parse, the worker holding the papers and their
 * order by date.
 */
export async function parseChunks(
  chunks: readonly Uint8Array[],
  options: ImportOptions,
  worker: Promise<Worker | undefined> | undefined,
  signal: AbortSignal,
): Promise<{ result: ParseResult; worker?: Worker; dateOrder?: Int32Array }> {
  const bytes = chunks.reduce((n, c) => n + c.byteLength, 0);
  if (worker && bytes >= WORKER_BYTES) {
    // Undefined when no worker runs on this page: parse here.
    const started = await worker;
    if (started) {
      warmFormats();
      // The chunks are transferred: if the worker dies mid-way (out of memory), say so.
      try {
        return await loadInWorker(started, chunks, options, { signal });
      } catch (e) {
        if (!(e instanceof WorkerUnavailableError)) throw e;
        return { result: { ok: false, kind: 'unsupported-format', message: `The file could not be read: ${e.message}` } };
      }
    }
  } else {
    void worker?.then((w) => w?.terminate());
  }
  return { result: await loadCorpusText(decode(chunks), options) };
}
