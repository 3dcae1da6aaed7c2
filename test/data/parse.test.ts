import { expect } from '@open-wc/testing';
import { loadCorpusText, parseCorpus, readCorpus } from '../../src/data/parse.js';
import type { ParseResult } from '../../src/data/types.js';

function ok(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a corpus, got ${result.kind}: ${result.message}`);
  return result;
}

function failed(result: ParseResult): Extract<ParseResult, { ok: false }> {
  if (result.ok) throw new Error('expected a failure');
  return result;
}

describe('parseCorpus: native format', () => {
  it('reads a corpus object and normalizes fields', () => {
    const r = ok(
      parseCorpus(
        JSON.stringify({
          format: 'paper-feed',
          version: 1,
          title: 'Lab  publications',
          papers: [
            {
              id: 'p1',
              title: '  A   title\n  wrapped ',
              abstract: 'Line one\nline two.\n\nSecond paragraph.',
              authors: ['Ada Lovelace', { name: 'Jan Kästner', equalContribution: true }],
              published: '2024-06-05',
              upvotes: '12',
              links: { pdf: 'https://example.org/p1.pdf', code: 'javascript:alert(1)' },
              tags: 'nlp, vision',
              selected: true,
              type: 'Conference',
            },
          ],
        }),
      ),
    );
    expect(r.format).to.equal('native');
    expect(r.title).to.equal('Lab publications');
    const p = r.papers[0];
    expect(p.title).to.equal('A title wrapped');
    expect(p.abstract).to.equal('Line one line two.\n\nSecond paragraph.');
    expect(p.authors).to.deep.equal([{ name: 'Ada Lovelace' }, { name: 'Jan Kästner', equalContribution: true }]);
    expect(p.year).to.equal(2024);
    expect(p.upvotes).to.equal(12);
    expect(p.links).to.deep.equal({ pdf: 'https://example.org/p1.pdf' });
    expect(p.tags).to.deep.equal(['nlp', 'vision']);
    expect(p.selected).to.equal(true);
    expect(p.type).to.equal('conference');
    expect(r.problems).to.have.length(1);
    expect(r.problems[0]).to.include({ field: 'links.code', severity: 'warning', index: 0 });
  });

  it('reads a bare array of papers and keeps every valid one when some are broken', () => {
    const r = ok(parseCorpus(JSON.stringify([{ title: 'Good one' }, null, { id: 3, title: 42 }, 'text', { title: 'Good two', published: 'yesterday' }])));
    expect(r.papers.map((p) => p.title)).to.deep.equal(['Good one', 'Good two']);
    expect(r.total).to.equal(5);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((e) => e.index)).to.deep.equal([1, 2, 3]);
    expect(errors[1]).to.include({ id: '3', field: 'title' });
    expect(r.problems.find((p) => p.field === 'published')?.reason).to.match(/not a date/);
  });

  it('gives missing ids a slug and renames duplicates', () => {
    const r = ok(readCorpus([{ id: 'x', title: 'First' }, { id: 'x', title: 'Second' }, { title: 'Über Große Modelle!' }]));
    expect(r.papers.map((p) => p.id)).to.deep.equal(['x', 'x-2', 'uber-grosse-modelle']);
    expect(r.problems[0]?.reason).to.match(/duplicate id "x"/);
  });

  it('keeps hostile strings as plain text and drops non-http URLs', () => {
    const r = ok(
      readCorpus([
        {
          title: '<img src=x onerror=alert(1)>',
          abstract: '<script>alert(1)</script> <think>',
          thumbnail: 'data:image/svg+xml,<svg onload=alert(1)>',
          links: { paper: ' JaVaScRiPt:alert(1)', arxiv: 'java\tscript:alert(1)', pdf: 'vbscript:x', code: 'HTTPS://github.com/a/b' },
          authors: [{ name: 'Eve', url: 'javascript:alert(1)' }],
        },
      ]),
    );
    const p = r.papers[0];
    expect(p.title).to.equal('<img src=x onerror=alert(1)>');
    expect(p.abstract).to.equal('<script>alert(1)</script> <think>');
    expect(p.thumbnail).to.equal(undefined);
    expect(p.links).to.deep.equal({ code: 'https://github.com/a/b' });
    expect(p.authors).to.deep.equal([{ name: 'Eve' }]);
  });
});

describe('parseCorpus: files that are not a corpus', () => {
  it('names an empty file', () => {
    expect(failed(parseCorpus('  \n')).kind).to.equal('empty');
  });

  it('names an HTML page and its title', () => {
    const r = failed(parseCorpus('<!DOCTYPE html><html><head><title>404 Not Found</title></head></html>'));
    expect(r.kind).to.equal('html');
    expect(r.message).to.contain('HTML page titled “404 Not Found”');
  });

  it('names a PDF and XML that is not a feed; sends BibTeX and Atom to loadCorpusText', async () => {
    expect(failed(parseCorpus('%PDF-1.7\n...')).kind).to.equal('pdf');
    expect(failed(parseCorpus('<?xml version="1.0"?><rss version="2.0"></rss>')).kind).to.equal('xml');
    expect(failed(parseCorpus('<?xml version="1.0"?><feed></feed>'))).to.include({ kind: 'unsupported-format', message: 'atom is read by the asynchronous loader (loadCorpusText, loadCorpusValue).' });
    expect(failed(parseCorpus('@article{key, title={T}}'))).to.include({ kind: 'unsupported-format', message: 'bibtex is read by the asynchronous loader (loadCorpusText, loadCorpusValue).' });
    // BibTeX and Atom are no longer errors for the asynchronous loader.
    const bib = await loadCorpusText('@article{key, title={T}}');
    expect(bib.ok && bib.papers.map((p) => p.id)).to.deep.equal(['key']);
    const atom = await loadCorpusText('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>');
    expect(atom.ok && atom.format).to.equal('arxiv-atom');
  });

  it('gives the line and column of a JSON syntax error', () => {
    const r = failed(parseCorpus('{"papers": [\n  {"title": "a"}\n  {"title": "b"}]}'));
    expect(r.kind).to.equal('invalid-json');
    expect(r.message).to.match(/at line 3, column 3/);
  });

  it('recognizes truncated JSON', () => {
    const r = failed(parseCorpus('[{"paper": {"id": "1", "title": "Trunc'));
    expect(r.kind).to.equal('truncated-json');
    expect(r.message).to.contain('truncated');
  });

  it('describes a JSON value without papers', () => {
    const r = failed(parseCorpus('{"data": [], "count": 0}'));
    expect(r.kind).to.equal('unknown-shape');
    expect(r.message).to.contain('“data”, “count”');
    expect(failed(parseCorpus('"hello"')).message).to.contain('a JSON string');
  });

  it('reads an empty list as an empty corpus', () => {
    const r = ok(parseCorpus('[]'));
    expect(r.papers).to.deep.equal([]);
  });

  it('skips a byte order mark', () => {
    expect(ok(parseCorpus('\ufeff[{"title":"T"}]')).papers).to.have.length(1);
  });
});
