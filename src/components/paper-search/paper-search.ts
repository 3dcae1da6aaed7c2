import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatCount } from '../../data/format.js';
import { themeStyles } from '../shared/theme.styles.js';
import { LocalizedElement } from '../shared/localized.js';
import { paperEvent, type PaperResultsDetail, type PaperSearchDetail } from '../shared/events.js';
import { paperSearchStyles } from './paper-search.styles.js';

/** The part of a feed that a search drives: anything with a `query` property. */
interface Searchable extends HTMLElement {
  query: string;
}

function isSearchable(el: Element | null): el is Searchable {
  return !!el && 'query' in el;
}

/**
 * A search box that filters the feeds it is bound to as the user types. Bind it with
 * `for="feed-id"` (several ids separated by spaces), or put the `paper-feed` inside it.
 *
 * @tag paper-search
 * @summary Filters one or more paper feeds as you type, and announces the result count.
 *
 * @slot - Optional: the feed(s) this search drives, when not bound with `for`.
 *
 * @csspart field - The wrapper of the icon and the input.
 * @csspart input - The search input.
 * @csspart status - The result count (a polite live region).
 *
 * @cssprop --paper-search-radius - Corner radius of the input (default: fully rounded).
 * @cssprop --paper-search-background - Background of the input.
 * @cssprop --paper-color-border - Border color.
 * @cssprop --paper-color-muted - Placeholder, icon and count color.
 *
 * Press "/" anywhere on the page to focus the box; Escape clears it.
 *
 * @fires paper-search - The query changed: `{ query }`.
 */
export class PaperSearch extends LocalizedElement {
  static override styles = [themeStyles, paperSearchStyles];

  /** Space-separated ids of the feeds to filter, looked up in the same document or shadow root. */
  @property({ attribute: 'for' }) for = '';

  /** The query. Setting it filters the bound feeds. */
  @property() value = '';

  /** Accessible label of the input (default: "Search papers", translated). */
  @property() label?: string;

  /** Placeholder of the input (default: "Search papers…", translated). */
  @property() placeholder?: string;

  /** Keeps the query in the page URL under this parameter (e.g. `q`), so a search can be shared and the back button restores it. */
  @property({ attribute: 'url-param' }) urlParam?: string;

  /** Disables the "/" keyboard shortcut that focuses the box. */
  @property({ attribute: 'no-shortcut', type: Boolean }) noShortcut = false;

  /** @internal */
  @state() private results?: PaperResultsDetail;

  /** @internal */
  private pushTimer?: ReturnType<typeof setTimeout>;

  /** @internal */
  private root?: Document | ShadowRoot;

  /** The feeds this search drives. */
  get targets(): Searchable[] {
    const ids = this.for.split(/\s+/).filter(Boolean);
    if (ids.length) {
      const root = this.getRootNode() as Document | ShadowRoot;
      return ids.map((id) => root.getElementById(id)).filter(isSearchable);
    }
    return Array.from(this.querySelectorAll('paper-feed')).filter(isSearchable);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.root = this.getRootNode() as Document | ShadowRoot;
    this.root.addEventListener('paper-results', this.onResults);
    document.addEventListener('keydown', this.onGlobalKeydown);
    window.addEventListener('popstate', this.onPopState);
    if (this.urlParam) {
      const fromUrl = new URL(location.href).searchParams.get(this.urlParam);
      if (fromUrl !== null) this.value = fromUrl;
      this.lastPushed = fromUrl ?? '';
    }
    // Feeds may be defined or connected after the search: apply a preset query once they are.
    if (this.value) {
      void customElements.whenDefined('paper-feed').then(() => {
        this.apply();
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.root?.removeEventListener('paper-results', this.onResults);
    document.removeEventListener('keydown', this.onGlobalKeydown);
    window.removeEventListener('popstate', this.onPopState);
    clearTimeout(this.pushTimer);
  }

  /** "/" focuses the first search box on the page, unless the user is typing somewhere. */
  private readonly onGlobalKeydown = (event: KeyboardEvent): void => {
    if (event.key !== '/' || this.noShortcut || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLElement && (origin.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(origin.tagName))) return;
    const first = [...document.querySelectorAll('paper-search')].find((s) => !s.noShortcut);
    if (first !== this) return;
    event.preventDefault();
    this.focus();
  };

  private readonly onPopState = (): void => {
    if (!this.urlParam) return;
    const value = new URL(location.href).searchParams.get(this.urlParam) ?? '';
    if (value !== this.value) {
      this.value = value;
      this.dispatchEvent(paperEvent<PaperSearchDetail>('paper-search', { query: value }));
    }
  };

  /** Writes the query to the URL: replaced while typing, a history entry once typing pauses. */
  private syncUrl(): void {
    if (!this.urlParam) return;
    const url = new URL(location.href);
    if (this.value) url.searchParams.set(this.urlParam, this.value);
    else url.searchParams.delete(this.urlParam);
    if (url.href === location.href) return;
    history.replaceState(history.state, '', url);
    clearTimeout(this.pushTimer);
    const param = this.urlParam;
    this.pushTimer = setTimeout(() => {
      // Commit the settled query as its own history entry so Back returns to the previous one.
      const current = new URL(location.href);
      history.replaceState(history.state, '', this.pushedFrom(current, param));
      history.pushState(history.state, '', current);
    }, 800);
  }

  /** @internal */
  private lastPushed = '';

  private pushedFrom(current: URL, param: string): URL {
    const previous = new URL(current.href);
    if (this.lastPushed) previous.searchParams.set(param, this.lastPushed);
    else previous.searchParams.delete(param);
    this.lastPushed = current.searchParams.get(param) ?? '';
    return previous;
  }

  /** Moves keyboard focus to the search box. */
  override focus(options?: FocusOptions): void {
    this.shadowRoot?.querySelector('input')?.focus(options);
  }

  private readonly onResults = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLElement) || !this.targets.includes(target as Searchable)) return;
    const detail = (event as CustomEvent<PaperResultsDetail>).detail;
    const all = this.targets;
    if (all.length > 1) {
      // Several feeds: add up what each last reported.
      this.perFeed.set(target, detail);
      let count = 0;
      let total = 0;
      for (const feed of all) {
        const d = this.perFeed.get(feed);
        count += d?.count ?? 0;
        total += d?.total ?? 0;
      }
      this.results = { query: detail.query, count, total };
    } else {
      this.results = detail;
    }
  };

  /** @internal */
  private readonly perFeed = new WeakMap<Element, PaperResultsDetail>();

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (changed.has('value') || changed.has('for')) this.apply();
  }

  private apply(): void {
    for (const feed of this.targets) if (feed.query !== this.value) feed.query = this.value;
  }

  private onInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
    this.syncUrl();
    this.dispatchEvent(paperEvent<PaperSearchDetail>('paper-search', { query: this.value }));
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.value) {
      event.preventDefault();
      this.value = '';
      this.syncUrl();
      this.dispatchEvent(paperEvent<PaperSearchDetail>('paper-search', { query: '' }));
    }
  }

  private statusText(): string {
    const r = this.results;
    if (!r || !r.query.trim() || r.query !== this.value) return '';
    return this.t('results', { n: formatCount(r.count, this.effectiveLocale), count: r.count });
  }

  protected override render(): TemplateResult {
    return html`<div class="field" part="field">
        ${html`<svg class="icon" viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><circle cx="8.5" cy="8.5" r="5.5"/><path d="m13 13 4.5 4.5" stroke-linecap="round"/></svg>`}
        <input
          part="input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-label=${this.label ?? this.t('searchLabel')}
          placeholder=${this.placeholder ?? this.t('searchPlaceholder')}
          .value=${this.value}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        />
      </div>
      <div class="status" part="status" role="status" aria-live="polite">${this.statusText()}</div>
      <slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paper-search': PaperSearch;
  }
}
