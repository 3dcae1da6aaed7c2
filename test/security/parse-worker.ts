/**
 * Runs the loader in a worker for the resource-limit tests, so a test can stop a parse that takes
 * too long (by terminating the worker) instead of freezing the page for minutes.
 */
import { loadCorpusText } from '../../src/data/parse.js';
import type { ParseOptions } from '../../src/data/parse.js';
import { hasMath, splitMath } from '../../src/data/math.js';

export interface WorkerRequest {
  text: string;
  options: ParseOptions;
  /** Also look for math in every title and abstract, as the cards do. */
  split?: boolean;
}

export interface WorkerResponse {
  ok: boolean;
  message?: string;
  papers: number;
  ids: string[];
  errors: number[];
  ms: number;
}

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const started = performance.now();
  void loadCorpusText(event.data.text, event.data.options).then((result) => {
    if (result.ok && event.data.split) {
      for (const p of result.papers) for (const t of [p.title, p.abstract]) if (hasMath(t)) splitMath(t ?? '');
    }
    const response: WorkerResponse = result.ok
      ? {
          ok: true,
          papers: result.papers.length,
          ids: result.papers.slice(0, 20).map((p) => p.id),
          errors: result.problems.filter((p) => p.severity === 'error').map((p) => p.index ?? -2),
          ms: performance.now() - started,
        }
      : { ok: false, message: result.message, papers: 0, ids: [], errors: [], ms: performance.now() - started };
    postMessage(response);
  });
});
