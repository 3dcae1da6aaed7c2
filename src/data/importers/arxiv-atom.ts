/**
 * arXiv API Atom responses (`export.arxiv.org/api/query`), current and legacy: the `arxiv:`
 * namespace declared on the feed or on each element, titles and abstracts hard-wrapped, entities
 * escaped twice (`&amp;#177;`), `arxiv:doi`, `arxiv:journal_ref`, `arxiv:affiliation`. Generic Atom
 * entries are read too. Loaded on demand by `loadCorpusText`. Pure, never throws.
 */
import type { Author, CorpusProblem, ImportOptions, Paper, PaperLinks, ParseResult } from '../types.js';
import { RecordContext } from '../normalize.js';
import { cleanParagraphs, collapseWhitespace, isoDate } from '../clean.js';
import { safeUrl } from '../text.js';
import { decodeEntities, latexToText } from './latex.js';
import { arxivId, cleanDoi, errorMessage, failure, finish, setArxiv, setDoi } from './common.js';
import { child, children, find, parseXml, textOf, type XmlElement } from './xml.js';

/** Text of a child element: entities decoded a second time (arXiv escapes some twice), spaces collapsed. */
function field(entry: XmlElement, name: string): string | undefined {
  const el = child(entry, name);
  if (!el) return undefined;
  const t = collapseWhitespace(decodeEntities(textOf(el)));
  return t || undefined;
}

function readEntry(entry: XmlElement, index: number, options: ImportOptions): { paper?: Paper; problems: CorpusProblem[] } {
  const ctx = new RecordContext(index);
  const rawId = field(entry, 'id');
  const id = arxivId(rawId);
  ctx.id = id ?? rawId;
  const rawTitle = field(entry, 'title');
  const title = rawTitle ? latexToText(rawTitle, { light: true }) : undefined;
  if (!title) {
    ctx.error('title', 'entry without a title');
    return { problems: ctx.problems };
  }
  const paper: Paper = { id: id ?? rawId ?? '', title };
  const links: PaperLinks = {};
  const summary = child(entry, 'summary') ?? child(entry, 'content');
  if (summary) {
    const abstract = cleanParagraphs(latexToText(decodeEntities(textOf(summary)), { light: true }));
    if (abstract) paper.abstract = abstract;
  }
  const authors: Author[] = [];
  for (const a of children(entry, 'author')) {
    const name = field(a, 'name');
    if (!name) continue;
    const author: Author = { name: latexToText(name, { light: true }) };
    const affiliation = field(a, 'affiliation');
    if (affiliation) author.affiliation = affiliation;
    authors.push(author);
  }
  if (authors.length) paper.authors = authors;
  const published = isoDate(field(entry, 'published') ?? field(entry, 'updated') ?? '');
  if (published) paper.published = published;

  if (id) setArxiv(paper, links, id);
  for (const l of children(entry, 'link')) {
    const href = safeUrl(l.attrs.href, options.baseUrl);
    if (!href) continue;
    if (l.attrs.title === 'doi') links.doi ??= href;
    else if (l.attrs.title === 'pdf' || l.attrs.type === 'application/pdf') links.pdf ??= href;
    else if ((l.attrs.rel ?? 'alternate') === 'alternate') links.paper ??= href;
  }
  const doi = cleanDoi(field(entry, 'doi')) ?? cleanDoi(links.doi);
  if (doi) setDoi(paper, links, doi);
  if (id) links.paper = links.arxiv;
  if (Object.keys(links).length) paper.links = links;

  const categories = [child(entry, 'primary_category')?.attrs.term, ...children(entry, 'category').map((c) => c.attrs.term)].filter(
    (t): t is string => !!t,
  );
  if (categories.length) paper.tags = [...new Set(categories)];
  paper.type = 'preprint';
  const journal = field(entry, 'journal_ref');
  paper.venue = journal ?? (id ? 'arXiv' : undefined);
  if (!paper.venue) delete paper.venue;
  return { paper, problems: ctx.problems };
}

/** Reads an arXiv API (or any Atom) response. Never throws. */
export function parseArxivAtom(source: string, options: ImportOptions = {}): ParseResult {
  try {
    const doc = parseXml(source);
    const feed = find(doc, 'feed');
    if (!feed) {
      const rootName = doc.children[0]?.name;
      return failure('xml', `Expected an arXiv Atom feed but found ${rootName ? `an XML document with a <${rootName}> root` : 'no XML elements'}.`);
    }
    const entries = children(feed, 'entry');
    // The API reports a bad query as a feed with one entry whose id is …/api/errors#….
    const apiError = entries.find((e) => /\/api\/errors/.test(field(e, 'id') ?? ''));
    if (apiError) {
      return failure('unknown-shape', `The arXiv API returned an error: ${field(apiError, 'summary') ?? field(apiError, 'title') ?? 'unknown error'}.`);
    }
    const papers: Paper[] = [];
    const problems: CorpusProblem[] = doc.problems.map((reason) => ({ reason, severity: 'warning' }));
    entries.forEach((e, i) => {
      let r: ReturnType<typeof readEntry>;
      try {
        r = readEntry(e, i, options);
      } catch (error) {
        // One entry that breaks the reader is reported and skipped; the others are kept.
        r = { problems: [{ index: i, reason: `entry could not be read: ${errorMessage(error)}`, severity: 'error' }] };
      }
      problems.push(...r.problems);
      if (r.paper) papers.push(r.paper);
    });
    return finish('arxiv-atom', papers, problems, entries.length, field(feed, 'title'));
  } catch (e) {
    return failure('xml', `The Atom feed could not be read: ${errorMessage(e)}.`);
  }
}
