/**
 * Metadata for search engines, built from a `Paper`: schema.org `ScholarlyArticle` JSON-LD (one
 * article, or an `ItemList` of them) and the Highwire Press `citation_*` meta tags that Google
 * Scholar reads. Pure, no DOM: the `paper-corpus render` command writes them into static pages.
 *
 * Corpus text is untrusted. The builders return plain data; `jsonLdText` and `metaTagsHtml` turn it
 * into text that is safe inside HTML (a title holding `</script>` stays text).
 */
import type { Paper } from './types.js';
import { fold, safeUrl } from './text.js';

/** A JSON-LD node. */
export type JsonLd = Record<string, unknown>;

/** One `<meta name="…" content="…">` tag. */
export interface MetaTag {
  name: string;
  content: string;
}

export interface ArticleOptions {
  /** The URL of the paper's own page on this site (its canonical URL), when there is one. */
  url?: string;
  /** Leave out `@context` (for an article nested in an `ItemList`). */
  nested?: boolean;
}

export interface ItemListOptions {
  /** Name of the list (the corpus title). */
  name?: string;
  /** The URL of each paper's own page on this site, when there is one. */
  pageUrl?: (paper: Paper) => string | undefined;
}

const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/i;
const DOI = /^10\.\d{4,9}\/\S+$/;

/** Collapses white space and drops control characters; undefined when nothing is left. */
function clean(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** Like `clean`, but keeps blank lines between paragraphs. */
function cleanParagraphs(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value
    .split(/\n[ \t]*\n+/)
    .map((p) => clean(p))
    .filter((p): p is string => !!p)
    .join('\n\n');
  return text || undefined;
}

/** The paper's arXiv identifier when it looks like one (`2510.11696`, `hep-th/9901001v2`). */
export function arxivIdOf(paper: Paper): string | undefined {
  const id = clean(paper.arxivId);
  return id && ARXIV_ID.test(id) ? id : undefined;
}

/** The paper's DOI when it looks like one (`10.1145/3368089.3409754`). */
export function doiOf(paper: Paper): string | undefined {
  const doi = clean(paper.doi)?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  return doi && DOI.test(doi) ? doi : undefined;
}

/** The doi.org URL of a DOI, each part percent-encoded. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** The arXiv abstract page of an arXiv identifier. */
export function arxivUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The arXiv PDF of an arXiv identifier. */
export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}

interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

/**
 * Reads a paper's date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a full timestamp (taken in UTC, as the
 * cards show it). Impossible dates (`2025-02-30`) keep only what is valid. Falls back to `year`.
 */
export function dateParts(paper: Pick<Paper, 'published' | 'year'>): DateParts | undefined {
  const iso = clean(paper.published);
  let parts: DateParts | undefined;
  if (iso) {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
    if (m) {
      parts = { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
    } else if (/^\d{4}-\d{2}-\d{2}T/.test(iso)) {
      const t = Date.parse(iso);
      if (!Number.isNaN(t)) {
        const d = new Date(t);
        parts = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      }
    }
  }
  if (parts) {
    if (parts.month !== undefined && (parts.month < 1 || parts.month > 12)) parts = { year: parts.year };
    if (parts.day !== undefined && parts.month !== undefined) {
      const last = new Date(Date.UTC(parts.year, parts.month, 0)).getUTCDate();
      if (parts.day < 1 || parts.day > last) parts = { year: parts.year, month: parts.month };
    }
  }
  if (!parts && typeof paper.year === 'number' && Number.isInteger(paper.year) && paper.year > 0 && paper.year < 10000) parts = { year: paper.year };
  if (parts && (parts.year < 1 || parts.year > 9999)) return undefined;
  return parts;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 date for schema.org `datePublished`: `2025-06-05`, `2025-06` or `2025`. */
export function isoDate(paper: Pick<Paper, 'published' | 'year'>): string | undefined {
  const d = dateParts(paper);
  if (!d) return undefined;
  return [pad(d.year, 4), d.month !== undefined ? pad(d.month) : undefined, d.month !== undefined && d.day !== undefined ? pad(d.day) : undefined]
    .filter(Boolean)
    .join('-');
}

/**
 * The date for `citation_publication_date`: `YYYY/MM/DD` when the full date is known, the year
 * alone otherwise (Google Scholar's inclusion guidelines ask for one of the two).
 */
export function scholarDate(paper: Pick<Paper, 'published' | 'year'>): string | undefined {
  const d = dateParts(paper);
  if (!d) return undefined;
  return d.month !== undefined && d.day !== undefined ? `${pad(d.year, 4)}/${pad(d.month)}/${pad(d.day)}` : pad(d.year, 4);
}

/** The paper's own URL on the web: its page, else arXiv, the DOI or Hugging Face. */
export function paperUrl(paper: Paper): string | undefined {
  const links = paper.links ?? {};
  const arxiv = arxivIdOf(paper);
  const doi = doiOf(paper);
  return (
    safeUrl(links.paper) ??
    safeUrl(links.arxiv) ??
    (arxiv ? arxivUrl(arxiv) : undefined) ??
    safeUrl(links.doi) ??
    (doi ? doiUrl(doi) : undefined) ??
    safeUrl(links.huggingFace)
  );
}

/** The paper's PDF: its `pdf` link, else arXiv's PDF. */
export function pdfUrl(paper: Paper): string | undefined {
  const arxiv = arxivIdOf(paper);
  return safeUrl(paper.links?.pdf) ?? (arxiv ? arxivPdfUrl(arxiv) : undefined);
}

function unique<T>(values: (T | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined))];
}

function organization(name: string | undefined, url?: string): JsonLd | undefined {
  const n = clean(name);
  if (!n) return undefined;
  const u = safeUrl(url);
  return { '@type': 'Organization', name: n, ...(u ? { url: u } : {}) };
}

/** A schema.org `ScholarlyArticle` for the paper. */
export function scholarlyArticle(paper: Paper, options: ArticleOptions = {}): JsonLd {
  const title = clean(paper.title) ?? clean(paper.id) ?? 'Untitled';
  const links = paper.links ?? {};
  const arxiv = arxivIdOf(paper);
  const doi = doiOf(paper);
  const own = safeUrl(options.url);
  const url = own ?? paperUrl(paper);
  const sameAs = unique([
    safeUrl(links.paper),
    arxiv ? arxivUrl(arxiv) : safeUrl(links.arxiv),
    doi ? doiUrl(doi) : safeUrl(links.doi),
    safeUrl(links.huggingFace),
  ]).filter((u) => u !== url);
  const identifier = [
    ...(arxiv ? [{ '@type': 'PropertyValue', propertyID: 'arXiv', value: arxiv }] : []),
    ...(doi ? [{ '@type': 'PropertyValue', propertyID: 'DOI', value: doi }] : []),
  ];
  const authors = (paper.authors ?? [])
    .map((a) => {
      const name = clean(a.name);
      if (!name) return undefined;
      const affiliation = organization(a.affiliation);
      const profile = safeUrl(a.url);
      return { '@type': 'Person', name, ...(affiliation ? { affiliation } : {}), ...(profile ? { url: profile } : {}) };
    })
    .filter((a) => a !== undefined);
  const keywords = unique([...(paper.keywords ?? []), ...(paper.tags ?? [])].map((k) => clean(k)));
  const venue = clean(paper.venue);
  const venueIsArxiv = venue?.toLowerCase() === 'arxiv';
  const org = paper.organization;
  const sourceOrganization = org ? organization(org.fullName ?? org.name, org.url) : undefined;
  const date = isoDate(paper);
  const abstract = cleanParagraphs(paper.abstract);
  const summary = clean(paper.summary);
  const image = safeUrl(paper.thumbnail);
  const pdf = pdfUrl(paper);
  const stats = [
    ...(typeof paper.upvotes === 'number' && paper.upvotes >= 0
      ? [{ '@type': 'InteractionCounter', interactionType: 'https://schema.org/LikeAction', userInteractionCount: Math.floor(paper.upvotes) }]
      : []),
  ];
  const article: JsonLd = {
    ...(options.nested ? {} : { '@context': 'https://schema.org' }),
    '@type': 'ScholarlyArticle',
    ...(own ? { '@id': own } : {}),
    headline: title,
    name: title,
    ...(authors.length ? { author: authors } : {}),
    ...(date ? { datePublished: date } : {}),
    ...(abstract ? { abstract } : {}),
    ...(summary ? { description: summary } : {}),
    ...(url ? { url } : {}),
    ...(sameAs.length ? { sameAs } : {}),
    identifier: identifier.length ? identifier : clean(paper.id) ?? title,
    ...(venue && !venueIsArxiv ? { isPartOf: { '@type': paper.type === 'article' ? 'Periodical' : 'CreativeWork', name: venue } } : {}),
    ...(arxiv && (!venue || venueIsArxiv) ? { publisher: { '@type': 'Organization', name: 'arXiv', url: 'https://arxiv.org' } } : {}),
    ...(sourceOrganization ? { sourceOrganization } : {}),
    ...(keywords.length ? { keywords } : {}),
    ...(image ? { image } : {}),
    ...(pdf ? { encoding: { '@type': 'MediaObject', contentUrl: pdf, encodingFormat: 'application/pdf' } } : {}),
    ...(typeof paper.comments === 'number' && paper.comments >= 0 ? { commentCount: Math.floor(paper.comments) } : {}),
    ...(stats.length ? { interactionStatistic: stats } : {}),
  };
  return article;
}

/** A schema.org `ItemList` of `ScholarlyArticle`s, in the given order. */
export function scholarlyItemList(papers: readonly Paper[], options: ItemListOptions = {}): JsonLd {
  const name = clean(options.name);
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    ...(name ? { name } : {}),
    numberOfItems: papers.length,
    itemListElement: papers.map((paper, i) => {
      const page = safeUrl(options.pageUrl?.(paper));
      return {
        '@type': 'ListItem',
        position: i + 1,
        ...(page ? { url: page } : {}),
        item: scholarlyArticle(paper, { url: page, nested: true }),
      };
    }),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` are written as
 * `\u003c`, `\u003e`, `\u0026` (and U+2028/U+2029 escaped), so no corpus text can close the script
 * or open a comment, and the JSON still parses to the same value.
 */
export function jsonLdText(data: unknown, indent = 0): string {
  return JSON.stringify(data, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The whole `<script type="application/ld+json">` element. */
export function jsonLdScript(data: unknown, indent = 0): string {
  return `<script type="application/ld+json">${jsonLdText(data, indent)}</script>`;
}

/**
 * Google Scholar (Highwire Press) meta tags for the paper's own page: `citation_title`, one
 * `citation_author` per author (each followed by its `citation_author_institution`),
 * `citation_publication_date` (`YYYY/MM/DD`, or the year), `citation_journal_title` /
 * `citation_conference_title` / `citation_dissertation_institution` /
 * `citation_technical_report_institution` by type, `citation_pdf_url`, `citation_doi`,
 * `citation_arxiv_id`, `citation_abstract_html_url` and `citation_keywords`.
 */
export function citationMetaTags(paper: Paper, options: { url?: string } = {}): MetaTag[] {
  const tags: MetaTag[] = [];
  const add = (name: string, value: string | undefined) => {
    const content = clean(value);
    if (content) tags.push({ name, content });
  };
  add('citation_title', paper.title);
  for (const author of paper.authors ?? []) {
    if (!clean(author.name)) continue;
    add('citation_author', author.name);
    add('citation_author_institution', author.affiliation);
  }
  add('citation_publication_date', scholarDate(paper));
  const venue = clean(paper.venue);
  if (venue && venue.toLowerCase() !== 'arxiv') {
    const name =
      paper.type === 'article'
        ? 'citation_journal_title'
        : paper.type === 'conference' || paper.type === 'chapter'
          ? 'citation_conference_title'
          : paper.type === 'thesis'
            ? 'citation_dissertation_institution'
            : paper.type === 'report'
              ? 'citation_technical_report_institution'
              : undefined;
    if (name) add(name, venue);
  }
  add('citation_pdf_url', pdfUrl(paper));
  add('citation_doi', doiOf(paper));
  add('citation_arxiv_id', arxivIdOf(paper));
  add('citation_abstract_html_url', safeUrl(options.url));
  const keywords = unique([...(paper.keywords ?? []), ...(paper.tags ?? [])].map((k) => clean(k)?.replace(/;/g, ',')));
  if (keywords.length) add('citation_keywords', keywords.join('; '));
  return tags;
}

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The meta tags as HTML, one per line. */
export function metaTagsHtml(tags: readonly MetaTag[]): string {
  return tags.map((t) => `<meta name="${escapeHtml(t.name)}" content="${escapeHtml(t.content)}">`).join('\n');
}

/**
 * A file name for the paper's page, from its id: lower case ASCII letters, digits, `.`, `_` and
 * `-` (`2510.11696`, `10.1145-3368089.3409754`), at most 80 characters, never empty and never
 * starting with a dot.
 */
export function paperSlug(id: string): string {
  const slug = fold(id)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 80)
    .replace(/[-._]+$/g, '');
  return slug || 'paper';
}

/** Slugs for many papers, made unique with `-2`, `-3`… in order. */
export function uniqueSlugs(papers: readonly Paper[]): Map<Paper, string> {
  const used = new Set<string>();
  const out = new Map<Paper, string>();
  for (const paper of papers) {
    const base = paperSlug(paper.id);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    out.set(paper, slug);
  }
  return out;
}
