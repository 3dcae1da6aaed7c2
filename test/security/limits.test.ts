/**
 * Resource limits (issue #7): a hostile corpus must not freeze the page. Each hostile input is
 * paired with a benign twin of the same size; both are parsed in a worker, and the hostile one may
 * take at most FACTOR times as long as its twin (at least MIN_BUDGET ms). A parse over budget is
 * stopped by terminating the worker, so a quadratic case fails in a second or two instead of
 * freezing the run for minutes, and the comparison holds on a slow or busy machine.
 */
import { expect } from '@open-wc/testing';
import type { ParseOptions } from '../../src/data/parse.js';
import type { WorkerRequest, WorkerResponse } from './parse-worker.js';

const FACTOR = 5;
const MIN_BUDGET = 1000;
const N = 20000;

interface Timed extends WorkerResponse {
  /** Wall-clock milliseconds, worker start-up included. */
  wall: number;
}

async function parseWithin(text: string, options: ParseOptions, budget: number, split = false): Promise<Timed> {
  const started = performance.now();
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  try {
    const response = await new Promise<WorkerResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`still parsing after ${Math.round(budget)} ms (${(text.length / 1024).toFixed(0)} kB): stopped`));
      }, budget);
      worker.addEventListener('message', (e: MessageEvent<WorkerResponse>) => {
        clearTimeout(timer);
        resolve(e.data);
      });
      worker.addEventListener('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`worker error: ${e.message}`));
      });
      const request: WorkerRequest = { text, options, split };
      worker.postMessage(request);
    });
    return { ...response, wall: performance.now() - started };
  } finally {
    worker.terminate();
  }
}

/** Parses the benign twin (generous budget), then the hostile input within FACTOR × its time. */
async function compare(benign: string, hostile: string, options: ParseOptions = {}, split = false): Promise<{ benign: Timed; hostile: Timed }> {
  const b = await parseWithin(benign, options, 15000, split);
  const h = await parseWithin(hostile, options, Math.max(MIN_BUDGET, FACTOR * b.wall), split);
  return { benign: b, hostile: h };
}

const lines = (n: number, make: (i: number) => string): string => Array.from({ length: n }, (_, i) => make(i)).join('\n');
const json = (n: number, make: (i: number) => Record<string, unknown>): string => JSON.stringify(Array.from({ length: n }, (_, i) => make(i)));

describe(`security: resource limits (a hostile input may take ${FACTOR}× its benign twin, at least ${MIN_BUDGET} ms; parsed in a worker)`, function () {
  this.timeout(40000);

  it(`${N} papers with the same id (native JSON, 0.7 MB) vs ${N} distinct ids`, async () => {
    const { hostile } = await compare(json(N, (i) => ({ id: `p${i}`, title: `Paper ${i}` })), json(N, (i) => ({ id: 'same', title: `Paper ${i}` })));
    expect(hostile.papers).to.equal(N);
  });

  it(`${N} papers without an id and with the same title (native JSON, 0.45 MB) vs ${N} distinct titles`, async () => {
    const { hostile } = await compare(json(N, (i) => ({ title: `T${String(i).padStart(8, '0')}` })), json(N, () => ({ title: 'Same title' })));
    expect(hostile.papers).to.equal(N);
  });

  it(`${N} BibTeX entries with the same citation key (0.7 MB) vs ${N} distinct keys`, async () => {
    const { hostile } = await compare(
      lines(N, (i) => `@article{k${String(i).padStart(4, '0')}, title = {Paper ${i}}}`),
      lines(N, (i) => `@article{same, title = {Paper ${i}}}`),
      { fileName: 'a.bib' },
    );
    expect(hostile.papers).to.equal(N);
  });

  it(`an Atom feed with ${N} nested elements and ${N} unmatched end tags (0.14 MB) vs ${N} sibling elements`, async () => {
    const feed = (inner: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Kept</title></entry>${inner}</feed>`;
    const { hostile } = await compare(feed('<x></x>'.repeat(N)), feed(`${'<x>'.repeat(N)}${'</y>'.repeat(N)}`));
    expect(hostile.ok).to.equal(true);
  });

  it(`a BibTeX entry with ${N} nested accents (78 kB) vs ${N} flat ones: read in time, and the rest of the file kept`, async () => {
    const file = (title: string) => `@article{deep, title = {${title}}}\n\n@article{good, title = {A good entry}}\n`;
    const { hostile } = await compare(file("\\'{e}".repeat(N)), file(`${"\\'{".repeat(N)}e${'}'.repeat(N)}`), { fileName: 'a.bib' });
    expect(hostile.message, 'the file was read').to.equal(undefined);
    expect(hostile.ids).to.include('good');
  });

  it('a title of 100 kB of "$" and an abstract of 200 kB of "\\(" vs plain text of the same size, parsed and searched for math', async () => {
    const { hostile } = await compare(
      JSON.stringify([{ id: 'a', title: 'a'.repeat(100000), abstract: 'ab'.repeat(100000) }]),
      JSON.stringify([{ id: 'a', title: '$'.repeat(100000), abstract: '\\('.repeat(100000) }]),
      {},
      true,
    );
    expect(hostile.papers).to.equal(1);
  });
});
