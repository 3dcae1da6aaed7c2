import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import { readCorpus, parseCorpus, isCorpusFormat } from '../../data/parse.js';
import { filterPapers } from '../../data/search.js';
import { isSortKey, sortPapers, type SortKey } from '../../data/sort.js';
import { formatCount } from '../../data/format.js';
import type { CorpusFormat, Paper } from '../../data/types.js';
import { themeStyles } from '../shared/theme.styles.js';
import { strings } from '../shared/strings.js';
import { paperEvent, type PaperErrorDetail, type PaperLoadDetail, type PaperResultsDetail, type PaperWarningDetail } from '../shared/events.js';
import { FeedLoadError, expectCorpus, fetchCorpus, type LoadedCorpus } from './load.js';
import { paperFeedStyles } from './paper-feed.styles.js';

/** What the task loads from. */
type SourceArgs = [src: string | undefined, format: string, papers: unknown, inline: string | undefined, timeout: number, attempt: number];

/**
 * A feed of research papers loaded from a JSON corpus: our native format or a Hugging Face API
 * response (`api/daily_papers`, `api/papers/search`, `api/papers/{id}`), detected from content.
 *
 * The corpus comes from the `papers` property, else the `src` URL, else an inline
 * `<script type="application/json">` child. Loading, error and empty states are distinct; a newer
 * `src` aborts the older request and stale responses are dropped.
 *
 * @tag paper-feed
 * @summary Loads a corpus and renders a sorted, searchable list of paper cards.
 *
 * @slot - An inline corpus: `<script type="application/json">…</script>`. Not displayed.
 *
 * @csspart feed - The container of everything the feed shows.
 * @csspart list - The list of cards (`ul`).
 * @csspart item - Each list item.
 * @csspart card - Each `paper-card`; style its inner parts through `::part()` on the card's exported parts.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error box.
 * @csspart error-message - The error message.
 * @csspart retry - The retry button.
 * @csspart empty - The empty / no-match message.
 * @csspart notice - The notice about entries that could not be read.
 *
 * @cssprop --paper-gap - Space between cards (default: 0.75rem).
 * @cssprop --paper-color-danger - Error color.
 * @cssprop --paper-color-text - Text color (default: inherited from the page).
 * @cssprop --paper-color-muted - Muted text color.
 * @cssprop --paper-color-border - Border color.
 * @cssprop --paper-radius - Corner radius.
 * @cssprop --paper-space - Base spacing.
 *
 * @fires paper-load - The corpus loaded: `{ count, total, format, source }`.
 * @fires paper-error - The corpus could not be loaded: `{ kind, message, status?, url? }`.
 * @fires paper-warning - Some records could not be read: `{ problems, skipped, total }`.
 * @fires paper-results - The shown papers changed (new corpus or query): `{ query, count, total }`.
 */
export class PaperFeed extends LitElement {
  static override styles = [themeStyles, paperFeedStyles];

  /** URL of the corpus (JSON). Relative URLs resolve against the page. */
  @property() src?: string;

  /** Corpus format: `auto` (detect from content), `native`, `hf-daily`, `hf-search` or `hf-paper`. */
  @property() format: CorpusFormat | 'auto' = 'auto';

  /** Order of the papers: `date` (newest first), `upvotes` (most first) or `title`. */
  @property({ reflect: true }) sort: SortKey = 'date';

  /** Maximum number of papers shown (all when unset or 0). */
  @property({ type: Number }) limit?: number;

  /** Shows only papers matching this text (set by `paper-search`). */
  @property() query = '';

  /** Milliseconds before a request for `src` is given up (0: never). */
  @property({ type: Number }) timeout = 30000;

  /** ARIA heading level of the card titles. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** BCP 47 locale for dates and numbers; defaults to the nearest `lang` attribute. */
  @property() locale?: string;

  /** Papers given directly: an array of papers, or any corpus object the loader reads. Wins over `src`. */
  @property({ attribute: false }) papers?: unknown;

  /** Reference "today" for date formatting. @internal */
  @property({ attribute: false }) now?: Date;

  /** @internal */
  @state() private inlineText?: string;

  /** @internal */
  @state() private attempt = 0;

  /** @internal */
  private visible: Paper[] = [];
  /** @internal */
  private matched = 0;
  /** @internal */
  private lastResults = '';
  /** @internal */
  private childObserver?: MutationObserver;

  /** @internal */
  private readonly loader = new Task<SourceArgs, LoadedCorpus>(this, {
    task: async ([src, format, papers, inline, timeout], { signal }) => {
      const options = { format: isCorpusFormat(format) ? format : 'auto' } as const;
      if (papers !== undefined && papers !== null) return expectCorpus(readCorpus(papers, options), 'The papers property is not a corpus');
      if (src) return fetchCorpus(src, { ...options, signal, timeout, baseUrl: document.baseURI });
      if (inline !== undefined) return expectCorpus(parseCorpus(inline, options), 'The inline corpus could not be read');
      return { ok: true, format: 'native', papers: [], problems: [], total: 0 };
    },
    args: () => [this.src, this.format, this.papers, this.inlineText, this.timeout, this.attempt],
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

  /** The papers currently shown, in display order. */
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
    // Children may arrive after the element upgrades (parser still running); watch for them.
    this.childObserver = new MutationObserver(() => {
      this.readInline();
    });
    this.childObserver.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver?.disconnect();
  }

  private readInline(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    const text = script?.textContent ?? undefined;
    if (text !== this.inlineText) this.inlineText = text;
  }

  private errorDetail(error: unknown): PaperErrorDetail {
    if (error instanceof FeedLoadError) return error.detail;
    return { kind: 'network', message: `The papers could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
  }

  private onLoaded(corpus: LoadedCorpus): void {
    const source = this.papers !== undefined && this.papers !== null ? 'property' : this.src ? this.src : this.inlineText !== undefined ? 'inline' : 'none';
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sort') && !isSortKey(this.sort)) this.sort = 'date';
  }

  private computeVisible(): void {
    const papers = this.loader.value?.papers ?? [];
    const matched = filterPapers(papers, this.query);
    const sorted = sortPapers(matched, isSortKey(this.sort) ? this.sort : 'date');
    this.matched = sorted.length;
    const limit = this.limit && this.limit > 0 ? Math.floor(this.limit) : undefined;
    this.visible = limit ? sorted.slice(0, limit) : sorted;
  }

  protected override updated(): void {
    if (this.loader.status !== TaskStatus.COMPLETE) return;
    const detail: PaperResultsDetail = { query: this.query, count: this.matched, total: this.loadedPapers.length };
    const key = `${detail.query}\u0000${detail.count}\u0000${detail.total}\u0000${String(this.loader.value?.papers.length)}`;
    if (key !== this.lastResults) {
      this.lastResults = key;
      this.dispatchEvent(paperEvent('paper-results', detail));
    }
  }

  private get locale_(): string | undefined {
    return this.locale ?? (this.closest('[lang]')?.getAttribute('lang') || undefined);
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
      <strong>${strings.loadError}</strong>
      <p part="error-message">${detail.message}</p>
      <button part="retry" type="button" @click=${this.reload}>${strings.retry}</button>
    </div>`;
  }

  private renderNotice(corpus: LoadedCorpus): TemplateResult | typeof nothing {
    const errors = corpus.problems.filter((p) => p.severity === 'error');
    if (!errors.length) return nothing;
    const locale = this.locale_;
    return html`<details class="notice" part="notice">
      <summary>${strings.skipped(formatCount(errors.length, locale), formatCount(corpus.total, locale))}</summary>
      <ul>
        ${errors.slice(0, 50).map(
          (p) => html`<li>${p.index !== undefined ? `#${p.index + 1}` : ''}${p.id ? ` (${p.id})` : ''}${p.field ? ` ${p.field}` : ''}: ${p.reason}</li>`,
        )}
      </ul>
    </details>`;
  }

  private renderList(corpus: LoadedCorpus): TemplateResult {
    const locale = this.locale_;
    if (corpus.papers.length === 0) {
      return html`<p class="state" part="empty">${strings.empty}</p>`;
    }
    if (this.visible.length === 0) {
      return html`${this.renderNotice(corpus)}<p class="state" part="empty">${strings.noMatch(this.query.trim())}</p>`;
    }
    return html`${this.renderNotice(corpus)}
      <ul class="list" part="list" aria-label=${strings.feedLabel}>
        ${repeat(
          this.visible,
          (p) => p.id,
          (p) =>
            html`<li part="item">
              <paper-card
                part="card"
                exportparts="base: card-base, title: card-title, meta: card-meta, abstract: card-abstract, links: card-links"
                .paper=${p}
                .now=${this.now}
                .locale=${locale}
                heading-level=${this.headingLevel}
              ></paper-card>
            </li>`,
        )}
      </ul>`;
  }

  private statusText(): string {
    const locale = this.locale_;
    switch (this.loader.status) {
      case TaskStatus.PENDING:
        return strings.loading;
      case TaskStatus.ERROR:
        return this.errorDetail(this.loader.error).message;
      case TaskStatus.COMPLETE: {
        const total = this.loadedPapers.length;
        if (this.visible.length === total) return strings.papers(formatCount(total, locale));
        return strings.showing(formatCount(this.visible.length, locale), formatCount(this.matched, locale));
      }
      default:
        return '';
    }
  }

  protected override render(): TemplateResult {
    if (this.loader.status === TaskStatus.COMPLETE) this.computeVisible();
    const busy = this.loader.status === TaskStatus.PENDING || this.loader.status === TaskStatus.INITIAL;
    return html`<div part="feed" aria-busy=${busy ? 'true' : 'false'}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.statusText()}</div>
      ${this.loader.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: (corpus) => this.renderList(corpus),
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
