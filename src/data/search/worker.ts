/**
 * The corpus worker. Started by `client.ts` (search of a large corpus given as papers) and by the
 * feed's loader (`loadInWorker`, large corpus files): it decodes, parses and normalizes a file off
 * the main thread and sends the papers back in batches — each batch is a short task for the page
 * to take in — then keeps them to build the search index and answer queries with ids and scores.
 */
import { createIndex, snapshotTransfer, type SearchIndex } from './engine.js';
import { loadCorpusText } from '../parse.js';
import { dateOrder } from '../sort.js';
import type { Paper } from '../types.js';
import { packBatch, type LoadSummary, type PaperBatch, type WireResult, type WorkerRequest, type WorkerResponse } from './protocol.js';

const scope = globalThis as unknown as {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

let index: SearchIndex | undefined;
let loaded: Paper[] | undefined;

async function load(message: Extract<WorkerRequest, { type: 'load' }>): Promise<void> {
  const { chunks } = message;
  let bytes: Uint8Array;
  if (chunks.length === 1) bytes = chunks[0];
  else {
    bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
  }
  chunks.length = 0;
  const text = new TextDecoder().decode(bytes);
  const result = await loadCorpusText(text, message.options);
  if (!result.ok) {
    scope.postMessage({ type: 'loaded', result });
    return;
  }
  const { papers } = result;
  loaded = papers;
  index = undefined;
  // Sorted here, so that the page shows the newest papers without sorting them in the task that
  // first renders the feed.
  const order = dateOrder(papers);
  const done: Loaded = { ok: true, format: result.format, problems: result.problems, total: result.total, count: papers.length, dateOrder: order };
  sending = { papers, next: 0, batch: Math.max(1, message.batch), done };
  sendBatch();
}

/**
 * One batch at a time: the page asks for the next one (`more`) once it has taken one in, and the
 * worker has packed it meanwhile. Between two batches the page is idle for a moment, so the garbage
 * collections that so many new objects call for run then, as tasks of their own, not inside a
 * batch's task (with the batches queued up, or even two in flight, they ran inside: 40–55 ms tasks
 * at 100,000 papers).
 */
type Loaded = Extract<LoadSummary, { ok: true }>;
let sending: { papers: readonly Paper[]; next: number; batch: number; done: Loaded; packed?: PaperBatch } | undefined;

/** The next batch of the papers being sent, packed (undefined after the last). */
function nextBatch(s: NonNullable<typeof sending>): PaperBatch | undefined {
  if (s.next >= s.papers.length) return undefined;
  // As JSON text: the page's JSON.parse builds the objects several times faster, and with less
  // garbage, than deserializing a structured clone of the same papers. Abstracts travel apart.
  return packBatch(s.papers.slice(s.next, (s.next += s.batch)));
}

/** Sends the next batch of the loaded papers, and after the last one the end of the load. */
function sendBatch(): void {
  const s = sending;
  if (!s) return;
  const batch = s.packed ?? nextBatch(s);
  if (batch) scope.postMessage({ type: 'papers', ...batch }, [batch.spans.buffer]);
  s.packed = nextBatch(s);
  if (!s.packed) {
    sending = undefined;
    scope.postMessage({ type: 'loaded', result: s.done }, [s.done.dateOrder.buffer]);
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  try {
    if (message.type === 'more') sendBatch();
    else if (message.type === 'load') {
      load(message).catch((e: unknown) => {
        scope.postMessage({ type: 'loaded', result: { ok: false, kind: 'unsupported-format', message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}` } });
      });
    } else if (message.type === 'index') {
      const start = performance.now();
      const papers = message.papers ?? loaded;
      if (!papers) throw new Error('No papers to index.');
      index = createIndex(papers, message.options);
      const ready = { type: 'ready', size: index.size, ms: performance.now() - start } as const;
      if (message.handOver) {
        // The page answers the queries from now on: its arrays move there, nothing stays here.
        const snapshot = index.snapshot();
        index = undefined;
        loaded = undefined;
        scope.postMessage({ ...ready, snapshot }, snapshotTransfer(snapshot));
      } else scope.postMessage(ready);
    } else {
      if (!index) throw new Error('The search index is not built yet.');
      const r = index.search(message.query, { ...(message.limit === undefined ? {} : { limit: message.limit }), ...(message.any ? { any: true } : {}) });
      const result: WireResult = {
        indices: Int32Array.from(r.indices),
        scores: Float64Array.from(r.scores),
        total: r.total,
        matchedTerms: r.matchedTerms,
        matchedPrefixes: r.matchedPrefixes,
        partial: r.partial,
      };
      scope.postMessage({ type: 'result', id: message.id, result }, [result.indices.buffer, result.scores.buffer]);
      // The answer is out: prepare the next key press (a query arriving meanwhile waits for it).
      const answered = index;
      setTimeout(() => {
        answered.prepare(message.query);
      }, 0);
    }
  } catch (e) {
    scope.postMessage({ type: 'error', id: message.type === 'search' ? message.id : undefined, message: e instanceof Error ? e.message : String(e) });
  }
};

scope.postMessage({ type: 'hello' });
