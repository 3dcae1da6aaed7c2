import { expect } from '@open-wc/testing';
import { createIndex, restoreIndex, MAX_COMPLETIONS, type SearchIndex } from '../../../src/data/search/engine.js';
import { editDistance } from '../../../src/data/search/vocabulary.js';
import type { Corpus, Paper } from '../../../src/data/types.js';

interface RelevanceQuery {
  query: string;
  kind: string;
  expect: { id: string; within: number }[];
  absent?: string[];
  note?: string;
}

const papers: Paper[] = [
  { id: 'a', title: 'Reasoning Models Can Be Effective Without Thinking', published: '2025-04-14', authors: [{ name: 'Jan Kästner' }], links: { code: 'https://github.com/x/y' } },
  { id: 'b', title: 'ElasticMoE: Auto Scaling for Mixture-of-Experts', published: '2025-10-02', organization: { name: 'openbmb', fullName: 'OpenBMB' }, keywords: ['mixture of experts', 'autoscaling'] },
  { id: 'c', title: 'Aligning Superhuman AI with Human Behavior', published: '2020-06-02', abstract: 'Chess as a model system for diffusion models.', venue: 'KDD' },
  { id: 'd', title: 'Undated paper about mixture models', abstract: 'A diffusion model, and models.' },
  { id: 'e', title: 'Transformers for diffusion', published: '2023-01-01', tags: ['generative'], abstract: 'We train a diffusion transformer.' },
];

describe('createIndex / search', () => {
  it('answers field filters alone through the index: same papers, in input order, as testing every paper', () => {
    const corpus: Paper[] = [
      { id: '1', title: 'One', authors: [{ name: 'Diankun Wu' }, { name: 'Ada Lovelace' }] },
      { id: '2', title: 'Two', authors: [{ name: 'Wu Diankun' }] },
      { id: '3', title: 'Three', authors: [{ name: 'Diana Wulff' }], venue: 'NeurIPS 2024' },
      { id: '4', title: 'Four about Wu', authors: [{ name: 'Ada Lovelace', affiliation: 'Wuhan University' }], tags: ['vision'] },
      { id: '5', title: 'Five', authors: [{ name: 'Jan Kästner' }], venue: 'ICML', tags: ['vision', 'nlp'] },
    ];
    const search = createIndex(corpus);
    const ids = (q: string): string[] => search.search(q).ids;
    expect(ids('author:"diankun wu"')).to.deep.equal(['1', '2']); // both words in one author's name
    expect(ids('author:wu')).to.deep.equal(['1', '2', '3']); // prefixes: Wulff too, not the title's "Wu"
    expect(ids('author:kastner')).to.deep.equal(['5']);
    expect(ids('author:dia author:wu')).to.deep.equal(['1', '2', '3']);
    expect(ids('-author:wu')).to.deep.equal(['4', '5']);
    expect(ids('org:wuhan')).to.deep.equal(['4']); // affiliations are not indexed: every paper is tested
    expect(ids('venue:neurips')).to.deep.equal(['3']);
    expect(ids('tag:vision year:2020..2030')).to.deep.equal([]);
    expect(ids('tag:vision')).to.deep.equal(['4', '5']);
  });

  it('finds a quoted phrase however it is written, and only where it is written in a row', () => {
    const forms: [string, string, string?][] = [
      ['plain', 'Large Language Models are few-shot learners'],
      ['hyphen', 'Why large-language models fail'],
      ['plural', 'A large language model for proteins'],
      ['punctuation', 'Size matters: large, language; models'],
      ['spacing', 'LLMs: large\nlanguage\tmodels'],
      ['accented-text', 'Überblick: large language models in Köln'],
      ['across-fields', 'Something large language', 'models of the world'],
      ['glued', 'large languagemodels'],
      ['longer-word', 'large language modelsx'],
      ['accented-word', 'Large Language Modèles'],
      ['order', 'models of large language'],
    ];
    const corpus: Paper[] = forms.map(([id, title, abstract]) => ({ id, title, ...(abstract ? { abstract } : {}) }));
    const ids = createIndex(corpus).search('"large language models"').ids;
    expect([...ids].sort()).to.deep.equal(['accented-text', 'hyphen', 'plain', 'plural', 'punctuation', 'spacing']);
  });

  let index: SearchIndex;
  before(() => {
    index = createIndex(papers);
  });

  it('returns every paper in input order for an empty query', () => {
    const r = index.search('  ');
    expect(r.ids).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(r.total).to.equal(5);
    expect(r.scores).to.deep.equal([0, 0, 0, 0, 0]);
  });

  it('ranks title matches first and reports matched terms for highlighting', () => {
    const r = index.search('diffusion ');
    expect(r.ids[0]).to.equal('e');
    expect(r.ids).to.have.members(['c', 'd', 'e']);
    expect(r.matchedTerms).to.include('diffusion');
    expect(r.scores[0]).to.be.greaterThan(r.scores[2]);
  });

  it('matches the word being typed as a prefix, and camel-case parts', () => {
    expect(index.search('reas witho').ids).to.deep.equal(['a']);
    const r = index.search('elast');
    expect(r.ids).to.deep.equal(['b']);
    expect(r.matchedPrefixes).to.deep.equal(['elast']);
    expect(index.search('moe ').ids).to.deep.equal(['b']);
  });

  it('tolerates typos and folds accents', () => {
    expect(index.search('kastner').ids).to.deep.equal(['a']);
    expect(index.search('KÄSTNER').ids).to.deep.equal(['a']);
    expect(index.search('resaoning ').ids).to.deep.equal(['a']);
    expect(index.search('transfromers ').ids).to.deep.equal(['e']);
  });

  it('checks phrases and exclusions', () => {
    expect(index.search('"diffusion model"').ids).to.have.members(['c', 'd']);
    expect(index.search('"mixture models"').ids).to.deep.equal(['d']);
    expect(index.search('diffusion -chess').ids).to.have.members(['d', 'e']);
    expect(index.search('diffusion -"diffusion transformer"').ids).to.have.members(['c', 'd']);
  });

  it('applies field filters, alone or with words', () => {
    expect(index.search('author:kastner').ids).to.deep.equal(['a']);
    expect(index.search('year:2020..2023').ids).to.deep.equal(['c', 'e']);
    expect(index.search('year:>=2025 -has:code').ids).to.deep.equal(['b']);
    expect(index.search('has:code').ids).to.deep.equal(['a']);
    expect(index.search('has:abstract diffusion').ids).to.have.members(['c', 'd', 'e']);
    expect(index.search('org:openbmb').ids).to.deep.equal(['b']);
    expect(index.search('venue:kdd').ids).to.deep.equal(['c']);
    expect(index.search('tag:generative').ids).to.deep.equal(['e']);
    expect(index.search('tag:autoscal').ids).to.deep.equal(['b']);
    expect(index.search('title:mixture').ids).to.have.members(['b', 'd']);
  });

  it('shows papers with most of the words when none has them all', () => {
    const r = index.search('chess zebra ');
    expect(r.partial).to.be.true;
    expect(r.ids).to.deep.equal(['c']);
    expect(index.search('chess ').partial).to.be.false;
  });

  it('limits results but counts them all', () => {
    const r = index.search('diffusion', { limit: 1 });
    expect(r.ids).to.have.length(1);
    expect(r.scores).to.have.length(1);
    expect(r.total).to.equal(3);
  });

  it('completes a short prefix with its most frequent words only; typing on finds the others', () => {
    // 100 papers, each with its own word starting with "z"; ten also share "zcommon".
    const word = (i: number): string => `z${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}q`;
    const corpus: Paper[] = Array.from({ length: 100 }, (_, i) => ({ id: String(i), title: `Paper ${word(i)}${i < 10 ? ' zcommon' : ''}` }));
    const index = createIndex(corpus);
    const z = index.search('z');
    expect(z.total).to.be.lessThan(100).and.at.least(MAX_COMPLETIONS);
    for (let i = 0; i < 10; i++) expect(z.ids).to.include(String(i)); // the frequent completion
    expect(z.ids).not.to.include('99');
    expect(index.search('zd').ids).to.include('99');
    expect(index.search(word(99)).ids).to.deep.equal(['99']);
  });

  it('restores a snapshot (as sent to another thread) that answers exactly as the index it was taken of', () => {
    const index = createIndex(papers);
    const restored = restoreIndex(papers, structuredClone(createIndex(papers).snapshot()));
    expect(restored.vocabularySize).to.equal(index.vocabularySize);
    for (const q of ['diffusion', 'difusion transformer', 'kastner', 'mixture', 'elastic moe', '"diffusion model"', 'year:2020..2023', 'tag:generative', 'models -mixture', 'tr']) {
      expect(restored.search(q), q).to.deep.equal(index.search(q));
    }
    expect(() => restoreIndex(papers.slice(1), index.snapshot())).to.throw(/5 papers/);
  });

  it('measures typos as the vocabulary walk does: whole words, or the shortest beginning in prefix mode', () => {
    expect(editDistance('difusion', 'diffusion', 2)).to.equal(1);
    expect(editDistance('transfromer', 'transformer', 2)).to.equal(1); // a swap is one edit
    expect(editDistance('diffusion', 'confusion', 2)).to.equal(3); // over the limit: limit + 1
    expect(editDistance('difus', 'diffusion', 1, true)).to.equal(1); // "diffus" is one edit away
    expect(editDistance('diffu', 'diffusion', 1, true)).to.equal(1); // "diff" comes first, one edit away
    expect(editDistance('xyz', 'diffusion', 1, true)).to.equal(2);
  });

  it('indexes an empty list', () => {
    const empty = createIndex([]);
    expect(empty.search('anything').ids).to.deep.equal([]);
    expect(empty.search('').ids).to.deep.equal([]);
  });
});

describe('relevance set (test/fixtures/search/relevance.json on corpus.json)', () => {
  let corpus: Paper[];
  let queries: RelevanceQuery[];
  let index: SearchIndex;

  before(async () => {
    const [c, r] = await Promise.all([fetch('/test/fixtures/search/corpus.json'), fetch('/test/fixtures/search/relevance.json')]);
    corpus = ((await c.json()) as Corpus).papers;
    queries = ((await r.json()) as { queries: RelevanceQuery[] }).queries;
    index = createIndex(corpus);
  });

  it('is a real corpus of about 1,850 papers and at least 40 queries of every kind', () => {
    expect(corpus.length).to.be.greaterThan(1800);
    expect(new Set(corpus.map((p) => p.id)).size).to.equal(corpus.length);
    expect(queries.length).to.be.at.least(40);
    const kinds = new Set(queries.map((q) => q.kind));
    for (const k of ['exact-title', 'partial-title', 'author', 'typo', 'accent', 'keyword', 'filter', 'phrase', 'exclude', 'prefix']) expect(kinds).to.include(k);
    const ids = new Set(corpus.map((p) => p.id));
    for (const q of queries) for (const id of [...q.expect.map((e) => e.id), ...(q.absent ?? [])]) expect(ids.has(id), `${q.query}: ${id}`).to.be.true;
  });

  it('finds every expected paper within its rank and none of the excluded ones', () => {
    const failures: string[] = [];
    for (const q of queries) {
      const ids = index.search(q.query).ids;
      for (const e of q.expect) {
        const rank = ids.indexOf(e.id) + 1;
        if (rank === 0 || rank > e.within) failures.push(`${q.kind} "${q.query}": ${e.id} at ${rank || 'none'}, want ≤ ${e.within}`);
      }
      for (const id of q.absent ?? []) if (ids.includes(id)) failures.push(`${q.kind} "${q.query}": ${id} should be absent`);
    }
    expect(failures).to.deep.equal([]);
  });

  it('narrows results letter by letter while typing a title', () => {
    const title = 'Neural Gaffer: Relighting Any Object via Diffusion';
    for (let i = 'Neural Gaf'.length; i <= title.length; i++) {
      expect(index.search(title.slice(0, i), { limit: 3 }).ids[0], title.slice(0, i)).to.equal('2406.07520');
    }
  });

  it('answers a query typed key by key exactly as a fresh index answers it (recent words and lookups prepared ahead are reused)', () => {
    // The index keeps the expansions of recent query words; results, highlighted words and
    // prefixes must not depend on what was typed before.
    const typed: string[] = [];
    for (const q of ['diffusion transformer', 'reinforcment learning', '"video generation" -survey', 'diffusion model', 'difusion transfromer', 'generatoin modles']) {
      for (let i = 1; i <= q.length; i++) typed.push(q.slice(0, i));
    }
    const some = corpus.slice(0, 300); // a fresh index per query: keep it small
    const warm = createIndex(some);
    const mismatches: string[] = [];
    for (const [i, q] of typed.entries()) {
      const got = warm.search(q);
      // As the page does when idle after most key presses (`prepare` never changes results).
      if (i % 3 !== 2) warm.prepare(q);
      const want = createIndex(some).search(q);
      if (JSON.stringify({ ...got, matchedTerms: got.matchedTerms.sort() }) !== JSON.stringify({ ...want, matchedTerms: want.matchedTerms.sort() })) mismatches.push(q);
    }
    expect(mismatches).to.deep.equal([]);
  });
});
