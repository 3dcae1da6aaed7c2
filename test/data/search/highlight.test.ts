import { expect } from '@open-wc/testing';
import { highlightRanges } from '../../../src/data/search/highlight.js';
import { tokenize } from '../../../src/data/search/tokenize.js';

function marked(text: string, terms: string[], prefixes: string[] = []): string[] {
  return highlightRanges(text, terms, prefixes).map(([s, e]) => text.slice(s, e));
}

describe('highlightRanges', () => {
  it('marks whole words equal to a matched term, case- and accent-insensitively', () => {
    expect(marked('Diffusion models and a diffusion model', ['diffusion', 'model'])).to.deep.equal(['Diffusion', 'diffusion', 'model']);
    expect(marked('Christian Kästner and Jan Kastner', ['kastner'])).to.deep.equal(['Kästner', 'Kastner']);
  });

  it('marks only the typed part of a prefix, in the original text', () => {
    expect(marked('Transformers transform', [], ['transf'])).to.deep.equal(['Transf', 'transf']);
    // "Kä" folds to two characters: the range must end after the ä in the original.
    expect(marked('Kästner', [], ['kas'])).to.deep.equal(['Käs']);
    // Decomposed a + combining diaeresis.
    expect(marked('Ka\u0308stner', [], ['kas'])).to.deep.equal(['Ka\u0308s']);
  });

  it('marks camel-case parts', () => {
    expect(marked('ElasticMoE: scaling', ['moe'])).to.deep.equal(['MoE']);
    expect(marked('DeepSeekMath', ['deepseek'])).to.deep.equal(['DeepSeek']);
  });

  it('returns sorted, non-overlapping offsets and nothing when nothing matched', () => {
    const ranges = highlightRanges('Reasoning models reason', ['reasoning', 'reason'], ['reas']);
    expect(ranges).to.deep.equal([
      [0, 9],
      [17, 23],
    ]);
    expect(highlightRanges('text', [])).to.deep.equal([]);
    expect(highlightRanges('', ['x'])).to.deep.equal([]);
  });
});

describe('tokenize', () => {
  it('folds, splits on punctuation and adds camel-case and letter/digit parts', () => {
    expect(tokenize('Kästner’s ElasticMoE, GPT-4o and Llama3!')).to.deep.equal(['kastner', 's', 'elasticmoe', 'elastic', 'elasticmo', 'mo', 'moe', 'gpt', '4o', 'and', 'llama3', 'llama', '3']);
    expect(tokenize('Sercan Ö. Arık')).to.deep.equal(['sercan', 'o', 'arik']);
    expect(tokenize('plain words', false)).to.deep.equal(['plain', 'words']);
  });
});
