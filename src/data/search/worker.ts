/**
 * Worker entry of the search: builds the index from the papers it is sent, then answers queries
 * with ids, scores and matched words. Started by `client.ts` for large corpora.
 */
import { createIndex, type SearchIndex } from './engine.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

const scope = globalThis as unknown as {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

let index: SearchIndex | undefined;

scope.onmessage = (event) => {
  const message = event.data;
  try {
    if (message.type === 'index') {
      const start = performance.now();
      index = createIndex(message.papers, message.options);
      scope.postMessage({ type: 'ready', size: index.size, ms: performance.now() - start });
    } else {
      if (!index) throw new Error('The search index is not built yet.');
      const result = index.search(message.query, { ...(message.limit === undefined ? {} : { limit: message.limit }), ...(message.any ? { any: true } : {}) });
      scope.postMessage({ type: 'result', id: message.id, result });
    }
  } catch (e) {
    scope.postMessage({ type: 'error', id: message.type === 'search' ? message.id : undefined, message: e instanceof Error ? e.message : String(e) });
  }
};
