/**
 * The Pagefind adapter (src/components/paper-feed/pagefind.ts) against real bundles served by the
 * test server: one built from the 100-paper sample by the real CLI (`paper-corpus index`), one of
 * hand-made hostile records written with Pagefind's Node API (the `pagefind-bundle` server
 * command, web-test-runner.config.mjs). Needs dist/ (`npx tsc -p tsconfig.build.json`).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createIndexSearch, planIndexQuery, type IndexSearch } from '../../src/components/paper-feed/pagefind.js';
import { parseCorpus } from '../../src/data/parse.js';
import type { Paper } from '../../src/data/types.js';
import '../../src/components/paper-card/define.js';
import type { PaperCard } from '../../src/components/paper-card/paper-card.js';

interface BundleResult {
  status: number | null;
  stderr: string;
  entry: unknown;
}

const SAMPLE = '/test/tmp/pagefind/adapter-sample/';
const DEFAULT = '/test/tmp/pagefind/adapter-default/';
const HOSTILE = '/test/tmp/pagefind/adapter-hostile/';
const PREFIX = '#paper-feed:';

let papers: Paper[] = [];
const byId = (id: string): Paper => {
  const p = papers.find((x) => x.id === id);
  if (!p) throw new Error(`no paper ${id}`);
  return p;
};
const searches: IndexSearch[] = [];
function open(url = SAMPLE, worker?: boolean): IndexSearch {
  const s = createIndexSearch(url, worker === undefined ? {} : { worker });
  searches.push(s);
  return s;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

const hostileTitle = '<img src=x onerror="window.__pwned = 1"> Evil <b>title</b>';
const hostileRecords = [
  {
    url: PREFIX + JSON.stringify({
      id: 'evil-1',
      title: hostileTitle,
      abstract: 'An abstract about zebrafish <script>window.__pwned = 2</script>',
      authors: [{ name: 'Mallory', url: 'javascript:alert(1)' }],
      links: { paper: 'javascript:window.__pwned=3', code: 'https://github.com/example/zebrafish', pdf: 'data:text/html,<script>1</script>' },
      thumbnail: 'javascript:alert(1)',
      upvotes: -5,
      year: 'soon',
    }),
    content: 'zebrafish evil title',
    meta: { title: 'Evil zebrafish' },
  },
  // Not JSON, no prefix, not an object, no title: all dropped.
  { url: `${PREFIX}{"title": "broken zebrafish`, content: 'zebrafish broken', meta: { title: 'broken' } },
  { url: '/zebrafish/page.html', content: 'zebrafish plain page', meta: { title: 'plain' } },
  { url: `${PREFIX}["zebrafish"]`, content: 'zebrafish list', meta: { title: 'list' } },
  { url: PREFIX + JSON.stringify({ id: 'no-title', abstract: 'zebrafish' }), content: 'zebrafish untitled', meta: { title: 'untitled' } },
  { url: PREFIX + JSON.stringify({ title: 'Zebrafish without an id' }), content: 'zebrafish without id', meta: { title: 'Zebrafish without an id' } },
];

before(async function () {
  this.timeout(60000);
  const sample = parseCorpus(await (await fetch('/public/sample-papers.json')).text());
  if (!sample.ok) throw new Error(sample.message);
  papers = sample.papers;
  const built = await executeServerCommand<BundleResult, { name: string; args: string[] }>('pagefind-bundle', {
    name: 'adapter-sample',
    args: ['index', 'public/sample-papers.json', '-o', '$OUT', '-q', '--filters', 'year,type,has,tag,org,venue,author'],
  });
  if (built.status !== 0) throw new Error(`paper-corpus index failed: ${built.stderr}`);
  const byDefault = await executeServerCommand<BundleResult, { name: string; args: string[] }>('pagefind-bundle', {
    name: 'adapter-default',
    args: ['index', 'public/sample-papers.json', '-o', '$OUT', '-q'],
  });
  if (byDefault.status !== 0) throw new Error(`paper-corpus index failed: ${byDefault.stderr}`);
  const hostile = await executeServerCommand<BundleResult, { name: string; records: typeof hostileRecords }>('pagefind-bundle', { name: 'adapter-hostile', records: hostileRecords });
  if (hostile.status !== 0) throw new Error('hostile bundle not written');
});

afterEach(() => {
  for (const s of searches.splice(0)) s.dispose();
});

describe('createIndexSearch (Pagefind bundle)', function () {
  this.timeout(20000);

  it('finds a paper by its title and returns it as the corpus has it', async () => {
    const result = await open().search('Granular GRPO');
    expect(result.query).to.equal('Granular GRPO');
    expect(result.total).to.be.greaterThan(0);
    expect(result.papers[0]).to.deep.equal(byId('2510.01982'));
    expect(result.terms).to.deep.equal(['granular', 'grpo']);
    expect(result.ignored).to.deep.equal([]);
  });

  it('ranks title matches first, and every result has the words', async () => {
    const result = await open().search('reinforcement learning', { limit: 50 });
    const withBoth = papers.filter((p) => /reinforcement/i.test(`${p.title} ${p.abstract ?? ''} ${(p.keywords ?? []).join(' ')}`) && /learn/i.test(`${p.title} ${p.abstract ?? ''} ${(p.keywords ?? []).join(' ')}`));
    expect(result.total).to.equal(withBoth.length);
    expect(result.papers.map((p) => p.id)).to.have.members(withBoth.map((p) => p.id));
    const inTitle = papers.filter((p) => /reinforcement learning/i.test(p.title)).map((p) => p.id);
    expect(inTitle).to.have.length(4);
    expect(result.papers.slice(0, 4).map((p) => p.id)).to.have.members(inTitle);
  });

  it('pages with limit and offset (20 by default)', async () => {
    const s = open();
    const all = await s.search('models', { limit: 200 });
    expect(all.total).to.be.greaterThan(25);
    expect(all.papers).to.have.length(all.total);
    const first = await s.search('models');
    expect(first.papers.map((p) => p.id)).to.deep.equal(all.papers.slice(0, 20).map((p) => p.id));
    const second = await s.search('models', { limit: 5, offset: 20 });
    expect(second.total).to.equal(all.total);
    expect(second.papers.map((p) => p.id)).to.deep.equal(all.papers.slice(20, 25).map((p) => p.id));
    const past = await s.search('models', { offset: all.total });
    expect(past.papers).to.deep.equal([]);
    expect(past.total).to.equal(all.total);
  });

  it('applies year:, author:, org:, tag: and has: filters, negated too', async () => {
    const s = open();
    const y2025 = await s.search('year:2025', { limit: 200 });
    expect(y2025.total).to.equal(papers.filter((p) => p.year === 2025).length);
    expect(y2025.papers.every((p) => p.year === 2025)).to.equal(true);
    const range = await s.search('year:2016..2020', { limit: 200 });
    expect(range.papers.map((p) => p.year).sort()).to.deep.equal([2016, 2019, 2020, 2020]);
    const notRecent = await s.search('-year:>=2021', { limit: 200 });
    expect(notRecent.papers.every((p) => p.year === undefined || p.year < 2021)).to.equal(true);
    expect(notRecent.total).to.equal(papers.filter((p) => !(p.year !== undefined && p.year >= 2021)).length);

    const author = await s.search('author:"yujie zhou"');
    expect(author.papers.map((p) => p.id)).to.deep.equal(['2510.01982']);
    const org = await s.search('org:openbmb');
    expect(org.papers.map((p) => p.id)).to.deep.equal(['2409.02877']);
    const tag = await s.search('tag:sde');
    expect(tag.papers.map((p) => p.id)).to.deep.equal(['2510.01982']);
    const code = await s.search('has:code', { limit: 200 });
    expect(code.papers.map((p) => p.id)).to.have.members(papers.filter((p) => p.links?.code).map((p) => p.id));
    const noCode = await s.search('-has:code', { limit: 200 });
    expect(noCode.total).to.equal(papers.length - code.total);

    // Words and filters together.
    const both = await s.search('flow year:2025 has:code');
    expect(both.papers.map((p) => p.id)).to.include('2510.01982');
    expect(both.papers.every((p) => p.year === 2025 && !!p.links?.code)).to.equal(true);
  });

  it('searches the words of author:, org: and tag: in all the text when the bundle lacks those filters (the default)', async () => {
    const s = open(DEFAULT);
    const author = await s.search('author:"yujie zhou"');
    expect(author.papers[0]?.id).to.equal('2510.01982');
    expect(author.ignored).to.deep.equal(['author:yujie zhou']);
    expect(author.terms).to.deep.equal(['yujie', 'zhou']);
    const org = await s.search('org:openbmb');
    expect(org.papers.map((p) => p.id)).to.deep.equal(['2409.02877']);
    expect(org.ignored).to.deep.equal(['org:openbmb']);
    // year: and has: are filters there too.
    const year = await s.search('year:2016..2020', { limit: 200 });
    expect(year.papers.map((p) => p.year).sort()).to.deep.equal([2016, 2019, 2020, 2020]);
    expect(year.ignored).to.deep.equal([]);
    // A bundle without our manifest: every field prefix is searched as words, years are ignored.
    expect(planIndexQuery('year:2024 has:code tag:rlhf', new Set())).to.deep.equal({ term: 'rlhf', terms: ['rlhf'], ignored: ['year:2024..2024', 'has:code', 'tag:rlhf'] });
  });

  it('lists every paper newest first for an empty query', async () => {
    const result = await open().search('', { limit: 200 });
    expect(result.total).to.equal(papers.length);
    const dates = result.papers.map((p) => p.listed ?? p.published ?? '').filter(Boolean);
    expect(dates).to.deep.equal([...dates].sort().reverse());
    // The bundle's order is newest first already (its manifest says so): asking for it is the same list.
    const sorted = await open().search('', { sort: 'newest', limit: 200 });
    expect(sorted.papers.map((p) => p.id)).to.deep.equal(result.papers.map((p) => p.id));
    // A query with words, sorted by date instead of relevance.
    const newest = await open().search('models', { sort: 'newest', limit: 200 });
    const relevance = await open().search('models', { limit: 200 });
    expect(newest.total).to.equal(relevance.total);
    const newestDates = newest.papers.map((p) => p.listed ?? p.published ?? '');
    expect(newestDates).to.deep.equal([...newestDates].sort().reverse());
    expect(relevance.papers.map((p) => p.id)).not.to.deep.equal(newest.papers.map((p) => p.id));
  });

  it('runs a quoted phrase alone as an exact phrase, and reports what it cannot apply', async () => {
    const s = open();
    const phrase = await s.search('"flow models"', { limit: 200 });
    expect(phrase.total).to.be.greaterThan(0);
    for (const p of phrase.papers) expect(`${p.title} ${p.abstract ?? ''} ${(p.keywords ?? []).join(' ')}`.toLowerCase()).to.contain('flow model');
    expect(planIndexQuery('"flow models"').term).to.equal('"flow models"');
    expect(planIndexQuery('"flow models" reward').term).to.equal('flow models reward');
    const plan = planIndexQuery('diffusion -survey title:video author:ho year:2024');
    expect(plan.term).to.equal('diffusion video');
    expect(plan.ignored).to.deep.equal(['-survey', 'title:video']);
    expect(plan.filters).to.deep.equal({ all: [{ author: { all: ['ho'] } }, { year: { any: ['2024'] } }] });
  });

  it('rejects an aborted search with an AbortError and never resolves it', async () => {
    const s = open();
    const before = new AbortController();
    before.abort();
    expect((await rejection(s.search('models', { signal: before.signal }))).name).to.equal('AbortError');

    // Aborted while the index loads and searches: rejects at once, even though Pagefind finishes.
    const controller = new AbortController();
    let settled = '';
    const pending = s.search('diffusion', { signal: controller.signal }).then(
      () => (settled = 'resolved'),
      (e: unknown) => (settled = e instanceof Error ? e.name : String(e)),
    );
    controller.abort();
    await pending;
    expect(settled).to.equal('AbortError');

    // The next search still works (and a fresh one gives results).
    const fresh = await s.search('diffusion');
    expect(fresh.total).to.be.greaterThan(0);
  });

  it('works without the worker too', async () => {
    const result = await open(SAMPLE, false).search('Granular GRPO');
    expect(result.papers[0]?.id).to.equal('2510.01982');
  });

  it('gives a clear error for a missing bundle or a URL that is not http(s)', async () => {
    const missing = await rejection(open('/test/tmp/pagefind/no-such-bundle/').search('models'));
    expect(missing.message).to.contain(`No search index at ${location.origin}/test/tmp/pagefind/no-such-bundle/`);
    const js = await rejection(open('javascript:alert(1)').search('models'));
    expect(js.message).to.contain('must be http(s)');
    const data = await rejection(open('data:text/javascript,export const createInstance = 1').search('models'));
    expect(data.message).to.contain('must be http(s)');
  });

  it('rejects searches after dispose', async () => {
    const s = open();
    await s.search('models');
    s.dispose();
    expect((await rejection(s.search('models'))).message).to.contain('disposed');
  });

  it('sanitizes hostile fragments and drops malformed ones', async () => {
    const w = window as Window & { __pwned?: number };
    const result = await open(HOSTILE).search('zebrafish', { limit: 50 });
    expect(result.total).to.equal(6);
    expect(result.papers.map((p) => p.title).sort()).to.deep.equal([hostileTitle.replace(/\s+/g, ' '), 'Zebrafish without an id'].sort());
    const evil = result.papers.find((p) => p.id === 'evil-1');
    if (!evil) throw new Error('evil-1 missing');
    expect(evil.links).to.deep.equal({ code: 'https://github.com/example/zebrafish' });
    expect(evil.thumbnail).to.equal(undefined);
    expect(evil.upvotes).to.equal(undefined);
    expect(evil.year).to.equal(undefined);
    expect(evil.authors).to.deep.equal([{ name: 'Mallory' }]);
    expect(result.papers.find((p) => p.title === 'Zebrafish without an id')?.id).to.match(/^index-\d+$/);

    // Rendered by a card, the markup in the title and abstract stays text.
    const card = await fixture<PaperCard>(html`<paper-card .paper=${evil}></paper-card>`);
    await card.updateComplete;
    const root = card.shadowRoot;
    if (!root) throw new Error('no shadow root');
    expect(root.querySelector('img[src="x"], script, b')).to.equal(null);
    expect(root.textContent).to.contain('<img src=x onerror="window.__pwned = 1"> Evil <b>title</b>');
    for (const a of root.querySelectorAll('a')) expect(a.href).to.match(/^https:/);
    await new Promise((r) => setTimeout(r, 50));
    expect(w.__pwned).to.equal(undefined);
    await expect(card).to.be.accessible();
  });
});
