/**
 * Regression tests for the bugs the security suite (test/security/) found in the loader: inputs
 * that froze it (quadratic work), overflowed the stack, reached prototype properties, threw on
 * JavaScript values, or lost a whole file for one bad record. Large inputs are checked by their
 * results (counts, ids): a quadratic implementation would time out here instead of passing.
 */
import { expect } from '@open-wc/testing';
import { detectFormat, detectValue, jsonLinesFormat, textKind } from '../../src/data/detect.js';
import { describeValue, ensureUniqueIds } from '../../src/data/normalize.js';
import { loadCorpusText, loadCorpusValue, parseCorpus, readCorpus } from '../../src/data/parse.js';
import { applyFilters, facetCounts } from '../../src/data/filter.js';
import { fold } from '../../src/data/text.js';
import { titleKey } from '../../src/data/clean.js';
import { parseBibtex, readBibFile } from '../../src/data/importers/bibtex.js';
import { readCsl } from '../../src/data/importers/csl.js';
import { parseArxivJsonl, readArxivRecords } from '../../src/data/importers/arxiv-jsonl.js';
import { parseArxivAtom } from '../../src/data/importers/arxiv-atom.js';
import { latexToText } from '../../src/data/importers/latex.js';
import { MAX_XML_DEPTH, parseXml, type XmlElement } from '../../src/data/importers/xml.js';
import type { CorpusProblem, Paper, ParseResult } from '../../src/data/types.js';
import { failed, fixture, ok } from './importers/helpers.js';

const N = 20000;

const errors = (r: { problems: CorpusProblem[] }): CorpusProblem[] => r.problems.filter((p) => p.severity === 'error');
const unique = (papers: Paper[]): boolean => new Set(papers.map((p) => p.id)).size === papers.length;

/** An object whose `title` getter throws: a record that breaks a reader. */
function throwingRecord(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.defineProperty({ ...extra }, 'title', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
}

/** Depth of an XML tree, without recursion. */
function depthOf(root: XmlElement): number {
  let max = 0;
  const stack: [XmlElement, number][] = [[root, 0]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of el.children) stack.push([c, d + 1]);
  }
  return max;
}

describe('robustness: duplicate ids (bugs 1 and 2)', () => {
  it(`gives ${N} papers with the same id unique ids, numbered in order`, () => {
    const r = ok(readCorpus(Array.from({ length: N }, () => ({ id: 'same', title: 'x' }))));
    expect(r.papers).to.have.length(N);
    expect(unique(r.papers)).to.equal(true);
    expect(r.papers.slice(0, 3).map((p) => p.id)).to.deep.equal(['same', 'same-2', 'same-3']);
    expect(r.papers[N - 1].id).to.equal(`same-${N}`);
    expect(r.problems.filter((p) => p.field === 'id')).to.have.length(N - 1);
  });

  it(`gives ${N} papers without an id and with the same title unique ids from the title`, () => {
    const r = ok(readCorpus(Array.from({ length: N }, () => ({ title: 'Same title' }))));
    expect(r.papers).to.have.length(N);
    expect(unique(r.papers)).to.equal(true);
    expect(r.papers[1].id).to.equal('same-title-2');
    expect(r.papers[N - 1].id).to.equal(`same-title-${N}`);
  });

  it('still skips suffixes that are taken by other ids', () => {
    const papers: Paper[] = ['x', 'x', 'x-2', 'x', 'x-3', 'x'].map((id, i) => ({ id, title: `T${i}` }));
    const problems: CorpusProblem[] = [];
    ensureUniqueIds(papers, problems);
    expect(papers.map((p) => p.id)).to.deep.equal(['x', 'x-2', 'x-2-2', 'x-3', 'x-3-2', 'x-4']);
    expect(problems.map((p) => p.index)).to.deep.equal([1, 2, 3, 4, 5]);
  });

  it(`reads ${N} BibTeX entries with the same citation key, each kept under its own id`, () => {
    const r = ok(parseBibtex(Array.from({ length: N }, (_, i) => `@article{same, title = {Paper ${i}}}`).join('\n')));
    expect(r.papers).to.have.length(N);
    expect(unique(r.papers)).to.equal(true);
    expect(r.papers.slice(0, 3).map((p) => p.id)).to.deep.equal(['same', 'same-2', 'same-3']);
    expect(r.papers[N - 1].id).to.equal(`same-${N}`);
    expect(r.problems.filter((p) => p.field === 'key')).to.have.length(N - 1);
  });

  it('numbers repeated BibTeX keys case-insensitively and around taken suffixes', () => {
    const r = ok(parseBibtex('@misc{Key, title={A}}\n@misc{key-2, title={B}}\n@misc{KEY, title={C}}\n@misc{key, title={D}}\n'));
    expect(r.papers.map((p) => p.id)).to.deep.equal(['Key', 'key-2', 'KEY-3', 'key-4']);
  });
});

describe('robustness: the XML reader (bug 3)', () => {
  it(`ignores ${N} stray end tags after ${N} open elements, and caps nesting at ${MAX_XML_DEPTH} levels`, () => {
    const doc = parseXml(`<feed>${'<a>'.repeat(N)}${'</x>'.repeat(N)}`);
    expect(doc.children.map((c) => c.name)).to.deep.equal(['feed']);
    expect(depthOf(doc)).to.equal(MAX_XML_DEPTH);
    expect(doc.problems).to.have.length(1);
    expect(doc.problems[0]).to.contain('nested deeper than 1,000 levels');
  });

  it('keeps the entries of an Atom feed with deep nesting and stray end tags, with a warning', () => {
    const r = ok(parseArxivAtom(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Kept</title></entry>${'<x>'.repeat(N)}${'</y>'.repeat(N)}</feed>`));
    expect(r.papers.map((p) => p.title)).to.deep.equal(['Kept']);
    expect(r.problems).to.have.length(1);
    expect(r.problems[0]).to.include({ severity: 'warning' });
    expect(r.problems[0].index).to.equal(undefined);
  });

  it('still closes up to the matching element and ignores a stray end tag', () => {
    const doc = parseXml('<r><a><b>one</c>two</a>three</r>');
    const r = doc.children[0];
    expect(r.children.map((c) => c.name)).to.deep.equal(['a']);
    expect(r.children[0].children[0]).to.include({ name: 'b', text: 'onetwo' });
    expect(r.text).to.equal('three');
    expect(doc.problems).to.deep.equal([]);
  });

  it('reads attributes named like Object.prototype properties as plain attributes', () => {
    const doc = parseXml('<a __proto__="p" constructor="c" toString="t"/>');
    const attrs = doc.children[0].attrs;
    expect([attrs.__proto__, attrs.constructor, attrs.toString]).to.deep.equal(['p', 'c', 't']);
    expect(parseXml('<a/>').children[0].attrs.constructor).to.equal(undefined);
  });
});

describe('robustness: deep LaTeX and one bad record (bug 4)', () => {
  it(`converts ${N} nested accents without overflowing the stack`, () => {
    const out = latexToText(`${"\\'{".repeat(N)}e${'}'.repeat(N)}`);
    expect(out.normalize('NFD')[0]).to.equal('e');
    expect(out).not.to.contain('{');
    expect(latexToText(`${'\\emph{'.repeat(N)}deep${'}'.repeat(N)}`)).to.equal('deep');
    expect(latexToText(`${'\\textbf{'.repeat(N)}unclosed`)).to.equal('unclosed');
  });

  it('reads a BibTeX file with such a title, and keeps the other entries', async () => {
    const r = ok(await loadCorpusText(`@article{deep, title = {${"\\'{".repeat(N)}e${'}'.repeat(N)}}}\n\n@article{good, title = {A good entry}}\n`, { fileName: 'a.bib' }));
    expect(r.papers.map((p) => p.id)).to.deep.equal(['deep', 'good']);
    expect(errors(r)).to.deep.equal([]);
  });

  it('reads 100,000 unclosed \\( and $ (one scan, not one per delimiter)', () => {
    expect(latexToText('\\('.repeat(100000))).to.equal('('.repeat(100000));
    expect(latexToText('\\['.repeat(100000))).to.equal('['.repeat(100000));
    expect(latexToText('$'.repeat(100001))).to.have.length(100001);
    expect(latexToText('a \\(x\\) b \\( c')).to.equal('a $x$ b ( c');
    const r = ok(parseBibtex(`@article{k, title = {T}, abstract = {${'\\('.repeat(100000)}}}`));
    expect(r.papers[0].abstract).to.have.length(100000);
  });

  it('reports a record that breaks a reader by its index and keeps the others (native, CSL, arXiv)', () => {
    const native = ok(readCorpus([{ title: 'A' }, throwingRecord(), { title: 'C' }]));
    expect(native.papers.map((p) => p.title)).to.deep.equal(['A', 'C']);
    expect(native.total).to.equal(3);
    expect(errors(native).map((p) => p.index)).to.deep.equal([1]);
    expect(errors(native)[0].reason).to.contain('boom');

    const csl = ok(readCsl([{ type: 'book', title: 'A' }, throwingRecord({ type: 'book' }), { type: 'book', title: 'C' }]));
    expect(csl.papers.map((p) => p.title)).to.deep.equal(['A', 'C']);
    expect(errors(csl).map((p) => p.index)).to.deep.equal([1]);

    const arxiv = ok(readArxivRecords([{ id: '2604.00001', title: 'A' }, throwingRecord({ id: '2604.00002' }), { id: '2604.00003', title: 'C' }], 'arxiv-jsonl'));
    expect(arxiv.papers.map((p) => p.id)).to.deep.equal(['2604.00001', '2604.00003']);
    expect(errors(arxiv).map((p) => p.index)).to.deep.equal([1]);
  });
});

describe('robustness: prototype-named values (bug 5)', () => {
  it('maps BibTeX entry types named like Object.prototype properties to misc', async () => {
    const r = ok(await loadCorpusText('@constructor{a, title = {A}}\n@toString{b, title = {B}}\n@valueOf{c, title = {C}}\n@hasOwnProperty{d, title = {D}}\n@article{e, title = {E}}\n', { fileName: 'a.bib' }));
    expect(r.papers.map((p) => p.type)).to.deep.equal(['misc', 'misc', 'misc', 'misc', 'article']);
    expect(applyFilters(r.papers, { types: ['article'] }).map((p) => p.id)).to.deep.equal(['e']);
    expect(() => facetCounts(r.papers, 'type', 12)).not.to.throw();
  });

  it('maps CSL types named like Object.prototype properties to misc', () => {
    const r = ok(readCsl(['__proto__', 'constructor', 'toString', 'valueOf', 'article-journal'].map((type, i) => ({ type, title: `T${i}` }))));
    expect(r.papers.map((p) => p.type)).to.deep.equal(['misc', 'misc', 'misc', 'misc', 'article']);
    expect(applyFilters(r.papers, { types: ['misc'] })).to.have.length(4);
  });

  it('reads native type fields named like Object.prototype properties as unknown types', () => {
    const r = ok(readCorpus([{ title: 'A', type: 'constructor' }, { title: 'B', type: '__proto__' }]));
    expect(r.papers.map((p) => p.type)).to.deep.equal([undefined, undefined]);
    expect(r.problems.map((p) => p.field)).to.deep.equal(['type', 'type']);
  });
});

describe('robustness: JavaScript values never make the loader throw (bug 6)', () => {
  it('describes any value without throwing', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const nullProto = Object.create(null) as Record<string, unknown>;
    const throwing = { toJSON: () => { throw new Error('no'); } };
    expect(describeValue(12n)).to.equal('12n');
    expect(describeValue(Symbol('s'))).to.equal('a symbol');
    expect(describeValue(() => 1)).to.equal('a function');
    expect(describeValue(undefined)).to.equal('nothing');
    expect(describeValue(cycle)).to.equal('an object');
    expect(describeValue({ n: 1n })).to.equal('an object');
    expect(describeValue(nullProto)).to.equal('{}');
    expect(describeValue(throwing)).to.equal('an object');
    expect(describeValue('x'.repeat(100))).to.have.length(41);
  });

  it('reads a corpus whose format marker is a symbol', () => {
    const r = ok(readCorpus({ papers: [{ title: 'A' }], format: Symbol('s') }));
    expect(r.papers).to.have.length(1);
    expect(r.problems[0]).to.include({ field: 'format', severity: 'warning' });
    expect(r.problems[0].reason).to.contain('a symbol');
  });

  it('reads papers with BigInt, symbol and function fields, dropping those fields with a warning', () => {
    const r = ok(readCorpus([{ title: 'A', upvotes: 12n, published: 2024n, listed: Symbol('d'), type: () => 'article', year: Symbol('y') }]));
    expect(r.papers[0]).to.deep.equal({ id: 'a', title: 'A' });
    expect(r.problems.map((p) => [p.field, p.reason])).to.deep.equal([
      ['published', 'not a date: 2024n'],
      ['listed', 'not a day (YYYY-MM-DD): a symbol'],
      ['year', 'expected a non-negative number, found a symbol'],
      ['upvotes', 'expected a non-negative number, found 12n'],
      ['type', 'unknown type a function, expected one of preprint, article, conference, book, chapter, thesis, report, dataset, software, misc'],
    ]);
  });

  it('names JavaScript values that are no corpus', () => {
    expect(failed(readCorpus(undefined)).message).to.equal('Expected a list of papers but found no value at all.');
    expect(failed(readCorpus(1n)).message).to.equal('Expected a list of papers but found a BigInt.');
    expect(failed(readCorpus(Symbol('s'))).message).to.equal('Expected a list of papers but found a symbol.');
  });

  it('turns an unexpected exception into a failure: readCorpus returns it, loadCorpusValue and loadCorpusText resolve with it', async () => {
    const hostile = Object.defineProperty({}, 'papers', {
      enumerable: true,
      get() {
        throw new Error('getter says no');
      },
    });
    const sync = failed(readCorpus(hostile));
    expect(sync.kind).to.equal('unsupported-format');
    expect(sync.message).to.contain('getter says no');
    const value = failed(await loadCorpusValue(hostile));
    expect(value.message).to.contain('getter says no');
    const text = failed(await loadCorpusText(undefined as unknown as string));
    expect(text.kind).to.equal('unknown-shape');
    expect(text.message).to.equal('Expected the text of a corpus file but found nothing.');
    expect(failed(parseCorpus(42 as unknown as string)).message).to.equal('Expected the text of a corpus file but found 42.');
  });
});

describe('robustness: arXiv records without an id (bug 7)', () => {
  it('keeps a record without an id (id from its title, with a warning) and every other record', () => {
    const r = ok(
      parseArxivJsonl(
        [
          '{"id": "2604.00001", "title": "First", "abs": "x", "summary": "s"}',
          '{"title": "No id here", "abs": "x", "summary": "s"}',
          '{"title": "No id either", "abs": "x", "summary": "s"}',
          '{"id": "2604.00004", "title": "Fourth", "abs": "x", "summary": "s"}',
        ].join('\n'),
      ),
    );
    expect(r.papers.map((p) => p.id)).to.deep.equal(['2604.00001', 'no-id-here', 'no-id-either', '2604.00004']);
    expect(r.problems.map((p) => [p.index, p.field, p.severity])).to.deep.equal([
      [1, 'id', 'warning'],
      [2, 'id', 'warning'],
    ]);
  });

  it('reads a single record without an id forced as a listing', async () => {
    const r = ok(await loadCorpusText('{"title":"!"}', { format: 'arxiv-jsonl' }));
    expect(r.papers).to.have.length(1);
    expect(r.papers[0].id).to.equal('paper');
  });
});

describe('robustness: JSON Lines detection by majority (bug 8)', () => {
  const record = (i: number): string => JSON.stringify({ id: `2604.0000${i}`, title: `T${i}`, abs: 'x', summary: 's' });
  const body = [1, 2, 3, 4].map(record).join('\n');

  it('reads a file as JSON Lines whatever its first line', () => {
    for (const first of ['not json', '42', '[]', '{"id": "2604.1', '"a string"', '[1, 2']) {
      expect(textKind(`${first}\n${body}\n`), first).to.equal('jsonl');
      expect(detectFormat(`${first}\n${body}\n`), first).to.equal('arxiv-jsonl');
    }
    expect(textKind(`${record(1)}\nnot json\n${record(3)}\n`)).to.equal('jsonl');
  });

  it('honours a .jsonl / .ndjson name when the content is undecided', () => {
    const text = `[]\n${record(1)}\n`;
    expect(textKind(text)).to.equal('json');
    expect(textKind(text, { fileName: 'listing.jsonl' })).to.equal('jsonl');
    expect(textKind(text, { fileName: 'listing.ndjson' })).to.equal('jsonl');
  });

  it('still reads pretty-printed JSON as JSON', () => {
    expect(textKind('[\n  {"title": "a"},\n  {"title": "b"},\n  {"title": "c"}\n]\n')).to.equal('json');
    expect(textKind('{\n  "papers": [\n    {"title": "a"}\n  ]\n}\n')).to.equal('json');
  });

  it('reports bad lines one by one and keeps the others', async () => {
    const text = await fixture('arxiv/kaggle-snapshot.jsonl');
    const lines = text.split('\n').filter((l) => l.trim());
    const base = ok(await loadCorpusText(text, { fileName: 'kaggle-snapshot.jsonl' }));
    for (const bad of ['not json', '42', '[]', lines[0].slice(0, 15)]) {
      const r = ok(await loadCorpusText([bad, ...lines.slice(1)].join('\n'), { fileName: 'kaggle-snapshot.jsonl' }));
      expect(r.format, bad).to.equal('arxiv-kaggle');
      expect(r.total, bad).to.equal(base.total);
      expect(r.papers.length, bad).to.equal(base.papers.length - 1);
      expect(errors(r).map((p) => p.index), bad).to.deep.equal([0]);
    }
  });
});

describe('robustness: format detection by majority of records (bug 9)', () => {
  it('is not misled by a corrupt first record', async () => {
    const csl = JSON.parse(await fixture('csl/zotero-quirks.json')) as unknown[];
    expect(detectValue([42, ...csl.slice(1)])).to.equal('csl-json');
    const base = ok(await loadCorpusValue(csl));
    const read = ok(await loadCorpusValue([42, ...csl.slice(1)]));
    expect(read.format).to.equal('csl-json');
    expect(read.total).to.equal(base.total);
    // The fixture's own title-less items, plus the corrupt first one.
    expect(errors(read).map((p) => p.index)).to.deep.equal([0, ...errors(base).map((p) => p.index).filter((i) => i !== 0)]);

    const hf = JSON.parse(await fixture('hf-daily-2025-10-14.json')) as unknown[];
    expect(detectValue(['x', ...hf.slice(1)])).to.equal('hf-daily');
    const search = JSON.parse(await fixture('hf-papers-search.json')) as unknown[];
    expect(detectValue([null, [], ...search.slice(1)])).to.equal('hf-search');
  });

  it('tells a Kaggle snapshot from a listing by most of its records', async () => {
    const lines = (await fixture('arxiv/kaggle-snapshot.jsonl')).split('\n').filter((l) => l.trim());
    const records = lines.map((l) => JSON.parse(l) as unknown);
    expect(jsonLinesFormat([42, ...records.slice(1)])).to.equal('arxiv-kaggle');
    expect(jsonLinesFormat([{ id: '2604.00001', title: 'Listing-like', abs: 'x', summary: 's' }, ...records.slice(1)])).to.equal('arxiv-kaggle');
    expect(detectFormat(['42', ...lines.slice(1)].join('\n'))).to.equal('arxiv-kaggle');
    expect(ok(parseArxivJsonl(['42', ...lines.slice(1)].join('\n'))).format).to.equal('arxiv-kaggle');
    expect(detectValue([42, ...records.slice(1)])).to.equal('arxiv-kaggle');
  });
});

describe('robustness: truncated JSON (bug 10)', () => {
  it('reports every cut of a JSON corpus as truncated, whatever the parser says', () => {
    const text = JSON.stringify({ title: 'T', papers: [{ id: 'a', title: 'A "quoted" \\ title é', upvotes: 12, selected: true, x: null, n: -1.5e3, tags: ['a', 'b'] }] }, null, 1);
    const kinds = new Set<string>();
    for (let i = 1; i < text.length; i++) {
      const r = parseCorpus(text.slice(0, i));
      kinds.add(r.ok ? `read at ${i}` : r.kind);
    }
    expect([...kinds]).to.deep.equal(['truncated-json']);
    expect(failed(parseCorpus('{')).kind).to.equal('truncated-json');
    expect(failed(parseCorpus('[1, 2   \n')).kind).to.equal('truncated-json');
  });

  it('still reports broken JSON as invalid', () => {
    for (const text of ['[1,]', '{"a" 1}', '[1 2]', '{"papers": [\n  {"title": "a"}\n  {"title": "b"}]}', '[tx']) {
      expect(failed(parseCorpus(text)).kind, text).to.equal('invalid-json');
    }
  });
});

describe('robustness: broken @string macros (bug 11)', () => {
  it('reports a broken @string as a warning without an index, not as a skipped entry', () => {
    const r: ParseResult = parseBibtex('@article{a, title = {A}}\n\n@string{x = \n');
    const loaded = ok(r);
    expect(loaded.papers.map((p) => p.id)).to.deep.equal(['a']);
    expect(loaded.total).to.equal(1);
    expect(errors(loaded)).to.deep.equal([]);
    expect(loaded.problems).to.have.length(1);
    expect(loaded.problems[0].severity).to.equal('warning');
    expect(loaded.problems[0].index).to.equal(undefined);
    expect(loaded.problems[0].reason).to.match(/^@string could not be read/);
  });

  it('reports an unknown macro inside @string without an index, and counts entries after it right', () => {
    const file = readBibFile('@string{a = nosuchmacro}\n@article{k, title = a}\n@article{broken, title = {x}\n@article{last, title = {L}}\n');
    expect(file.total).to.equal(3);
    expect(file.problems.map((p) => [p.index, p.severity])).to.deep.equal([
      [undefined, 'warning'],
      [1, 'error'],
    ]);
    const r = ok(parseBibtex('@string{a = nosuchmacro}\n@article{k, title = a}\n@article{broken, title = {x}\n@article{last, title = {L}}\n'));
    expect(r.papers.map((p) => p.id)).to.deep.equal(['k', 'last']);
    expect(errors(r).map((p) => [p.index, p.id])).to.deep.equal([[1, 'broken']]);
  });
});

describe('robustness: fold', () => {
  it('folds the dotless ı and other letters without a decomposition', () => {
    expect(fold('Arık')).to.equal('arik');
    expect(fold('ISTANBUL İstanbul ıstanbul')).to.equal('istanbul istanbul istanbul');
    expect(fold('Ħal Þór ȷ Łódź Straße Ørsted')).to.equal('hal thor j lodz strasse orsted');
    expect(titleKey('Arık’s Lemma')).to.equal('arik s lemma');
  });
});
