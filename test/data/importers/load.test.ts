import { expect } from '@open-wc/testing';
import { detectFormat, detectValue, textKind } from '../../../src/data/detect.js';
import { loadCorpusText, loadCorpusValue, parseCorpus } from '../../../src/data/parse.js';
import { failed, fixture, ok } from './helpers.js';

const FIXTURES: [string, string][] = [
  ['bibtex/cmustrudel-jabref.bib', 'bibtex'],
  ['bibtex/kwiatlab-mendeley.bib', 'bibtex'],
  ['bibtex/fmuro-zbmath.bib', 'bibtex'],
  ['bibtex/nu-ideas-al-folio.bib', 'bibtex'],
  ['bibtex/synthetic-quirks.bib', 'bibtex'],
  ['csl/manubot-references.json', 'csl-json'],
  ['csl/zotero-quirks.json', 'csl-json'],
  ['arxiv/atom-astro-ph-excerpt.xml', 'arxiv-atom'],
  ['arxiv/atom-bipv.xml', 'arxiv-atom'],
  ['arxiv/atom-legacy-synthetic.xml', 'arxiv-atom'],
  ['arxiv/listing-2026-04-21.jsonl', 'arxiv-jsonl'],
  ['arxiv/kaggle-snapshot.jsonl', 'arxiv-kaggle'],
  ['hf-daily-2025-10-14.json', 'hf-daily'],
  ['hf-papers-search.json', 'hf-search'],
  ['hf-paper-single.json', 'hf-paper'],
];

describe('detectFormat', () => {
  it('detects every fixture from its content alone', async () => {
    for (const [name, format] of FIXTURES) {
      expect(detectFormat(await fixture(name)), name).to.equal(format);
    }
  });

  it('uses the file name and content type only as hints, content first', () => {
    // Content wins over a misleading name.
    expect(detectFormat('@article{k, title={T}}', { fileName: 'papers.json' })).to.equal('bibtex');
    expect(detectFormat('[{"title": "T"}]', { fileName: 'papers.bib' })).to.equal('native');
    // No recognizable content: the hint decides.
    expect(textKind('% nothing yet', { fileName: 'https://lab.example.org/papers.bib?v=2' })).to.equal('bibtex');
    expect(textKind('', { contentType: 'application/x-bibtex; charset=utf-8' })).to.equal('bibtex');
    expect(textKind('x', { contentType: 'application/x-ndjson' })).to.equal('jsonl');
    expect(textKind('x', { fileName: 'feed.atom' })).to.equal('atom');
    expect(textKind('x')).to.equal(undefined);
  });

  it('tells JSON Lines from a pretty-printed object, and Atom from other XML', () => {
    expect(textKind('{"id": "1", "title": "a", "abs": "x", "summary": "s"}\n{"id": "2"}\n')).to.equal('jsonl');
    expect(textKind('{\n  "papers": []\n}\n')).to.equal('json');
    expect(textKind('{"papers": []}\n')).to.equal('json');
    expect(textKind('<?xml version="1.0"?>\n<rss version="2.0"></rss>')).to.equal('xml');
    expect(detectFormat('<?xml version="1.0"?>\n<rss version="2.0"></rss>')).to.equal(undefined);
    expect(detectFormat('<!DOCTYPE html><html></html>')).to.equal(undefined);
    expect(detectFormat('{"broken": ')).to.equal(undefined);
  });

  it('detects values: native, CSL items, arXiv records', () => {
    expect(detectValue([])).to.equal('native');
    expect(detectValue({ papers: [] })).to.equal('native');
    expect(detectValue([{ id: 'a', type: 'article-journal', title: 'T', issued: { 'date-parts': [[2020]] } }])).to.equal('csl-json');
    expect(detectValue([{ id: 'a', type: 'conference', title: 'T', authors: ['X'] }])).to.equal('native');
    expect(detectValue([{ id: '0704.0001', title: 'T', versions: [] }])).to.equal('arxiv-kaggle');
    expect(detectValue({ id: '2604.1', title: 'T', abs: 'x', summary: 's' })).to.equal('arxiv-jsonl');
    expect(detectValue({ data: [] })).to.equal(undefined);
  });
});

describe('loadCorpusText', () => {
  it('reads every fixture in the format it detects', async () => {
    for (const [name, format] of FIXTURES) {
      const r = ok(await loadCorpusText(await fixture(name), { fileName: name }));
      expect(r.format, name).to.equal(format);
      expect(r.papers.length, name).to.be.greaterThan(0);
    }
  });

  it('passes options through (baseUrl, date) and honours a forced format', async () => {
    const bib = ok(await loadCorpusText(await fixture('bibtex/synthetic-quirks.bib'), { baseUrl: 'https://lab.example.org/' }));
    expect(bib.papers[0].links?.pdf).to.equal('https://lab.example.org/assets/pdf/smith2024.pdf');
    const listing = ok(await loadCorpusText(await fixture('arxiv/listing-2026-04-21.jsonl'), { date: '2026-04-21' }));
    expect(listing.papers[0].published).to.equal('2026-04-21');
    const forced = ok(await loadCorpusText(await fixture('arxiv/kaggle-snapshot.jsonl'), { format: 'arxiv-jsonl' }));
    expect(forced.format).to.equal('arxiv-jsonl');
    expect(failed(await loadCorpusText('@article{k, title={T}}', { format: 'hf-daily' })).kind).to.equal('unsupported-format');
  });

  it('still names files that are not a corpus', async () => {
    expect(failed(await loadCorpusText('')).kind).to.equal('empty');
    expect(failed(await loadCorpusText('%PDF-1.7\n')).kind).to.equal('pdf');
    expect(failed(await loadCorpusText('<!DOCTYPE html><html><head><title>404 Not Found</title></head></html>')).message).to.contain('HTML page titled “404 Not Found”');
    expect(failed(await loadCorpusText('<?xml version="1.0"?><rss version="2.0"></rss>')).kind).to.equal('xml');
    expect(failed(await loadCorpusText('{"papers": [')).kind).to.equal('truncated-json');
    expect(failed(await loadCorpusText('{"data": [], "count": 0}')).kind).to.equal('unknown-shape');
    expect(failed(await loadCorpusText('\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010')).kind).to.equal('binary');
  });

  it('reads an Atom feed and a BibTeX file that parseCorpus (synchronous, JSON only) refers to it', async () => {
    const atom = await fixture('arxiv/atom-bipv.xml');
    expect(failed(parseCorpus(atom)).message).to.equal('atom is read by the asynchronous loader (loadCorpusText, loadCorpusValue).');
    expect(ok(await loadCorpusText(atom)).papers).to.have.length(3);
  });

  it('loadCorpusValue reads parsed CSL items and arXiv records', async () => {
    const csl = JSON.parse(await fixture('csl/zotero-quirks.json')) as unknown;
    expect(ok(await loadCorpusValue(csl)).format).to.equal('csl-json');
    expect(ok(await loadCorpusValue([{ id: '0704.0002', title: 'T', versions: [] }])).format).to.equal('arxiv-kaggle');
    expect(ok(await loadCorpusValue([{ title: 'Native' }])).format).to.equal('native');
  });
});
