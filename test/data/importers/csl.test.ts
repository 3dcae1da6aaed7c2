import { expect } from '@open-wc/testing';
import { cslDate, markupToText, parseCsl, readCsl } from '../../../src/data/importers/csl.js';
import { byId, failed, fixture, names, ok } from './helpers.js';

describe('CSL-JSON: Manubot references (AdaptInfer/context-review)', () => {
  it('reads every item with authors, dates, venue and DOI', async () => {
    const r = ok(parseCsl(await fixture('csl/manubot-references.json')));
    expect(r.format).to.equal('csl-json');
    expect(r.total).to.equal(11);
    expect(r.papers).to.have.length(11);
    expect(r.problems).to.deep.equal([]);
    const baena = byId(r.papers, 'jbY4pWUH');
    expect(baena).to.include({ title: 'Early Drift Detection Method', published: '2006', year: 2006, type: 'conference', venue: 'Fourth International Workshop on Knowledge Discovery from Data Streams' });
    expect(names(baena).slice(0, 2)).to.deep.equal(['Manuel Baena-García', 'José del Campo-Ávila']);
    const tesla = byId(r.papers, 'dMPqZTx5');
    expect(tesla).to.include({ published: '2009-07-21', doi: '10.1073/pnas.0901910106', venue: 'Proceedings of the National Academy of Sciences', venueShort: 'Proc. Natl. Acad. Sci. U.S.A.' });
    expect(tesla.links).to.deep.equal({ doi: 'https://doi.org/10.1073/pnas.0901910106', paper: 'https://doi.org/dstm4z' });
  });

  it('maps CSL types: article-journal, paper-conference, arXiv article and report → preprint, book, thesis, chapter, entry, manuscript', async () => {
    const r = ok(parseCsl(await fixture('csl/manubot-references.json')));
    const types = Object.fromEntries(r.papers.map((p) => [p.id, p.type]));
    expect(types).to.deep.equal({
      jbY4pWUH: 'conference',
      SldOo5zA: 'article',
      EOUjThUk: 'preprint',
      JN5K0KBo: 'preprint',
      '18GHyIdqs': 'book',
      jggKMQFt: 'thesis',
      QbZy0vLM: 'chapter',
      OXCuJonU: 'chapter',
      O1UU4a5P: 'preprint',
      dMPqZTx5: 'article',
      uN0ANOOS: 'article',
    });
    // arXiv id from the DOI 10.48550/arxiv.1312.6114 and from report `number` + container "arXiv".
    expect(byId(r.papers, 'EOUjThUk')).to.include({ arxivId: '1312.6114', venue: 'arXiv' });
    expect(byId(r.papers, 'JN5K0KBo')).to.include({ arxivId: '1210.7665', venue: 'arXiv', published: '2013-04-23' });
    expect(byId(r.papers, 'jggKMQFt').venue).to.equal("King's College, University of Cambridge");
  });

  it('reduces JATS abstracts to text: <jats:p> paragraphs, <jats:italic>, <jats:sub>, section titles, &gt;', async () => {
    const r = ok(parseCsl(await fixture('csl/manubot-references.json')));
    const tesla = byId(r.papers, 'dMPqZTx5').abstract ?? '';
    expect(tesla).to.match(/^A plausible representation of the relational information/);
    expect(tesla).to.contain('temporally smoothed l 1 -regularized logistic regression');
    expect(tesla).to.contain('over >4,000 genes during the life cycle of Drosophila melanogaster from a microarray');
    expect(tesla).not.to.match(/<|jats/);
    const sections = byId(r.papers, 'uN0ANOOS').abstract ?? '';
    expect(sections).to.match(/^Motivation\n\nIn many applications, inter-sample heterogeneity/);
    expect(sections).to.contain('\n\nResults\n\n');
  });
});

describe('CSL-JSON: Zotero quirks (zotero-quirks.json)', () => {
  it('reads date parts given as strings, raw dates and plain date strings', async () => {
    const r = ok(parseCsl(await fixture('csl/zotero-quirks.json')));
    expect(byId(r.papers, 'garcia2021strings').published).to.equal('2021-03-09');
    expect(byId(r.papers, 'preprint2024').published).to.equal('2024-01-15');
    expect(byId(r.papers, 'dataset2022').published).to.equal('2022-11');
    expect(byId(r.papers, 'webpage2019').published).to.equal('2019-07-04');
    expect(cslDate({ 'date-parts': [['1999']] })).to.equal('1999');
    expect(cslDate({ literal: 'Spring 2001' })).to.equal('2001');
    expect(cslDate({ 'date-parts': [[2020, 13]] })).to.equal('2020');
  });

  it('reads literal names, particles and suffixes', async () => {
    const r = ok(parseCsl(await fixture('csl/zotero-quirks.json')));
    expect(names(byId(r.papers, 'garcia2021strings'))).to.deep.equal(['Gabriel García Márquez', 'The Example Consortium', 'Vincent van Gogh', 'Martin Luther King, Jr.']);
  });

  it('reports and skips items without a title', async () => {
    const r = ok(parseCsl(await fixture('csl/zotero-quirks.json')));
    expect(r.total).to.equal(7);
    expect(r.papers).to.have.length(5);
    expect(r.problems.filter((p) => p.severity === 'error')).to.deep.equal([
      { index: 1, id: 'notitle', field: 'title', reason: 'item without a title, skipped', severity: 'error' },
      { index: 2, id: 'emptytitle', field: 'title', reason: 'item without a title, skipped', severity: 'error' },
    ]);
  });

  it('strips HTML from titles and abstracts, uses citation-key as id, keywords as tags, cleans DOI URLs', async () => {
    const r = ok(parseCsl(await fixture('csl/zotero-quirks.json')));
    const p = byId(r.papers, 'garcia2021strings');
    expect(p.title).to.equal('Date Parts as Strings and H2O');
    expect(p.abstract).to.equal('First paragraph & more.\n\nSecond paragraph with italics.');
    expect(p.tags).to.deep.equal(['dates', 'strings', 'names']);
    expect(p.doi).to.equal('10.5555/EXAMPLE.2021.1');
    expect(p.links).to.deep.equal({ doi: 'https://doi.org/10.5555/EXAMPLE.2021.1', paper: 'https://example.org/strings' });
  });

  it('maps dataset, software, article from arXiv (number) → preprint, webpage → misc; drops unsafe URLs', async () => {
    const r = ok(parseCsl(await fixture('csl/zotero-quirks.json')));
    expect(r.papers.map((p) => [p.id, p.type])).to.deep.equal([
      ['garcia2021strings', 'article'],
      ['dataset2022', 'dataset'],
      ['software2023', 'software'],
      ['preprint2024', 'preprint'],
      ['webpage2019', 'misc'],
    ]);
    expect(byId(r.papers, 'preprint2024')).to.include({ arxivId: '2401.00001', venue: 'arXiv' });
    expect(byId(r.papers, 'webpage2019').links).to.equal(undefined);
    expect(r.problems.find((p) => p.id === 'webpage2019')).to.include({ field: 'URL', severity: 'warning' });
  });

  it('reads a single item and an object of items; never throws', () => {
    expect(ok(readCsl({ id: 'x', type: 'book', title: 'One' })).papers[0]).to.include({ id: 'x', type: 'book' });
    expect(ok(readCsl({ a: { type: 'book', title: 'A' }, b: { type: 'book', title: 'B' } })).papers.map((p) => p.title)).to.deep.equal(['A', 'B']);
    expect(failed(parseCsl('{"broken": ')).kind).to.equal('invalid-json');
    expect(failed(readCsl('text')).kind).to.equal('unknown-shape');
    expect(ok(readCsl([null, 3, { title: 'T' }])).problems.map((p) => p.index)).to.deep.equal([0, 1]);
    expect(markupToText('<jats:title>Abstract</jats:title><jats:p>x &lt; y</jats:p>')).to.equal('x < y');
  });
});
