/**
 * Feeds of papers for feed readers: RSS 2.0, Atom 1.0 and JSON Feed 1.1, built as strings. Pure:
 * no DOM, no I/O, so the same functions run in Node (the `paper-corpus feed` command) and in the
 * browser.
 *
 * Every text from the corpus stays text: XML text and attributes are escaped (`&`, `<`, `>`, and
 * quotes in attributes, so `]]>` and `<script>` arrive as written), and the only characters dropped
 * are those XML 1.0 cannot carry at all (C0 controls other than tab, line feed and carriage
 * return, lone surrogates, U+FFFE and U+FFFF). RSS readers treat `<description>` as HTML, so there
 * the abstract is HTML-escaped first (and split into `<p>` paragraphs); Atom uses `type="text"` and
 * JSON Feed `content_text`, which readers show as plain text.
 */
import type { Paper } from './types.js';
import { safeUrl } from './text.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** The media type of each format (for `<link rel="alternate" type>` and HTTP `Content-Type`). */
export const FEED_MEDIA_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

export interface FeedOptions {
  /** Title of the feed (default: "Papers"). */
  title?: string;
  /** The site the feed belongs to (http/https): RSS `<link>`, Atom `rel="alternate"`, JSON `home_page_url`. */
  link?: string;
  /** Where the feed itself is published (http/https): the self link and the Atom feed id. */
  feedUrl?: string;
  /** One or two sentences about the feed (default: the title). */
  description?: string;
  /** Language of the feed (BCP 47), e.g. `en`. */
  language?: string;
  /** How many papers (default: 50). */
  limit?: number;
  /** `date` (default): newest first, by `listed ?? published`. `trending`: most upvoted first, then newest. */
  order?: 'date' | 'trending';
  /**
   * The authority of the `tag:` URIs that identify papers with neither an arXiv id nor a DOI,
   * `host,date` as in RFC 4151 (default: the host of `link` or `feedUrl` with the date 2025).
   */
  tagAuthority?: string;
  /** The feed's "last updated" time when no paper has a date (default: now). */
  now?: Date;
}

/** One paper as a feed item, with every value already checked. */
export interface FeedItem {
  /** Stable id: the arXiv abstract URL, the DOI URL, or a `tag:` URI built from our id. */
  id: string;
  /** True when `id` is a URL that points to the paper (RSS `isPermaLink`). */
  idIsUrl: boolean;
  title: string;
  /** The paper's page (http/https): its page, arXiv, DOI, Hugging Face, project or PDF. */
  url?: string;
  /** Abstract, plain text, paragraphs separated by a blank line. */
  abstract?: string;
  /** One-sentence summary, plain text. */
  summary?: string;
  /** When the paper came out (`published ?? listed`), as milliseconds since the epoch. */
  published?: number;
  /** When it entered this feed (`listed ?? published`), as milliseconds since the epoch. */
  updated?: number;
  authors: { name: string; url?: string }[];
  /** Tags and keywords, de-duplicated. */
  categories: string[];
}

export const DEFAULT_FEED_LIMIT = 50;
const GENERATOR = 'paper-feed-elements';
const GENERATOR_URL = 'https://www.npmjs.com/package/paper-feed-elements';

// Characters XML 1.0 cannot carry: C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drops the characters XML 1.0 does not allow; everything else is kept as it is. */
export function xmlSafe(value: string): string {
  return value.replace(INVALID_XML, '');
}

/** Escapes text for XML element content (see `escapeAttr` for attributes). */
export function escapeXml(value: string): string {
  return xmlSafe(value).replace(/[&<>"\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#13;'));
}

/** Escapes text for a double-quoted XML attribute, keeping tabs and line breaks (not normalized to spaces). */
function escapeAttr(value: string): string {
  return escapeXml(value).replace(/[\t\n]/g, (c) => (c === '\t' ? '&#9;' : '&#10;'));
}

/** Escapes text for HTML (RSS descriptions are HTML). */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** Milliseconds since the epoch for an ISO date; dates and times without a zone are read as UTC. */
export function feedTime(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const v = iso.trim();
  let s: string;
  if (/^\d{4}$/.test(v)) s = `${v}-01-01T00:00:00Z`;
  else if (/^\d{4}-\d{2}$/.test(v)) s = `${v}-01T00:00:00Z`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) s = `${v}T00:00:00Z`;
  else if (/^\d{4}-\d{2}-\d{2}[T ][\d:.]+$/.test(v)) s = `${v.replace(' ', 'T')}Z`;
  else s = v.replace(' ', 'T');
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

/** RFC 3339 (Atom, JSON Feed): `2025-01-06T00:00:00Z`. */
export function rfc3339(time: number): string {
  return new Date(time).toISOString().replace(/\.000Z$/, 'Z');
}

/** RFC 822 with a four-digit year, as RSS 2.0 wants: `Mon, 06 Jan 2025 00:00:00 GMT`. */
export function rfc822(time: number): string {
  return new Date(time).toUTCString();
}

function stripArxivVersion(id: string): string {
  return id.replace(/v\d+$/i, '');
}

/** `https://doi.org/…` for a DOI, every character outside the URL syntax percent-encoded. */
function doiUrl(doi: string): string | undefined {
  const d = doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '');
  if (!/^10\.\d{4,}\/\S+$/.test(d)) return undefined;
  return `https://doi.org/${d.split('/').map(encodeURIComponent).join('/')}`;
}

function hostOf(url: string | undefined): string | undefined {
  const safe = safeUrl(url);
  return safe ? new URL(safe).hostname || undefined : undefined;
}

/** The `tag:` authority (`host,date`) used for ids that are not URLs. */
function tagAuthority(options: FeedOptions): string {
  if (options.tagAuthority) return options.tagAuthority;
  const host = hostOf(options.link) ?? hostOf(options.feedUrl) ?? 'paper-feed-elements.invalid';
  return `${host},2025`;
}

/** The stable id of a paper in a feed: arXiv URL, DOI URL or a `tag:` URI, and whether it is a URL. */
export function feedItemId(paper: Paper, options: FeedOptions = {}): { id: string; isUrl: boolean } {
  const arxiv = paper.arxivId?.trim();
  if (arxiv && /^[\w./-]+$/.test(arxiv)) return { id: `https://arxiv.org/abs/${stripArxivVersion(arxiv)}`, isUrl: true };
  const doi = paper.doi ? doiUrl(paper.doi) : undefined;
  if (doi) return { id: doi, isUrl: true };
  return { id: `tag:${tagAuthority(options)}:paper:${encodeURIComponent(xmlSafe(paper.id))}`, isUrl: false };
}

/** The page a feed item links to. */
function itemUrl(paper: Paper): string | undefined {
  const l = paper.links ?? {};
  return (
    safeUrl(l.paper) ??
    safeUrl(l.huggingFace) ??
    safeUrl(l.arxiv) ??
    safeUrl(l.doi) ??
    (paper.doi ? doiUrl(paper.doi) : undefined) ??
    safeUrl(l.project) ??
    safeUrl(l.pdf)
  );
}

function orderTime(paper: Paper): number {
  return feedTime(paper.listed ?? paper.published) ?? (paper.year !== undefined ? Date.UTC(paper.year, 0, 1) : -Infinity);
}

/**
 * The papers a feed shows, in order: newest first (by `listed ?? published`), or most upvoted first
 * with `order: 'trending'`; at most `limit`. Stable: equal keys keep the corpus order.
 */
export function selectFeedPapers(papers: readonly Paper[], options: FeedOptions = {}): Paper[] {
  const limit = options.limit ?? DEFAULT_FEED_LIMIT;
  const byDate = (a: Paper, b: Paper) => {
    const ta = orderTime(a);
    const tb = orderTime(b);
    return ta === tb ? 0 : tb > ta ? 1 : -1;
  };
  const compare = options.order === 'trending' ? (a: Paper, b: Paper) => (b.upvotes ?? 0) - (a.upvotes ?? 0) || byDate(a, b) : byDate;
  return papers
    .slice()
    .sort(compare)
    .slice(0, Math.max(0, Math.floor(limit)));
}

/** A paper as a feed item (ids, links and dates worked out and checked). */
export function toFeedItem(paper: Paper, options: FeedOptions = {}): FeedItem {
  const { id, isUrl } = feedItemId(paper, options);
  const seen = new Set<string>();
  const categories: string[] = [];
  for (const c of [...(paper.tags ?? []), ...(paper.keywords ?? [])]) {
    const v = typeof c === 'string' ? xmlSafe(c).trim() : '';
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      categories.push(v);
    }
  }
  const published = feedTime(paper.published ?? paper.listed);
  const updated = feedTime(paper.listed ?? paper.published);
  const item: FeedItem = {
    id,
    idIsUrl: isUrl,
    title: paper.title,
    authors: (paper.authors ?? [])
      .filter((a) => typeof a.name === 'string' && a.name.trim())
      .map((a) => {
        const url = safeUrl(a.url);
        return url ? { name: a.name, url } : { name: a.name };
      }),
    categories,
  };
  const url = itemUrl(paper);
  if (url) item.url = url;
  if (paper.abstract) item.abstract = paper.abstract;
  if (paper.summary) item.summary = paper.summary;
  if (published !== undefined) item.published = published;
  if (updated !== undefined) item.updated = updated;
  return item;
}

interface Prepared {
  title: string;
  description: string;
  link?: string;
  feedUrl?: string;
  language?: string;
  items: FeedItem[];
  /** The newest `updated` of the items, else now. */
  updated: number;
}

function prepare(papers: readonly Paper[], options: FeedOptions): Prepared {
  const items = selectFeedPapers(papers, options).map((p) => toFeedItem(p, options));
  const times = items.map((i) => i.updated ?? i.published).filter((t): t is number => t !== undefined);
  const title = options.title?.trim() || 'Papers';
  const prepared: Prepared = {
    title,
    description: options.description?.trim() || title,
    items,
    updated: times.length ? Math.max(...times) : (options.now ?? new Date()).getTime(),
  };
  const link = safeUrl(options.link);
  if (link) prepared.link = link;
  const feedUrl = safeUrl(options.feedUrl);
  if (feedUrl) prepared.feedUrl = feedUrl;
  if (options.language) prepared.language = options.language;
  return prepared;
}

/** Paragraphs of an abstract as HTML (every character of the text escaped). */
function paragraphsHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(xmlSafe(p.trim()))}</p>`)
    .join('');
}

/** RSS 2.0, with the Atom self link and Dublin Core creators (RSS's own `<author>` wants an email). */
export function toRss(papers: readonly Paper[], options: FeedOptions = {}): string {
  const f = prepare(papers, options);
  const e = escapeXml;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${e(f.title)}</title>`,
  ];
  const siteLink = f.link ?? f.feedUrl;
  if (siteLink) lines.push(`<link>${e(siteLink)}</link>`);
  lines.push(`<description>${e(f.description)}</description>`);
  if (f.feedUrl) lines.push(`<atom:link href="${escapeAttr(f.feedUrl)}" rel="self" type="${FEED_MEDIA_TYPES.rss}"/>`);
  if (f.language) lines.push(`<language>${e(f.language)}</language>`);
  lines.push(`<lastBuildDate>${rfc822(f.updated)}</lastBuildDate>`, `<generator>${GENERATOR}</generator>`, '<docs>https://www.rssboard.org/rss-specification</docs>');
  for (const item of f.items) {
    lines.push('<item>', `<title>${e(item.title)}</title>`);
    if (item.url) lines.push(`<link>${e(item.url)}</link>`);
    lines.push(`<guid isPermaLink="${String(item.idIsUrl)}">${e(item.id)}</guid>`);
    if (item.updated !== undefined) lines.push(`<pubDate>${rfc822(item.updated)}</pubDate>`);
    for (const a of item.authors) lines.push(`<dc:creator>${e(a.name)}</dc:creator>`);
    for (const c of item.categories) lines.push(`<category>${e(c)}</category>`);
    const body = item.abstract ?? item.summary;
    if (body) lines.push(`<description>${e(paragraphsHtml(body))}</description>`);
    lines.push('</item>');
  }
  lines.push('</channel>', '</rss>', '');
  return lines.join('\n');
}

/** Atom 1.0 (RFC 4287). Text constructs are `type="text"`: readers show them as plain text. */
export function toAtom(papers: readonly Paper[], options: FeedOptions = {}): string {
  const f = prepare(papers, options);
  const e = escapeXml;
  const feedId = f.feedUrl ?? f.link ?? `tag:${tagAuthority(options)}:feed:${encodeURIComponent(xmlSafe(f.title))}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${f.language ? ` xml:lang="${escapeAttr(f.language)}"` : ''}>`,
    `<id>${e(feedId)}</id>`,
    `<title type="text">${e(f.title)}</title>`,
    `<subtitle type="text">${e(f.description)}</subtitle>`,
    `<updated>${rfc3339(f.updated)}</updated>`,
  ];
  if (f.feedUrl) lines.push(`<link rel="self" type="${FEED_MEDIA_TYPES.atom}" href="${escapeAttr(f.feedUrl)}"/>`);
  if (f.link) lines.push(`<link rel="alternate" type="text/html" href="${escapeAttr(f.link)}"/>`);
  // Entries without authors inherit this one (RFC 4287 requires an author for every entry).
  lines.push(`<author><name>${e(f.title)}</name>${f.link ? `<uri>${e(f.link)}</uri>` : ''}</author>`);
  lines.push(`<generator uri="${GENERATOR_URL}">${GENERATOR}</generator>`);
  for (const item of f.items) {
    lines.push('<entry>', `<id>${e(item.id)}</id>`, `<title type="text">${e(item.title)}</title>`);
    lines.push(`<updated>${rfc3339(item.updated ?? f.updated)}</updated>`);
    if (item.published !== undefined) lines.push(`<published>${rfc3339(item.published)}</published>`);
    for (const a of item.authors) lines.push(`<author><name>${e(a.name)}</name>${a.url ? `<uri>${e(a.url)}</uri>` : ''}</author>`);
    for (const c of item.categories) lines.push(`<category term="${escapeAttr(c)}"/>`);
    const body = item.abstract ?? item.summary;
    if (item.url) {
      lines.push(`<link rel="alternate" type="text/html" href="${escapeAttr(item.url)}"/>`);
      if (body) lines.push(`<summary type="text">${e(body)}</summary>`);
    } else {
      // Without an alternate link an entry must have content.
      lines.push(`<content type="text">${e(body ?? item.title)}</content>`);
    }
    lines.push('</entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** The JSON Feed 1.1 object (see `toJsonFeed` for the string). */
export function jsonFeedObject(papers: readonly Paper[], options: FeedOptions = {}): Record<string, unknown> {
  const f = prepare(papers, options);
  const s = xmlSafe;
  const feed: Record<string, unknown> = { version: 'https://jsonfeed.org/version/1.1', title: s(f.title) };
  if (f.link) feed.home_page_url = f.link;
  if (f.feedUrl) feed.feed_url = f.feedUrl;
  feed.description = s(f.description);
  if (f.language) feed.language = f.language;
  feed.items = f.items.map((item) => {
    const out: Record<string, unknown> = { id: item.id };
    if (item.url) out.url = item.url;
    out.title = s(item.title);
    // An item needs content_text or content_html: the abstract, else the summary, else the title.
    out.content_text = s(item.abstract ?? item.summary ?? item.title);
    if (item.summary) out.summary = s(item.summary);
    if (item.published !== undefined) out.date_published = rfc3339(item.published);
    if (item.updated !== undefined && item.updated !== item.published) out.date_modified = rfc3339(item.updated);
    if (item.authors.length) out.authors = item.authors.map((a) => (a.url ? { name: s(a.name), url: a.url } : { name: s(a.name) }));
    if (item.categories.length) out.tags = item.categories.map(s);
    return out;
  });
  return feed;
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function toJsonFeed(papers: readonly Paper[], options: FeedOptions = {}): string {
  // `<` as \u003c: the same JSON, and safe to inline in an HTML <script> element.
  return JSON.stringify(jsonFeedObject(papers, options), null, 2).replace(/</g, '\\u003c') + '\n';
}

/** Builds a feed in the given format. */
export function buildFeed(papers: readonly Paper[], format: FeedFormat, options: FeedOptions = {}): string {
  return format === 'rss' ? toRss(papers, options) : format === 'atom' ? toAtom(papers, options) : toJsonFeed(papers, options);
}

export function isFeedFormat(value: string): value is FeedFormat {
  return (FEED_FORMATS as readonly string[]).includes(value);
}
