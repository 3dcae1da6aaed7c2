import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { PaperCard } from '../paper-card/paper-card.js';
import { Task, TaskStatus } from '@lit/task';
import { filterPapers } from '../../data/search.js';
import { sortPapers, type SortKey } from '../../data/sort.js';
import { formatCount } from '../../data/format.js';
import type { FacetKey } from '../../data/filter.js';
import type { GroupBy, Period } from '../../data/group.js';
import { CORPUS_FORMATS, type CorpusFormat, type Paper } from '../../data/types.js';
import { themeStyles } from '../shared/theme.styles.js';
import { LocalizedElement } from '../shared/localized.js';
import { paperEvent, type PaperErrorDetail, type PaperLoadDetail, type PaperResultsDetail, type PaperWarningDetail } from '../shared/events.js';
import { fetchCorpora, loadCorpusModule, type LoadedCorpus } from './load.js';
import { paperFeedStyles } from './paper-feed.styles.js';

/** What the task loads from. */
type SourceArgs = [src: string | undefined, format: string, papers: unknown, inline: string | undefined, timeout: number, attempt: number, baseUrl: string | undefined];

type VirtualModule = typeof import('./virtual-list.js');
type SearchModule = typeof import('../../data/search/index.js');
type SearchEngine = import('../../data/search/index.js').PaperSearch;

/** The ranked results of the current query. */
interface Ranked {
  query: string;
  /** The matching papers, best first (in corpus order when `unranked`). */
  papers: Paper[];
  highlight?: (text: string) => [number, number][];
  /** The engine failed: simple matching found these papers. */
  unranked?: boolean;
}
type ExtrasModule = typeof import('./extras.js');
type IndexView = import('./index-view.js').IndexView;
type Row = import('./extras.js').Row;

/**
 * The tag our cards render under: the one `PaperCard` is registered with, else `paper-card`, else
 * (when another library took `paper-card`, e.g. Polymer's) our class under `paper-feed-card`.
 */
let cardTagCache: StaticValue | undefined;
function cardTag(): StaticValue {
  if (cardTagCache) return cardTagCache;
  let name = customElements.getName(PaperCard);
  if (!name) {
    name = customElements.get('paper-card') ? 'paper-feed-card' : 'paper-card';
    if (!customElements.get(name)) customElements.define(name, name === 'paper-card' ? PaperCard : class extends PaperCard {});
  }
  return (cardTagCache = unsafeStatic(name));
}

/** Above this many papers (and without `page-size`), `virtualize="auto"` virtualizes the list. */
const VIRTUALIZE_ABOVE = 200;

/**
 * A feed of research papers loaded from a JSON corpus: our native format or a Hugging Face API
 * response (`api/daily_papers`, `api/papers/search`, `api/papers/{id}`), detected from content.
 *
 * The corpus comes from the `papers` property, else the `src` URL, else an inline
 * `<script type="application/json">` child. Loading, error and empty states are distinct; a newer
 * `src` aborts the older request and stale responses are dropped. Papers can be sorted, filtered by
 * attributes or facet chips, grouped under headings, paged by day/week/month as on the Daily Papers
 * page, shown as a list, a compact list or a grid, and long feeds are virtualized.
 *
 * @tag paper-feed
 * @summary Loads a corpus and renders a sorted, filterable, searchable list of paper cards.
 *
 * @slot - An inline corpus: `<script type="application/json">…</script>`. Not displayed.
 *
 * @csspart feed - The container of everything the feed shows.
 * @csspart toolbar - The bar holding the period navigation and the .bib download.
 * @csspart period - The period navigation (previous, label, next).
 * @csspart period-label - The label of the period shown.
 * @csspart period-button - The previous and next buttons.
 * @csspart facets - The facet chips.
 * @csspart facet-group - One facet's group of chips.
 * @csspart chip - A facet chip (a toggle button).
 * @csspart list - The list of cards (`ul`).
 * @csspart group-heading - A group heading (day, week, month, year, venue or type).
 * @csspart item - Each list item.
 * @csspart card - Each `paper-card`.
 * @csspart card-base - The card container of each card (exported from `paper-card`).
 * @csspart card-title - Each card's title.
 * @csspart card-meta - Each card's meta line.
 * @csspart card-abstract - Each card's abstract.
 * @csspart card-links - Each card's links.
 * @csspart more - The "Show more papers" button.
 * @csspart similar-heading - The heading above similar papers ("Papers similar to …").
 * @csspart back - The "Back to all papers" button of the similar-papers view.
 * @csspart download - The "Download .bib" button.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error box.
 * @csspart error-message - The error message.
 * @csspart retry - The retry button.
 * @csspart empty - The empty / no-match message.
 * @csspart notice - The notice about entries that could not be read.
 *
 * @cssprop --paper-gap - Space between cards (default: 0.75rem).
 * @cssprop --paper-feed-background - Background of a feed with `theme` set (default: the theme's page color).
 * @cssprop --paper-color-subtle - Background of chips, buttons and placeholders.
 * @cssprop --paper-focus-ring - Focus outline (default: 2px solid the accent color).
 * @cssprop --paper-grid-min - Smallest card width in the grid layout (default: 18rem).
 * @cssprop --paper-color-danger - Error color.
 * @cssprop --paper-color-text - Text color (default: inherited from the page).
 * @cssprop --paper-color-muted - Muted text color.
 * @cssprop --paper-color-border - Border color.
 * @cssprop --paper-color-surface - Card background.
 * @cssprop --paper-color-accent - Accent color (buttons, chips, highlighted authors).
 * @cssprop --paper-radius - Corner radius.
 * @cssprop --paper-space - Base spacing.
 *
 * @fires paper-load - The corpus loaded: `{ count, total, format, source }`.
 * @fires paper-error - The corpus could not be loaded: `{ kind, message, status?, url? }`.
 * @fires paper-warning - Some records could not be read: `{ problems, skipped, total }`.
 * @fires paper-results - The shown papers changed (new corpus, query, filter or order) and are on screen: fired once their cards are rendered in the DOM (before the browser lays them out and paints), never for a query the search engine has not answered yet. `{ query, count, total }`.
 */
export class PaperFeed extends LocalizedElement {
  /**
   * Reactive properties (attributes configure; see each field's comment). Declared here rather
   * than with decorators: smaller in the CDN file. Internal state repeats `attribute: false` so
   * that the Custom Elements Manifest does not list it as an attribute.
   */
  static override properties: PropertyDeclarations = {
    src: {},
    format: {},
    sort: { reflect: true },
    limit: { type: Number },
    pageSize: { attribute: 'page-size', type: Number },
    query: {},
    groupBy: { attribute: 'group-by' },
    period: {},
    date: { reflect: true },
    layout: { reflect: true },
    density: { reflect: true },
    theme: { reflect: true },
    year: {},
    from: {},
    to: {},
    tag: {},
    author: {},
    organization: {},
    type: {},
    venue: {},
    selected: { type: Boolean },
    hasCode: { attribute: 'has-code', type: Boolean },
    facets: {},
    highlightAuthors: { attribute: 'highlight-authors' },
    cite: { type: Boolean },
    similar: { type: Boolean },
    searchIndex: { attribute: 'search-index' },
    bibtexDownload: { attribute: 'bibtex-download', type: Boolean },
    thumbnails: { type: Boolean },
    virtualize: {},
    baseUrl: { attribute: 'base-url' },
    maxSize: { attribute: 'max-size', type: Number },
    timeout: { type: Number },
    headingLevel: { attribute: 'heading-level', type: Number },
    papers: { attribute: false },
    now: { attribute: false },
    inlineText: { state: true, attribute: false },
    attempt: { state: true, attribute: false },
    pages: { state: true, attribute: false },
    facetSelection: { state: true, attribute: false },
    extras: { state: true, attribute: false },
    virtualModule: { state: true, attribute: false },
    ranked: { state: true, attribute: false },
    similarTo: { state: true, attribute: false },
    indexView: { state: true, attribute: false },
  };

  static override styles = [themeStyles, paperFeedStyles];

  /**
   * URL of the corpus: JSON (ours, Hugging Face, CSL-JSON), BibTeX, arXiv Atom or JSON Lines,
   * detected from content. Several URLs separated by spaces are merged. Relative URLs resolve
   * against the page, as do relative links inside the corpus (al-folio `pdf = {paper.pdf}`).
   */
  src?: string;

  /** Corpus format: `auto` (detect from content), or one of `native`, `hf-daily`, `hf-search`, `hf-paper`, `bibtex`, `csl-json`, `arxiv-atom`, `arxiv-jsonl`, `arxiv-kaggle`. */
  format: CorpusFormat | 'auto' = 'auto';

  /**
   * Order: `date` (newest first, stable within a day), `upvotes` (or `trending`), `title`, or
   * `relevance`. While a query is active, `date` and `relevance` show the best matches first.
   */
  sort: SortKey | 'trending' | 'relevance' = 'date';

  /** Maximum number of papers shown (all when unset or 0). */
  limit?: number;

  /** Papers shown at first and added by each "Show more papers" (all at once when unset or 0). */
  pageSize?: number;

  /** Shows only papers matching this text (set by `paper-search`). */
  query = '';

  /** Headings by `day`, `week`, `month`, `year`, `venue` or `type`; `none` for a flat list. */
  groupBy: GroupBy = 'none';

  /** Shows one `day`, `week` or `month` at a time, with previous and next controls. */
  period?: Period;

  /** The date of the period shown (`YYYY-MM-DD`, or `today`: the latest day with papers). Reflected. */
  date?: string;

  /** `list` (default), `compact` (title and meta line only) or `grid`. Reflected for styling. */
  layout: 'list' | 'compact' | 'grid' = 'list';

  /** Spacing: `comfortable` (default) or `compact`. Reflected for styling. */
  density: 'comfortable' | 'compact' = 'comfortable';

  /** `light` or `dark` forces a color scheme; unset follows the page. Reflected for styling. */
  theme?: 'light' | 'dark';

  /** Only papers of this year or range (`2024`, `2020..2023`, `2020..`). */
  year?: string;

  /** Only papers published on or after this date (`YYYY-MM-DD`). */
  from?: string;

  /** Only papers published on or before this date (`YYYY-MM-DD`). */
  to?: string;

  /** Only papers with one of these tags or keywords (comma-separated). */
  tag?: string;

  /** Only papers by one of these authors (separated by `;`; initials and "Last, First" match). */
  author?: string;

  /** Only papers of one of these organizations (comma-separated). */
  organization?: string;

  /** Only papers of one of these types (comma-separated: `conference, article`, …). */
  type?: string;

  /** Only papers whose venue contains one of these (comma-separated). */
  venue?: string;

  /** Only papers marked as selected. */
  selected = false;

  /** Only papers with a code link. */
  hasCode = false;

  /** Facet chips to show, with counts: any of `year tag type venue organization author selected code`. */
  facets = '';

  /** People to highlight in author lists (separated by `;`). */
  highlightAuthors = '';

  /** Shows a Cite button on each card (copies BibTeX). */
  cite = false;

  /** Offers "Similar papers" on each card: the feed then lists the papers closest to that one. */
  similar = false;

  /**
   * URL of a chunked search index written by `paper-corpus index` (Pagefind): queries are answered
   * from it, downloading only the parts a query needs, for corpora too large to load in a page.
   * Without `src`, the feed lists the index's newest papers until something is typed.
   */
  searchIndex?: string;

  /** Shows a "Download .bib" button for the papers shown. */
  bibtexDownload = false;

  /** Shows preview images (always shown in the grid layout). */
  thumbnails = false;

  /** `auto` virtualizes feeds of more than 200 papers (after `limit`, whatever a search shows) when there is no `page-size`; `on` always; `off` never. */
  virtualize: 'auto' | 'on' | 'off' = 'auto';

  /**
   * Where relative links inside the corpus point to (al-folio sites served under a sub-path, e.g.
   * `https://user.github.io/lab/`). Default: the site root.
   */
  baseUrl?: string;

  /** Largest corpus file accepted, in megabytes (0: no limit). The default takes 100,000 papers with abstracts. */
  maxSize = 256;

  /** Milliseconds before a request for `src` is given up (0: never). */
  timeout = 30000;

  /** ARIA heading level of the card titles (group headings are one level above). */
  headingLevel = 3;

  /** Papers given directly: an array of papers, or any corpus object the loader reads. Wins over `src`. */
  papers?: unknown;

  /** Reference "today" for dates and the `today` period. @internal */
  now?: Date;

  /** @internal */
  private inlineText?: string;

  /** @internal */
  private attempt = 0;

  /** @internal */
  private pages = 1;

  /** Facet chips pressed. @internal */
  facetSelection = new Map<FacetKey, Set<string>>();

  /** @internal */
  private extras?: ExtrasModule;

  /** @internal */
  private virtualModule?: VirtualModule;

  /** Ranked results for the current query, once the search engine answered. @internal */
  private ranked?: Ranked;

  /** The paper whose similar papers are shown, and their ids best first. @internal */
  private similarTo?: { paper: Paper; ids?: string[] };

  /** What the search index answered for the current query (or is answering). @internal */
  private indexView?: IndexView;
  /** @internal */
  private indexModule?: Promise<typeof import('./index-view.js')>;
  /** @internal */
  private indexAbort?: AbortController;

  /** @internal */
  private searchModule?: SearchModule;
  /** @internal */
  private engine?: { papers: readonly Paper[]; search: SearchEngine };
  /** @internal */
  private searchAbort?: AbortController;
  /** The corpus worker holding the loaded papers, until a search adopts it. @internal */
  private corpusWorker?: { papers: readonly Paper[]; worker: Worker };

  /** @internal */
  private visible: Paper[] = [];
  /** The inputs the shown papers were last computed from. @internal */
  private lastInputs: unknown[] = [];
  /** What to highlight in the cards shown (the query they were matched with). @internal */
  private shownHighlight?: (text: string) => [number, number][];
  /** The corpus sorted (no query, no filters). @internal */
  private sortedCorpus?: { papers: readonly Paper[]; key: SortKey; list: Paper[] };
  /** The last `rendered` list and what it was cut from. @internal */
  private renderedCache?: { visible: readonly Paper[]; limit: number; size: number; pages: number; list: Paper[] };
  /** @internal */
  private matched = 0;
  /** @internal */
  private beforeFacets: readonly Paper[] = [];
  /** @internal */
  private range?: { start: string; end: string };
  /** The query and shown papers last announced with `paper-results`. @internal */
  private announced: { query?: string; visible?: readonly Paper[] } = {};
  /** The list rows given to the virtualizer by the last render. @internal */
  private virtualRows?: readonly (Row | Paper)[];
  /** True when the last render gave the virtualizer new rows (it renders them a few microtasks later). @internal */
  private virtualRowsChanged = false;
  /** @internal */
  private childObserver?: MutationObserver;

  /** Shows the papers most similar to `paper` (more-like-this over its title, keywords and abstract). */
  async showSimilar(paper: Paper): Promise<void> {
    this.similarTo = { paper };
    const papers = this.loader.value?.papers ?? [];
    try {
      this.searchModule ??= await import('../../data/search/index.js');
      const { similarQuery } = await import('../../data/similar.js');
      if (this.engine?.papers !== papers) {
        this.engine?.search.dispose();
        this.engine = { papers, search: this.searchModule.createSearch(papers, this.searchOptions(papers)) };
      }
      const result = await this.engine.search.search(similarQuery(paper), { limit: 11, any: true });
      if (this.similarTo.paper !== paper) return;
      this.similarTo = { paper, ids: result.ids.filter((id) => id !== paper.id).slice(0, 10) };
    } catch {
      if (this.similarTo.paper === paper) this.similarTo = { paper, ids: [] };
    }
  }

  private readonly onSimilarRequest = (event: Event): void => {
    const detail = (event as CustomEvent<{ paper: Paper }>).detail;
    void this.showSimilar(detail.paper);
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  };

  /** @internal */
  private readonly loader = new Task<SourceArgs, LoadedCorpus>(this, {
    task: async ([src, format, papers, inline, timeout], { signal }) => {
      const options = { format: (CORPUS_FORMATS as readonly string[]).includes(format) ? (format as CorpusFormat) : 'auto' } as const;
      // Relative links inside a corpus (al-folio `pdf = {paper.pdf}` → /assets/pdf/paper.pdf) are
      // site-relative: resolve them against `base-url`, else the site root.
      const baseUrl = new URL(this.baseUrl ?? '/', document.baseURI).href;
      if (papers !== undefined && papers !== null) {
        const { loadCorpusValue, expectCorpus } = await loadCorpusModule();
        return expectCorpus(await loadCorpusValue(papers, { ...options, baseUrl }), 'The papers property is not a corpus');
      }
      const maxBytes = Math.max(0, this.maxSize) * 1024 * 1024;
      if (src?.trim()) return fetchCorpora(src, { ...options, signal, timeout, maxBytes, baseUrl: document.baseURI, linkBase: baseUrl });
      if (inline !== undefined) {
        const { loadCorpusText, expectCorpus } = await loadCorpusModule();
        return expectCorpus(await loadCorpusText(inline, { ...options, baseUrl }), 'The inline corpus could not be read');
      }
      return { ok: true, format: 'native', papers: [], problems: [], total: 0 };
    },
    args: () => [this.src, this.format, this.papers, this.inlineText, this.timeout, this.attempt, this.baseUrl],
    onComplete: (corpus) => {
      this.onLoaded(corpus);
    },
    onError: (error) => {
      this.dispatchEvent(paperEvent<PaperErrorDetail>('paper-error', this.errorDetail(error)));
    },
  });

  /** The papers of the loaded corpus, in corpus order (empty until loaded). */
  get loadedPapers(): readonly Paper[] {
    return this.loader.value?.papers ?? [];
  }

  /** The papers matching the query and filters, in display order (before paging). */
  get shownPapers(): readonly Paper[] {
    return this.visible;
  }

  /** Loads the corpus again (after an error, or to refresh). */
  reload(): void {
    this.attempt++;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readInline();
    this.renderRoot.addEventListener('paper-similar', this.onSimilarRequest);
    // Children may arrive after the element upgrades (parser still running); watch for them.
    this.childObserver = new MutationObserver(() => {
      this.readInline();
    });
    this.childObserver.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver?.disconnect();
    this.searchAbort?.abort();
    this.engine?.search.dispose();
    this.engine = undefined;
    this.corpusWorker?.worker.terminate();
    this.corpusWorker = undefined;
    this.indexAbort?.abort();
    void this.indexModule?.then((m) => {
      m.closeIndex(this);
    });
  }

  /** True when the search index answers: a query is typed, or there is no corpus to list. */
  private get usesIndex(): boolean {
    return !!this.searchIndex && (!!this.query.trim() || (!this.src?.trim() && (this.papers === undefined || this.papers === null) && this.inlineText === undefined));
  }

  /**
   * Asks the search index for the papers of the query (the newest ones without a query), a page
   * at a time (`more` appends the next page). A newer query aborts the older one.
   */
  private async runIndexSearch(more = false): Promise<void> {
    const query = this.query.trim();
    this.indexAbort?.abort();
    const controller = new AbortController();
    this.indexAbort = controller;
    const previous = more && this.indexView?.query === query ? this.indexView : undefined;
    this.indexView = { ...(previous ?? { query, total: 0, papers: [] }), busy: true };
    const size = this.pageSize && this.pageSize > 0 ? Math.floor(this.pageSize) : 20;
    let view: IndexView | undefined;
    try {
      view = await (this.indexModule ??= import('./index-view.js')).then((m) => m.searchIndex(this, this.searchIndex ?? '', query, size, previous, controller.signal));
    } catch (e) {
      // The index chunk itself could not load.
      view = { query, total: 0, papers: [], error: String(e) };
    }
    if (view && !controller.signal.aborted) this.indexView = view;
  }

  private renderIndexView(): TemplateResult {
    const view = this.indexView;
    if (!view || (view.busy && !view.papers.length)) return this.renderLoading();
    if (view.error) return this.renderFailure(view.error, () => void this.runIndexSearch());
    if (!view.papers.length) return html`<p class="state" part="empty">${view.query ? this.t('noMatch', { query: view.query }) : this.t('empty')}</p>`;
    return html`<div class="list" part="list" role="list" aria-label=${this.t('feedLabel')}>
        ${view.papers.map((paper) => html`<div role="listitem" class="row paper">${this.renderCard(paper, view.highlight)}</div>`)}
      </div>
      ${view.papers.length < view.total
        ? html`<button class="more" part="more" type="button" ?disabled=${!!view.busy} @click=${() => void this.runIndexSearch(true)}>${this.t('showMorePapers')}</button>`
        : nothing}`;
  }

  private readInline(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    const text = script?.textContent ?? undefined;
    if (text !== this.inlineText) this.inlineText = text;
  }

  /**
   * The search options for `papers`: the corpus worker that parsed them, if no search took it yet
   * (it then builds the index from its own copy, so nothing is copied to it again).
   */
  private searchOptions(papers: readonly Paper[]): { worker?: Worker } {
    const held = this.corpusWorker;
    if (held?.papers !== papers) return {};
    this.corpusWorker = undefined;
    return { worker: held.worker };
  }

  /** True while the corpus worker holds these papers and no search adopted it. */
  private holds(papers: readonly Paper[]): boolean {
    return this.corpusWorker?.papers === papers;
  }

  /**
   * A large corpus was parsed in the worker: once the page is idle, have it build the search
   * index there too, so that the first query is answered at once.
   */
  private warmSearch(papers: readonly Paper[]): void {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    const start = async (): Promise<void> => {
      if (!this.holds(papers)) return;
      try {
        this.searchModule ??= await import('../../data/search/index.js');
      } catch {
        return; // The first query falls back to simple matching and says so.
      }
      if (!this.holds(papers) || this.engine?.papers === papers) return;
      this.engine?.search.dispose();
      this.engine = { papers, search: this.searchModule.createSearch(papers, this.searchOptions(papers)) };
    };
    if (idle) idle(() => void start(), { timeout: 2000 });
    else setTimeout(() => void start(), 200);
  }

  private errorDetail(error: unknown): PaperErrorDetail {
    // A FeedLoadError (from the loading chunk) carries its detail.
    const detail = (error as { detail?: PaperErrorDetail } | null)?.detail;
    if (detail && typeof detail.message === 'string') return detail;
    return { kind: 'network', message: `The papers could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
  }

  private onLoaded(corpus: LoadedCorpus): void {
    const source = this.papers !== undefined && this.papers !== null ? 'property' : this.src ? this.src : this.inlineText !== undefined ? 'inline' : 'none';
    this.facetSelection = new Map();
    this.similarTo = undefined;
    this.engine?.search.dispose();
    this.engine = undefined;
    this.ranked = undefined;
    this.corpusWorker?.worker.terminate();
    this.corpusWorker = corpus.worker ? { papers: corpus.papers, worker: corpus.worker } : undefined;
    // Sorted by the worker: the task that first shows a large feed does not sort it.
    if (corpus.newest) this.sortedCorpus = { papers: corpus.papers, key: 'date', list: corpus.newest };
    // The task calls onComplete before its value is set: hand the new papers over explicitly.
    if (this.query.trim()) void this.runSearch(corpus.papers);
    else if (this.corpusWorker) this.warmSearch(corpus.papers);
    this.dispatchEvent(
      paperEvent<PaperLoadDetail>('paper-load', { count: corpus.papers.length, total: corpus.total, format: corpus.format, source }),
    );
    if (corpus.problems.length) {
      this.dispatchEvent(
        paperEvent<PaperWarningDetail>('paper-warning', {
          problems: corpus.problems,
          skipped: corpus.problems.filter((p) => p.severity === 'error').length,
          total: corpus.total,
        }),
      );
    }
  }

  /** While searching, results come in relevance order unless `sort` asks for upvotes or title. */
  private get relevanceOrder(): boolean {
    return this.sort === 'relevance' || this.sort === 'date';
  }

  private get sortKey(): SortKey {
    const s = this.sort;
    return s === 'trending' ? 'upvotes' : s === 'upvotes' || s === 'title' ? s : 'date';
  }

  /** True when an attribute needs the optional features chunk. */
  private get needsExtras(): boolean {
    return Boolean(
      this.period || this.groupBy !== 'none' || this.facets.trim() || this.bibtexDownload || this.year || this.from || this.to || this.tag || this.author || this.organization || this.type || this.venue || this.selected || this.hasCode,
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const resetting = ['query', 'sort', 'year', 'from', 'to', 'tag', 'author', 'organization', 'type', 'venue', 'selected', 'hasCode', 'date', 'period', 'pageSize', 'papers', 'src'] as const;
    if (resetting.some((k) => changed.has(k))) this.pages = 1;
    if (this.needsExtras && !this.extras) {
      void import('./extras.js').then((m) => {
        this.extras = m;
      });
    }
    if (this.usesIndex) {
      if (changed.has('query') || changed.has('searchIndex') || changed.has('pageSize') || !this.indexView) void this.runIndexSearch();
    } else if (this.indexView) {
      this.indexAbort?.abort();
      this.indexView = undefined;
    }
    if (changed.has('query') && this.loader.status === TaskStatus.COMPLETE) void this.runSearch();
    if (this.loader.status === TaskStatus.COMPLETE && this.ready) this.computeVisible();
  }

  /**
   * Ranks the loaded papers for the query with the search engine (loaded on the first query; in a
   * Web Worker for large corpora). A newer query aborts the older one; until the answer arrives
   * the previous results stay on screen.
   */
  private async runSearch(papers: readonly Paper[] = this.loader.value?.papers ?? []): Promise<void> {
    const query = this.query.trim();
    this.searchAbort?.abort();
    if (!query) {
      this.ranked = undefined;
      return;
    }
    const controller = new AbortController();
    this.searchAbort = controller;
    try {
      this.searchModule ??= await import('../../data/search/index.js');
      const mod = this.searchModule;
      if (this.engine?.papers !== papers) {
        this.engine?.search.dispose();
        this.engine = { papers, search: mod.createSearch(papers, this.searchOptions(papers)) };
      }
      const result = await this.engine.search.search(query, { signal: controller.signal });
      if (controller.signal.aborted) return;
      // Prefixes of one or two letters are not highlighted: they would mark a good part of every
      // abstract ("di", "re"), and laying out those marks cost more than the rest of the results.
      const { matchedTerms } = result;
      const matchedPrefixes = result.matchedPrefixes.filter((p) => p.length > 2);
      this.ranked = { query, papers: this.papersOf(papers, result.indices), highlight: (text) => mod.highlightRanges(text, matchedTerms, matchedPrefixes) };
    } catch (e) {
      if (this.searchModule?.isAbortError(e) || controller.signal.aborted) return;
      // The engine failed (e.g. its chunk could not load): fall back to simple matching.
      this.ranked = { query, papers: filterPapers(papers, query), unranked: true };
      console.warn('paper-feed-elements: search engine unavailable, using simple matching.', e);
    }
  }



  /** The corpus is loaded and the chunks the attributes need are there. */
  private get ready(): boolean {
    return !this.needsExtras || !!this.extras;
  }

  /**
   * The papers of a search result, best first: by position in the array the index was built from
   * (the engine always indexes the array it is given, or, in the corpus worker, the same papers in
   * the same order). Ids are not read: building them costs as much as the rest at 50,000 papers.
   */
  private papersOf(papers: readonly Paper[], indices: readonly number[]): Paper[] {
    const out: Paper[] = [];
    for (const i of indices) {
      const at = papers[i] as Paper | undefined;
      if (at) out.push(at);
    }
    return out;
  }

  /** What the shown list depends on, besides the narrowing filters (see `computeVisible`). */
  private visibleInputs(extras: ExtrasModule | undefined, query: string, ranked: Ranked | undefined): unknown[] {
    const inputs: unknown[] = [this.loader.value?.papers, extras, query, ranked, !!this.searchModule, this.sort];
    // Filters, period and facets only apply through the extras chunk.
    if (extras) {
      inputs.push(this.year, this.from, this.to, this.tag, this.author, this.organization, this.type, this.venue, this.selected, this.hasCode);
      inputs.push(this.period, this.date, this.now, this.facetSelection);
    }
    return inputs;
  }

  /**
   * Computes the shown papers when one of their inputs changed (not on every update): the
   * corpus, narrowed by filters and period, matched by the query (the engine's ranking, or simple
   * matching until the engine has loaded), then facets, then sorted. While the engine works on a
   * new query nothing changes: the previous results stay, not re-sorted nor re-rendered.
   */
  private computeVisible(): void {
    const extras = this.needsExtras ? this.extras : undefined;
    const query = this.query.trim();
    const ranked = this.ranked && this.ranked.query === query ? this.ranked : undefined;
    if (query && !ranked && this.searchModule) return;
    const inputs = this.visibleInputs(extras, query, ranked);
    if (inputs.length === this.lastInputs.length && inputs.every((v, i) => Object.is(v, this.lastInputs[i]))) return;
    this.lastInputs = inputs;
    let papers: readonly Paper[] = this.loader.value?.papers ?? [];
    this.range = undefined;
    let sorted = false;
    if (extras) {
      const narrowed = extras.narrow(this, papers);
      papers = narrowed.papers;
      this.range = narrowed.range;
    }
    if (query && ranked) {
      if (extras) {
        const kept = new Set(papers);
        papers = ranked.papers.filter((p) => kept.has(p));
      } else {
        papers = ranked.papers;
      }
      // Ranked order, best first, unless `sort` asks for upvotes or title.
      sorted = this.relevanceOrder && !ranked.unranked;
    } else if (query) {
      // First keystrokes, before the engine has loaded: simple matching keeps the feed live.
      papers = filterPapers(papers, query);
    }
    this.beforeFacets = papers;
    if (extras) papers = extras.selectFacets(this, papers);
    if (sorted) this.visible = papers.slice();
    else if (!query && !extras) {
      // The whole corpus in order: sorted once per corpus and order, not each time a query is cleared.
      const key = this.sortKey;
      if (this.sortedCorpus?.papers !== papers || this.sortedCorpus.key !== key) this.sortedCorpus = { papers, key, list: sortPapers(papers, key) };
      this.visible = this.sortedCorpus.list.slice();
    } else this.visible = sortPapers(papers, this.sortKey);
    this.shownHighlight = ranked?.highlight;
    this.matched = this.visible.length;
  }

  /** The papers rendered now: `limit`, then pages of `page-size`. */
  private get rendered(): Paper[] {
    const limit = this.limit && this.limit > 0 ? Math.floor(this.limit) : 0;
    const size = this.pageSize && this.pageSize > 0 ? Math.floor(this.pageSize) : 0;
    const c = this.renderedCache;
    // The same array while nothing changed, so that the list (and the virtualizer) sees no change.
    if (c && c.visible === this.visible && c.limit === limit && c.size === size && c.pages === this.pages) return c.list;
    let list = limit ? this.visible.slice(0, limit) : this.visible;
    if (size) list = list.slice(0, size * this.pages);
    this.renderedCache = { visible: this.visible, limit, size, pages: this.pages, list };
    return list;
  }

  private get shouldVirtualize(): boolean {
    if (this.virtualize === 'off' || this.layout === 'grid') return false;
    if (this.virtualize === 'on') return true;
    if (this.pageSize && this.pageSize > 0) return false;
    // By the size of the feed, not of the current results: a search narrowing a long feed keeps
    // the virtualizer (switching to plain rendering would build every matching card at once).
    const limit = this.limit && this.limit > 0 ? Math.floor(this.limit) : Infinity;
    return Math.min(limit, this.loadedPapers.length) > VIRTUALIZE_ABOVE;
  }

  /** A query is set and the engine has not answered it yet (the previous results are shown). */
  private get searchPending(): boolean {
    const query = this.query.trim();
    return !!query && !!this.searchModule && this.ranked?.query !== query;
  }

  /**
   * Fires `paper-results` once the results are on screen: the virtualizer renders new rows a few
   * microtasks after the feed's update (its `rangeChanged`), then each card renders its own
   * content. Never later than the next frame (or 100 ms in a hidden tab); dropped when newer
   * results were rendered meanwhile.
   */
  private async announceResults(token: object, detail: PaperResultsDetail): Promise<void> {
    const list = this.virtualRowsChanged ? this.renderRoot.querySelector('.list.virtual') : null;
    if (list) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          list.removeEventListener('rangeChanged', done);
          cancelAnimationFrame(frame);
          clearTimeout(timer);
          resolve();
        };
        // Fallbacks: the next frame, or (hidden tabs have no frames) a tenth of a second.
        const frame = requestAnimationFrame(done);
        const timer = setTimeout(done, 100);
        list.addEventListener('rangeChanged', done);
      });
    }
    const cards = this.renderRoot.querySelectorAll<PaperCard>('.card');
    await Promise.all(Array.from(cards, (card) => card.updateComplete));
    if (token !== this.announced) return;
    this.dispatchEvent(paperEvent<PaperResultsDetail>('paper-results', detail));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.usesIndex ? this.indexView : undefined;
    if (view) {
      // Results from the search index: announced once their cards are rendered.
      if (!view.busy && !view.error && (changed as Map<PropertyKey, unknown>).has('indexView')) {
        void Promise.all(Array.from(this.renderRoot.querySelectorAll<PaperCard>('.card'), (c) => c.updateComplete)).then(() => {
          if (this.indexView === view) this.dispatchEvent(paperEvent<PaperResultsDetail>('paper-results', { query: view.query, count: view.total, total: view.total }));
        });
      }
      return;
    }
    if (this.loader.status !== TaskStatus.COMPLETE) return;
    // While the engine answers a new query the previous results stay on screen: no event for
    // them. Otherwise, once per query or change of the shown papers, when their cards are rendered.
    if (!this.searchPending && (this.query !== this.announced.query || this.visible !== this.announced.visible)) {
      this.announced = { query: this.query, visible: this.visible };
      void this.announceResults(this.announced, { query: this.query, count: this.matched, total: this.loadedPapers.length });
    }
    if (this.shouldVirtualize && !this.virtualModule) {
      void import('./virtual-list.js').then((m) => {
        this.virtualModule = m;
      });
    }
  }

  private toggleFacet = (key: FacetKey | undefined, value?: string): void => {
    const selection = key ? new Map(this.facetSelection) : new Map<FacetKey, Set<string>>();
    if (key && value !== undefined) {
      const values = new Set(selection.get(key) ?? []);
      if (values.has(value)) values.delete(value);
      else values.add(value);
      selection.set(key, values);
    }
    this.facetSelection = selection;
    this.pages = 1;
  };

  /** Downloads the papers shown as a .bib file. @internal */
  async downloadBibtex(): Promise<void> {
    const { feedToBibtex } = await import('../../data/cite.js');
    const blob = new Blob([feedToBibtex(this.visible)], { type: 'application/x-bibtex' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'papers.bib';
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  private renderLoading(): TemplateResult {
    return html`<div part="loading" aria-hidden="true">
      <ul class="list">
        ${[0, 1, 2].map(
          () => html`<li class="skeleton">
            <div class="bar title"></div>
            <div class="bar short"></div>
            <div class="bar"></div>
            <div class="bar"></div>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderFailure(message: string, retry: () => void): TemplateResult {
    return html`<div class="error" part="error" role="alert">
      <strong>${this.t('loadError')}</strong>
      <p part="error-message">${message}</p>
      <button part="retry" type="button" @click=${retry}>${this.t('retry')}</button>
    </div>`;
  }

  private renderNotice(corpus: LoadedCorpus): TemplateResult | typeof nothing {
    const errors = corpus.problems.filter((p) => p.severity === 'error');
    if (!errors.length) return nothing;
    const locale = this.effectiveLocale;
    const sources = errors.filter((p) => p.field === 'src');
    const records = errors.filter((p) => p.field !== 'src');
    return html`<details class="notice" part="notice">
      <summary>
        ${sources.map((p) => html`<span class="source-error">${p.reason}</span> `)}${records.length
          ? this.t('skipped', { n: formatCount(records.length, locale), total: formatCount(corpus.total, locale), count: records.length })
          : nothing}
      </summary>
      <ul>
        ${records.slice(0, 50).map(
          (p) => html`<li>${p.index !== undefined ? `#${p.index + 1}` : ''}${p.id ? ` (${p.id})` : ''}${p.field ? ` ${p.field}` : ''}: ${p.reason}</li>`,
        )}
        ${records.length > 50 ? html`<li>…</li>` : nothing}
      </ul>
    </details>`;
  }

  private renderCard(paper: Paper, highlight = this.shownHighlight): TemplateResult {
    const tag = cardTag();
    return staticHtml`<${tag}
      class="card"
      part="card"
      exportparts="base: card-base, title: card-title, meta: card-meta, abstract: card-abstract, links: card-links"
      .paper=${paper}
      .now=${this.now}
      .locale=${this.effectiveLocale}
      .strings=${this.strings}
      variant=${this.layout === 'compact' ? 'compact' : 'full'}
      heading-level=${this.headingLevel}
      highlight-authors=${this.highlightAuthors}
      ?cite=${this.cite}
      ?show-thumbnail=${this.thumbnails || this.layout === 'grid'}
      ?similar=${this.similar && !this.usesIndex}
      .highlight=${highlight}
    ></${tag}>`;
  }

  private renderRow = (row: Row): TemplateResult =>
    row.kind === 'heading'
      ? html`<div class="group-heading" part="group-heading" role="heading" aria-level=${Math.max(1, Math.min(6, this.headingLevel - 1))}>
          ${row.label} <span class="count">${formatCount(row.count, this.effectiveLocale)}</span>
        </div>`
      : html`<div class="item" part="item">${this.renderCard(row.paper)}</div>`;

  private renderSimilar(): TemplateResult {
    const target = this.similarTo;
    const byId = new Map(this.loadedPapers.map((p) => [p.id, p]));
    const papers = (target?.ids ?? []).map((id) => byId.get(id)).filter((p): p is Paper => !!p);
    return html`<div class="toolbar" part="toolbar">
        <div class="similar-title" part="similar-heading" role="heading" aria-level=${Math.max(1, Math.min(6, this.headingLevel - 1))}>
          ${this.t('similarTo', { title: target?.paper.title ?? '' })}
        </div>
        <button part="back" type="button" @click=${() => (this.similarTo = undefined)}>${this.t('backToAll')}</button>
      </div>
      ${!target?.ids
        ? this.renderLoading()
        : papers.length
          ? html`<div class="list" part="list" role="list" aria-label=${this.t('similar')}>
              ${papers.map((p) => html`<div role="listitem" class="row paper">${this.renderRow({ kind: 'paper', paper: p })}</div>`)}
            </div>`
          : html`<p class="state" part="empty">${this.t('noSimilar')}</p>`}`;
  }

  private renderList(corpus: LoadedCorpus): TemplateResult {
    if (this.similarTo) return this.renderSimilar();
    if (corpus.papers.length === 0) {
      return html`<p class="state" part="empty">${this.t('empty')}</p>`;
    }
    const extras = this.needsExtras ? this.extras : undefined;
    const toolbar = extras
      ? extras.renderToolbar(this, this.range, (date) => {
          this.date = date;
        })
      : nothing;
    const facets = extras ? extras.renderFacets(this, this.beforeFacets, this.toggleFacet) : nothing;
    const notice = this.renderNotice(corpus);
    if (this.visible.length === 0) {
      const message = this.query.trim() ? this.t('noMatch', { query: this.query.trim() }) : this.t('noneInPeriod');
      return html`${notice}${toolbar}${facets}<p class="state" part="empty">${message}</p>`;
    }
    const rendered = this.rendered;
    // Without group headings the papers are the rows: no per-search array of row objects (a
    // one-letter query at 50,000 papers has 48,000 results).
    const rows: readonly (Row | Paper)[] = extras ? extras.rows(this, rendered) : rendered;
    const row = (r: Row | Paper): TemplateResult => this.renderRow('kind' in r ? r : { kind: 'paper', paper: r });
    let list: unknown;
    this.virtualRowsChanged = false;
    if (this.shouldVirtualize) {
      if (this.virtualModule) {
        this.virtualRowsChanged = rows !== this.virtualRows;
        this.virtualRows = rows;
      }
      // Until the virtualizer chunk arrives, show the first rows only (a viewport's worth: the
      // first paint of a 50,000-paper feed is one task, and each card is ~1 ms of it).
      // Rows are keyed by position: a new search puts its papers into the cards already on screen
      // instead of building new ones (`segments.mjs 10k 8`: key press to results laid out p50
      // 9.3 → 8.1 ms, to the frame painted 18.1 → 13.9 ms). A card drops what the reader opened
      // (expanded abstract, all authors) when its paper changes.
      list = this.virtualModule
        ? html`<div class="list virtual" part="list" role="list" aria-label=${this.t('feedLabel')}>
            ${this.virtualModule.renderVirtual(rows as (Row | Paper)[], (r) => html`<div role="listitem" class="row">${row(r)}</div>`, (_r, i) => i)}
          </div>`
        : html`<div class="list" part="list" role="list" aria-label=${this.t('feedLabel')}>
            ${rows.slice(0, 6).map((r) => html`<div role="listitem" class="row">${row(r)}</div>`)}
          </div>`;
    } else {
      list = html`<div class="list" part="list" role="list" aria-label=${this.t('feedLabel')}>
        ${rows.map((r) => html`<div role="listitem" class="row ${'kind' in r ? r.kind : 'paper'}">${row(r)}</div>`)}
      </div>`;
    }
    const limit = this.limit && this.limit > 0 ? Math.min(this.limit, this.visible.length) : this.visible.length;
    const more =
      rendered.length < limit
        ? html`<button class="more" part="more" type="button" @click=${() => (this.pages += 1)}>${this.t('showMorePapers')}</button>`
        : nothing;
    return html`${notice}${toolbar}${facets}${list}${more}`;
  }

  /** "N papers", or "Showing N of M" while only some of the matches are rendered. */
  private counts(shown: number, matched: number, total: number): string {
    const locale = this.effectiveLocale;
    if (shown === total) return this.t('papers', { n: formatCount(total, locale), count: total });
    return this.t('showing', { n: formatCount(shown, locale), total: formatCount(matched, locale), count: shown });
  }

  private statusText(): string {
    const view = this.usesIndex ? this.indexView : undefined;
    if (view) return view.busy ? this.t('loading') : (view.error ?? this.counts(view.papers.length, view.total, view.total));
    switch (this.loader.status) {
      case TaskStatus.PENDING:
        return this.t('loading');
      case TaskStatus.ERROR:
        return this.errorDetail(this.loader.error).message;
      case TaskStatus.COMPLETE:
        return this.counts(this.rendered.length, this.matched, this.loadedPapers.length);
      default:
        return '';
    }
  }

  protected override render(): TemplateResult {
    const busy = this.loader.status === TaskStatus.PENDING || this.loader.status === TaskStatus.INITIAL || (this.loader.status === TaskStatus.COMPLETE && !this.ready);
    return html`<div part="feed" aria-busy=${busy ? 'true' : 'false'}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.statusText()}</div>
      ${this.usesIndex
        ? this.renderIndexView()
        : this.loader.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: (corpus) => (this.ready ? this.renderList(corpus) : this.renderLoading()),
        error: (error) => this.renderFailure(this.errorDetail(error).message, this.reload),
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paper-feed': PaperFeed;
  }
}
