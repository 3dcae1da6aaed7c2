import { expect } from '@open-wc/testing';
import { createSearch, isAbortError } from '../../../src/data/search/client.js';
import type { Corpus, Paper } from '../../../src/data/types.js';

// The dev server serves TypeScript as modules, so the worker is started from its .ts source here;
// a bundler follows the default `new URL('./worker.js', import.meta.url)` instead.
const workerUrl = new URL('/src/data/search/worker.ts', location.origin);
const startWorker = (): Worker => new Worker(workerUrl, { type: 'module' });

describe('createSearch', () => {
  let corpus: Paper[];
  before(async () => {
    corpus = ((await (await fetch('/test/fixtures/search/corpus.json')).json()) as Corpus).papers;
  });

  it('searches in the page below the threshold', async () => {
    const search = createSearch(corpus.slice(0, 100));
    expect(search.mode).to.equal('thread');
    await search.ready;
    const r = await search.search(corpus[3].title, { limit: 5 });
    expect(r.ids[0]).to.equal(corpus[3].id);
    search.dispose();
  });

  it('builds the index in a worker above the threshold and gives the same answers', async () => {
    const inPage = createSearch(corpus, { workerThreshold: Infinity });
    const inWorker = createSearch(corpus, { workerThreshold: 1000, pageQueryLimit: 0, createWorker: startWorker });
    expect(inWorker.mode).to.equal('worker');
    await inWorker.ready;
    expect(inWorker.mode).to.equal('worker');
    for (const q of ['kastner forking', 'sageatt', 'author:kastner year:2019', '"single photon" -quantum', 'decoherance free']) {
      const [a, b] = await Promise.all([inPage.search(q), inWorker.search(q)]);
      expect(b.ids, q).to.deep.equal(a.ids);
      expect(b.scores, q).to.deep.equal(a.scores);
      expect(b.matchedTerms, q).to.deep.equal(a.matchedTerms);
    }
    const limited = await inWorker.search('diffusion', { limit: 3 });
    expect(limited.ids).to.have.length(3);
    expect(limited.total).to.be.greaterThan(3);
    inWorker.dispose();
    inPage.dispose();
  });

  it('hands a smaller index over to the page, which then answers the same without the worker', async () => {
    const inPage = createSearch(corpus, { workerThreshold: Infinity });
    let worker: Worker | undefined;
    const handed = createSearch(corpus, {
      workerThreshold: 1000,
      pageQueryLimit: corpus.length + 1,
      createWorker: () => (worker = startWorker()),
    });
    expect(handed.mode).to.equal('worker');
    await handed.ready;
    expect(handed.mode).to.equal('thread');
    // The worker is gone: a message to it would be ignored, so answers can only come from the page.
    let replies = 0;
    worker?.addEventListener('message', () => replies++);
    for (const q of ['kastner forking', 'sageatt', 'author:kastner year:2019', '"single photon" -quantum', 'decoherance free', 'd']) {
      const [a, b] = await Promise.all([inPage.search(q), handed.search(q)]);
      expect(b.ids, q).to.deep.equal(a.ids);
      expect(b.scores, q).to.deep.equal(a.scores);
      expect(b.matchedTerms, q).to.deep.equal(a.matchedTerms);
    }
    expect(replies).to.equal(0);
    handed.dispose();
    inPage.dispose();
  });

  it('skips queries aborted before the worker got them', async () => {
    const search = createSearch(corpus, { workerThreshold: 0, pageQueryLimit: 0, createWorker: startWorker });
    const controllers = ['d', 'di', 'dif', 'diff'].map(() => new AbortController());
    const pending = ['d', 'di', 'dif', 'diff'].map((q, i) => search.search(q, { signal: controllers[i].signal }));
    for (const c of controllers.slice(0, 3)) c.abort();
    const last = search.search('diffu');
    const settled = await Promise.allSettled(pending);
    expect(settled.slice(0, 3).every((s) => s.status === 'rejected' && isAbortError(s.reason))).to.be.true;
    expect((await last).total).to.be.greaterThan(0);
    search.dispose();
    let error: unknown;
    await search.search('x').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
  });

  it('falls back to the page when the worker fails to start', async () => {
    // A worker script that throws as it loads (as one that is missing or blocked would fail).
    const broken = URL.createObjectURL(new Blob(['throw new Error("no worker here");'], { type: 'text/javascript' }));
    const search = createSearch(corpus.slice(0, 50), {
      workerThreshold: 0,
      createWorker: () => new Worker(broken, { type: 'module' }),
    });
    const r = await search.search(corpus[7].title);
    expect(r.ids[0]).to.equal(corpus[7].id);
    expect(search.mode).to.equal('thread');
    search.dispose();
  });
});
