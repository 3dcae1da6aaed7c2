import { expect } from '@open-wc/testing';
import { packBatch, unpackBatch } from '../../../src/data/search/protocol.js';
import type { Paper } from '../../../src/data/types.js';

describe('corpus worker batches', () => {
  const papers: Paper[] = [
    { id: 'a', title: 'Latin-1 only', abstract: 'Plain text, with accents: Kästner, café. Two\n\nparagraphs.', authors: [{ name: 'Jan Kästner' }], year: 2024 },
    { id: 'b', title: 'No abstract', published: '2025-01-02' },
    { id: 'c', title: 'Wider text', abstract: 'Curly “quotes”, an em dash — and 数学, 🧪 and $\\alpha$.', tags: ['cs.CL'] },
    { id: 'd', title: 'Short', abstract: 'x' },
    { id: 'e', title: 'Hostile', abstract: '<img src=x onerror=alert(1)> "quoted" \\ backslash', links: { pdf: 'https://arxiv.org/pdf/1' } },
  ];

  it('give back every paper as it was: same fields, same values, same key order', () => {
    const out = unpackBatch(packBatch(papers));
    expect(out).to.deep.equal(papers);
    expect(out.map((p) => Object.keys(p))).to.deep.equal(papers.map((p) => Object.keys(p)));
    expect(out[1]).not.to.have.property('abstract');
  });

  it('carry the abstracts apart from the JSON, Latin-1 text and the rest in two strings', () => {
    const packed = packBatch(papers);
    expect(packed.json).not.to.include('Kästner, café');
    expect(packed.latin1).to.include('Kästner, café');
    expect(packed.latin1).not.to.include('“');
    expect(packed.wide).to.include('数学');
    expect(Array.from(packed.spans.subarray(3, 6))).to.deep.equal([0, 0, 0]);
  });

  it('handle an empty batch and a batch without abstracts', () => {
    expect(unpackBatch(packBatch([]))).to.deep.equal([]);
    const bare: Paper[] = [{ id: 'x', title: 'Only a title' }];
    const packed = packBatch(bare);
    expect(packed.latin1 + packed.wide).to.equal('');
    expect(unpackBatch(packed)).to.deep.equal(bare);
  });
});
