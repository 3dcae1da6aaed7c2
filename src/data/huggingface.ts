/**
 * Reads Hugging Face API responses exactly as they come:
 * - `api/daily_papers`: an array of items `{ paper: {...}, title, summary, publishedAt, thumbnail,
 *   numComments, organization?, submittedBy?, ... }`;
 * - `api/papers/search`: an array of items of the same shape;
 * - `api/papers/{id}`: one paper object `{ id, authors, publishedAt, title, summary, upvotes, ... }`.
 *
 * Fields come and go across time (absent, never null). `paper.title` keeps arXiv's hard line wraps
 * while the item's top-level `title` keeps LaTeX, so the top-level one wins.
 */
import type { Author, Paper, PaperLinks } from './types.js';
import { RecordContext, isRecord, readOrganization } from './normalize.js';
import { cleanParagraphs, count, isoDate, text, yearOf } from './clean.js';
import { safeUrl } from './text.js';

const HF = 'https://huggingface.co';
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/i;

/** True when the value looks like a Hugging Face paper object (`paper` of an item, or `api/papers/{id}`). */
export function isHfPaperObject(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value.id === 'string' && Array.isArray(value.authors) && 'summary' in value && 'publishedAt' in value;
}

/** True when the value looks like an item of `api/daily_papers` or `api/papers/search`. */
export function isHfItem(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && isRecord(value.paper) && ('title' in value.paper || 'id' in value.paper);
}

function readAuthors(value: unknown, ctx: RecordContext): Author[] | undefined {
  if (!Array.isArray(value)) {
    if (value !== undefined) ctx.warn('paper.authors', 'expected a list of authors');
    return undefined;
  }
  const authors: Author[] = [];
  value.forEach((a, i) => {
    if (!isRecord(a)) {
      ctx.warn(`paper.authors[${i}]`, 'expected an author object');
      return;
    }
    // Hugging Face hides some authors on its pages (`hidden: true`); so do we.
    if (a.hidden === true) return;
    const name = text(a.name) ?? (isRecord(a.user) ? text(a.user.fullname) : undefined);
    if (!name) {
      ctx.warn(`paper.authors[${i}]`, 'author without a name');
      return;
    }
    const author: Author = { name };
    const user = isRecord(a.user) ? text(a.user.user) : undefined;
    if (user && /^[\w.-]+$/.test(user)) author.url = `${HF}/${user}`;
    authors.push(author);
  });
  return authors.length ? authors : undefined;
}

/**
 * Converts one Hugging Face paper (with its daily/search item wrapper when there is one) into a
 * Paper. Returns undefined, with an error in `ctx`, when there is no title.
 */
export function fromHuggingFace(paperObj: Record<string, unknown>, item: Record<string, unknown> | undefined, ctx: RecordContext): Paper | undefined {
  const id = text(paperObj.id);
  if (id) ctx.id = id;
  // The item's title keeps LaTeX and has no hard wraps; the paper's title is arXiv's, wrapped.
  const title = text(item?.title) ?? text(paperObj.title);
  if (!title) {
    ctx.error('title', 'missing title');
    return undefined;
  }
  const paper: Paper = { id: id ?? '', title };

  const summary = typeof item?.summary === 'string' ? item.summary : paperObj.summary;
  if (typeof summary === 'string') {
    const abstract = cleanParagraphs(summary);
    if (abstract) paper.abstract = abstract;
  }
  const authors = readAuthors(paperObj.authors, ctx);
  if (authors) paper.authors = authors;

  const org = readOrganization(item?.organization ?? paperObj.organization, ctx);
  if (org) {
    if (!org.url && /^[\w.-]+$/.test(org.name)) org.url = `${HF}/${org.name}`;
    paper.organization = org;
  }

  // The Daily Papers day: `submittedOnDailyAt` where present; before March 2025 the item's own
  // `publishedAt` was that day (afterwards it mirrors the arXiv date).
  const daily = isoDate(paperObj.submittedOnDailyAt) ?? (item && !('summary' in item) ? isoDate(item.publishedAt) : undefined);
  if (daily && item) paper.listed = daily.slice(0, 10);
  const published = isoDate(paperObj.publishedAt) ?? isoDate(item?.publishedAt);
  if (published) {
    paper.published = published;
    const year = yearOf(published);
    if (year !== undefined) paper.year = year;
  } else if (paperObj.publishedAt !== undefined) {
    ctx.warn('paper.publishedAt', 'not a date');
  }

  const upvotes = count(paperObj.upvotes);
  if (upvotes !== undefined) paper.upvotes = upvotes;
  const comments = count(item?.numComments ?? paperObj.numComments);
  if (comments !== undefined) paper.comments = comments;
  // Before June 2024 the social thumbnail came as `mediaUrl`.
  const legacy = typeof item?.mediaUrl === 'string' && /\.(png|jpe?g|webp|gif)$/i.test(item.mediaUrl) ? item.mediaUrl : undefined;
  const thumbnail = safeUrl(item?.thumbnail ?? paperObj.thumbnail ?? legacy);
  if (thumbnail) paper.thumbnail = thumbnail;

  const links: PaperLinks = {};
  if (id && ARXIV_ID.test(id)) {
    paper.arxivId = id;
    links.paper = `${HF}/papers/${id}`;
    links.huggingFace = links.paper;
    links.arxiv = `https://arxiv.org/abs/${id}`;
    links.pdf = `https://arxiv.org/pdf/${id}`;
  }
  const code = safeUrl(paperObj.githubRepo);
  if (code) links.code = code;
  const project = safeUrl(paperObj.projectPage);
  if (project) links.project = project;
  if (Object.keys(links).length) paper.links = links;

  const stars = count(paperObj.githubStars);
  if (stars !== undefined && code) paper.githubStars = stars;
  if (Array.isArray(paperObj.ai_keywords)) {
    const keywords = paperObj.ai_keywords.map((k) => text(k)).filter((k): k is string => !!k);
    if (keywords.length) paper.keywords = [...new Set(keywords)];
  }
  const aiSummary = text(paperObj.ai_summary);
  if (aiSummary) paper.summary = aiSummary;
  paper.type = 'preprint';
  if (paper.arxivId) paper.venue = 'arXiv';
  return paper;
}
