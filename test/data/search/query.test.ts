import { expect } from '@open-wc/testing';
import { isEmptyQuery, parseQuery, parseYearRange } from '../../../src/data/search/query.js';

describe('parseQuery', () => {
  it('folds words and treats the last one as a prefix while typing', () => {
    const q = parseQuery('Kästner Diffus');
    expect(q.terms).to.deep.equal([
      { text: 'kastner', prefix: false, exact: false },
      { text: 'diffus', prefix: true, exact: false },
    ]);
    expect(parseQuery('kastner diffusion ').terms.every((t) => !t.prefix)).to.be.true;
  });

  it('splits punctuated words into terms', () => {
    expect(parseQuery('GPT-4o mini').terms.map((t) => t.text)).to.deep.equal(['gpt', '4o', 'mini']);
  });

  it('reads quoted phrases, closed or still open', () => {
    const closed = parseQuery('"Diffusion Model" video');
    expect(closed.phrases).to.have.length(1);
    expect(closed.phrases[0].map((t) => t.text)).to.deep.equal(['diffusion', 'model']);
    expect(closed.phrases[0].every((t) => t.exact && !t.prefix)).to.be.true;
    expect(closed.terms.map((t) => t.text)).to.deep.equal(['diffusion', 'model', 'video']);
    const open = parseQuery('"diffusion mod');
    expect(open.phrases[0].map((t) => [t.text, t.prefix])).to.deep.equal([
      ['diffusion', false],
      ['mod', true],
    ]);
    expect(parseQuery('“curly quotes”').phrases[0].map((t) => t.text)).to.deep.equal(['curly', 'quotes']);
  });

  it('reads exclusions of words and phrases, but not hyphens inside words', () => {
    const q = parseQuery('llm -survey -"large language" state-of-the-art');
    expect(q.exclude).to.deep.equal([['survey'], ['large', 'language']]);
    expect(q.terms.map((t) => t.text)).to.deep.equal(['llm', 'state', 'of', 'the', 'art']);
    expect(parseQuery('-').exclude).to.deep.equal([]);
  });

  it('reads field filters with aliases and quoted values', () => {
    const q = parseQuery('author:"Jan Kästner" org:NVIDIA tag:rlhf keyword:dpo venue:NeurIPS title:gaussian abstract:splat');
    expect(q.terms).to.deep.equal([]);
    expect(q.filters).to.deep.equal([
      { type: 'text', field: 'author', words: ['jan', 'kastner'], negate: false },
      { type: 'text', field: 'org', words: ['nvidia'], negate: false },
      { type: 'text', field: 'tag', words: ['rlhf'], negate: false },
      { type: 'text', field: 'tag', words: ['dpo'], negate: false },
      { type: 'text', field: 'venue', words: ['neurips'], negate: false },
      { type: 'text', field: 'title', words: ['gaussian'], negate: false },
      { type: 'text', field: 'abstract', words: ['splat'], negate: false },
    ]);
  });

  it('reads years and ranges', () => {
    expect(parseQuery('year:2024').filters).to.deep.equal([{ type: 'year', min: 2024, max: 2024, negate: false }]);
    expect(parseQuery('year:2020..2023').filters).to.deep.equal([{ type: 'year', min: 2020, max: 2023, negate: false }]);
    expect(parseYearRange('2023-2020')).to.deep.equal({ min: 2020, max: 2023 });
    expect(parseYearRange('2021..')).to.deep.equal({ min: 2021, max: Infinity });
    expect(parseYearRange('..2021')).to.deep.equal({ min: -Infinity, max: 2021 });
    expect(parseYearRange('>=2022')).to.deep.equal({ min: 2022, max: Infinity });
    expect(parseYearRange('<2022')).to.deep.equal({ min: -Infinity, max: 2021 });
    expect(parseYearRange('20')).to.equal(undefined);
  });

  it('reads has: and negated filters', () => {
    expect(parseQuery('has:code -has:pdf has:github').filters).to.deep.equal([
      { type: 'has', what: 'code', negate: false },
      { type: 'has', what: 'pdf', negate: true },
      { type: 'has', what: 'code', negate: false },
    ]);
    expect(parseQuery('-author:smith').filters).to.deep.equal([{ type: 'text', field: 'author', words: ['smith'], negate: true }]);
  });

  it('ignores filters still being typed and reads unknown fields as words', () => {
    expect(isEmptyQuery(parseQuery('year:20'))).to.be.true;
    expect(isEmptyQuery(parseQuery('has:co'))).to.be.true;
    expect(isEmptyQuery(parseQuery('author:'))).to.be.true;
    expect(parseQuery('foo:bar').terms.map((t) => t.text)).to.deep.equal(['foo', 'bar']);
    expect(isEmptyQuery(parseQuery('   '))).to.be.true;
    expect(isEmptyQuery(parseQuery(''))).to.be.true;
  });
});
