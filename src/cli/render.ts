/// <reference types="node" />
/**
 * `paper-corpus render`: static HTML of a feed for search engines and visitors without JavaScript,
 * server-rendered with Lit SSR (@lit-labs/ssr) as declarative shadow DOM.
 *
 *   paper-corpus render papers.json -o feed.html --src papers.json --limit 20 \
 *     --pages papers --base-url https://lab.example.org/papers/
 *
 * The fragment it writes holds one schema.org `ItemList` of `ScholarlyArticle`s (JSON-LD) and a
 * `<paper-feed>` whose declarative shadow root mirrors the element's loaded state: the same list
 * markup and parts, with one server-rendered `<paper-card>` (itself a declarative shadow root) per
 * paper. When the page loads the elements' script, the feed loads `src` (or the corpus embedded in
 * it) and renders it into the same shadow root, next to the server-rendered list; a style sheet in
 * the shadow root keeps the server-rendered list on screen until then and hides it from that
 * moment on (see `TAKEOVER_CSS`). There is no hydration: Lit's hydration needs the client's first render to be
 * the server's, and `<paper-feed>`'s first client render is its loading state.
 *
 * With `--pages <dir>` it also writes one page per paper (`<dir>/<slug>.html`) with the Google
 * Scholar `citation_*` meta tags, a `<title>`, a canonical link (with `--base-url`), the paper's
 * JSON-LD and a server-rendered `<paper-card>` whose title and abstract are light-DOM children
 * (so that crawlers which do not read declarative shadow DOM see them too).
 *
 * Every corpus text goes through Lit's escaping (content and attributes) or `escapeHtml`; JSON in
 * `<script>` elements goes through `jsonLdText` (`<` as `\u003c`).
 *
 * It reads its own options from the arguments after the command word (like `feed`).
 */
import { CliUsageError, commandFailed, loadInputs, parseCommandArgs, stringFlag, type CommandArgs } from './args.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { sortPapers } from '../data/sort.js';
import { formatCount } from '../data/format.js';
import { safeUrl } from '../data/text.js';
import { toBibtex } from '../data/cite.js';
import { CORPUS_FORMATS, type Corpus, type CorpusFormat, type Paper } from '../data/types.js';
import { citationMetaTags, escapeHtml, jsonLdScript, jsonLdText, metaTagsHtml, scholarlyArticle, scholarlyItemList, uniqueSlugs } from '../data/seo.js';

export const RENDER_HELP = `Usage: paper-corpus render <corpus...> [-o feed.html] [options]

Writes static HTML of the feed for search engines and visitors without JavaScript: a <paper-feed>
whose declarative shadow root holds the papers as server-rendered <paper-card> elements (Lit SSR),
and a schema.org ItemList of ScholarlyArticle (JSON-LD). Include it in any page; when the page also
loads the elements' script, the feed takes over (search, sorting, "Show more papers", Cite…) with
the same papers. Papers are sorted newest first, as the feed sorts them.

Options:
  -o, --output <file>   Where to write the HTML (default: standard output)
  --src <url>           The corpus URL the element loads in the browser (its src attribute).
                        Without it the corpus is embedded in the element as inline JSON.
  --limit <n>           Papers rendered (default: all); the element gets page-size="<n>" so it
                        shows the same papers first, with a "Show more papers" button
  --pages <dir>         Also write one page per paper, <dir>/<id>.html, with Google Scholar
                        citation_* meta tags, the paper's JSON-LD and its card
  --base-url <url>      Public URL of the --pages folder (http/https): canonical links, and the
                        page URLs in the JSON-LD
  --script <url>        Add <script type="module" src="<url>"> after the feed (e.g. the CDN file)
  --locale <code>       Language of dates, numbers and labels (default: en); also set on the element
  --title <text>        Name of the list (default: the corpus title)
  -f, --format <name>   Force the input format (${CORPUS_FORMATS.join(', ')})
  -q, --quiet           No summary on standard error`;

const RenderUsageError = CliUsageError;

const VALUE_FLAGS = new Set(['--output', '--src', '--limit', '--pages', '--base-url', '--script', '--locale', '--title', '--format']);
const BOOLEAN_FLAGS = new Set(['--quiet', '--help']);
const ALIASES: Record<string, string> = { '-o': '--output', '-f': '--format', '-q': '--quiet', '-h': '--help' };

type RenderArgs = CommandArgs;

/** Parses the arguments; `argv` may start with the command word `render`, which is skipped. */
export function parseRenderArgs(argv: readonly string[]): RenderArgs {
  return parseCommandArgs(argv, 'render', { values: VALUE_FLAGS, booleans: BOOLEAN_FLAGS, aliases: ALIASES });
}


/** What `renderFeedHtml` and `renderPaperPage` need. */
export interface RenderOptions {
  /** The element's `src` (the corpus URL in the browser). Without it the corpus is embedded. */
  src?: string;
  /** Papers rendered; also the element's `page-size`. */
  limit?: number;
  /** Locale of dates, numbers and labels; set on the element when given. */
  locale?: string;
  /** Name of the list in the JSON-LD. */
  title?: string;
  /** URL of each paper's own page, for the JSON-LD. */
  pageUrl?: (paper: Paper) => string | undefined;
  /** A script to load after the feed. */
  script?: string;
  /** "Today", for the dates (tests). */
  now?: Date;
}

/** The parts <paper-feed> exports from each card. */
const EXPORT_PARTS = 'base: card-base, title: card-title, meta: card-meta, abstract: card-abstract, links: card-links';

/**
 * Text-only stand-in for the card's math module. `<paper-card>` imports `shared/math.js` (KaTeX
 * into DOM nodes, with a module-level `new DOMParser()`) when a paper has `$…$`; on the server
 * that import throws outside the render. Giving the card this module first keeps the TeX as text,
 * exactly what the browser shows until KaTeX arrives.
 */
const TEXT_MATH = { renderMathText: (text: string) => [text] };

/**
 * Keeps the server-rendered list (`[data-ssr]`) on screen until `<paper-feed>` has rendered the
 * loaded corpus next to it, then hides it; hides the element's loading state meanwhile, and its
 * error state when the corpus cannot be loaded in the browser (the server-rendered papers stay).
 * LitElement renders before the shadow root's existing children (`renderBefore` is its first
 * child), so the element's `[part~=feed]` comes first; the rules cover both orders. The "Show more
 * papers" button, dead without the element, shows only once the element is defined.
 */
export const TAKEOVER_CSS = `[part~='feed'][aria-busy='false']:not([data-ssr], :has(> [part~='error'])) ~ [data-ssr],
[data-ssr]:has(~ [part~='feed'][aria-busy='false'] > :not([role='status'], [part~='error'])) { display: none; }
[part~='feed'][aria-busy='true']:not([data-ssr]):has(~ [data-ssr]),
[part~='feed']:not([data-ssr]):has(> [part~='error']):has(~ [data-ssr]),
[data-ssr] ~ [part~='feed'][aria-busy='true'],
[data-ssr] ~ [part~='feed']:has(> [part~='error']) { display: none; }
:host(:not(:defined)) [data-ssr] > [part~='more'] { display: none; }`;

const PAGE_CSS = `:root { color-scheme: light dark; }
body { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; font-family: system-ui, sans-serif; line-height: 1.5; }
.back { margin: 0 0 1rem; font-size: 0.875rem; }
paper-card h1 { font: inherit; margin: 0; }
paper-card .abstract { display: grid; gap: 0.5rem; font-size: 0.9375rem; }
paper-card .abstract p { margin: 0; }
paper-card .summary strong { font-size: 0.75rem; letter-spacing: 0.04em; text-transform: uppercase; opacity: 0.7; margin-inline-end: 0.25rem; }
paper-card .keywords { display: flex; flex-wrap: wrap; gap: 0.25rem 0.375rem; margin: 0; padding: 0; list-style: none; font-size: 0.75rem; opacity: 0.75; }
paper-card .keywords li { padding: 0 0.4rem; border-radius: 0.25rem; background: color-mix(in srgb, currentColor 5%, transparent); }
.bibtex { margin-top: 1.5rem; }
.bibtex pre { overflow: auto; padding: 0.75rem; border: 1px solid color-mix(in srgb, currentColor 14%, transparent); border-radius: 0.5rem; font-size: 0.8125rem; }`;

/** Lit SSR markers are only needed for hydration, which this output does not use. */
function stripMarkers(html: string): string {
  return html.replace(/<!--\/?lit-part[^>]*-->|<!--lit-node \d+-->|<\?>/g, '').replace(/<paper-card\s+/g, '<paper-card ');
}

/** Collapses the white space of our own style sheets (corpus text never reaches them: it is escaped). */
function compactStyles(html: string): string {
  return html.replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => `<style>${compactCss(css)}</style>`);
}

function compactCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .trim();
}

/** The server side: Lit SSR, the card element and the feed's styles, loaded on first use. */
async function server(locale: string | undefined) {
  const [{ html, nothing }, { render }, { collectResult }, strings, { themeStyles }, { paperFeedStyles }] = await Promise.all([
    import('lit'),
    import('@lit-labs/ssr'),
    import('@lit-labs/ssr/lib/render-result.js'),
    import('../components/shared/strings.js'),
    import('../components/shared/theme.styles.js'),
    import('../components/paper-feed/paper-feed.styles.js'),
    import('../components/paper-card/define.js'),
  ]);
  await strings.loadStrings(locale);
  const t = strings.translator(locale);
  const toHtml = async (template: unknown) => compactStyles(stripMarkers(await collectResult(render(template))));
  return { html, nothing, t, toHtml, feedCss: `${themeStyles.cssText}\n${paperFeedStyles.cssText}` };
}

/** The static HTML of the feed: JSON-LD, then `<paper-feed>` with its declarative shadow root. */
export async function renderFeedHtml(papers: readonly Paper[], options: RenderOptions = {}): Promise<string> {
  const locale = options.locale ?? 'en';
  const { html, nothing, t, toHtml, feedCss } = await server(locale);
  const sorted = sortPapers(papers, 'date');
  const limit = options.limit && options.limit > 0 ? Math.floor(options.limit) : undefined;
  const shown = limit ? sorted.slice(0, limit) : sorted;
  const status =
    shown.length === sorted.length
      ? t('papers', { n: formatCount(sorted.length, locale), count: sorted.length })
      : t('showing', { n: formatCount(shown.length, locale), total: formatCount(sorted.length, locale), count: shown.length });
  const card = (paper: Paper) =>
    // As <paper-feed>'s renderCard; one line, since SSR leaves the white space of bindings behind.
    html`<paper-card part="card" exportparts=${EXPORT_PARTS} .paper=${paper} .locale=${locale} .now=${options.now} .math=${TEXT_MATH} variant="full" heading-level="3" highlight-authors=""></paper-card>`;
  // The loaded state of <paper-feed> (its renderList), marked data-ssr.
  const shadow = await toHtml(
    html`<div part="feed" aria-busy="false" data-ssr="">
      <div class="visually-hidden" role="status" aria-live="polite">${status}</div>
      ${sorted.length
        ? html`<div class="list" part="list" role="list" aria-label=${t('feedLabel')}>
            ${shown.map((p) => html`<div role="listitem" class="row paper"><div class="item" part="item">${card(p)}</div></div>`)}
          </div>`
        : html`<p class="state" part="empty">${t('empty')}</p>`}
      ${shown.length < sorted.length ? html`<button class="more" part="more" type="button">${t('showMorePapers')}</button>` : nothing}
    </div>`,
  );
  const attributes = [
    options.src !== undefined ? ` src="${escapeHtml(options.src)}"` : '',
    limit ? ` page-size="${limit}"` : '',
    options.locale ? ` locale="${escapeHtml(options.locale)}"` : '',
  ].join('');
  const inline =
    options.src === undefined
      ? `<script type="application/json">${jsonLdText({ format: 'paper-feed', version: 1, ...(options.title ? { title: options.title } : {}), papers: sorted } satisfies Corpus)}</script>`
      : '';
  const jsonLd = jsonLdScript(scholarlyItemList(shown, { name: options.title, pageUrl: options.pageUrl }));
  const style = `<style>${compactCss(`${feedCss}\n${TAKEOVER_CSS}`)}</style>`;
  const script = options.script !== undefined ? `\n<script type="module" src="${escapeHtml(options.script)}"></script>` : '';
  return `<!-- paper-corpus render: ${shown.length} of ${sorted.length} papers -->
${jsonLd}
<paper-feed${attributes}><template shadowrootmode="open">${style}${shadow}</template>${inline}</paper-feed>${script}
`;
}

export interface PageOptions {
  /** The page's canonical URL. */
  url?: string;
  /** Link back to the feed (relative to the page). */
  back?: string;
  locale?: string;
  now?: Date;
}

/** A page for one paper: Google Scholar meta tags, JSON-LD and a server-rendered card. */
export async function renderPaperPage(paper: Paper, options: PageOptions = {}): Promise<string> {
  const locale = options.locale ?? 'en';
  const { html, nothing, t, toHtml } = await server(locale);
  const paragraphs = paper.abstract ? paper.abstract.split(/\n{2,}/) : [];
  const url = safeUrl(options.url);
  const body = await toHtml(
    html`<paper-card heading-level="1" .paper=${paper} .locale=${locale} .now=${options.now} .math=${TEXT_MATH}
      ><h1 slot="title" role="none">${paper.title}</h1
      >${paper.summary || paragraphs.length || paper.keywords?.length
        ? html`<div slot="abstract" class="abstract">
            ${paper.summary ? html`<p class="summary"><strong>${t('summary')}</strong> ${paper.summary}</p>` : nothing}
            ${paragraphs.map((p) => html`<p>${p}</p>`)}
            ${paper.keywords?.length
              ? html`<ul class="keywords" aria-label=${t('keywords')}>
                  ${paper.keywords.map((k) => html`<li>${k}</li>`)}
                </ul>`
              : nothing}
          </div>`
        : nothing}</paper-card
    >
    <details class="bibtex">
      <summary>BibTeX</summary>
      <pre>${toBibtex(paper)}</pre>
    </details>`,
  );
  const description = (paper.summary ?? paper.abstract ?? '').replace(/\s+/g, ' ').trim();
  const short = description.length > 300 ? `${description.slice(0, 297).replace(/\s+\S*$/, '')}…` : description;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(paper.title.replace(/\s+/g, ' ').trim())}</title>`,
    short ? `<meta name="description" content="${escapeHtml(short)}">` : '',
    url ? `<link rel="canonical" href="${escapeHtml(url)}">` : '',
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${escapeHtml(paper.title.replace(/\s+/g, ' ').trim())}">`,
    short ? `<meta property="og:description" content="${escapeHtml(short)}">` : '',
    url ? `<meta property="og:url" content="${escapeHtml(url)}">` : '',
    metaTagsHtml(citationMetaTags(paper, { url })),
    jsonLdScript(scholarlyArticle(paper, { url })),
    `<style>${compactCss(PAGE_CSS)}</style>`,
  ].filter(Boolean);
  const back = options.back !== undefined ? `<p class="back"><a href="${escapeHtml(options.back)}">← ${escapeHtml(t('feedLabel'))}</a></p>\n` : '';
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
${head.join('\n')}
</head>
<body>
<main>
${back}${body}
</main>
</body>
</html>
`;
}

/** A relative URL from one folder to a file, with `/` separators and each segment encoded. */
function relativeUrl(fromDir: string, to: string): string {
  return relative(fromDir, to).split(sep).map(encodeURIComponent).join('/');
}

/**
 * Runs `paper-corpus render` with the raw arguments (the command word may come first). Returns the
 * exit status: 0 written, 1 no input could be read, 2 usage error.
 */
export async function renderCommand(argv: readonly string[], io: { out?: (text: string) => void; err?: (line: string) => void } = {}): Promise<number> {
  const out = io.out ?? ((text: string) => process.stdout.write(text));
  const err = io.err ?? ((line: string) => process.stderr.write(line + '\n'));
  try {
    const args = parseRenderArgs(argv);
    if (args.flags.has('--help')) {
      out(RENDER_HELP + '\n');
      return 0;
    }
    if (!args.inputs.length) throw new RenderUsageError('render needs a corpus file (or - for standard input).');
    const limitFlag = stringFlag(args, '--limit');
    const limit = limitFlag === undefined ? undefined : Number(limitFlag);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new RenderUsageError('--limit needs a positive whole number.');
    const baseFlag = stringFlag(args, '--base-url');
    const baseUrl = baseFlag === undefined ? undefined : safeUrl(baseFlag);
    if (baseFlag !== undefined && (!baseUrl || !/^https?:\/\//i.test(baseFlag.trim()))) throw new RenderUsageError(`--base-url needs an absolute http(s) URL, got "${baseFlag}".`);
    const locale = stringFlag(args, '--locale');
    if (locale !== undefined && !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(locale)) throw new RenderUsageError(`--locale needs a language code like "en" or "de-CH", got "${locale}".`);
    const format = stringFlag(args, '--format') ?? 'auto';
    if (format !== 'auto' && !(CORPUS_FORMATS as readonly string[]).includes(format)) throw new RenderUsageError(`Unknown format "${format}". Known formats: ${CORPUS_FORMATS.join(', ')}.`);
    const pagesDir = stringFlag(args, '--pages');
    const output = stringFlag(args, '--output');
    const quiet = args.flags.has('--quiet');

    const inputs = await loadInputs(args.inputs, format as CorpusFormat | 'auto', err);
    if (!inputs) return 1;
    const { loaded, rejected } = inputs;
    const papers = sortPapers(inputs.papers, 'date');
    const title = stringFlag(args, '--title') ?? loaded.find((r) => r.title)?.title;

    const base = baseUrl ? (baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : undefined;
    const slugs = uniqueSlugs(papers);
    const pageUrl = pagesDir !== undefined && base ? (paper: Paper) => new URL(`${slugs.get(paper) ?? 'paper'}.html`, base).href : undefined;
    const text = await renderFeedHtml(papers, { src: stringFlag(args, '--src'), limit, locale, title, pageUrl, script: stringFlag(args, '--script') });
    if (output !== undefined) {
      await mkdir(dirname(output), { recursive: true });
      await writeFile(output, text);
    } else {
      out(text);
    }

    if (pagesDir !== undefined) {
      await mkdir(pagesDir, { recursive: true });
      const back = output !== undefined ? relativeUrl(pagesDir, output) : undefined;
      for (const paper of papers) {
        const page = await renderPaperPage(paper, { url: pageUrl?.(paper), back, locale });
        await writeFile(join(pagesDir, `${slugs.get(paper) ?? 'paper'}.html`), page);
      }
    }
    if (!quiet) {
      const shown = limit ? Math.min(limit, papers.length) : papers.length;
      err(
        `Rendered ${shown} of ${papers.length} papers${output !== undefined ? ` to ${output} (${Math.round(Buffer.byteLength(text) / 1024)} kB)` : ''}${pagesDir !== undefined ? `; wrote ${papers.length} pages to ${pagesDir}` : ''}${rejected ? `; ${rejected} records could not be read` : ''}.`,
      );
      if (pagesDir !== undefined && !base) err('Note: without --base-url the pages have no canonical link and no citation_abstract_html_url.');
    }
    return 0;
  } catch (e) {
    return commandFailed(e, 'paper-corpus render --help', err);
  }
}
