#!/usr/bin/env node
/**
 * Builds the built-in sample corpus, `public/sample-papers.json`, in our native format
 * (`format: "paper-feed"`, see src/data/types.ts). Run by hand: `node scripts/build-sample-corpus.mjs`.
 * The output is committed; CI does not run this script. Output is deterministic (no timestamps,
 * inputs read in sorted order), so running it twice gives identical bytes.
 *
 * INPUT 1: the seed page, `<SEED_DIR>/daily-papers-page.txt` (default SEED_DIR: `../shared/seed`
 * relative to the repository root). It is the text of a rendered Hugging Face Daily Papers page,
 * blocks separated by blank lines:
 *   - a header of six blocks: "new", "Get trending papers in your email inbox!", "Subscribe",
 *     "Daily Papers", "byAK and the research community", "Oct 14" (the page date);
 *   - then per paper: a title block (one line), an abstract block (one line), and usually a meta
 *     block of three lines:
 *         "  • 9 authors"   (also "1 authors")   or an organization line "openbmb OpenBMB"
 *                                                 (handle, then display name)
 *         "·"
 *         "Jan 6 2"  /  "Jun 5, 2024"  /  "Sep 4, 2024 2"   (date, optional upvote count)
 *     Some papers have no meta block: the next block is then the next title.
 *   Any block that fits none of these shapes stops the script (exit 1), as does a count other than 100.
 *
 * YEAR RULE: the page is dated Oct 14, 2025. Like the Hugging Face site, it omits the year for dates
 * in the current year, so "Jan 6" is 2025-01-06; "Jun 5, 2024" carries its year. A year-less date
 * after Oct 14 would be in the future and stops the script. A trailing number after the date is the
 * upvote count; no number means no `upvotes` field.
 *
 * ENRICHMENT: `<CORPORA_DIR>/hf-daily-papers/*.json` (default CORPORA_DIR: `../shared/corpora`; it may
 * also point straight at the folder of JSON files) are raw Hugging Face `api/daily_papers` responses
 * (arrays of items `{ paper: {...}, thumbnail, numComments, organization?, ... }`). A page paper whose
 * title matches an item's `paper.title` or `title` (folded: case, accents, punctuation and white
 * space, including hard line wraps, ignored) gets: `authors` (names in order; `authorCount` set to
 * their number, any difference from the page's count printed), `arxivId` (= `paper.id`, also used as
 * the paper's `id`), `links` (Hugging Face page, arXiv abstract and PDF, code = `githubRepo`, project =
 * `projectPage`; http(s) only), `thumbnail`, `comments` (`numComments`), `keywords` (`ai_keywords`),
 * `summary` (`ai_summary`), `githubStars`, and `organization` when the page showed none. `published`
 * (and `year`) come from `paper.publishedAt` only when the page shows no date. The page stays the
 * source of truth for title, abstract, date and upvotes (dump upvotes are never used). Files are read
 * in name (= date) order; on several matches the first is taken. Papers without a match get no links:
 * nothing is invented. Their `id` is a slug of the title.
 *
 * Environment: SEED_DIR, CORPORA_DIR override the input folders. Node built-ins only.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED_DIR = resolve(process.env.SEED_DIR || join(ROOT, '..', 'shared', 'seed'));
const CORPORA_DIR = resolve(process.env.CORPORA_DIR || join(ROOT, '..', 'shared', 'corpora'));
const SEED_FILE = join(SEED_DIR, 'daily-papers-page.txt');
const OUT_FILE = join(ROOT, 'public', 'sample-papers.json');

const PAGE_YEAR = 2025;
const PAGE_DATE = '2025-10-14';
const EXPECTED_PAPERS = 100;
const HEADER = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'byAK and the research community', 'Oct 14'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function fail(message) {
  console.error(`build-sample-corpus: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Inputs

if (!existsSync(SEED_FILE)) {
  fail(
    `seed page not found: ${SEED_FILE}\n` +
      `Put the shared/ folder beside the repository (../shared/seed/daily-papers-page.txt) or set SEED_DIR.`,
  );
}

function findDumpDir() {
  const nested = join(CORPORA_DIR, 'hf-daily-papers');
  if (existsSync(nested) && statSync(nested).isDirectory()) return nested;
  if (existsSync(CORPORA_DIR) && statSync(CORPORA_DIR).isDirectory() && readdirSync(CORPORA_DIR).some((f) => f.endsWith('.json'))) {
    return CORPORA_DIR;
  }
  return fail(
    `Hugging Face dumps not found: ${nested}\n` +
      `Put the shared/ folder beside the repository (../shared/corpora/hf-daily-papers/*.json) or set CORPORA_DIR.`,
  );
}
const DUMP_DIR = findDumpDir();

// ---------------------------------------------------------------------------------------------
// Text helpers (mirroring src/data/text.ts, which this plain script cannot import)

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

function fold(s) {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/[đð]/g, 'd');
}

/** Title key: folded, punctuation dropped, white space (and hard line wraps) collapsed. */
const titleKey = (s) => collapse(fold(s).replace(/[^\p{L}\p{N}]+/gu, ' '));

/** The URL's normalized href when it is an absolute http(s) URL, else undefined. */
function httpUrl(value) {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function slugify(title) {
  const words = fold(title)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > 60) break;
    slug = next;
  }
  return slug || words.join('-').slice(0, 60) || 'paper';
}

const pad = (n) => String(n).padStart(2, '0');

/** "Jan 6" / "Jun 5, 2024" → "YYYY-MM-DD", checking that the day exists. */
function isoFromParts(mon, day, year) {
  const m = MONTHS.indexOf(mon) + 1;
  const d = Number(day);
  const date = new Date(Date.UTC(year, m - 1, d));
  if (m < 1 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${year}-${pad(m)}-${pad(d)}`;
}

// ---------------------------------------------------------------------------------------------
// Parse the page

const AUTHORS_RE = /^•\s*(\d+)\s+authors?$/;
const DATE_RE = new RegExp(`^(${MONTHS.join('|')}) (\\d{1,2})(?:, (\\d{4}))?(?: (\\d+))?$`);

const raw = readFileSync(SEED_FILE, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
const blocks = raw
  .split(/\n[ \t]*\n/)
  .map((b) => b.replace(/^\n+|\n+$/g, ''))
  .filter((b) => b.trim() !== '');

HEADER.forEach((expected, i) => {
  if (blocks[i]?.trim() !== expected) fail(`page header block ${i + 1}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(blocks[i])}`);
});

const notes = []; // irregularities worth printing

/** Returns the parsed meta block, or undefined when the block is not one. Fails on a malformed one. */
function parseMeta(block, where) {
  const lines = block.split('\n').map((l) => l.trim());
  if (lines.length !== 3 || lines[1] !== '·') return undefined;
  const meta = {};
  const a = AUTHORS_RE.exec(lines[0]);
  if (a) {
    meta.authorCount = Number(a[1]);
    if (meta.authorCount === 1 && lines[0].endsWith('authors')) notes.push(`${where}: page says "1 authors"`);
  } else if (/^\S+(?: .+)?$/.test(lines[0]) && !lines[0].startsWith('•')) {
    const [name, ...rest] = lines[0].split(' ');
    meta.organization = { name };
    if (rest.length && rest.join(' ') !== name) meta.organization.fullName = rest.join(' ');
    notes.push(`${where}: organization line ${JSON.stringify(lines[0])} instead of an author count`);
  } else {
    fail(`${where}: cannot read the first meta line ${JSON.stringify(lines[0])}`);
  }
  const d = DATE_RE.exec(lines[2]);
  if (!d) fail(`${where}: cannot read the date line ${JSON.stringify(lines[2])}`);
  const year = d[3] ? Number(d[3]) : PAGE_YEAR;
  const published = isoFromParts(d[1], d[2], year);
  if (!published) fail(`${where}: no such date ${JSON.stringify(lines[2])}`);
  if (!d[3] && published > PAGE_DATE) fail(`${where}: year-less date ${JSON.stringify(lines[2])} would be after the page date ${PAGE_DATE}`);
  if (published > PAGE_DATE) fail(`${where}: date ${published} is after the page date ${PAGE_DATE}`);
  meta.published = published;
  if (d[4] !== undefined) meta.upvotes = Number(d[4]);
  return meta;
}

const isSingleLine = (b) => !b.includes('\n');

const entries = [];
for (let i = HEADER.length; i < blocks.length; ) {
  const n = entries.length + 1;
  const titleBlock = blocks[i];
  const where = `paper ${n} (block ${i + 1})`;
  if (parseMeta(titleBlock, where)) fail(`${where}: expected a title, found a meta block ${JSON.stringify(titleBlock)}`);
  if (!isSingleLine(titleBlock) || titleBlock.trim().length > 300) {
    fail(`${where}: expected a one-line title, found ${JSON.stringify(titleBlock.slice(0, 120))}…`);
  }
  const title = collapse(titleBlock);
  const abstractBlock = blocks[i + 1];
  if (abstractBlock === undefined) fail(`${where}: title ${JSON.stringify(title)} without an abstract at the end of the page`);
  if (parseMeta(abstractBlock, where)) fail(`${where}: title ${JSON.stringify(title)} is followed by a meta block, not an abstract`);
  if (!isSingleLine(abstractBlock)) fail(`${where}: abstract of ${JSON.stringify(title)} spans several lines`);
  const abstract = collapse(abstractBlock);
  if (abstract.length < 300 || abstract.length <= title.length) {
    notes.push(`${where}: abstract of ${JSON.stringify(title)} is only ${abstract.length} characters`);
  }
  i += 2;
  let meta;
  if (i < blocks.length) {
    meta = parseMeta(blocks[i], where);
    if (meta) i += 1;
    else if (blocks[i].includes('·') && blocks[i].includes('\n')) fail(`${where}: cannot classify block ${JSON.stringify(blocks[i])}`);
  }
  if (!meta) notes.push(`${where}: ${JSON.stringify(title)} has no meta block (no date, author count or upvotes on the page)`);
  entries.push({ title, abstract, meta: meta ?? {} });
}

if (entries.length !== EXPECTED_PAPERS) fail(`expected ${EXPECTED_PAPERS} papers on the page, found ${entries.length}`);

// ---------------------------------------------------------------------------------------------
// Index the Hugging Face dumps

const dumpFiles = readdirSync(DUMP_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
if (!dumpFiles.length) fail(`no .json files in ${DUMP_DIR}`);

const wanted = new Map(entries.map((e) => [titleKey(e.title), []]));
let dumpItems = 0;
for (const file of dumpFiles) {
  let data;
  try {
    data = JSON.parse(readFileSync(join(DUMP_DIR, file), 'utf8'));
  } catch (err) {
    fail(`${file}: not valid JSON (${err.message})`);
  }
  if (!Array.isArray(data)) {
    notes.push(`${file}: not an array of daily-papers items, skipped`);
    continue;
  }
  for (const item of data) {
    const paper = item?.paper;
    if (!paper || typeof paper !== 'object' || typeof paper.id !== 'string') continue;
    dumpItems += 1;
    const keys = new Set([paper.title, item.title].filter((t) => typeof t === 'string').map(titleKey));
    for (const key of keys) wanted.get(key)?.push({ file, item });
  }
}

// ---------------------------------------------------------------------------------------------
// Build the papers

const ARXIV_ID_RE = /^\d{4}\.\d{4,5}$/;
const mismatches = [];
const enrichedRows = [];
const dateFills = [];
const usedIds = new Set();

function uniqueId(base) {
  let id = base;
  for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
  usedIds.add(id);
  return id;
}

const papers = entries.map((entry, index) => {
  const { title, abstract, meta } = entry;
  const matches = wanted.get(titleKey(title)) ?? [];
  // Several matches: the first file by name (= date), then the earliest paper.id; same paper usually.
  const match = matches[0];
  if (new Set(matches.map((m) => m.item.paper.id)).size > 1) {
    notes.push(`${JSON.stringify(title)}: several Hugging Face papers match (${[...new Set(matches.map((m) => m.item.paper.id))].join(', ')}); took ${match.item.paper.id}`);
  }

  const e = {}; // enrichment
  if (match) {
    const { item } = match;
    const hf = item.paper;
    const hidden = Array.isArray(hf.authors) ? hf.authors.filter((a) => a?.hidden === true).length : 0;
    if (hidden) notes.push(`${hf.id}: ${hidden} author(s) marked hidden by Hugging Face, left out`);
    const names = (Array.isArray(hf.authors) ? hf.authors : [])
      .filter((a) => a && a.hidden !== true && typeof a.name === 'string')
      .map((a) => collapse(a.name))
      .filter(Boolean);
    if (names.length) e.authors = names.map((name) => ({ name }));
    if (ARXIV_ID_RE.test(hf.id)) {
      e.arxivId = hf.id;
      const hfPage = `https://huggingface.co/papers/${hf.id}`;
      e.links = { paper: hfPage, arxiv: `https://arxiv.org/abs/${hf.id}`, pdf: `https://arxiv.org/pdf/${hf.id}` };
      const code = httpUrl(hf.githubRepo);
      if (code) e.links.code = code;
      const project = httpUrl(hf.projectPage);
      if (project) e.links.project = project;
      e.links.huggingFace = hfPage;
    } else {
      notes.push(`${JSON.stringify(title)}: Hugging Face id ${JSON.stringify(hf.id)} is not an arXiv id; not enriched with links`);
    }
    for (const [field, value] of [['githubRepo', hf.githubRepo], ['projectPage', hf.projectPage], ['thumbnail', item.thumbnail]]) {
      if (value !== undefined && value !== null && value !== '' && !httpUrl(value)) notes.push(`${hf.id}: ${field} ${JSON.stringify(value)} is not an http(s) URL, dropped`);
    }
    const thumbnail = httpUrl(item.thumbnail);
    if (thumbnail) e.thumbnail = thumbnail;
    if (Number.isInteger(item.numComments) && item.numComments >= 0) e.comments = item.numComments;
    if (Array.isArray(hf.ai_keywords)) {
      const kw = [...new Set(hf.ai_keywords.filter((k) => typeof k === 'string').map(collapse).filter(Boolean))];
      if (kw.length) e.keywords = kw;
    }
    if (typeof hf.ai_summary === 'string' && collapse(hf.ai_summary)) e.summary = collapse(hf.ai_summary);
    if (Number.isInteger(hf.githubStars) && hf.githubStars >= 0) e.githubStars = hf.githubStars;
    const org = item.organization ?? hf.organization;
    if (org && typeof org === 'object' && typeof org.name === 'string' && org.name.trim()) {
      e.organization = { name: org.name.trim() };
      if (typeof org.fullname === 'string' && org.fullname.trim() && org.fullname.trim() !== org.name.trim()) e.organization.fullName = collapse(org.fullname);
      const avatar = httpUrl(org.avatar);
      if (avatar) e.organization.avatar = avatar;
    }
    const hfDate = typeof hf.publishedAt === 'string' && /^\d{4}-\d{2}-\d{2}/.test(hf.publishedAt) ? hf.publishedAt.slice(0, 10) : undefined;
    if (hfDate && meta.published && hfDate !== meta.published) {
      notes.push(`${hf.id}: page date ${meta.published} differs from Hugging Face publishedAt ${hfDate}; kept the page's`);
    }
    if (meta.upvotes !== undefined && Number.isInteger(hf.upvotes) && hf.upvotes !== meta.upvotes) {
      notes.push(`${hf.id}: page shows ${meta.upvotes} upvotes, the ${match.file} dump ${hf.upvotes}; kept the page's`);
    }
    if (!meta.published && hfDate) {
      e.published = hfDate;
      dateFills.push(`${hf.id}: no date on the page, published ${hfDate} from Hugging Face publishedAt`);
    }
    if (e.authors && meta.authorCount !== undefined && meta.authorCount !== e.authors.length) {
      mismatches.push(`${hf.id} ${JSON.stringify(title)}: page says ${meta.authorCount} authors, Hugging Face lists ${e.authors.length}`);
    }
    enrichedRows.push([title, e.arxivId ?? hf.id, match.file]);
  }

  const published = meta.published ?? e.published;
  const authorCount = e.authors ? e.authors.length : meta.authorCount;
  const organization = meta.organization ?? e.organization;

  // Keys in the order of the Paper interface.
  const paper = {};
  paper.id = uniqueId(e.arxivId ?? slugify(title));
  paper.title = title;
  paper.abstract = abstract;
  if (e.authors) paper.authors = e.authors;
  if (authorCount !== undefined) paper.authorCount = authorCount;
  if (organization) paper.organization = organization;
  if (published) {
    paper.published = published;
    paper.year = Number(published.slice(0, 4));
  }
  if (meta.upvotes !== undefined) paper.upvotes = meta.upvotes;
  if (e.comments !== undefined) paper.comments = e.comments;
  if (e.thumbnail) paper.thumbnail = e.thumbnail;
  if (e.arxivId) paper.arxivId = e.arxivId;
  if (e.links) paper.links = e.links;
  if (e.keywords) paper.keywords = e.keywords;
  if (e.summary) paper.summary = e.summary;
  if (e.githubStars !== undefined) paper.githubStars = e.githubStars;
  if (!paper.id) fail(`paper ${index + 1}: empty id`);
  return paper;
});

// ---------------------------------------------------------------------------------------------
// Write

const enrichedCount = enrichedRows.length;
const corpus = {
  format: 'paper-feed',
  version: 1,
  title: 'Daily Papers sample',
  description:
    `${papers.length} papers from the Hugging Face Daily Papers page of Oct 14, 2025 (titles, abstracts, ` +
    `author counts, organizations, dates and upvotes as shown on the page); ${enrichedCount} enriched with ` +
    `authors, arXiv ids and links from Hugging Face api/daily_papers dumps (${dumpFiles.length} files, ` +
    `${dumpFiles[0].replace(/\.json$/, '')} to ${dumpFiles[dumpFiles.length - 1].replace(/\.json$/, '')}). ` +
    `Generated by scripts/build-sample-corpus.mjs.`,
  papers,
};
writeFileSync(OUT_FILE, `${JSON.stringify(corpus, null, 2)}\n`);

// ---------------------------------------------------------------------------------------------
// Summary

const count = (pred) => papers.filter(pred).length;
const years = {};
for (const p of papers) if (p.year) years[p.year] = (years[p.year] ?? 0) + 1;
console.log(`Seed page: ${SEED_FILE}`);
console.log(`Dumps:     ${DUMP_DIR} (${dumpFiles.length} files, ${dumpItems} items)`);
console.log(`Wrote ${OUT_FILE}`);
console.log('');
console.log(`Papers:            ${papers.length}`);
console.log(`  with meta block: ${count((_, i) => entries[i].meta.published)}`);
console.log(`  author count:    ${count((_, i) => entries[i].meta.authorCount !== undefined)} from the page`);
console.log(`  organization:    ${count((_, i) => entries[i].meta.organization)} from the page, ${count((p) => p.organization) - count((_, i) => entries[i].meta.organization)} from Hugging Face`);
console.log(`  upvotes:         ${count((p) => p.upvotes !== undefined)}`);
console.log(`  dated:           ${count((p) => p.published)} (${Object.entries(years).map(([y, n]) => `${y}: ${n}`).join(', ')})`);
console.log(`  enriched:        ${enrichedCount}`);
console.log('');
console.log('Enriched (title -> arXiv id, dump file):');
const width = Math.min(80, Math.max(...enrichedRows.map(([t]) => t.length)));
for (const [t, id, file] of enrichedRows) {
  const shown = t.length > width ? `${t.slice(0, width - 1)}…` : t.padEnd(width);
  console.log(`  ${shown}  ${id.padEnd(10)}  ${file}`);
}
console.log('');
console.log(`Author count mismatches (page vs Hugging Face): ${mismatches.length ? '' : 'none'}`);
for (const m of mismatches) console.log(`  ${m}`);
if (dateFills.length) {
  console.log('Dates taken from Hugging Face (none on the page):');
  for (const m of dateFills) console.log(`  ${m}`);
}
if (notes.length) {
  console.log('Irregularities:');
  for (const m of notes) console.log(`  ${m}`);
}
