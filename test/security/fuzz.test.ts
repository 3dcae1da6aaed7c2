/**
 * Issue #7, part 3: property-based fuzzing of the loader's public API with fast-check, in
 * Chromium. Inputs: arbitrary strings and bytes, JSON values, JavaScript values, objects shaped
 * like papers and Hugging Face items with random field types, importer-shaped text, and the real
 * fixture files truncated, mutated and with one record corrupted. Every property runs with a fixed
 * seed; the run counts are in the test titles. A failure prints fast-check's shrunk counterexample
 * and the seed/path to replay it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import type { PaperCard } from '../../src/components/paper-card/paper-card.js';
import { loadCorpusText, loadCorpusValue, parseCorpus, readCorpus } from '../../src/data/parse.js';
import { CORPUS_FORMATS, LINK_KINDS, PAPER_TYPES, type ParseResult } from '../../src/data/types.js';
import { parseBibtex } from '../../src/data/importers/bibtex.js';
import { parseCsl, readCsl } from '../../src/data/importers/csl.js';
import { parseArxivAtom } from '../../src/data/importers/arxiv-atom.js';
import { parseArxivJsonl, readArxivRecords } from '../../src/data/importers/arxiv-jsonl.js';
import { renderMathText } from '../../src/components/shared/math.js';
import { applyFilters, facetCounts } from '../../src/data/filter.js';
import { PAYLOADS } from '../fixtures/security/payloads.js';
import { isHttpUrl } from './audit.js';

/** Issue #7: every property's seed is derived from it. */
const SEED = 7_2025;
const RUNS = { strings: 1000, bytes: 500, json: 500, values: 500, shaped: 500, importers: 300, real: 300, math: 300, render: 100 } as const;

const KINDS = ['empty', 'html', 'pdf', 'xml', 'binary', 'invalid-json', 'truncated-json', 'unknown-shape', 'unsupported-format'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
/** Any value as short text for a message (never throws: BigInt, symbols, cycles). */
function show(v: unknown): string {
  try {
    return (JSON.stringify(v) as string | undefined)?.slice(0, 80) ?? typeof v;
  } catch {
    return typeof v;
  }
}

/** What is wrong with one paper, against the documented `Paper` contract (empty when nothing). */
function paperViolations(p: unknown, i: number): string[] {
  const out: string[] = [];
  const bad = (what: string): void => {
    out.push(`paper ${i}: ${what}`);
  };
  if (!isObject(p)) return [`paper ${i} is not an object`];
  if (!isText(p.id)) bad(`id ${show(p.id)}`);
  if (!isText(p.title)) bad(`title ${show(p.title)}`);
  for (const key of ['abstract', 'summary', 'venue', 'venueShort', 'award', 'bibtex', 'arxivId', 'doi', 'published']) {
    if (p[key] !== undefined && !isText(p[key])) bad(`${key} is ${show(p[key])}`);
  }
  for (const key of ['year', 'upvotes', 'comments', 'githubStars', 'authorCount']) {
    if (p[key] !== undefined && !isCount(p[key])) bad(`${key} is ${show(p[key])}`);
  }
  for (const key of ['selected', 'etAl']) if (p[key] !== undefined && typeof p[key] !== 'boolean') bad(`${key} is not a boolean`);
  if (p.type !== undefined && !(PAPER_TYPES as readonly unknown[]).includes(p.type)) bad(`type ${show(p.type)}`);
  if (p.thumbnail !== undefined && !(typeof p.thumbnail === 'string' && isHttpUrl(p.thumbnail))) bad(`thumbnail ${show(p.thumbnail)}`);
  for (const key of ['keywords', 'tags']) {
    const list = p[key];
    if (list !== undefined && !(Array.isArray(list) && list.every(isText))) bad(`${key} is ${show(list)}`);
  }
  if (p.links !== undefined) {
    if (!isObject(p.links)) bad('links is not an object');
    else
      for (const [kind, url] of Object.entries(p.links)) {
        if (!(LINK_KINDS as readonly string[]).includes(kind)) bad(`unknown link kind ${kind}`);
        if (!(typeof url === 'string' && isHttpUrl(url))) bad(`links.${kind} = ${show(url)}`);
      }
  }
  if (p.organization !== undefined) {
    const o = p.organization;
    if (!isObject(o) || !isText(o.name)) bad(`organization ${show(o)}`);
    else {
      if (o.fullName !== undefined && !isText(o.fullName)) bad('organization.fullName');
      for (const key of ['url', 'avatar']) if (o[key] !== undefined && !(typeof o[key] === 'string' && isHttpUrl(o[key]))) bad(`organization.${key} = ${show(o[key])}`);
    }
  }
  if (p.authors !== undefined) {
    if (!Array.isArray(p.authors)) bad('authors is not a list');
    else
      p.authors.forEach((a: unknown, j) => {
        if (!isObject(a) || !isText(a.name)) bad(`authors[${j}] = ${show(a)}`);
        else if (a.url !== undefined && !(typeof a.url === 'string' && isHttpUrl(a.url))) bad(`authors[${j}].url = ${show(a.url)}`);
      });
  }
  return out;
}

/** What is wrong with a result of the public API (empty when nothing). */
function violations(r: unknown): string[] {
  if (!isObject(r)) return [`result is ${String(r)}`];
  if (r.ok === false) {
    const out: string[] = [];
    if (!KINDS.includes(String(r.kind))) out.push(`unknown failure kind ${String(r.kind)}`);
    // Text quoted in the message (“…”) is the input's own (an object key, a page title) and may
    // well spell "undefined"; the check is for values the loader itself failed to describe.
    const own = typeof r.message === 'string' ? r.message.replace(/“[^”]*”/g, '“…”') : '';
    if (typeof r.message !== 'string' || r.message.trim().length < 15 || /undefined|\[object /.test(own)) out.push(`unspecific message ${show(r.message)}`);
    return out;
  }
  if (r.ok !== true) return ['result.ok is not a boolean'];
  const out: string[] = [];
  if (!(CORPUS_FORMATS as readonly unknown[]).includes(r.format)) out.push(`format ${String(r.format)}`);
  if (!Array.isArray(r.papers) || !Array.isArray(r.problems)) return [...out, 'papers or problems is not a list'];
  if (!isCount(r.total) || (r.total as number) < r.papers.length) out.push(`total ${String(r.total)} for ${r.papers.length} papers`);
  const ids = new Set<unknown>();
  r.papers.forEach((p: unknown, i) => {
    out.push(...paperViolations(p, i));
    const id = isObject(p) ? p.id : undefined;
    if (ids.has(id)) out.push(`duplicate id ${show(id)}`);
    ids.add(id);
  });
  r.problems.forEach((p: unknown, i) => {
    if (!isObject(p) || !isText(p.reason) || (p.severity !== 'error' && p.severity !== 'warning')) out.push(`problem ${i}: ${show(p)}`);
    else if (p.index !== undefined && !isCount(p.index)) out.push(`problem ${i}: index ${show(p.index)}`);
  });
  return out;
}

/** Calls the API and fails the property (with the input) when it throws or breaks the contract. */
function check(what: string, run: () => ParseResult): ParseResult {
  let result: ParseResult;
  try {
    result = run();
  } catch (e) {
    throw new Error(`${what} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  const v = violations(result);
  if (v.length) throw new Error(`${what} broke the contract: ${v.slice(0, 5).join('; ')}`);
  return result;
}

async function checkAsync(what: string, run: () => Promise<ParseResult>): Promise<ParseResult> {
  let result: ParseResult;
  try {
    result = await run();
  } catch (e) {
    throw new Error(`${what} rejected with ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  const v = violations(result);
  if (v.length) throw new Error(`${what} broke the contract: ${v.slice(0, 5).join('; ')}`);
  return result;
}

/** fast-check parameters: a fixed seed per property (SEED + its own offset), and the run count. */
const params = (numRuns: number, offset: number): fc.Parameters<unknown> => ({ seed: SEED + offset, numRuns, includeErrorInReport: true });

// ——— arbitraries ———

const interesting = fc.constantFrom(
  '',
  ' ',
  '\n\n',
  '\u0000',
  '\ufeff',
  'javascript:alert(1)',
  ' https://x.invalid/a ',
  'https://x.invalid/a',
  'http://[::1',
  '//x.invalid',
  'paper.pdf',
  '2025-01-02',
  '2025-13-45',
  '2025-01-02T03:04:05Z',
  '12',
  '-3',
  '1e400',
  'NaN',
  '$x^2$',
  '$$',
  '\\href{javascript:x}{y}',
  'a, b; c',
  'A and B and others',
  '__proto__',
  'constructor',
  'toString',
  'preprint',
  'Conference',
  'paper-feed',
  ...PAYLOADS.slice(0, 40).map((p, i) => p.make(i)),
);
/** Any JSON-able field value, biased towards what normalizers trip over. */
const wild: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: interesting },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  fc.integer({ min: -5, max: 1e6 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(interesting, fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.oneof(interesting, fc.string({ maxLength: 8 })), fc.oneof(interesting, fc.integer(), fc.constant(null)), { maxKeys: 3 }),
);
const title = fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) }, wild);

const authorLike = fc.oneof(wild, fc.record({ name: wild, url: wild, affiliation: wild, equalContribution: wild, corresponding: wild }, { requiredKeys: [] }));
const paperLike = fc.record(
  {
    id: fc.oneof(wild, fc.string({ maxLength: 6 })),
    title,
    abstract: wild,
    authors: fc.oneof(wild, fc.array(authorLike, { maxLength: 4 })),
    authorCount: wild,
    organization: fc.oneof(wild, fc.record({ name: wild, fullName: wild, fullname: wild, url: wild, avatar: wild }, { requiredKeys: [] })),
    published: wild,
    year: wild,
    upvotes: wild,
    comments: wild,
    githubStars: wild,
    thumbnail: wild,
    arxivId: wild,
    doi: wild,
    links: fc.oneof(wild, fc.record(Object.fromEntries(LINK_KINDS.map((k) => [k, wild])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] })),
    keywords: fc.oneof(wild, fc.array(wild, { maxLength: 4 })),
    tags: fc.oneof(wild, fc.array(wild, { maxLength: 4 })),
    summary: wild,
    venue: wild,
    venueShort: wild,
    type: fc.oneof(wild, fc.constantFrom(...PAPER_TYPES)),
    selected: wild,
    award: wild,
    bibtex: wild,
    etAl: wild,
  },
  { requiredKeys: [] },
);
const nativeLike = fc.oneof(
  fc.array(fc.oneof({ weight: 4, arbitrary: paperLike }, wild), { maxLength: 8 }),
  fc.record(
    { format: fc.oneof(fc.constant('paper-feed'), wild), version: wild, title: wild, description: wild, papers: fc.array(fc.oneof({ weight: 4, arbitrary: paperLike }, wild), { maxLength: 8 }) },
    { requiredKeys: ['papers'] },
  ),
);
const hfPaperLike = fc.record(
  {
    id: fc.oneof(fc.constantFrom('2501.00001', '2501.00002', 'hep-th/9901001', '2501.00001v2'), wild),
    authors: fc.oneof(
      wild,
      fc.array(fc.oneof(wild, fc.record({ name: wild, hidden: wild, user: fc.oneof(wild, fc.record({ user: wild, fullname: wild }, { requiredKeys: [] })) }, { requiredKeys: [] })), { maxLength: 4 }),
    ),
    publishedAt: wild,
    title,
    summary: wild,
    upvotes: wild,
    numComments: wild,
    githubRepo: wild,
    projectPage: wild,
    githubStars: wild,
    ai_summary: wild,
    ai_keywords: fc.oneof(wild, fc.array(wild, { maxLength: 4 })),
    organization: wild,
    thumbnail: wild,
  },
  { requiredKeys: ['id', 'authors', 'summary', 'publishedAt'] },
);
const hfItemLike = fc.record(
  {
    paper: fc.oneof({ weight: 4, arbitrary: hfPaperLike }, wild),
    title,
    summary: wild,
    publishedAt: wild,
    thumbnail: wild,
    mediaUrl: wild,
    numComments: wild,
    organization: fc.oneof(wild, fc.record({ name: wild, fullname: wild, avatar: wild }, { requiredKeys: [] })),
    submittedBy: wild,
    highlightedTitle: wild,
  },
  { requiredKeys: ['paper'] },
);
const hfLike = fc.oneof(fc.array(fc.oneof({ weight: 4, arbitrary: hfItemLike }, wild), { maxLength: 8 }), hfPaperLike);
const cslItemLike = fc.record(
  {
    id: wild,
    type: fc.oneof(fc.constantFrom('article-journal', 'paper-conference', 'article', 'report', 'thesis', 'book'), wild),
    title,
    'title-short': wild,
    author: fc.oneof(wild, fc.array(fc.oneof(wild, fc.record({ family: wild, given: wild, literal: wild, suffix: wild }, { requiredKeys: [] })), { maxLength: 3 })),
    issued: fc.oneof(wild, fc.record({ 'date-parts': fc.oneof(wild, fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 3000 }), wild), { maxLength: 3 }), { maxLength: 2 })), raw: wild, literal: wild }, { requiredKeys: [] })),
    'container-title': wild,
    'container-title-short': wild,
    publisher: wild,
    DOI: wild,
    URL: wild,
    abstract: wild,
    keyword: wild,
    number: wild,
    'citation-key': wild,
  },
  { requiredKeys: ['type'] },
);
const arxivRecordLike = fc.record(
  {
    id: fc.oneof(fc.constantFrom('2604.16512', '2604.16512v3', 'quant-ph/9905086', 'math.GT/0309136'), wild),
    title,
    summary: wild,
    abstract: wild,
    authors: fc.oneof(wild, fc.array(wild, { maxLength: 3 })),
    authors_parsed: fc.oneof(wild, fc.array(fc.array(wild, { maxLength: 3 }), { maxLength: 3 })),
    versions: fc.oneof(wild, fc.array(fc.record({ version: wild, created: fc.oneof(fc.constant('Mon, 2 Apr 2007 19:18:42 GMT'), wild) }, { requiredKeys: [] }), { maxLength: 2 })),
    update_date: wild,
    categories: fc.oneof(wild, fc.array(wild, { maxLength: 3 })),
    abs: wild,
    pdf: wild,
    doi: wild,
    'journal-ref': wild,
    comment: wild,
  },
  { requiredKeys: [] },
);

/** Text from format fragments and random strings (BibTeX, Atom, JSON Lines, JSON). */
const fragments = (tokens: string[], maxLength = 60): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...tokens) }, fc.string({ maxLength: 12 }), interesting), { maxLength }).map((parts) => parts.join(''));
const bibtexish = fragments([
  '@article{',
  '@constructor{k,',
  '@toString{k,',
  '@inproceedings{key,',
  '@misc(k,',
  '@string{a = "b"}',
  '@string{m = {x}}',
  '@comment{',
  '@preamble{"x"}',
  '@',
  '\n@book{b,\n',
  ' title = {',
  ' author = {',
  ' abstract = {',
  ' year = ',
  ' month = jan',
  ' url = {',
  ' pdf = {',
  ' doi = {',
  ' eprint = {',
  ' archivePrefix = {arXiv}',
  ' and ',
  ' and others',
  '}',
  '{',
  ',',
  '=',
  '"',
  ' # ',
  '%',
  '\n',
  '\\',
  "\\'",
  '\\"{',
  '$',
  '$^*$',
  '\\href{',
  '\\url{',
  'javascript:',
  '---',
  '~',
  '{{',
  '}}',
]);
const atomish = fragments([
  '<?xml version="1.0"?>',
  '<feed xmlns="http://www.w3.org/2005/Atom">',
  '</feed>',
  '<entry>',
  '</entry>',
  '<title>',
  '</title>',
  '<id>http://arxiv.org/abs/2501.00001v1</id>',
  '<id>',
  '</id>',
  '<summary>',
  '</summary>',
  '<author><name>',
  '</name></author>',
  '<link href="',
  '" rel="alternate"/>',
  '" title="pdf"/>',
  '<arxiv:doi>',
  '</arxiv:doi>',
  '<category term="',
  '"/>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '&amp;',
  '&lt;',
  '&#',
  '&#x',
  ';',
  '<',
  '>',
  '"',
  "'",
  '<published>2025-01-01T00:00:00Z</published>',
  '<arxiv:journal_ref>',
  '</arxiv:journal_ref>',
]);
const jsonish = fragments(['{', '}', '[', ']', '"', ':', ',', '"title"', '"papers"', '"paper"', '"id"', '"authors"', 'null', 'true', '1e999', '-0', '\\u0000', '\\ud800', '\n']);
const jsonlish = fc
  .array(fc.oneof(arxivRecordLike.map((r) => JSON.stringify(r)), fc.json({ maxDepth: 2 }), fc.string({ maxLength: 20 }), jsonish), { maxLength: 8 })
  .map((lines) => lines.join('\n'));

/** Any JavaScript value a page might assign to `papers` (BigInt, functions, symbols, Maps …). */
const jsValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});
const jsField = fc.oneof(jsValue, fc.constantFrom<unknown>(Symbol('s'), () => 'f', 12n, NaN, -0, Infinity, undefined));

// ——— the real files ———

const REAL_FILES = [
  'public/sample-papers.json',
  'test/fixtures/hf-daily-2025-01-21.json',
  'test/fixtures/hf-daily-2025-10-14.json',
  'test/fixtures/hf-daily-many-authors.json',
  'test/fixtures/hf-daily-mixed.json',
  'test/fixtures/hf-paper-single.json',
  'test/fixtures/hf-papers-search.json',
  'test/fixtures/csl/manubot-references.json',
  'test/fixtures/csl/zotero-quirks.json',
  'test/fixtures/arxiv/atom-astro-ph-excerpt.xml',
  'test/fixtures/arxiv/atom-bipv.xml',
  'test/fixtures/arxiv/atom-legacy-synthetic.xml',
  'test/fixtures/arxiv/kaggle-snapshot.jsonl',
  'test/fixtures/arxiv/listing-2026-04-21.jsonl',
  'test/fixtures/bibtex/cmustrudel-jabref.bib',
  'test/fixtures/bibtex/fmuro-zbmath.bib',
  'test/fixtures/bibtex/kwiatlab-mendeley.bib',
  'test/fixtures/bibtex/nu-ideas-al-folio.bib',
  'test/fixtures/bibtex/synthetic-quirks.bib',
];
const files = new Map<string, string>();
const JSON_FILES = REAL_FILES.filter((f) => f.endsWith('.json'));

/** Reads a real file the way the feed's users do: by content, with its name as a hint. */
const loadReal = (name: string, text: string): Promise<ParseResult> => loadCorpusText(text, { fileName: name, baseUrl: 'https://lab.invalid/' });

const utf8 = new TextEncoder();
type Mutation = { kind: 'flip'; at: number; bit: number } | { kind: 'delete'; at: number; length: number } | { kind: 'duplicate'; at: number; length: number; to: number } | { kind: 'byte'; at: number; value: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
);
function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let b = bytes;
  for (const m of mutations) {
    if (!b.length) break;
    const at = m.at % b.length;
    if (m.kind === 'flip') {
      b = b.slice();
      b[at] ^= 1 << m.bit;
    } else if (m.kind === 'byte') {
      b = b.slice();
      b[at] = m.value;
    } else if (m.kind === 'delete') {
      b = new Uint8Array([...b.subarray(0, at), ...b.subarray(at + m.length)]);
    } else {
      const chunk = b.subarray(at, at + m.length);
      const to = m.to % b.length;
      b = new Uint8Array([...b.subarray(0, to), ...chunk, ...b.subarray(to)]);
    }
  }
  return b;
}

describe('security: fuzzing the loader (fast-check)', function () {
  this.timeout(60000);

  before(async () => {
    await Promise.all(
      REAL_FILES.map(async (name) => {
        const response = await fetch(`/${name}`);
        if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
        files.set(name, await response.text());
      }),
    );
  });

  it(`parseCorpus never throws on arbitrary strings (${RUNS.strings} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }), jsonish, bibtexish, atomish), (s) => {
        check('parseCorpus', () => parseCorpus(s));
      }),
      params(RUNS.strings, 1),
    );
  });

  it(`parseCorpus never throws on arbitrary bytes decoded as UTF-8, windows-1252 and UTF-16 (${RUNS.bytes} runs)`, () => {
    const decoders = ['utf-8', 'windows-1252', 'utf-16le'].map((label) => new TextDecoder(label));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 2 }), (bytes, d) => {
        check('parseCorpus', () => parseCorpus(decoders[d].decode(bytes)));
      }),
      params(RUNS.bytes, 2),
    );
  });

  it(`parseCorpus and readCorpus never throw on JSON: fc.json() text and fc.jsonValue() values (${RUNS.json} + ${RUNS.json} runs)`, () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        check('parseCorpus', () => parseCorpus(text));
      }),
      params(RUNS.json, 3),
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        check('readCorpus', () => readCorpus(value));
      }),
      params(RUNS.json, 4),
    );
  });

  it(`readCorpus and parseCorpus keep the contract on paper-shaped and Hugging Face-shaped corpora with random field types (${RUNS.shaped} + ${RUNS.shaped} runs)`, () => {
    fc.assert(
      fc.property(nativeLike, (corpus) => {
        check('readCorpus', () => readCorpus(corpus));
        check('parseCorpus', () => parseCorpus(JSON.stringify(corpus)));
      }),
      params(RUNS.shaped, 5),
    );
    fc.assert(
      fc.property(hfLike, fc.constantFrom<'auto' | 'hf-daily' | 'hf-search' | 'hf-paper'>('auto', 'hf-daily', 'hf-search', 'hf-paper'), (corpus, format) => {
        check('readCorpus', () => readCorpus(corpus, { format }));
        check('parseCorpus', () => parseCorpus(JSON.stringify(corpus), { format }));
      }),
      params(RUNS.shaped, 6),
    );
  });

  it(`readCorpus and loadCorpusValue never throw on JavaScript values a page may set as papers (BigInt, symbols, functions, Maps…) (${RUNS.values} runs)`, async () => {
    const shaped = fc.oneof(
      jsValue,
      fc.array(fc.dictionary(fc.constantFrom('id', 'title', 'published', 'upvotes', 'type', 'authors', 'links', 'keywords', 'abstract'), jsField, { maxKeys: 5 }), { maxLength: 3 }),
      fc.record({ papers: fc.array(fc.record({ title: fc.string({ minLength: 1 }), published: jsField, upvotes: jsField, type: jsField }), { maxLength: 2 }), format: jsField }),
    );
    await fc.assert(
      fc.asyncProperty(shaped, async (value) => {
        check('readCorpus', () => readCorpus(value));
        await checkAsync('loadCorpusValue', () => loadCorpusValue(value));
      }),
      params(RUNS.values, 7),
    );
  });

  it(`loadCorpusText never rejects on arbitrary and importer-shaped text (${RUNS.importers} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), bibtexish, atomish, jsonlish, jsonish, nativeLike.map((c) => JSON.stringify(c)), fc.array(cslItemLike, { maxLength: 4 }).map((c) => JSON.stringify(c))),
        fc.constantFrom<'auto' | 'bibtex' | 'csl-json' | 'arxiv-atom' | 'arxiv-jsonl' | 'arxiv-kaggle' | 'native'>('auto', 'auto', 'auto', 'bibtex', 'csl-json', 'arxiv-atom', 'arxiv-jsonl', 'arxiv-kaggle', 'native'),
        fc.constantFrom(undefined, 'papers.bib', 'feed.xml', 'listing-2025-01-02.jsonl', 'papers.json'),
        async (text, format, fileName) => {
          await checkAsync('loadCorpusText', () => loadCorpusText(text, { format, fileName, baseUrl: 'https://lab.invalid/' }));
        },
      ),
      params(RUNS.importers, 8),
    );
  });

  describe(`each importer keeps the contract (${RUNS.importers} runs each)`, () => {
    const options = { baseUrl: 'https://lab.invalid/' };

    it(`parseBibtex on BibTeX-shaped and arbitrary text (${RUNS.importers} runs)`, () => {
      fc.assert(
        fc.property(fc.oneof(bibtexish, fc.string({ maxLength: 100 })), (s) => {
          check('parseBibtex', () => parseBibtex(s, options));
        }),
        params(RUNS.importers, 9),
      );
    });

    it(`readCsl / parseCsl on CSL-shaped items with random field types (${RUNS.importers} runs)`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.array(fc.oneof({ weight: 4, arbitrary: cslItemLike }, wild), { maxLength: 5 }), cslItemLike, fc.jsonValue({ maxDepth: 3 })), (value) => {
          check('readCsl', () => readCsl(value, options));
          check('parseCsl', () => parseCsl(JSON.stringify(value), options));
        }),
        params(RUNS.importers, 10),
      );
    });

    it(`parseArxivAtom on Atom-shaped and arbitrary text (${RUNS.importers} runs)`, () => {
      fc.assert(
        fc.property(fc.oneof(atomish, fc.string({ maxLength: 100 })), (s) => {
          check('parseArxivAtom', () => parseArxivAtom(s, options));
        }),
        params(RUNS.importers, 11),
      );
    });

    it(`parseArxivJsonl / readArxivRecords on listing- and Kaggle-shaped records with random field types (${RUNS.importers} runs)`, () => {
      fc.assert(
        fc.property(jsonlish, fc.array(fc.oneof({ weight: 4, arbitrary: arxivRecordLike }, wild), { maxLength: 5 }), fc.boolean(), (text, records, kaggle) => {
          check('parseArxivJsonl', () => parseArxivJsonl(text, { ...options, fileName: 'listing-2025-01-02.jsonl' }));
          check('readArxivRecords', () => readArxivRecords(records, kaggle ? 'arxiv-kaggle' : 'arxiv-jsonl', options));
        }),
        params(RUNS.importers, 12),
      );
    });
  });

  it(`real files cut at random positions: never throw, keep the contract (${RUNS.real} runs over ${REAL_FILES.length} files)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REAL_FILES), fc.double({ min: 0, max: 1, noNaN: true }), async (name, where) => {
        const cut = files.get(name)!.slice(0, Math.floor(where * files.get(name)!.length));
        await checkAsync(`loadCorpusText(${name} cut at ${cut.length})`, () => loadReal(name, cut));
        if (name.endsWith('.json')) check(`parseCorpus(${name} cut at ${cut.length})`, () => parseCorpus(cut));
      }),
      params(RUNS.real, 13),
    );
  });

  it(`a JSON file cut short is reported as truncated, not as invalid JSON (${RUNS.real} runs over ${JSON_FILES.length} files)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...JSON_FILES), fc.double({ min: 0, max: 1, noNaN: true }), (name, where) => {
        const text = files.get(name)!;
        const cut = text.slice(0, Math.floor(where * text.trimEnd().length));
        // Cut short: something left, and something missing (at where = 1 the "cut" is the whole file).
        fc.pre(cut.trim().length > 0 && cut.length < text.trimEnd().length);
        const result = parseCorpus(cut);
        if (!result.ok) expect(result.kind, `${name} cut at ${cut.length} (…${JSON.stringify(cut.slice(-30))}): ${result.message}`).to.equal('truncated-json');
        else expect.fail(`${name} cut at ${cut.length} read as a corpus of ${result.papers.length} papers`);
      }),
      params(RUNS.real, 14),
    );
  });

  it(`real files with random byte flips, deleted and duplicated chunks: never throw, keep the contract (${RUNS.real} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REAL_FILES), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (name, mutations) => {
        const bytes = mutate(utf8.encode(files.get(name) ?? ''), mutations);
        const text = new TextDecoder().decode(bytes);
        await checkAsync(`loadCorpusText(${name} mutated)`, () => loadReal(name, text));
        if (name.endsWith('.json')) check(`parseCorpus(${name} mutated)`, () => parseCorpus(text));
      }),
      params(RUNS.real, 8),
    );
  });

  describe('one corrupted record in a real file', () => {
    /** A JSON fixture as records, and how to put it back into a file. */
    interface Records {
      name: string;
      records: unknown[];
      write: (records: unknown[]) => string;
      kind: 'native' | 'hf' | 'csl' | 'jsonl';
    }
    const recordFiles = (): Records[] => {
      const out: Records[] = [];
      for (const name of [...JSON_FILES, 'test/fixtures/arxiv/kaggle-snapshot.jsonl', 'test/fixtures/arxiv/listing-2026-04-21.jsonl']) {
        const text = files.get(name)!;
        if (name.endsWith('.jsonl')) {
          const lines = text.split('\n').filter((l) => l.trim());
          out.push({ name, records: lines.map((l) => JSON.parse(l) as unknown), write: (r) => r.map((x) => (typeof x === 'string' && x.startsWith('RAW:') ? x.slice(4) : JSON.stringify(x))).join('\n') + '\n', kind: 'jsonl' });
          continue;
        }
        const value = JSON.parse(text) as unknown;
        if (isObject(value) && Array.isArray(value.papers)) {
          out.push({ name, records: value.papers, write: (r) => JSON.stringify({ ...value, papers: r }), kind: 'native' });
        } else if (Array.isArray(value)) {
          out.push({ name, records: value, write: (r) => JSON.stringify(r), kind: name.includes('/csl/') ? 'csl' : 'hf' });
        }
      }
      return out.filter((f) => f.records.length > 1);
    };

    /** Non-text titles: a number (as in the issue), and the other JSON types. */
    const badTitle = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constantFrom<unknown>(null, true, false, {}, [], '', '   ', ['a title in a list'], { text: 'a title in an object' }));
    /** Whole-record replacements. */
    const badRecord = fc.constantFrom<unknown>(42, 'a string', true, [], ['x']);

    function corrupt(file: Records, index: number, title: unknown, whole: unknown, replaceWhole: boolean): unknown[] {
      const records = structuredClone(file.records);
      if (replaceWhole) {
        records[index] = whole;
        return records;
      }
      const r = structuredClone(records[index]) as Record<string, unknown>;
      // Every place a title can come from in this format.
      if (file.kind === 'hf') {
        r.title = title;
        if (isObject(r.paper)) r.paper.title = title;
      } else if (file.kind === 'csl') {
        r.title = title;
        delete r['title-short'];
      } else r.title = title;
      if (title === undefined) delete r.title;
      records[index] = r;
      return records;
    }

    it(`JSON files (native, Hugging Face, CSL-JSON): a record whose title is a number (or any non-text) or that is not an object is skipped, every other record kept, and the problem names its index (${RUNS.real} runs)`, async () => {
      const sources = recordFiles().filter((f) => f.kind !== 'jsonl');
      const baselines = new Map<string, Extract<ParseResult, { ok: true }>>();
      for (const f of sources) {
        const r = await loadReal(f.name, f.write(f.records));
        if (!r.ok) throw new Error(`${f.name}: ${r.message}`);
        baselines.set(f.name, r);
      }
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...sources.map((s) => s.name)), fc.nat(), badTitle, badRecord, fc.boolean(), async (name, n, title, whole, replaceWhole) => {
          const file = sources.find((s) => s.name === name)!;
          const base = baselines.get(file.name)!;
          // Records that were read in the baseline, once (JSON Lines cross-lists are kept once).
          const ids = file.records.map((r) => (isObject(r) ? r.id : undefined));
          const candidates = file.records
            .map((_, i) => i)
            .filter((i) => !base.problems.some((p) => p.index === i && p.severity === 'error') && ids.filter((id) => id === ids[i]).length === 1);
          fc.pre(candidates.length > 0);
          const index = candidates[n % candidates.length];
          // CSL reads numbers as text (`number`, `volume` …), a numeric title included.
          fc.pre(!(file.kind === 'csl' && !replaceWhole && (typeof title === 'number' || (Array.isArray(title) && typeof title[0] === 'string'))));
          const text = file.write(corrupt(file, index, title, whole, replaceWhole));
          const result = await checkAsync(`${file.name} with record ${index} corrupted`, () => loadReal(file.name, text));
          const what = `${file.name}, record ${index} ${replaceWhole ? `replaced by ${JSON.stringify(whole)}` : `with title ${JSON.stringify(title)}`}`;
          if (!result.ok) throw new Error(`${what}: the whole file failed: ${result.message}`);
          expect(result.total, `${what}: total`).to.equal(base.total);
          expect(result.papers.length, `${what}: papers kept`).to.equal(base.papers.length - 1);
          const errors = result.problems.filter((p) => p.severity === 'error' && p.index === index);
          expect(errors.length, `${what}: a problem names index ${index}: ${JSON.stringify(result.problems.slice(0, 3))}`).to.be.greaterThan(0);
        }),
        params(RUNS.real, 16),
      );
    });

    it(`JSON Lines files (arXiv listing, Kaggle snapshot): the same, for one corrupted line (${RUNS.real} runs)`, async () => {
      const sources = recordFiles().filter((f) => f.kind === 'jsonl');
      const baselines = new Map<string, Extract<ParseResult, { ok: true }>>();
      for (const f of sources) {
        const r = await loadReal(f.name, f.write(f.records));
        if (!r.ok) throw new Error(`${f.name}: ${r.message}`);
        baselines.set(f.name, r);
      }
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...sources.map((s) => s.name)), fc.nat(), badTitle, badRecord, fc.boolean(), async (name, n, title, whole, replaceWhole) => {
          const file = sources.find((s) => s.name === name)!;
          const base = baselines.get(file.name)!;
          // Records that were read in the baseline, once (JSON Lines cross-lists are kept once).
          const ids = file.records.map((r) => (isObject(r) ? r.id : undefined));
          const candidates = file.records
            .map((_, i) => i)
            .filter((i) => !base.problems.some((p) => p.index === i && p.severity === 'error') && ids.filter((id) => id === ids[i]).length === 1);
          fc.pre(candidates.length > 0);
          const index = candidates[n % candidates.length];
          // CSL reads numbers as text (`number`, `volume` …), a numeric title included.
          fc.pre(!(file.kind === 'csl' && !replaceWhole && (typeof title === 'number' || (Array.isArray(title) && typeof title[0] === 'string'))));
          const text = file.write(corrupt(file, index, title, whole, replaceWhole));
          const result = await checkAsync(`${file.name} with record ${index} corrupted`, () => loadReal(file.name, text));
          const what = `${file.name}, record ${index} ${replaceWhole ? `replaced by ${JSON.stringify(whole)}` : `with title ${JSON.stringify(title)}`}`;
          if (!result.ok) throw new Error(`${what}: the whole file failed: ${result.message}`);
          expect(result.total, `${what}: total`).to.equal(base.total);
          expect(result.papers.length, `${what}: papers kept`).to.equal(base.papers.length - 1);
          const errors = result.problems.filter((p) => p.severity === 'error' && p.index === index);
          expect(errors.length, `${what}: a problem names index ${index}: ${JSON.stringify(result.problems.slice(0, 3))}`).to.be.greaterThan(0);
        }),
        params(RUNS.real, 17),
      );
    });

    it(`JSON and JSON Lines files: the detected format survives one corrupted record (${RUNS.real} runs)`, async () => {
      const sources = recordFiles();
      const formats = new Map<string, string>();
      for (const f of sources) {
        const r = await loadReal(f.name, f.write(f.records));
        formats.set(f.name, r.ok ? r.format : '');
      }
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...sources.map((s) => s.name)), fc.nat(), badTitle, badRecord, fc.boolean(), async (name, n, title, whole, replaceWhole) => {
          const file = sources.find((s) => s.name === name)!;
          const index = n % file.records.length;
          const result = await loadReal(file.name, file.write(corrupt(file, index, title, whole, replaceWhole)));
          const what = `${file.name}, record ${index} ${replaceWhole ? `replaced by ${JSON.stringify(whole)}` : `with title ${JSON.stringify(title)}`}`;
          expect(result.ok ? result.format : `failure: ${result.message}`, what).to.equal(formats.get(file.name));
        }),
        params(RUNS.real, 18),
      );
    });

    it(`JSON Lines files: a broken line is skipped and named, the other lines are kept (${RUNS.real} runs)`, async () => {
      const sources = recordFiles().filter((f) => f.kind === 'jsonl');
      const broken = fc.constantFrom('{"id": "2604.1', '{', 'not json at all', '[', '[1, 2', '}{', '{"title": "x"} trailing', '\u0000\u0001');
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...sources.map((s) => s.name)), fc.nat(), broken, async (name, n, line) => {
          const file = sources.find((s) => s.name === name)!;
          const base = await loadReal(file.name, file.write(file.records));
          if (!base.ok) throw new Error(base.message);
          const ids = file.records.map((r) => (isObject(r) ? r.id : undefined));
          const candidates = file.records.map((_, i) => i).filter((i) => ids.filter((id) => id === ids[i]).length === 1);
          const index = candidates[n % candidates.length];
          const records = [...file.records];
          records[index] = `RAW:${line}`;
          const result = await checkAsync(`${file.name} line ${index} = ${JSON.stringify(line)}`, () => loadReal(file.name, file.write(records)));
          const what = `${file.name}, line ${index + 1} replaced by ${JSON.stringify(line)}`;
          if (!result.ok) throw new Error(`${what}: the whole file failed: ${result.kind}: ${result.message}`);
          expect(result.papers.length, `${what}: papers kept`).to.equal(base.papers.length - 1);
          expect(result.problems.some((p) => p.severity === 'error' && p.index === index), `${what}: the problem names index ${index}`).to.equal(true);
        }),
        params(RUNS.real, 19),
      );
    });

    it(`BibTeX and Atom files: an entry without a title is skipped and named, every other entry kept (${RUNS.real} runs)`, async () => {
      const sources = REAL_FILES.filter((f) => f.endsWith('.bib') || f.endsWith('.xml'));
      const baselines = new Map<string, Extract<ParseResult, { ok: true }>>();
      for (const name of sources) {
        const r = await loadReal(name, files.get(name)!);
        if (!r.ok) throw new Error(`${name}: ${r.message}`);
        baselines.set(name, r);
      }
      // Files whose entries all read (so entry i is paper i).
      const clean = sources.filter((name) => !baselines.get(name)!.problems.some((p) => p.severity === 'error'));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...clean), fc.nat(), fc.constantFrom('remove', 'empty', 'blank'), async (name, n, how) => {
          const base = baselines.get(name)!;
          const text = files.get(name)!;
          let changed: string;
          let index: number;
          if (name.endsWith('.bib')) {
            index = n % base.papers.length;
            const source = base.papers[index].bibtex!;
            const fixedTitle = how === 'remove' ? source.replace(/(^|[\s,{])title(\s*=)/i, '$1xtitle$2') : source.replace(/(^|[\s,{])title\s*=\s*(\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}|"[^"]*")/i, how === 'empty' ? '$1title = {}' : '$1title = {  }');
            fc.pre(fixedTitle !== source && text.split(source).length === 2);
            changed = text.replace(source, () => fixedTitle);
          } else {
            const parts = text.split(/(?=<entry[\s>])/);
            const entries = parts.length - 1;
            index = n % entries;
            parts[index + 1] = parts[index + 1].replace(/<title[^>]*>[\s\S]*?<\/title>/, how === 'remove' ? '' : how === 'empty' ? '<title></title>' : '<title>  \n </title>');
            changed = parts.join('');
          }
          const result = await checkAsync(`${name} entry ${index} without title`, () => loadReal(name, changed));
          const what = `${name}, entry ${index} title ${how}`;
          if (!result.ok) throw new Error(`${what}: the whole file failed: ${result.message}`);
          expect(result.papers.length, `${what}: papers kept`).to.equal(base.papers.length - 1);
          expect(result.total, `${what}: total`).to.equal(base.total);
          expect(result.problems.some((p) => p.severity === 'error' && p.index === index), `${what}: a problem names index ${index}: ${JSON.stringify(result.problems.slice(0, 3))}`).to.equal(true);
        }),
        params(RUNS.real, 20),
      );
    });
  });

  it('prototype-named values (constructor, __proto__, toString) in type fields give a valid type and do not break filters', async () => {
    const bib = await checkAsync('loadCorpusText', () =>
      loadCorpusText('@constructor{a, title = {Entry typed constructor}}\n@toString{b, title = {Entry typed toString}}\n@article{c, title = {An article}}\n', { fileName: 'a.bib' }),
    );
    const csl = check('readCsl', () => readCsl([{ type: '__proto__', title: 'CSL typed __proto__' }, { type: 'constructor', title: 'CSL typed constructor' }, { type: 'article-journal', title: 'A journal article' }]));
    for (const result of [bib, csl]) {
      if (!result.ok) throw new Error(result.message);
      expect(result.papers.map((p) => typeof p.type)).to.deep.equal(['string', 'string', 'string']);
      expect(() => applyFilters(result.papers, { types: ['article'] })).not.to.throw();
      expect(() => facetCounts(result.papers, 'type', 12)).not.to.throw();
    }
  });

  it('BibTeX: a broken @string is reported without a negative index, and not as a skipped entry of the file', () => {
    const result = check('parseBibtex', () => parseBibtex('@article{a, title = {A}}\n\n@string{x = \n'));
    if (!result.ok) throw new Error(result.message);
    expect(result.papers.map((p) => p.id)).to.deep.equal(['a']);
    expect(result.problems.map((p) => p.index ?? 0).filter((i) => i < 0), JSON.stringify(result.problems)).to.deep.equal([]);
  });

  it(`the math renderer only ever returns allow-listed MathML, for any TeX (${RUNS.math} runs)`, () => {
    const allowed = new Set(
      'math semantics mrow mi mn mo ms mtext mspace msub msup msubsup munder mover munderover mfrac msqrt mroot mstyle merror mpadded mphantom mtable mtr mtd mlabeledtr menclose mmultiscripts mprescripts none'.split(' '),
    );
    const tex = fragments(
      [
        '$',
        '$$',
        '\\(',
        '\\)',
        '\\[',
        '\\]',
        '\\href{javascript:alert(1)}{x}',
        '\\url{javascript:x}',
        '\\htmlClass{a}{b}',
        '\\htmlData{onclick=x}{b}',
        '\\htmlStyle{color:red}{b}',
        '\\includegraphics{x}',
        '\\def\\a{\\a\\a}\\a',
        '\\rule{1000em}{1000em}',
        '\\color{red}',
        '\\textcolor{#f00}{x}',
        '\\text{<img src=x onerror=alert(1)>}',
        '\\mathrm{</math><svg onload=alert(1)>}',
        '\\frac{a}{b}',
        '\\sqrt',
        '^',
        '_',
        '{',
        '}',
        '&',
        '\\\\',
        '\\begin{array}{c}',
        '\\end{array}',
        '\\operatorname{x}',
        '<',
        '>',
        '"',
        "'",
        'x',
        ' ',
        '\\verb|<b>|',
        '\\char"3C',
        '\\unicode{60}',
      ],
      30,
    );
    fc.assert(
      fc.property(tex, (text) => {
        let parts: (string | Element)[];
        try {
          parts = renderMathText(text);
        } catch (e) {
          throw new Error(`renderMathText threw ${String(e)}`);
        }
        for (const part of parts) {
          if (typeof part === 'string') continue;
          for (const el of [part, ...Array.from(part.querySelectorAll('*'))]) {
            if (el.namespaceURI !== 'http://www.w3.org/1998/Math/MathML' || !allowed.has(el.localName)) throw new Error(`<${el.localName}> in ${el.namespaceURI ?? ''} from ${text}`);
            for (const attr of Array.from(el.attributes)) {
              if (/^on|href|src|style|class|id$/i.test(attr.name) || /[<>"'`(]|javascript:/i.test(attr.value)) throw new Error(`${attr.name}="${attr.value}" on <${el.localName}> from ${text}`);
            }
          }
        }
      }),
      params(RUNS.math, 21),
    );
  });

  it(`<paper-card> renders any paper the loader returns without throwing (${RUNS.render} runs)`, async () => {
    const card = await fixture<PaperCard>(html`<paper-card expanded cite show-thumbnail max-authors="3" highlight-authors="a; b"></paper-card>`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(nativeLike, hfLike), async (corpus) => {
        const result = readCorpus(corpus);
        if (!result.ok) return;
        for (const paper of result.papers.slice(0, 3)) {
          card.paper = paper;
          await card.updateComplete;
          if (!card.shadowRoot?.querySelector('[part="title"]')) throw new Error(`no title rendered for ${JSON.stringify(paper)}`);
        }
      }),
      params(RUNS.render, 22),
    );
  });
});
