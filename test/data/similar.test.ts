import { expect } from '@open-wc/testing';
import { similarQuery } from '../../src/data/similar.js';
import { createIndex } from '../../src/data/search/index.js';
import type { Paper } from '../../src/data/types.js';

const target: Paper = {
  id: 'target',
  title: 'Protein structure prediction with diffusion',
  abstract: 'We generate protein backbones with a diffusion model over residue frames. Residue frames are rotations.',
  keywords: ['protein design'],
};

describe('similarQuery and any-word ranking', () => {
  it('takes title words and keywords first, then frequent abstract words, without stop words or math', () => {
    expect(similarQuery(target)).to.equal('protein structure prediction diffusion design frames residue backbones generate rotations ');
    expect(similarQuery({ id: 'm', title: 'The $O(n)$ bound for a new method' })).to.equal('bound ');
    expect(similarQuery(target, 3).trim().split(' ')).to.have.length(3);
  });

  it('ranks papers sharing most words first when not every paper has all of them', () => {
    const papers: Paper[] = [
      target,
      { id: 'close', title: 'Backbone generation for protein design', abstract: 'Diffusion over residue frames.' },
      { id: 'mid', title: 'Diffusion for images' },
      { id: 'far', title: 'Tax law' },
    ];
    const index = createIndex(papers);
    expect(index.search(similarQuery(target)).ids).to.deep.equal(['target']);
    expect(index.search(similarQuery(target), { any: true }).ids).to.deep.equal(['target', 'close', 'mid']);
  });
});
