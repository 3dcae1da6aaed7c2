/**
 * BibTeX / BibLaTeX importer, for .bib files as labs write them: Jekyll front matter and free text
 * between entries, `@comment`, `@preamble`, `@string` macros with `#` concatenation, duplicate keys,
 * `{{double braces}}`, LaTeX accents, math kept as `$…$`, equal-contribution marks in author names
 * and the extra fields of al-folio sites (abstract, selected, pdf, code, html, preview, abbr, award,
 * slides, poster, video, website). Loaded on demand by `loadCorpusText`. Pure, never throws.
 */
import type { Author, CorpusProblem, ImportOptions, Paper, PaperLinks, PaperType, ParseResult } from '../types.js';
import { RecordContext, describeValue } from '../normalize.js';
import { cleanParagraphs, collapseWhitespace, isoDate } from '../clean.js';
import { safeUrl } from '../text.js';
import { decodeEntities, latexToText } from './latex.js';
import { arxivId, arxivIdIn, cleanDoi, dateFrom, errorMessage, failure, finish, monthNumber, setDoi } from './common.js';

/** One entry as written: type, key, raw field values (braces kept) and its source text. */
export interface BibEntry {
  type: string;
  key: string;
  /** Field values after macro expansion and `#` concatenation, LaTeX untouched. Names lower-cased. */
  fields: Record<string, string | undefined>;
  /** The entry exactly as written in the file. */
  source: string;
}

/** The entries of a file, with the problems met while reading them. */
export interface BibFile {
  entries: BibEntry[];
  /**
   * Entries that could not be read (index counts them too) and warnings. Problems of `@string`
   * macros are warnings without an index: they are not entries.
   */
  problems: CorpusProblem[];
  /** Entries in the file (not counting @comment, @string, @preamble), good and bad. */
  total: number;
  strings: Record<string, string>;
  preambles: string[];
}

const MONTH_MACROS: Record<string, string> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

class BibSyntaxError extends Error {}

/** Start of the next line that opens an entry, for recovering after a broken one. */
function nextEntryStart(s: string, from: number): number {
  const re = /\n[ \t]*@[ \t]*[a-zA-Z]+[ \t]*[{(]/g;
  re.lastIndex = from;
  const m = re.exec(s);
  return m ? m.index + 1 : s.length;
}

/**
 * Splits BibTeX source into raw entries. Text outside entries (front matter, `%` comments, notes)
 * is ignored, as BibTeX does.
 */
export function readBibFile(source: string): BibFile {
  const s = source;
  const entries: BibEntry[] = [];
  const problems: CorpusProblem[] = [];
  const strings: Record<string, string> = Object.create(null) as Record<string, string>;
  const preambles: string[] = [];
  let total = 0;
  let pos = 0;

  const skipSpace = (): void => {
    for (;;) {
      while (pos < s.length && /\s/.test(s[pos])) pos++;
      // `%` comments between fields (BibLaTeX, JabRef).
      if (s[pos] === '%') {
        const nl = s.indexOf('\n', pos);
        pos = nl < 0 ? s.length : nl + 1;
      } else return;
    }
  };

  /** Reads a `{…}` value; stops with an error at a line that starts a new entry (unbalanced braces). */
  const braced = (): string => {
    const start = pos + 1;
    let depth = 0;
    for (let i = pos; i < s.length; i++) {
      const c = s[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        if (--depth === 0) {
          pos = i + 1;
          return s.slice(start, i);
        }
      } else if (c === '\n' && /^[ \t]*@[ \t]*[a-zA-Z]+[ \t]*[{(]/.test(s.slice(i + 1, i + 40))) {
        pos = i;
        throw new BibSyntaxError('unbalanced braces: the value runs into the next entry');
      }
    }
    pos = s.length;
    throw new BibSyntaxError('unbalanced braces: the value runs to the end of the file');
  };

  const quoted = (): string => {
    const start = pos + 1;
    let depth = 0;
    for (let i = start; i < s.length; i++) {
      const c = s[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' && depth <= 0) {
        pos = i + 1;
        return s.slice(start, i);
      } else if (c === '\n' && /^[ \t]*@[ \t]*[a-zA-Z]+[ \t]*[{(]/.test(s.slice(i + 1, i + 40))) {
        pos = i;
        throw new BibSyntaxError('unterminated quoted value: it runs into the next entry');
      }
    }
    pos = s.length;
    throw new BibSyntaxError('unterminated quoted value');
  };

  /** A value: parts joined with `#`, each braced, quoted, a number or a macro name. */
  const value = (warn: (reason: string) => void): string => {
    let out = '';
    for (;;) {
      skipSpace();
      const c = s[pos];
      if (c === '{') out += braced();
      else if (c === '"') out += quoted();
      else {
        const m = /^[^\s,#{}()"=%]+/.exec(s.slice(pos, pos + 200));
        if (!m) throw new BibSyntaxError(pos >= s.length ? 'the entry is not closed' : `unexpected “${c}” where a value was expected`);
        const word = m[0];
        pos += word.length;
        if (/^\d+$/.test(word)) out += word;
        else {
          const name = word.toLowerCase();
          if (Object.hasOwn(strings, name)) out += strings[name];
          else if (Object.hasOwn(MONTH_MACROS, name.slice(0, 3)) && monthNumber(name)) out += MONTH_MACROS[name.slice(0, 3)];
          else {
            warn(`unknown @string macro “${word}”, kept as text`);
            out += word;
          }
        }
      }
      skipSpace();
      if (s[pos] !== '#') return out;
      pos++;
    }
  };

  while (pos < s.length) {
    const at = s.indexOf('@', pos);
    if (at < 0) break;
    const head = /^@[ \t]*([a-zA-Z][\w-]*)[ \t\r\n]*([{(])/.exec(s.slice(at, at + 80));
    if (!head) {
      pos = at + 1;
      continue;
    }
    const type = head[1].toLowerCase();
    const close = head[2] === '{' ? '}' : ')';
    pos = at + head[0].length;
    if (type === 'comment' || type === 'preamble') {
      // The body is a balanced group (JabRef metadata, LaTeX macros).
      pos = at + head[0].length - 1;
      let body = '';
      try {
        if (close === '}') body = braced();
        else {
          const end = s.indexOf(')', pos);
          body = s.slice(pos + 1, end < 0 ? s.length : end);
          pos = end < 0 ? s.length : end + 1;
        }
      } catch {
        pos = nextEntryStart(s, at + 1);
      }
      if (type === 'preamble') preambles.push(body.trim());
      continue;
    }
    // `@string` macros are not entries: their problems carry no index and are never errors.
    const isMacro = type === 'string';
    const index = isMacro ? undefined : total++;
    let key = '';
    // No prototype: field names come from the file (`__proto__ = {…}` is just a field).
    const fields = Object.create(null) as Record<string, string | undefined>;
    const entryProblems: CorpusProblem[] = [];
    const warn = (field: string | undefined, reason: string): void => {
      const p: CorpusProblem = { reason, severity: 'warning' };
      if (index !== undefined) p.index = index;
      if (key) p.id = key;
      if (field) p.field = field;
      entryProblems.push(p);
    };
    try {
      if (type === 'string') {
        skipSpace();
        const name = /^[^\s=,{}()"#%]+/.exec(s.slice(pos, pos + 200))?.[0];
        if (!name) throw new BibSyntaxError('@string without a name');
        pos += name.length;
        skipSpace();
        if (s[pos] !== '=') throw new BibSyntaxError(`@string ${name} without “=”`);
        pos++;
        strings[name.toLowerCase()] = value((r) => {
          warn(undefined, r);
        });
        skipSpace();
        if (s[pos] === ',') pos++;
        skipSpace();
        if (s[pos] === close) pos++;
        problems.push(...entryProblems);
        continue;
      }
      skipSpace();
      // The key: up to the first comma. A "key" holding "=" means the entry has none.
      const keyMatch = /^[^,\s{}()"=]*/.exec(s.slice(pos, pos + 300))?.[0] ?? '';
      const after = pos + keyMatch.length;
      const rest = /^\s*([,=}])/.exec(s.slice(after, after + 50));
      if (rest?.[1] === '=') {
        warn('key', 'entry without a citation key');
      } else {
        key = keyMatch;
        pos = after;
        skipSpace();
        if (s[pos] === ',') pos++;
        if (!key) warn('key', 'entry without a citation key');
      }
      for (;;) {
        skipSpace();
        if (s[pos] === close) {
          pos++;
          break;
        }
        if (pos >= s.length) throw new BibSyntaxError('the entry is not closed');
        if (s[pos] === '@') throw new BibSyntaxError('the entry is not closed before the next one');
        const name = /^[^\s=,{}()"#%]+/.exec(s.slice(pos, pos + 200))?.[0];
        if (!name) throw new BibSyntaxError(`unexpected “${s[pos]}” where a field name was expected`);
        pos += name.length;
        skipSpace();
        if (s[pos] !== '=') throw new BibSyntaxError(`field “${name}” without “=”`);
        pos++;
        const field = name.toLowerCase();
        const v = value((r) => {
          warn(field, r);
        });
        if (Object.hasOwn(fields, field)) warn(field, 'field given twice, the first value kept');
        else fields[field] = v;
        skipSpace();
        if (s[pos] === ',') pos++;
        else if (s[pos] !== close) throw new BibSyntaxError(`expected “,” or “${close}” after field “${name}”`);
      }
      entries.push({ type, key, fields, source: s.slice(at, pos) });
      problems.push(...entryProblems);
    } catch (e) {
      const reason = e instanceof BibSyntaxError ? e.message : errorMessage(e);
      const p: CorpusProblem = isMacro
        ? { reason: `@string could not be read (its macro is not defined): ${reason}`, severity: 'warning' }
        : { index, reason: `@${type} could not be read: ${reason}`, severity: 'error' };
      if (key) p.id = key;
      problems.push(...entryProblems, p);
      pos = Math.max(nextEntryStart(s, at + 1), pos);
    }
  }
  return { entries, problems, total, strings, preambles };
}

/** Splits at top-level (brace depth 0) occurrences of a separator pattern. */
function splitTop(value: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) {
      const m = separator.exec(value.slice(i, i + 12));
      if (m?.index === 0) {
        parts.push(value.slice(last, i));
        i += m[0].length - 1;
        last = i + 1;
      }
    }
  }
  parts.push(value.slice(last));
  return parts;
}

/** Plain text of a field: LaTeX converted, HTML entities decoded (Mendeley `\&gt;`), spaces collapsed. */
function plain(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = collapseWhitespace(decodeEntities(latexToText(value)));
  return t || undefined;
}

const MARKS = /[*†+]/g;

/**
 * Parses a BibTeX name list ("Last, First and First Last and others"). Equal-contribution marks
 * (`*`, `†`, `+`, also as `$^*$` or `\textsuperscript{*}`) are removed from the name and noted.
 */
export function parseNames(value: string): { authors: Author[]; etAl: boolean } {
  const authors: Author[] = [];
  let etAl = false;
  for (const raw of splitTop(value.trim(), /^\s+and\s+/i)) {
    const name = raw.trim();
    if (!name) continue;
    if (/^others$/i.test(name)) {
      etAl = true;
      continue;
    }
    // Superscript marks written as math or commands become plain marks first.
    const marked = name
      .replace(/\$\^\{?\s*(\*|\\dag(?:ger)?|\+|†)\s*\}?\$/g, (_m, mark: string) => (mark.startsWith('\\') ? '†' : mark))
      .replace(/\\textsuperscript\{\s*([*†+]|\\dag(?:ger)?)\s*\}/g, (_m, mark: string) => (mark.startsWith('\\') ? '†' : mark));
    const parts = splitTop(marked, /^\s*,\s*/).map((p) => p.trim());
    let display: string;
    if (parts.length >= 3) display = `${parts.slice(2).join(' ')} ${parts[0]}, ${parts[1]}`;
    else if (parts.length === 2) display = parts[1] ? `${parts[1]} ${parts[0]}` : parts[0];
    else display = parts[0];
    let text = plain(display) ?? '';
    let equal = false;
    if (MARKS.test(text)) {
      equal = true;
      text = collapseWhitespace(text.replace(MARKS, '').replace(/\s+,/g, ','));
    }
    MARKS.lastIndex = 0;
    if (!text) continue;
    const author: Author = { name: text };
    if (equal) author.equalContribution = true;
    authors.push(author);
  }
  return { authors, etAl };
}

const TYPES: Record<string, PaperType> = {
  article: 'article',
  inproceedings: 'conference',
  conference: 'conference',
  proceedings: 'book',
  book: 'book',
  mvbook: 'book',
  booklet: 'book',
  collection: 'book',
  incollection: 'chapter',
  inbook: 'chapter',
  bookinbook: 'chapter',
  suppbook: 'chapter',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  techreport: 'report',
  report: 'report',
  dataset: 'dataset',
  software: 'software',
  online: 'misc',
  unpublished: 'preprint',
};

/** Resolves a link field; al-folio puts bare file names under `assets/pdf/` (`assets/img/…` for previews). */
function link(value: string | undefined, baseUrl: string | undefined, folder: string | undefined): string | undefined {
  if (!value) return undefined;
  // Mendeley escapes URLs (`{\_}`) and may put several in one field: the first one.
  const v = value
    .replace(/\\([_%&#~$])/g, '$1')
    .replace(/[{}]/g, '')
    .trim()
    .split(/\s+/)[0];
  if (!v) return undefined;
  // "kar.kent.ac.uk/67611/…" or "www.…": a web address written without its scheme.
  if (!folder && /^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)+\.[a-z]{2,}\/)/i.test(v)) return safeUrl(`https://${v}`);
  const absolute = safeUrl(v);
  if (absolute) return absolute;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v) || !baseUrl) return undefined;
  return safeUrl(folder && !v.includes('/') ? folder + v : v, baseUrl);
}

const TRUE = /^(true|yes|1)$/i;

/** Converts one raw entry into a Paper; undefined (with an error) when it has no title. */
export function bibEntryToPaper(entry: BibEntry, index: number, options: ImportOptions = {}): { paper?: Paper; problems: CorpusProblem[] } {
  const ctx = new RecordContext(index, entry.key || undefined);
  const f = entry.fields;
  const title = plain(f.title);
  if (!title) {
    ctx.error('title', f.title === undefined ? 'missing title' : 'empty title');
    return { problems: ctx.problems };
  }
  const paper: Paper = { id: entry.key, title };
  const links: PaperLinks = {};

  const names = f.author ?? f.editor;
  if (names !== undefined) {
    const { authors, etAl } = parseNames(names);
    if (authors.length) paper.authors = authors;
    if (etAl) paper.etAl = true;
  }
  const abstract = f.abstract === undefined ? undefined : cleanParagraphs(decodeEntities(latexToText(f.abstract)));
  if (abstract) paper.abstract = abstract;

  // Dates: BibLaTeX `date`, else year + month (+ day).
  const date = f.date === undefined ? undefined : isoDate(latexToText(f.date).trim().slice(0, 10));
  const year = f.year === undefined ? undefined : latexToText(f.year).trim();
  const published = date ?? dateFrom(year, f.month === undefined ? undefined : latexToText(f.month), f.day);
  if (published) paper.published = published;
  else if (year) ctx.warn('year', `not a year: ${describeValue(year)}`);
  if (f.month?.trim() && published?.length === 4) ctx.warn('month', `not a month: ${describeValue(f.month)}`);

  let type: PaperType = Object.hasOwn(TYPES, entry.type) ? TYPES[entry.type] : 'misc';
  // zbMATH and MathSciNet give the full journal name in `fjournal`.
  const journal = plain(f.fjournal ?? f.journal ?? f.journaltitle);
  // Venue: journal or proceedings; for theses and reports the school or institution.
  const venue = (journal && /^arxiv\b/i.test(journal) ? 'arXiv' : journal) ?? plain(f.booktitle) ?? (type === 'thesis' ? plain(f.school ?? f.institution) : type === 'report' ? plain(f.institution) : undefined);

  // arXiv: al-folio `arxiv`, zbMATH `arXiv`, Mendeley `arxivId`, `eprint` with archivePrefix/eprinttype arXiv,
  // or "arXiv:…" in the journal / howpublished of a preprint.
  const archive = (f.archiveprefix ?? f.eprinttype ?? '').trim().toLowerCase();
  const eprint = f.eprint === undefined ? undefined : f.eprint.trim();
  let arxiv = arxivId(f.arxiv) ?? arxivId(f.arxivid);
  if (!arxiv && eprint && archive === 'arxiv') {
    arxiv = arxivId(eprint) ?? arxivId(f.primaryclass ? `${f.primaryclass.trim()}/${eprint}` : undefined);
    if (!arxiv) ctx.warn('eprint', `not an arXiv identifier: ${describeValue(eprint)}`);
  }
  const inText = arxivIdIn(journal) ?? arxivIdIn(plain(f.howpublished)) ?? (type === 'misc' ? arxivIdIn(plain(f.note)) : undefined);
  arxiv ??= inText;
  if (arxiv) {
    paper.arxivId = arxiv;
    links.arxiv = `https://arxiv.org/abs/${arxiv}`;
    if (type === 'misc' || type === 'preprint' || (type === 'article' && (!journal || /^arxiv\b/i.test(journal)))) type = 'preprint';
  }
  paper.type = type;
  if (venue) paper.venue = venue;
  else if (type === 'preprint' && arxiv) paper.venue = 'arXiv';

  const doiField = f.doi === undefined ? undefined : latexToText(f.doi).trim();
  const doi = cleanDoi(doiField);
  if (doi) setDoi(paper, links, doi);
  else if (doiField) ctx.warn('doi', `not a DOI: ${describeValue(doiField, 60)}`);

  const base = options.baseUrl;
  const linkField = (field: string, folder?: string): string | undefined => {
    const raw = f[field];
    if (raw === undefined || !raw.trim()) return undefined;
    const url = link(raw, base, folder);
    if (!url) ctx.warn(field, /^[a-z][a-z0-9+.-]*:/i.test(raw.trim()) || base ? 'not an http(s) URL, dropped' : 'relative link dropped (no base URL given)');
    return url;
  };
  const paperUrl = linkField('html') ?? linkField('url');
  if (paperUrl) links.paper = paperUrl;
  const pdf = linkField('pdf', 'assets/pdf/');
  if (pdf) links.pdf = pdf;
  const code = linkField('code');
  if (code) links.code = code;
  const project = linkField('website');
  if (project) links.project = project;
  for (const kind of ['video', 'slides', 'poster'] as const) {
    const url = linkField(kind, kind === 'video' ? undefined : 'assets/pdf/');
    if (url) links[kind] = url;
  }
  if (Object.keys(links).length) paper.links = links;

  const preview = linkField('preview', 'assets/img/publication_preview/');
  if (preview) paper.thumbnail = preview;

  const keywords = f.keywords === undefined ? [] : (plain(f.keywords) ?? '').split(/[,;]/).map((k) => k.trim());
  const tags = [...new Set(keywords.filter(Boolean))];
  if (tags.length) paper.tags = tags;
  if (f.selected !== undefined && TRUE.test(latexToText(f.selected).trim())) paper.selected = true;
  const abbr = plain(f.abbr ?? f.abbrv);
  if (abbr) paper.venueShort = abbr;
  const award = plain(f.award_name ?? f.award);
  if (award) paper.award = award;
  paper.bibtex = entry.source;
  return { paper, problems: ctx.problems };
}

/** Reads BibTeX / BibLaTeX text. Never throws. */
export function parseBibtex(source: string, options: ImportOptions = {}): ParseResult {
  try {
    const file = readBibFile(source);
    const problems: CorpusProblem[] = [...file.problems];
    const papers: Paper[] = [];
    const keys = new Map<string, number>();
    // The next suffix to try per repeated key, so that thousands of entries with one key take linear time.
    const nextSuffix = new Map<string, number>();
    const broken = new Set(file.problems.filter((p) => p.severity === 'error').map((p) => p.index));
    // Index of the entry among all entries of the file, broken ones included.
    let index = 0;
    for (const entry of file.entries) {
      while (broken.has(index)) index++;
      let converted: ReturnType<typeof bibEntryToPaper>;
      try {
        converted = bibEntryToPaper(entry, index, options);
      } catch (e) {
        // One entry that breaks the converter is reported and skipped; the others are kept.
        const p: CorpusProblem = { index, reason: `@${entry.type} could not be read: ${errorMessage(e)}`, severity: 'error' };
        if (entry.key) p.id = entry.key;
        converted = { problems: [p] };
      }
      const { paper, problems: p } = converted;
      problems.push(...p);
      if (paper) {
        const folded = entry.key.toLowerCase();
        const first = entry.key ? keys.get(folded) : undefined;
        if (first !== undefined) {
          let n = nextSuffix.get(folded) ?? 2;
          while (keys.has(`${folded}-${n}`)) n++;
          nextSuffix.set(folded, n + 1);
          paper.id = `${entry.key}-${n}`;
          keys.set(`${folded}-${n}`, index);
          problems.push({ index, id: entry.key, field: 'key', reason: `duplicate citation key “${entry.key}” (also entry ${first + 1}): both kept, this one as “${paper.id}”`, severity: 'warning' });
        } else if (entry.key) keys.set(folded, index);
        papers.push(paper);
      }
      index++;
    }
    problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
    if (file.total === 0 && !/@[ \t]*[a-zA-Z]+[ \t]*[{(]/.test(source)) {
      return failure('unknown-shape', 'Expected BibTeX entries (@article{…}) but found none.');
    }
    return finish('bibtex', papers, problems, file.total);
  } catch (e) {
    return failure('unsupported-format', `The BibTeX file could not be read: ${errorMessage(e)}.`);
  }
}
