import { expect } from '@open-wc/testing';
import { parseArxivAtom } from '../../../src/data/importers/arxiv-atom.js';
import { monthOfId, parseArxivJsonl, readArxivRecords } from '../../../src/data/importers/arxiv-jsonl.js';
import { parseXml, textOf, find } from '../../../src/data/importers/xml.js';
import { byId, failed, fixture, names, ok } from './helpers.js';

describe('arXiv API Atom: current format', () => {
  it('reads every entry of a response: id without version, wrapped text, authors, dates, links, categories', async () => {
    const r = ok(parseArxivAtom(await fixture('arxiv/atom-astro-ph-excerpt.xml')));
    expect(r.format).to.equal('arxiv-atom');
    expect(r.total).to.equal(4);
    expect(r.papers.map((p) => p.id)).to.deep.equal(['2604.21920', '2604.21886', '2604.21846', '2604.21730']);
    expect(r.title).to.equal('arXiv Query: search_query=cat:astro-ph*&id_list=&start=0&max_results=63');
    const p = byId(r.papers, '2604.21920');
    expect(p).to.include({
      title: 'First measurement of wind line formation regions in an early O-type star',
      arxivId: '2604.21920',
      published: '2026-04-23T17:58:27Z',
      year: 2026,
      type: 'preprint',
      venue: 'arXiv',
    });
    expect(names(p)).to.deep.equal(['D. Pauli', 'T. N. Parsons', 'R. K. Prinja']);
    expect(p.links).to.deep.equal({ arxiv: 'https://arxiv.org/abs/2604.21920', pdf: 'https://arxiv.org/pdf/2604.21920', paper: 'https://arxiv.org/abs/2604.21920' });
    expect(p.tags).to.deep.equal(['astro-ph.SR']);
    expect(p.abstract).to.match(/^Massive stars with their strong ionizing radiation/);
    expect(p.abstract).to.contain('inclination i=85.77°.');
  });

  it('reads arxiv:doi, arxiv:journal_ref, arxiv:affiliation and decoded entities (&amp; &gt;)', async () => {
    const r = ok(parseArxivAtom(await fixture('arxiv/atom-astro-ph-excerpt.xml')));
    const dyson = byId(r.papers, '2604.21886');
    expect(dyson).to.include({ doi: '10.1088/1538-3873/ae5a02', venue: 'PASP 138 046001 (2026)' });
    expect(dyson.links?.doi).to.equal('https://doi.org/10.1088/1538-3873/ae5a02');
    expect(dyson.abstract).to.contain('held at the Center for Brains, Minds & Machines at MIT');
    const tes = byId(r.papers, '2604.21846');
    expect(tes.authors?.[0]).to.deep.equal({ name: 'Shinya Yamada', affiliation: 'Randy' });
    expect(tes.tags).to.deep.equal(['astro-ph.IM', 'hep-ex', 'physics.acc-ph', 'physics.chem-ph', 'physics.ins-det']);
    expect(byId(r.papers, '2604.21730').abstract).to.contain('a continuous (>100 km/s) velocity bridge');
  });

  it('decodes entities escaped twice (&amp;#177; → ±)', async () => {
    const r = ok(parseArxivAtom(await fixture('arxiv/atom-bipv.xml')));
    expect(r.papers).to.have.length(3);
    expect(byId(r.papers, '2510.00797').abstract).to.contain('mean area estimation errors of 6.2% ± 2.8% compared to expert');
  });
});

describe('arXiv API Atom: legacy format', () => {
  it('reads the namespace declared on each element (any prefix), old-style ids, link title="doi", &amp;amp;', async () => {
    const r = ok(parseArxivAtom(await fixture('arxiv/atom-legacy-synthetic.xml')));
    expect(r.papers.map((p) => p.id)).to.deep.equal(['hep-ex/0307015', '1706.03762']);
    const h1 = byId(r.papers, 'hep-ex/0307015');
    expect(h1).to.include({
      title: 'Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA',
      venue: 'Eur.Phys.J. C31 (2003) 17-29',
      doi: '10.1140/epjc/s2003-01326-x',
      published: '2003-07-07T13:46:39-04:00',
    });
    expect(h1.authors).to.deep.equal([{ name: 'H1 Collaboration', affiliation: 'DESY' }]);
    expect(h1.abstract).to.contain('event yields are measured & compared to Standard Model predictions (M12 > 100 GeV).');
    expect(h1.tags).to.deep.equal(['hep-ex']);
    const attention = byId(r.papers, '1706.03762');
    expect(attention).to.include({ doi: '10.48550/arXiv.1706.03762', arxivId: '1706.03762' });
    expect(attention.tags).to.deep.equal(['cs.CL', 'cs.LG']);
  });

  it('reports an API error feed and a document that is not a feed', () => {
    const error = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>`;
    expect(failed(parseArxivAtom(error)).message).to.equal('The arXiv API returned an error: incorrect id format for 1234.');
    expect(failed(parseArxivAtom('<rss><channel></channel></rss>')).kind).to.equal('xml');
    const empty = ok(parseArxivAtom('<feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>'));
    expect(empty.papers).to.deep.equal([]);
  });

  it('parses XML robustly: CDATA, comments, stray end tags, unclosed elements, > in attributes', () => {
    const doc = parseXml('<?xml version="1.0"?><!-- c --><a x="1>2"><b><![CDATA[<raw> & text]]></b></c><d>t &amp; u<e/></a><f>unclosed');
    expect(find(doc, 'a')?.attrs.x).to.equal('1>2');
    expect(textOf(find(doc, 'b'))).to.equal('<raw> & text');
    expect(textOf(find(doc, 'd'))).to.equal('t & u');
    expect(textOf(find(doc, 'f'))).to.equal('unclosed');
  });
});

describe('arXiv listing JSON Lines (daily-arXiv-ai-enhanced)', () => {
  it('reads the rows, de-duplicates cross-lists with a warning', async () => {
    const r = ok(parseArxivJsonl(await fixture('arxiv/listing-2026-04-21.jsonl'), { fileName: 'listing-2026-04-21.jsonl' }));
    expect(r.format).to.equal('arxiv-jsonl');
    expect(r.total).to.equal(6);
    expect(r.papers.map((p) => p.id)).to.deep.equal(['2604.16512', '2604.16629', '2604.16976', '2604.16462', '2604.18216']);
    expect(r.problems).to.deep.equal([{ index: 3, id: '2604.16512', reason: 'listed again (a cross-list): kept once', severity: 'warning' }]);
    const p = byId(r.papers, '2604.16512');
    expect(names(p)).to.deep.equal(['Samuel Weidemaier', 'Christoph Norden-Smoch', 'Martin Rumpf']);
    expect(p.tags).to.deep.equal(['cs.CV', 'cs.CG', 'cs.GR', 'cs.LG', 'math.NA']);
    expect(p.links).to.deep.equal({ arxiv: 'https://arxiv.org/abs/2604.16512', pdf: 'https://arxiv.org/pdf/2604.16512', paper: 'https://arxiv.org/abs/2604.16512' });
    expect(byId(r.papers, '2604.18216').title).to.equal('A Counterexample to EFX; $n \\ge 3$ Agents, $m \\ge n + 5$ Items, Monotone Valuations; via SAT-Solving');
  });

  it('dates the rows from the date option, else the file name, else the id (YYMM)', async () => {
    const text = await fixture('arxiv/listing-2026-04-21.jsonl');
    expect(ok(parseArxivJsonl(text, { date: '2026-04-22', fileName: 'x-2026-04-21.jsonl' })).papers[0].published).to.equal('2026-04-22');
    expect(ok(parseArxivJsonl(text, { fileName: 'data/2026-04-21.jsonl' })).papers[0]).to.include({ published: '2026-04-21', year: 2026 });
    expect(ok(parseArxivJsonl(text)).papers[0]).to.include({ published: '2026-04', year: 2026 });
    expect(monthOfId('0704.0001')).to.equal('2007-04');
    expect(monthOfId('quant-ph/9905086')).to.equal('1999-05');
  });

  it('accepts authors as one string, reports lines that are not JSON, and never throws', () => {
    const text = [
      '{"id": "2604.00001", "title": "One", "authors": "Ann Lee, Bo Chen and Cy Diaz", "summary": "S", "abs": "x", "categories": "cs.AI cs.LG"}',
      '{"id": "2604.00002", "title": "Tw',
      '',
      '{"id": "2604.00003", "authors": [], "summary": "no title", "abs": "x"}',
    ].join('\n');
    const r = ok(parseArxivJsonl(text));
    expect(r.papers.map((p) => p.id)).to.deep.equal(['2604.00001']);
    expect(names(r.papers[0])).to.deep.equal(['Ann Lee', 'Bo Chen', 'Cy Diaz']);
    expect(r.papers[0].tags).to.deep.equal(['cs.AI', 'cs.LG']);
    expect(r.problems.map((p) => [p.index, p.severity])).to.deep.equal([
      [1, 'error'],
      [2, 'error'],
    ]);
    expect(failed(parseArxivJsonl('\n\n')).kind).to.equal('empty');
  });
});

describe('arXiv metadata snapshot (Kaggle / Cornell)', () => {
  it('reads authors_parsed, the first version date, DOI and journal-ref', async () => {
    const r = ok(parseArxivJsonl(await fixture('arxiv/kaggle-snapshot.jsonl')));
    expect(r.format).to.equal('arxiv-kaggle');
    expect(r.total).to.equal(6);
    expect(r.papers).to.have.length(6);
    const p = byId(r.papers, '0704.0001');
    expect(p).to.include({
      title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
      published: '2007-04-02T19:18:42.000Z',
      doi: '10.1103/PhysRevD.76.013009',
      venue: 'Phys.Rev.D76:013009,2007',
      type: 'preprint',
    });
    expect(names(p)).to.deep.equal(['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C. -P. Yuan']);
    expect(p.abstract).to.match(/^A fully differential calculation in perturbative quantum chromodynamics is presented for the production/);
    expect(byId(r.papers, '0704.0002')).to.include({ venue: 'arXiv', published: '2007-03-31T02:26:18.000Z' });
    expect(byId(r.papers, '0704.0002').tags).to.deep.equal(['math.CO', 'cs.CG']);
  });

  it('turns LaTeX accents into Unicode and keeps math', async () => {
    const r = ok(parseArxivJsonl(await fixture('arxiv/kaggle-snapshot.jsonl')));
    expect(byId(r.papers, '0704.0019').title).to.equal('Approximation for extinction probability of the contact process based on the Gröbner basis');
    expect(byId(r.papers, '0704.0073').title).to.equal("A transcendental approach to Kollár's injectivity theorem");
    expect(byId(r.papers, '0704.0005').title).to.equal('From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$');
  });

  it('reads a JSON array of records too', () => {
    const r = ok(readArxivRecords([{ id: '0704.0001', title: 'T', versions: [{ version: 'v1', created: 'Mon, 2 Apr 2007 19:18:42 GMT' }] }], 'arxiv-kaggle'));
    expect(r.papers[0]).to.include({ id: '0704.0001', published: '2007-04-02T19:18:42.000Z' });
    expect(ok(parseArxivJsonl('[{"id": "2604.00001", "title": "A", "abs": "x", "summary": "s"}]')).papers[0].published).to.equal('2026-04');
  });
});
