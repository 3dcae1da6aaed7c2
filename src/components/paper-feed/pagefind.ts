/**
 * Search through a chunked Pagefind index written by `paper-corpus index` (see docs/pagefind.md),
 * for corpora too large to download whole: a query fetches only the word-index chunks it needs,
 * and the papers of the page of results asked for (one fragment each), never the corpus.
 *
 * Loaded lazily (`await import('…/paper-feed/pagefind.js')`); DOM-free apart from the dynamic
 * import of the bundle's own `pagefind.js`. The bundle runs as code in the page (as any script
 * would), so `bundleUrl` must be as trusted as a script URL. The papers in it are not trusted:
 * each fragment goes through `normalizePaper` again (non-http(s) links dropped, text kept as text,
 * records without a usable title dropped).
 *
 * Query syntax (src/data/search/query.ts) as Pagefind can run it:
 * - words: all must match (Pagefind matches word prefixes, and ranks with BM25 and title boosts);
 * - one quoted phrase on its own (`"diffusion model"`): an exact phrase search. A phrase mixed
 *   with other words or filters is searched as its words;
 * - `year:2024`, `year:2020..2023`, `year:>=2022`: the year filter (open ranges stop at 1900 and
 *   next year); `has:code` (pdf, abstract, project, video, doi, arxiv); `-` before any filter;
 * - `author:`, `org:`, `venue:`, `tag:`: when the bundle has that filter (`paper-corpus index
 *   --filters`, listed in its `paper-feed-index.json`), the paper has every given word in that
 *   field (whole words: `author:kast` does not match "Kastner" until the word is complete);
 *   otherwise (the default) their words are searched in all the text, reported in `ignored`;
 * - a filter the bundle does not have (`year:` without the year filter…) is reported in `ignored`;
 * - not supported (reported in `ignored`): `-word` / `-"phrase"` exclusions (searched without
 *   them); `title:` and `abstract:` (their words are searched in every field);
 * - an empty query lists every paper (newest first: the order `paper-corpus index` adds them in),
 *   filtered by any filters.
 */
import type { Paper } from '../../data/types.js';
import { RecordContext, isRecord, normalizePaper } from '../../data/normalize.js';
import { parseQuery, type QueryFilter } from '../../data/search/query.js';

/** The prefix of a record URL that carries its paper (written by `paper-corpus index`). */
export const PAPER_URL_PREFIX = '#paper-feed:';

/** Results per page when `limit` is not given. */
export const DEFAULT_INDEX_LIMIT = 20;

export interface IndexSearchResult {
  /** The query as given. */
  query: string;
  /** Number of papers matching the query (all pages). */
  total: number;
  /** Papers of results [offset, offset + limit), best first; malformed fragments are left out. */
  papers: Paper[];
  /** Folded words of the query, for highlighting. */
  terms: string[];
  /** Parts of the query the index could not apply exactly (see the module comment). */
  ignored: string[];
}

export interface IndexSearchOptions {
  /** Aborting rejects the search with an AbortError (it never resolves afterwards). */
  signal?: AbortSignal;
  /** Papers to return (default 20, at most 200). */
  limit?: number;
  /** Results to skip (default 0). */
  offset?: number;
  /**
   * `relevance` (default): best first; a query without words lists papers in the bundle's order,
   * which `paper-corpus index` makes newest first. `newest`: sorted by date; Pagefind's sort is
   * slow on large result sets (12.7 s for 100,000 papers, against 0.4 s unsorted), so it is skipped
   * for a query without words on a bundle whose records are newest first already.
   */
  sort?: 'relevance' | 'newest';
}

export interface IndexSearch {
  search(query: string, options?: IndexSearchOptions): Promise<IndexSearchResult>;
  /** Releases the Pagefind instance; later searches reject. */
  dispose(): void;
}

export interface CreateIndexSearchOptions {
  /** Run Pagefind in its shared worker (default true, Pagefind's own default). */
  worker?: boolean;
}

// --- The parts of Pagefind's browser API (pagefind.js, 1.x) used here.

/** `{ year: '2024' }`, `{ author: { all: [...] } }`, `{ not: {...} }`, `{ all: [{...}, {...}] }`… */
type PagefindFilters = Record<string, unknown>;

interface PagefindFragment {
  raw_url?: unknown;
  url?: unknown;
}

interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragment>;
}

interface PagefindResponse {
  results: PagefindResult[];
}

interface PagefindInstance {
  init(): Promise<unknown>;
  search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse | null>;
  destroy(): Promise<unknown>;
}

interface PagefindModule {
  createInstance(options: { basePath: string; noWorker?: boolean }): PagefindInstance;
}

function abortError(): DOMException {
  return new DOMException('The search was aborted.', 'AbortError');
}

/** Rejects as soon as `signal` aborts; `promise` otherwise. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) reject(abortError());
        else resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? abortError() : e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** The bundle folder as an absolute http(s) URL ending in `/`, or an error message. */
function bundleFolder(bundleUrl: string | URL): URL | string {
  let url: URL;
  try {
    const base = (globalThis as { location?: { href?: string } }).location?.href;
    url = new URL(String(bundleUrl), base);
  } catch {
    return `The search index URL "${String(bundleUrl)}" is not a valid URL.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `The search index URL must be http(s), got "${url.protocol}".`;
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/pagefind.js')) url.pathname = url.pathname.slice(0, -'pagefind.js'.length);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

const MIN_YEAR = 1900;

function yearValues(min: number, max: number): string[] {
  const top = new Date().getFullYear() + 1;
  const out: string[] = [];
  for (let y = Math.max(min, MIN_YEAR); y <= Math.min(max, top); y++) out.push(String(y));
  return out;
}

/** The Pagefind filter of one query filter (undefined when it cannot be one). */
function toPagefindFilter(f: QueryFilter): PagefindFilters | undefined {
  let filter: PagefindFilters | undefined;
  if (f.type === 'year') {
    const years = yearValues(f.min, f.max);
    // A range with no year in it matches nothing: a year that cannot exist keeps it that way.
    filter = { year: { any: years.length ? years : ['0'] } };
  } else if (f.type === 'has') {
    filter = { has: f.what };
  } else if (f.field === 'author' || f.field === 'org' || f.field === 'venue' || f.field === 'tag') {
    filter = { [f.field]: { all: f.words } };
  }
  if (!filter) return undefined;
  return f.negate ? { not: filter } : filter;
}

interface PlannedQuery {
  term: string | null;
  filters?: PagefindFilters;
  terms: string[];
  ignored: string[];
}

/** Every filter `paper-corpus index` can write. */
const ALL_FILTERS: ReadonlySet<string> = new Set(['year', 'type', 'has', 'tag', 'org', 'venue', 'author']);

function describeFilter(f: QueryFilter): string {
  const sign = f.negate ? '-' : '';
  if (f.type === 'year') return `${sign}year:${f.min === -Infinity ? '' : f.min}..${f.max === Infinity ? '' : f.max}`;
  if (f.type === 'has') return `${sign}has:${f.what}`;
  return `${sign}${f.field}:${f.words.join(' ')}`;
}

/**
 * Turns our query syntax into a Pagefind term and filters, given the filters the bundle has
 * (default: all of them).
 */
export function planIndexQuery(query: string, available: ReadonlySet<string> = ALL_FILTERS): PlannedQuery {
  // The whole query is complete words: Pagefind matches every word as a prefix anyway.
  const parsed = parseQuery(query.endsWith(' ') ? query : `${query} `);
  const ignored: string[] = [];
  const words = parsed.terms.map((t) => t.text);
  for (const ex of parsed.exclude) ignored.push(`-${ex.length > 1 ? `"${ex.join(' ')}"` : ex[0]}`);
  const conditions: PagefindFilters[] = [];
  for (const f of parsed.filters) {
    const key = f.type === 'text' ? f.field : f.type;
    const filter = available.has(key) ? toPagefindFilter(f) : undefined;
    if (filter) conditions.push(filter);
    else {
      ignored.push(describeFilter(f));
      // A field the index cannot restrict to (title:, abstract:, or a filter the bundle lacks):
      // its words are searched in all the text.
      if (f.type === 'text' && !f.negate) words.push(...f.words);
    }
  }
  let term: string | null = words.length ? words.join(' ') : null;
  if (parsed.phrases.length === 1 && parsed.phrases[0].length === parsed.terms.length && words.length === parsed.terms.length) {
    term = `"${words.join(' ')}"`;
  }
  const filters = conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : { all: conditions };
  return { term, ...(filters ? { filters } : {}), terms: [...new Set(words)], ignored };
}

/** The paper a fragment carries, normalized; undefined when it carries none or a broken one. */
export function paperFromFragment(fragment: unknown, index = 0): Paper | undefined {
  if (!isRecord(fragment)) return undefined;
  const url = fragment.raw_url;
  if (typeof url !== 'string' || !url.startsWith(PAPER_URL_PREFIX)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(url.slice(PAPER_URL_PREFIX.length));
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const paper = normalizePaper(value, new RecordContext(index));
  if (!paper) return undefined;
  // Every paper needs an id (the feed keys its cards by id); a fragment without one gets a stable one.
  if (!paper.id) paper.id = `index-${index}`;
  return paper;
}

interface BundleInfo {
  /** The filters the bundle has. */
  filters: ReadonlySet<string>;
  /** Its records were added newest first. */
  newestFirst: boolean;
}

/**
 * What the `paper-feed-index.json` that `paper-corpus index` writes says about a bundle; no filters
 * and no known order when it is missing or not ours (then every field prefix is searched as words).
 */
async function readManifest(url: URL): Promise<BundleInfo> {
  const none: BundleInfo = { filters: new Set(), newestFirst: false };
  try {
    // Revalidated: its name does not change when the bundle is rebuilt (Pagefind's own files do).
    const res = await fetch(url, { cache: 'no-cache' });
    if (!res.ok) return none;
    const value: unknown = await res.json();
    if (!isRecord(value) || value.format !== 'paper-feed-index' || !Array.isArray(value.filters)) return none;
    return {
      filters: new Set(value.filters.filter((f): f is string => typeof f === 'string' && ALL_FILTERS.has(f))),
      newestFirst: value.order === 'newest',
    };
  } catch {
    return none;
  }
}

const MAX_LIMIT = 200;

function count(value: number | undefined, fallback: number, max: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(0, Math.floor(value)));
}

/**
 * A search over the Pagefind bundle at `bundleUrl` (its folder, or its `pagefind.js`; resolved
 * against the page). Nothing is fetched before the first search.
 */
export function createIndexSearch(bundleUrl: string | URL, options: CreateIndexSearchOptions = {}): IndexSearch {
  const folder = bundleFolder(bundleUrl);
  let instance: Promise<{ pf: PagefindInstance } & BundleInfo> | undefined;
  let disposed = false;

  const load = (): Promise<{ pf: PagefindInstance } & BundleInfo> =>
    (instance ??= (async () => {
      if (typeof folder === 'string') throw new Error(folder);
      const scriptUrl = new URL('pagefind.js', folder).href;
      const manifest = readManifest(new URL('paper-feed-index.json', folder));
      let mod: Partial<PagefindModule>;
      try {
        mod = (await import(/* @vite-ignore */ scriptUrl)) as Partial<PagefindModule>;
      } catch (e) {
        throw new Error(`No search index at ${folder.href}: ${scriptUrl} could not be loaded (${e instanceof Error ? e.message : String(e)}).`);
      }
      if (typeof mod.createInstance !== 'function') throw new Error(`${scriptUrl} is not a Pagefind 1.x bundle (no createInstance).`);
      const pf = mod.createInstance({ basePath: folder.href, ...(options.worker === false ? { noWorker: true } : {}) });
      await pf.init();
      return { pf, ...(await manifest) };
    })());

  return {
    async search(query: string, opts: IndexSearchOptions = {}): Promise<IndexSearchResult> {
      const { signal } = opts;
      if (signal?.aborted) throw abortError();
      if (disposed) throw new Error('This index search was disposed.');
      const limit = count(opts.limit, DEFAULT_INDEX_LIMIT, MAX_LIMIT);
      const offset = count(opts.offset, 0, Number.MAX_SAFE_INTEGER);
      const loading = load();
      // A failed first load is not kept: the next search tries again (the bundle may appear).
      loading.catch(() => {
        if (instance === loading) instance = undefined;
      });
      const { pf, filters, newestFirst } = await abortable(loading, signal);
      const plan = planIndexQuery(query, filters);
      // Without words the records come in the bundle's order: when that is newest first already,
      // Pagefind's sort (12.7 s for 100,000 papers) is skipped.
      const sort = opts.sort === 'newest' && !(plan.term === null && newestFirst) ? 'newest' : 'relevance';
      let response: PagefindResponse | null;
      try {
        response = await abortable(
          pf.search(plan.term, { ...(plan.filters ? { filters: plan.filters } : {}), ...(sort === 'newest' ? { sort: { date: 'desc' } } : {}) }),
          signal,
        );
      } catch (e) {
        if (e instanceof DOMException && e.name === 'AbortError') throw e;
        throw new Error(`The search index at ${typeof folder === 'string' ? folder : folder.href} could not be searched: ${e instanceof Error ? e.message : String(e)}`);
      }
      const results = response?.results ?? [];
      const page = results.slice(offset, offset + limit);
      const fragments = await abortable(
        Promise.all(
          page.map((r) =>
            r.data().then(
              (d) => d as unknown,
              () => undefined,
            ),
          ),
        ),
        signal,
      );
      const papers: Paper[] = [];
      fragments.forEach((f, i) => {
        const paper = paperFromFragment(f, offset + i);
        if (paper) papers.push(paper);
      });
      return { query, total: results.length, papers, terms: plan.terms, ignored: plan.ignored };
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      void instance?.then(({ pf }) => pf.destroy()).catch(() => undefined);
    },
  };
}
