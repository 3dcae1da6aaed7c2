import { expect } from '@open-wc/testing';
import { Validator, type Schema } from '@cfworker/json-schema';
import { parseCorpus } from '../../src/data/parse.js';

async function json(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

function validator(schema: unknown): Validator {
  return new Validator(schema as Schema, '2020-12', false);
}

describe('schema/corpus.schema.json', () => {
  it('accepts the built-in sample corpus', async () => {
    const v = validator(await json('/schema/corpus.schema.json'));
    const result = v.validate(await json('/public/sample-papers.json'));
    expect(result.errors.slice(0, 3)).to.deep.equal([]);
    expect(result.valid).to.equal(true);
  });

  it('accepts what the loader makes of Hugging Face responses', async () => {
    const v = validator(await json('/schema/corpus.schema.json'));
    for (const name of ['hf-daily-2025-10-14.json', 'hf-daily-mixed.json', 'hf-papers-search.json', 'hf-paper-single.json']) {
      const parsed = parseCorpus(await (await fetch(`/test/fixtures/${name}`)).text());
      if (!parsed.ok) throw new Error(parsed.message);
      const result = v.validate({ format: 'paper-feed', version: 1, papers: parsed.papers });
      expect(result.errors.slice(0, 3), name).to.deep.equal([]);
    }
  });

  it('rejects what the format forbids', async () => {
    const v = validator(await json('/schema/corpus.schema.json'));
    expect(v.validate({ format: 'paper-feed', version: 1, papers: [{ id: 'x' }] }).valid, 'missing title').to.equal(false);
    expect(v.validate({ format: 'paper-feed', version: 1, papers: [{ id: 'x', title: 't', links: { pdf: 'javascript:alert(1)' } }] }).valid, 'javascript URL').to.equal(false);
    expect(v.validate({ format: 'paper-feed', version: 1, papers: [{ id: 'x', title: 't', upvotes: -1 }] }).valid, 'negative upvotes').to.equal(false);
    expect(v.validate({ format: 'other', version: 1, papers: [] }).valid, 'format marker').to.equal(false);
  });
});
