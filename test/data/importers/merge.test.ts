import { expect } from '@open-wc/testing';
import { mergeCorpora, type LoadedResult } from '../../../src/data/merge.js';
import { parseBibtex } from '../../../src/data/importers/bibtex.js';
import { parseArxivAtom } from '../../../src/data/importers/arxiv-atom.js';
import { parseCsl } from '../../../src/data/importers/csl.js';
import { parseCorpus } from '../../../src/data/parse.js';
import type { Paper } from '../../../src/data/types.js';
import { byId, fixture, ok } from './helpers.js';

function corpus(papers: Paper[]): LoadedResult {
  return { ok: true, format: 'native', papers, problems: [], total: papers.length };
}

describe('mergeCorpora', () => {
  it('merges by arXiv id ignoring the version, keeping the richest fields', () => {
    const lab = corpus([
      {
        id: 'smith2024',
        title: 'Über-Graphs at Scale',
        authors: [{ name: 'Ann Smith', equalContribution: true }, { name: 'Bo Chen', equalContribution: true }],
        arxivId: '2405.01234v2',
        type: 'conference',
        venue: 'NeurIPS',
        selected: true,
        links: { code: 'https://github.com/example/ubergraphs', pdf: 'https://lab.example.org/smith.pdf' },
        tags: ['graphs'],
        published: '2024-12',
        bibtex: '@inproceedings{smith2024, …}',
      },
    ]);
    const arxiv = corpus([
      {
        id: '2405.01234',
        title: 'Uber-Graphs at Scale',
        abstract: 'A much longer abstract from arXiv.',
        authors: [{ name: 'Ann Smith' }, { name: 'Bo Chen' }],
        arxivId: '2405.01234',
        type: 'preprint',
        venue: 'arXiv',
        published: '2024-05-02T17:00:00Z',
        links: { arxiv: 'https://arxiv.org/abs/2405.01234', pdf: 'https://arxiv.org/pdf/2405.01234' },
        tags: ['cs.LG'],
        upvotes: 12,
      },
    ]);
    const { papers, merged, problems } = mergeCorpora([lab, arxiv]);
    expect(merged).to.equal(1);
    expect(problems).to.deep.equal([]);
    expect(papers).to.have.length(1);
    const p = papers[0];
    expect(p).to.include({ id: 'smith2024', type: 'conference', venue: 'NeurIPS', selected: true, abstract: 'A much longer abstract from arXiv.', upvotes: 12, published: '2024-12' });
    expect(p.authors?.[0]).to.deep.equal({ name: 'Ann Smith', equalContribution: true });
    expect(p.links).to.deep.equal({
      arxiv: 'https://arxiv.org/abs/2405.01234',
      pdf: 'https://lab.example.org/smith.pdf',
      code: 'https://github.com/example/ubergraphs',
    });
    expect(p.tags).to.deep.equal(['graphs', 'cs.LG']);
    // Inputs are not modified.
    expect(lab.papers[0].abstract).to.equal(undefined);
  });

  it('merges by DOI case-insensitively and takes the published type over the preprint', () => {
    const a = corpus([{ id: 'a', title: 'Completely Different Title Here', doi: '10.1145/ABC.123', type: 'preprint', authorCount: 3 }]);
    const b = corpus([{ id: 'b', title: 'Another Title Entirely Different', doi: 'https://doi.org/10.1145/abc.123', type: 'article', venue: 'J. Ex.', authors: [{ name: 'X' }] }]);
    const { papers, merged } = mergeCorpora([a, b]);
    expect(merged).to.equal(1);
    expect(papers[0]).to.include({ id: 'a', type: 'article', venue: 'J. Ex.' });
    expect(papers[0].authors).to.deep.equal([{ name: 'X' }]);
    expect(papers[0].authorCount).to.equal(undefined);
  });

  it('merges by normalized title unless identifiers conflict, and keeps short titles apart', () => {
    const a = corpus([
      { id: 'a1', title: 'Learning to Rank: A Survey', arxivId: '2101.00001' },
      { id: 'a2', title: 'Kästner’s Method for Graphs', authors: [{ name: 'K' }], etAl: true },
      { id: 'a3', title: 'Introduction' },
    ]);
    const b = corpus([
      { id: 'b1', title: 'Learning to rank — a survey', arxivId: '2202.00002' },
      { id: 'b2', title: 'Kastner’s method for graphs', authors: [{ name: 'K' }, { name: 'L' }] },
      { id: 'b3', title: 'Introduction' },
    ]);
    const { papers, merged, problems } = mergeCorpora([a, b]);
    expect(merged).to.equal(1);
    expect(papers.map((p) => p.id)).to.deep.equal(['a1', 'a2', 'a3', 'b1', 'b3']);
    expect(byId(papers, 'a2').authors).to.have.length(2);
    expect(byId(papers, 'a2').etAl).to.equal(undefined);
    expect(problems[0]).to.include({ id: 'b1', field: 'title', severity: 'warning' });
    expect(problems[0].reason).to.match(/same title as “a1” but arXiv 2101.00001 vs 2202.00002: kept apart/);
  });

  it('gives ids that clash across sources a suffix', () => {
    const { papers, problems } = mergeCorpora([corpus([{ id: 'x', title: 'First paper title here' }]), corpus([{ id: 'x', title: 'Second paper title here' }])]);
    expect(papers.map((p) => p.id)).to.deep.equal(['x', 'x-2']);
    expect(problems[0].reason).to.match(/duplicate id "x"/);
  });

  it('merges real sources: a zbMATH preprint with its journal version (same DOI), BibTeX with Atom (same arXiv id)', async () => {
    const zb = ok(parseBibtex(await fixture('bibtex/fmuro-zbmath.bib')));
    const r1 = mergeCorpora([zb]);
    // zbMATH900556798 (the arXiv preprint) has the DOI of zbMATH07190145 (the article).
    expect(r1.merged).to.equal(1);
    const enhanced = byId(r1.papers, 'zbMATH07190145');
    expect(enhanced).to.include({ type: 'article', arxivId: '1510.00312', venue: 'Journal of Homotopy and Related Structures' });
    const atom = ok(parseArxivAtom(await fixture('arxiv/atom-legacy-synthetic.xml')));
    const lab = ok(parseBibtex('@inproceedings{vaswani2017, title = {Attention is All you Need}, author = {Vaswani, Ashish and Shazeer, Noam and others}, booktitle = {NeurIPS}, year = 2017}'));
    const r2 = mergeCorpora([lab, atom]);
    const att = byId(r2.papers, 'vaswani2017');
    expect(att).to.include({ type: 'conference', venue: 'NeurIPS', arxivId: '1706.03762', etAl: true });
    expect(att.links?.arxiv).to.equal('https://arxiv.org/abs/1706.03762');
    const hf = ok(parseCorpus(await fixture('hf-paper-single.json')));
    const csl = ok(parseCsl(await fixture('csl/manubot-references.json')));
    const all = mergeCorpora([hf, csl, atom, lab]);
    expect(all.papers.length + all.merged).to.equal(hf.papers.length + csl.papers.length + atom.papers.length + lab.papers.length);
  });
});
