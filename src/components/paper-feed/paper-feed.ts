import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
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
  /** Paper ids, best first. */
  order: Map<string, number>;
  highlight: (text: string) => [number, number][];
}
type ExtrasModule = typeof import('./extras.js');
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
 * @fires paper-results - The shown papers changed (new corpus, query or filter): `{ query, count, total }`.
 */
export class PaperFeed extends LocalizedElement {
  static override styles = [themeStyles, paperFeedStyles];

  /**
   * URL of the corpus: JSON (ours, Hugging Face, CSL-JSON), BibTeX, arXiv Atom or JSON Lines,
   * detected from content. Several URLs separated by spaces are merged. Relative URLs resolve
   * against the page, as do relative links inside the corpus (al-folio `pdf = {paper.pdf}`).
   */
  @property() src?: string;

  /** Corpus format: `auto` (detect from content), or one of `native`, `hf-daily`, `hf-search`, `hf-paper`, `bibtex`, `csl-json`, `arxiv-atom`, `arxiv-jsonl`, `arxiv-kaggle`. */
  @property() format: CorpusFormat | 'auto' = 'auto';

  /**
   * Order: `date` (newest first, stable within a day), `upvotes` (or `trending`), `title`, or
   * `relevance`. While a query is active, `date` and `relevance` show the best matches first.
   */
  @property({ reflect: true }) sort: SortKey | 'trending' | 'relevance' = 'date';

  /** Maximum number of papers shown (all when unset or 0). */
  @property({ type: Number }) limit?: number;

  /** Papers shown at first and added by each "Show more papers" (all at once when unset or 0). */
  @property({ attribute: 'page-size', type: Number }) pageSize?: number;

  /** Shows only papers matching this text (set by `paper-search`). */
  @property() query = '';

  /** Headings by `day`, `week`, `month`, `year`, `venue` or `type`; `none` for a flat list. */
  @property({ attribute: 'group-by' }) groupBy: GroupBy = 'none';

  /** Shows one `day`, `week` or `month` at a time, with previous and next controls. */
  @property() period?: Period;

  /** The date of the period shown (`YYYY-MM-DD`, or `today`: the latest day with papers). Reflected. */
  @property({ reflect: true }) date?: string;

  /** `list` (default), `compact` (title and meta line only) or `grid`. Reflected for styling. */
  @property({ reflect: true }) layout: 'list' | 'compact' | 'grid' = 'list';

  /** Spacing: `comfortable` (default) or `compact`. Reflected for styling. */
  @property({ reflect: true }) density: 'comfortable' | 'compact' = 'comfortable';

  /** `light` or `dark` forces a color scheme; unset follows the page. Reflected for styling. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Only papers of this year or range (`2024`, `2020..2023`, `2020..`). */
  @property() year?: string;

  /** Only papers published on or after this date (`YYYY-MM-DD`). */
  @property() from?: string;

  /** Only papers published on or before this date (`YYYY-MM-DD`). */
  @property() to?: string;

  /** Only papers with one of these tags or keywords (comma-separated). */
  @property() tag?: string;

  /** Only papers by one of these authors (separated by `;`; initials and "Last, First" match). */
  @property() author?: string;

  /** Only papers of one of these organizations (comma-separated). */
  @property() organization?: string;

  /** Only papers of one of these types (comma-separated: `conference, article`, …). */
  @property() type?: string;

  /** Only papers whose venue contains one of these (comma-separated). */
  @property() venue?: string;

  /** Only papers marked as selected. */
  @property({ type: Boolean }) selected = false;

  /** Only papers with a code link. */
  @property({ attribute: 'has-code', type: Boolean }) hasCode = false;

  /** Facet chips to show, with counts: any of `year tag type venue organization author selected code`. */
  @property() facets = '';

  /** People to highlight in author lists (separated by `;`). */
  @property({ attribute: 'highlight-authors' }) highlightAuthors = '';

  /** Shows a Cite button on each card (copies BibTeX). */
  @property({ type: Boolean }) cite = false;

  /** Offers "Similar papers" on each card: the feed then lists the papers closest to that one. */
  @property({ type: Boolean }) similar = false;

  /** Shows a "Download .bib" button for the papers shown. */
  @property({ attribute: 'bibtex-download', type: Boolean }) bibtexDownload = false;

  /** Shows preview images (always shown in the grid layout). */
  @property({ type: Boolean }) thumbnails = false;

  /** `auto` virtualizes lists longer than 200 papers when there is no `page-size`; `on` always; `off` never. */
  @property() virtualize: 'auto' | 'on' | 'off' = 'auto';

  /**
   * Where relative links inside the corpus point to (al-folio sites served under a sub-path, e.g.
   * `https://user.github.io/lab/`). Default: the site root.
   */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Largest corpus file accepted, in megabytes (0: no limit). The default takes 100,000 papers with abstracts. */
  @property({ attribute: 'max-size', type: Number }) maxSize = 256;

  /** Milliseconds before a request for `src` is given up (0: never). */
  @property({ type: Number }) timeout = 30000;

  /** ARIA heading level of the card titles (group headings are one level above). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** Papers given directly: an array of papers, or any corpus object the loader reads. Wins over `src`. */
  @property({ attribute: false }) papers?: unknown;

  /** Reference "today" for dates and the `today` period. @internal */
  @property({ attribute: false }) now?: Date;

  /** @internal */
  @state() private inlineText?: string;

  /** @internal */
  @state() private attempt = 0;

  /** @internal */
  @state() private pages = 1;

  /** Facet chips pressed. @internal */
  @state() facetSelection = new Map<FacetKey, Set<string>>();

  /** @internal */
  @state() private extras?: ExtrasModule;

  /** @internal */
  @state() private virtualModule?: VirtualModule;

  /** Ranked results for the current query, once the search engine answered. @internal */
  @state() private ranked?: Ranked;

  /** The paper whose similar papers are shown, and their ids best first. @internal */
  @state() private similarTo?: { paper: Paper; ids?: string[] };

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
  /** @internal */
  private matched = 0;
  /** @internal */
  private beforeFacets: readonly Paper[] = [];
  /** @internal */
  private range?: { start: string; end: string };
  /** @internal */
  private lastResults = '';
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
      const order = new Map<string, number>();
      result.ids.forEach((id, i) => order.set(id, i));
      const { matchedTerms, matchedPrefixes } = result;
      this.ranked = { query, order, highlight: (text) => mod.highlightRanges(text, matchedTerms, matchedPrefixes) };
    } catch (e) {
      if (this.searchModule?.isAbortError(e) || controller.signal.aborted) return;
      // The engine failed (e.g. its chunk could not load): fall back to simple matching.
      this.ranked = undefined;
      console.warn('paper-feed-elements: search engine unavailable, using simple matching.', e);
    }
  }



  /** The corpus is loaded and the chunks the attributes need are there. */
  private get ready(): boolean {
    return !this.needsExtras || !!this.extras;
  }

  private computeVisible(): void {
    let papers: readonly Paper[] = this.loader.value?.papers ?? [];
    this.range = undefined;
    const extras = this.needsExtras ? this.extras : undefined;
    if (extras) {
      const narrowed = extras.narrow(this, papers);
      papers = narrowed.papers;
      this.range = narrowed.range;
    }
    const query = this.query.trim();
    const ranked = this.ranked && this.ranked.query === query ? this.ranked : undefined;
    if (query && ranked) {
      const order = ranked.order;
      papers = papers.filter((p) => order.has(p.id));
    } else if (query && !this.searchModule) {
      // First keystrokes, before the engine has loaded: simple matching keeps the feed live.
      papers = filterPapers(papers, query);
    } else if (query) {
      // The engine is answering: keep what was shown.
      papers = this.visible;
    }
    this.beforeFacets = papers;
    if (extras) papers = extras.selectFacets(this, papers);
    if (query && ranked && this.relevanceOrder) {
      const order = ranked.order;
      this.visible = papers.slice().sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    } else {
      this.visible = sortPapers(papers, this.sortKey);
    }
    this.matched = this.visible.length;
  }

  /** The papers rendered now: `limit`, then pages of `page-size`. */
  private get rendered(): Paper[] {
    const limit = this.limit && this.limit > 0 ? Math.floor(this.limit) : undefined;
    let list = limit ? this.visible.slice(0, limit) : this.visible;
    const size = this.pageSize && this.pageSize > 0 ? Math.floor(this.pageSize) : undefined;
    if (size) list = list.slice(0, size * this.pages);
    return list;
  }

  private get shouldVirtualize(): boolean {
    if (this.virtualize === 'off' || this.layout === 'grid') return false;
    if (this.virtualize === 'on') return true;
    return !(this.pageSize && this.pageSize > 0) && this.rendered.length > VIRTUALIZE_ABOVE;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.loader.status !== TaskStatus.COMPLETE) return;
    const detail: PaperResultsDetail = { query: this.query, count: this.matched, total: this.loadedPapers.length };
    const key = `${detail.query}\u0000${detail.count}\u0000${detail.total}\u0000${String(this.loader.value?.papers.length)}`;
    if (key !== this.lastResults) {
      this.lastResults = key;
      this.dispatchEvent(paperEvent('paper-results', detail));
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

  private renderError(error: unknown): TemplateResult {
    const detail = this.errorDetail(error);
    return html`<div class="error" part="error" role="alert">
      <strong>${this.t('loadError')}</strong>
      <p part="error-message">${detail.message}</p>
      <button part="retry" type="button" @click=${this.reload}>${this.t('retry')}</button>
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

  private renderCard(paper: Paper): TemplateResult {
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
      ?similar=${this.similar}
      .highlight=${this.query.trim() && this.ranked?.query === this.query.trim() ? this.ranked.highlight : undefined}
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
    const rows: Row[] = extras ? extras.rows(this, rendered) : rendered.map((paper) => ({ kind: 'paper', paper }));
    const key = (r: Row) => (r.kind === 'heading' ? `h:${r.key}` : r.paper.id);
    let list: unknown;
    if (this.shouldVirtualize) {
      // Until the virtualizer chunk arrives, show the first rows only: never 50,000 cards.
      list = this.virtualModule
        ? html`<div class="list virtual" part="list" role="list" aria-label=${this.t('feedLabel')}>
            ${this.virtualModule.renderVirtual(rows, (r) => html`<div role="listitem" class="row">${this.renderRow(r)}</div>`, key)}
          </div>`
        : html`<div class="list" part="list" role="list" aria-label=${this.t('feedLabel')}>
            ${rows.slice(0, 30).map((r) => html`<div role="listitem" class="row">${this.renderRow(r)}</div>`)}
          </div>`;
    } else {
      list = html`<div class="list" part="list" role="list" aria-label=${this.t('feedLabel')}>
        ${repeat(rows, key, (r) => html`<div role="listitem" class="row ${r.kind}">${this.renderRow(r)}</div>`)}
      </div>`;
    }
    const limit = this.limit && this.limit > 0 ? Math.min(this.limit, this.visible.length) : this.visible.length;
    const more =
      rendered.length < limit
        ? html`<button class="more" part="more" type="button" @click=${() => (this.pages += 1)}>${this.t('showMorePapers')}</button>`
        : nothing;
    return html`${notice}${toolbar}${facets}${list}${more}`;
  }

  private statusText(): string {
    const locale = this.effectiveLocale;
    switch (this.loader.status) {
      case TaskStatus.PENDING:
        return this.t('loading');
      case TaskStatus.ERROR:
        return this.errorDetail(this.loader.error).message;
      case TaskStatus.COMPLETE: {
        const total = this.loadedPapers.length;
        const shown = this.rendered.length;
        if (shown === total) return this.t('papers', { n: formatCount(total, locale), count: total });
        return this.t('showing', { n: formatCount(shown, locale), total: formatCount(this.matched, locale), count: shown });
      }
      default:
        return '';
    }
  }

  protected override render(): TemplateResult {
    const busy = this.loader.status === TaskStatus.PENDING || this.loader.status === TaskStatus.INITIAL || (this.loader.status === TaskStatus.COMPLETE && !this.ready);
    return html`<div part="feed" aria-busy=${busy ? 'true' : 'false'}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.statusText()}</div>
      ${this.loader.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: (corpus) => (this.ready ? this.renderList(corpus) : this.renderLoading()),
        error: (error) => this.renderError(error),
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paper-feed': PaperFeed;
  }
}
