import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { LINK_KINDS, type Author, type Paper } from '../../data/types.js';
import { dateTimeAttribute, formatCount, formatPaperDate, shortenAuthorList } from '../../data/format.js';
import { safeUrl } from '../../data/text.js';
import { themeStyles } from '../shared/theme.styles.js';
import { LocalizedElement } from '../shared/localized.js';
import type { PaperSelectDetail, PaperSimilarDetail } from '../shared/events.js';
import { paperCardStyles } from './paper-card.styles.js';

/** One ResizeObserver for every card: re-measures whether the abstract overflows its clamp. */
let resizeObserver: ResizeObserver | undefined;
const cardOf = new WeakMap<Element, PaperCard>();
function observeResize(el: Element, card: PaperCard): void {
  resizeObserver ??= new ResizeObserver((entries) => {
    // Measure in the next frame: changing layout inside the callback would make the browser
    // report a "ResizeObserver loop" error to the page.
    requestAnimationFrame(() => {
      for (const entry of entries) cardOf.get(entry.target)?.measureOverflow();
    });
  });
  cardOf.set(el, card);
  resizeObserver.observe(el);
}

type Parts = typeof import('./parts.js');

/** The optional parts (badges, author marks and highlighting, BibTeX), once loaded. */
let parts: Parts | undefined;
let partsLoading: Promise<Parts> | undefined;

function loadParts(): Promise<Parts> {
  return (partsLoading ??= import('./parts.js').then(
    (m) => (parts = m),
    (error: unknown) => {
      partsLoading = undefined;
      throw error;
    },
  ));
}

/**
 * Gives every card the optional parts from the start, for server rendering (Lit SSR renders
 * synchronously and cannot wait for a chunk; see define.ts). @internal
 */
export function useParts(module: Parts): void {
  parts = module;
}

/** True when a paper shows something from the optional parts (see parts.ts). */
function needsParts(p: Paper, highlightAuthors: string): boolean {
  return !!(
    p.venueShort ||
    (p.venue && p.venue !== 'arXiv') ||
    p.award ||
    (p.type && p.type !== 'preprint' && p.type !== 'misc') ||
    p.authors?.some((a) => a.equalContribution || a.corresponding) ||
    /[^\s;|]/.test(highlightAuthors)
  );
}

/** A cheap test for TeX delimiters; the math module decides whether they hold math. */
const mayHaveMath = (text: string | undefined): boolean => !!text && /\$|\\[([]/.test(text);

const commentIcon = html`<svg class="icon" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"><path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z"/></svg>`;


/**
 * A research paper: bold title, a muted meta line (authors or author count, organization, date,
 * upvotes, comments, venue), a clamped abstract with a show-more toggle, an AI summary and
 * keywords when known, links, and an optional Cite button. Every text comes from the corpus and is
 * rendered as text; only http(s) links are clickable.
 *
 * @tag paper-card
 * @summary Shows one paper in the calm, typographic style of the Daily Papers page.
 *
 * @slot title - Replaces the title.
 * @slot meta - Replaces the meta line.
 * @slot abstract - Replaces the abstract.
 * @slot links - Replaces the row of links.
 * @slot footer - Extra content at the end of the card.
 *
 * @csspart base - The card's container (`article`).
 * @csspart thumbnail - The preview image.
 * @csspart title - The title heading.
 * @csspart title-link - The link around the title, when the paper has a page.
 * @csspart meta - The meta line.
 * @csspart authors - The authors, or the author count.
 * @csspart author - Each author name.
 * @csspart author-highlighted - An author matched by `highlight-authors`.
 * @csspart more-authors - The button showing hidden authors.
 * @csspart organization - The organization.
 * @csspart date - The publication date (`time`).
 * @csspart upvotes - The upvote count.
 * @csspart comments - The comment count.
 * @csspart badge - The venue, type and award badges.
 * @csspart summary - The one-line AI summary.
 * @csspart abstract - The abstract.
 * @csspart toggle - The show more / show less button.
 * @csspart keywords - The list of keywords.
 * @csspart links - The row of links.
 * @csspart link - Each link.
 * @csspart cite - The Cite button.
 * @csspart similar - The "Similar papers" button.
 * @csspart highlight - A search term matched in the title or abstract (`mark`).
 *
 * @cssprop --paper-color-text - Text color (default: inherited from the page).
 * @cssprop --paper-color-muted - Meta line color (default: the text color at 62%).
 * @cssprop --paper-color-border - Border color (default: the text color at 14%).
 * @cssprop --paper-color-surface - Card background (default: transparent).
 * @cssprop --paper-color-accent - Accent color for buttons and highlighted authors.
 * @cssprop --paper-color-highlight - Background of highlighted search terms.
 * @cssprop --paper-font-family - Font (default: inherited from the page).
 * @cssprop --paper-title-font-family - Title font (default: --paper-font-family).
 * @cssprop --paper-title-size - Title font size (default: 1.125rem).
 * @cssprop --paper-title-weight - Title font weight (default: 700).
 * @cssprop --paper-meta-size - Meta line font size (default: 0.875rem).
 * @cssprop --paper-abstract-size - Abstract font size (default: 0.9375rem).
 * @cssprop --paper-abstract-color - Abstract text color (default: the text color).
 * @cssprop --paper-color-subtle - Background of keyword tags, badges and the BibTeX box.
 * @cssprop --paper-focus-ring - Focus outline (default: 2px solid the accent color).
 * @cssprop --paper-abstract-lines - Lines of abstract shown before "Show more" (default: 3).
 * @cssprop --paper-radius - Corner radius (default: 0.75rem).
 * @cssprop --paper-space - Base spacing (default: 1rem).
 * @cssprop --paper-card-padding - Card padding (default: --paper-space).
 *
 * @fires paper-similar - When "Similar papers" is pressed; `detail.paper` is the paper.
 * @fires paper-select - When the title link is activated; `detail.paper` is the paper. Call
 * `preventDefault()` to stop the navigation and open your own view.
 */
export class PaperCard extends LocalizedElement {
  /**
   * Reactive properties (attributes configure; see each field's comment). Declared here rather
   * than with decorators: smaller in the CDN file. Internal state repeats `attribute: false` so
   * that the Custom Elements Manifest does not list it as an attribute.
   */
  static override properties: PropertyDeclarations = {
    paper: { attribute: false },
    expanded: { type: Boolean, reflect: true },
    variant: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    maxAuthors: { attribute: 'max-authors', type: Number },
    highlightAuthors: { attribute: 'highlight-authors' },
    showThumbnail: { attribute: 'show-thumbnail', type: Boolean },
    cite: { type: Boolean },
    similar: { type: Boolean },
    highlight: { attribute: false },
    now: { attribute: false },
    overflowing: { state: true, attribute: false },
    allAuthors: { state: true, attribute: false },
    citeStatus: { state: true, attribute: false },
    citeText: { state: true, attribute: false },
    math: { state: true, attribute: false },
  };

  static override styles = [themeStyles, paperCardStyles];

  /** The paper to show. */
  paper?: Paper;

  /** Shows the whole abstract instead of the clamped one. Reflected for styling. */
  expanded = false;

  /** `full` (default) or `compact`: title and meta line only. Reflected for styling. */
  variant: 'full' | 'compact' = 'full';

  /** ARIA heading level of the title (1–6). */
  headingLevel = 3;

  /** Authors shown before the list is shortened ("A, B, C … +42 more"). */
  maxAuthors = 8;

  /** People to highlight among the authors, separated by `;` (e.g. `Jan Kästner; Lovelace, A.`). */
  highlightAuthors = '';

  /** Shows the paper's preview image when it has one. */
  showThumbnail = false;

  /** Shows a Cite button that copies the paper's BibTeX. */
  cite = false;

  /** Shows a "Similar papers" button (fires `paper-similar`; a feed with `similar` answers it). */
  similar = false;

  /**
   * Marks matched search terms: a function giving the `[start, end)` ranges to highlight in a
   * text (the feed sets it while a query is active). Highlights are `<mark part="highlight">`.
   */
  highlight?: (text: string) => [number, number][];

  /** Reference "today" for date formatting (the year is shown for other years). @internal */
  now?: Date;

  /** @internal */
  private overflowing = false;

  /** @internal */
  private allAuthors = false;

  /** @internal */
  private citeStatus: '' | 'copied' | 'failed' = '';

  /** @internal */
  private citeText = '';

  /** The reader expanded this paper's abstract (not the page, through `expanded`). @internal */
  private openedHere = false;

  /** @internal */
  private math?: typeof import('../shared/math.js');

  /** Rendered math per text, so formulas are built once per paper. @internal */
  private mathCache = new Map<string, (string | Element)[]>();

  /** @internal */
  private get abstractEl(): HTMLElement | null {
    return this.renderRoot.querySelector('.abstract');
  }

  /** @internal */
  private observed?: Element;

  /** @internal */
  private citeTimer?: ReturnType<typeof setTimeout>;

  /** @internal */
  measureOverflow(): void {
    const el = this.abstractEl;
    if (!el) return;
    this.overflowing = this.expanded || el.scrollHeight > el.clientHeight + 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('paper')) {
      this.mathCache.clear();
      const p = this.paper;
      if (!this.math && p && (mayHaveMath(p.title) || mayHaveMath(p.abstract) || mayHaveMath(p.summary))) {
        // KaTeX arrives only for papers that need it (a small module checks the delimiters
        // first, so "$5 and $10" loads no renderer); until then the TeX shows as text.
        import('../../data/math.js')
          .then(({ hasMath }) => (hasMath(p.title) || hasMath(p.abstract) || hasMath(p.summary) ? import('../shared/math.js') : undefined))
          .then(
            (m) => {
              if (m) this.math = m;
            },
            () => {
              // Math stays as readable TeX text when the renderer cannot load.
            },
          );
      }
      this.allAuthors = false;
      this.citeStatus = '';
      this.citeText = '';
      // A feed reuses its cards for other papers: what the reader opened was for the old one.
      if (this.openedHere && changed.get('paper') !== undefined) this.expanded = false;
      this.openedHere = false;
    }
    const p = this.paper;
    if (!parts && p && needsParts(p, this.highlightAuthors)) {
      loadParts().then(
        () => {
          this.requestUpdate();
        },
        () => {
          // Without the optional parts the card shows everything else.
        },
      );
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const el = this.abstractEl;
    if (el && el !== this.observed) {
      if (this.observed) resizeObserver?.unobserve(this.observed);
      this.observed = el;
      observeResize(el, this);
    } else if (el && (changed.has('paper') || changed.has('variant'))) {
      // Next frame: setting state during updated() would schedule a second update right away.
      requestAnimationFrame(() => {
        this.measureOverflow();
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.observed) resizeObserver?.unobserve(this.observed);
    this.observed = undefined;
    clearTimeout(this.citeTimer);
  }

  private toggle(): void {
    this.expanded = !this.expanded;
    this.openedHere = this.expanded;
  }

  private onTitleClick(event: MouseEvent): void {
    if (!this.paper || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const selectEvent = new CustomEvent<PaperSelectDetail>('paper-select', {
      detail: { paper: this.paper },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (!this.dispatchEvent(selectEvent)) event.preventDefault();
  }

  private onSimilar(): void {
    if (this.paper) this.dispatchEvent(new CustomEvent<PaperSimilarDetail>('paper-similar', { detail: { paper: this.paper }, bubbles: true, composed: true }));
  }

  private async onCite(): Promise<void> {
    if (!this.paper) return;
    const { toBibtex } = await loadParts();
    const text = toBibtex(this.paper);
    clearTimeout(this.citeTimer);
    try {
      await navigator.clipboard.writeText(text);
      this.citeStatus = 'copied';
      this.citeText = '';
      this.citeTimer = setTimeout(() => {
        this.citeStatus = '';
      }, 2500);
    } catch {
      // No clipboard (insecure context, denied permission): show the text to copy by hand.
      this.citeStatus = 'failed';
      this.citeText = text;
    }
  }

  /** Plain text with the highlighted ranges wrapped in `<mark>` (built as DOM, never as markup). */
  private marked(text: string): unknown {
    const ranges = this.highlight?.(text);
    if (!ranges?.length) return text;
    const parts: unknown[] = [];
    let at = 0;
    for (const [start, end] of ranges) {
      if (start < at || end <= start) continue;
      parts.push(text.slice(at, start), html`<mark part="highlight">${text.slice(start, end)}</mark>`);
      at = end;
    }
    parts.push(text.slice(at));
    return parts;
  }

  /** Text, with its `$…$` formulas rendered once the math module is loaded, and search highlights. */
  private rich(text: string): unknown {
    if (!this.math || !mayHaveMath(text)) return this.marked(text);
    let out = this.mathCache.get(text);
    if (!out) {
      try {
        out = this.math.renderMathText(text);
      } catch {
        out = [text];
      }
      this.mathCache.set(text, out);
    }
    // No formula in it: plain text, with its search highlights.
    return out.length === 1 && out[0] === text ? this.marked(text) : out;
  }

  private renderAuthor(author: Author, highlighted: boolean): TemplateResult {
    const name = highlighted ? html`<strong part="author author-highlighted">${author.name}</strong>` : html`<span part="author">${author.name}</span>`;
    return html`${name}${parts?.marks(author, this.t)}`;
  }

  private renderAuthors(paper: Paper, locale: string | undefined): TemplateResult | typeof nothing {
    const authors = paper.authors ?? [];
    if (!authors.length) {
      const n = paper.authorCount;
      return n ? html`<span class="authors" part="authors">${this.t('authorCount', { n: formatCount(n, locale), count: n })}</span>` : nothing;
    }
    const { shown, hidden } = shortenAuthorList(authors, parts?.highlighter(this.highlightAuthors), Math.max(2, this.maxAuthors), this.allAuthors);
    const items: (TemplateResult | string)[] = [];
    let previous = -1;
    for (const a of shown) {
      if (previous >= 0) items.push(a.index - previous > 1 ? ' … ' : ', ');
      items.push(this.renderAuthor(a.author, a.highlighted));
      previous = a.index;
    }
    const more = hidden
      ? html` <button class="more" part="more-authors" type="button" aria-expanded="false" @click=${() => (this.allAuthors = true)}>
          ${this.t('moreAuthors', { n: formatCount(hidden, locale), count: hidden })}
        </button>`
      : this.allAuthors && authors.length > this.maxAuthors
        ? html` <button class="more" part="more-authors" type="button" aria-expanded="true" @click=${() => (this.allAuthors = false)}>${this.t('fewerAuthors')}</button>`
        : nothing;
    return html`<span class="authors" part="authors">${items}${paper.etAl && !hidden ? ' et al.' : ''}${more}</span>`;
  }

  private renderMeta(paper: Paper, locale: string | undefined): TemplateResult {
    const org = paper.organization;
    const orgName = org ? (org.fullName ?? org.name) : undefined;
    const orgUrl = safeUrl(org?.url);
    const date = formatPaperDate(paper.published ?? (paper.year ? String(paper.year) : undefined), { locale, now: this.now });
    const upvotes = paper.upvotes;
    const comments = paper.comments;
    return html`<div class="meta" part="meta">
      ${this.renderAuthors(paper, locale)}
      ${orgName
        ? html`<span class="org" part="organization"
            >${orgUrl ? html`<a href=${orgUrl} target="_blank" rel="noopener noreferrer">${orgName}</a>` : orgName}</span
          >`
        : nothing}
      ${date ? html`<time part="date" datetime=${dateTimeAttribute(paper.published) ?? nothing}>${date}</time>` : nothing}
      ${upvotes !== undefined
        ? html`<span class="upvotes" part="upvotes"
            ><span aria-hidden="true">▲ ${formatCount(upvotes, locale)}</span
            ><span class="visually-hidden">${this.t('upvotes', { n: formatCount(upvotes, locale), count: upvotes })}</span></span
          >`
        : nothing}
      ${comments
        ? html`<span class="comments" part="comments"
            ><span aria-hidden="true">${commentIcon} ${formatCount(comments, locale)}</span
            ><span class="visually-hidden">${this.t('comments', { n: formatCount(comments, locale), count: comments })}</span></span
          >`
        : nothing}
    </div>`;
  }

  private renderLinks(paper: Paper, locale: string | undefined): TemplateResult | typeof nothing {
    const links = paper.links ?? {};
    const items: TemplateResult[] = [];
    for (const kind of LINK_KINDS) {
      if (kind === 'paper') continue;
      // Re-checked here too: the property may carry data that never went through the loader.
      const href = safeUrl(links[kind]);
      if (!href) continue;
      const stars = kind === 'code' && paper.githubStars ? paper.githubStars : undefined;
      const starsText = stars ? formatCount(stars, locale, true) : '';
      items.push(
        html`<li>
          <a part="link" href=${href} target="_blank" rel="noopener noreferrer"
            >${this.t(kind)}${stars
              ? html`<span class="stars"
                  ><span aria-hidden="true">★ ${starsText}</span
                  ><span class="visually-hidden">, ${this.t('stars', { n: starsText, count: stars })}</span></span
                >`
              : nothing}</a
          >
        </li>`,
      );
    }
    if (this.similar) {
      items.push(html`<li>
        <button class="cite" part="similar" type="button" @click=${this.onSimilar}>${this.t('similar')}</button>
      </li>`);
    }
    if (this.cite) {
      items.push(html`<li>
        <button class="cite" part="cite" type="button" @click=${this.onCite}>${this.t('cite')}</button>
        <span class="cite-status" role="status">${this.citeStatus === 'copied' ? this.t('copied') : this.citeStatus === 'failed' ? this.t('copyFailed') : ''}</span>
      </li>`);
    }
    if (!items.length) return nothing;
    return html`<ul class="links" part="links" aria-label=${this.t('links')}>
        ${items}
      </ul>
      ${this.citeText ? html`<textarea class="bibtex" readonly rows="6" aria-label="BibTeX" .value=${this.citeText}></textarea>` : nothing}`;
  }

  private renderAbstract(paper: Paper): TemplateResult | typeof nothing {
    if (this.variant === 'compact') return nothing;
    const paragraphs = paper.abstract ? paper.abstract.split(/\n{2,}/) : [];
    return html`${paper.summary ? html`<p class="summary" part="summary"><strong>${this.t('summary')}</strong> ${this.rich(paper.summary)}</p>` : nothing}
    ${paragraphs.length
      ? html`<div class="abstract ${this.expanded ? '' : 'clamped'}" part="abstract" id="abstract">
            ${paragraphs.map((p) => html`<p>${this.rich(p)}</p>`)}
          </div>
          <button
            class="toggle"
            part="toggle"
            type="button"
            aria-expanded=${this.expanded ? 'true' : 'false'}
            aria-controls="abstract"
            ?hidden=${!this.overflowing && !this.expanded}
            @click=${this.toggle}
          >
            ${this.expanded ? this.t('showLess') : this.t('showMore')}
          </button>`
      : nothing}
    ${paper.keywords?.length
      ? html`<ul class="keywords" part="keywords" aria-label=${this.t('keywords')}>
          ${paper.keywords.slice(0, 6).map((k) => html`<li>${k}</li>`)}
        </ul>`
      : nothing}`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const paper = this.paper;
    if (!paper) return nothing;
    const locale = this.effectiveLocale;
    const href = safeUrl(paper.links?.paper) ?? safeUrl(paper.links?.arxiv) ?? safeUrl(paper.links?.doi) ?? safeUrl(paper.links?.huggingFace);
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    const thumbnail = this.showThumbnail && this.variant !== 'compact' ? safeUrl(paper.thumbnail) : undefined;
    return html`<article part="base" aria-labelledby="title">
      ${thumbnail
        ? html`<img class="thumbnail" part="thumbnail" src=${thumbnail} alt=${this.t('thumbnail', { title: paper.title })} loading="lazy" decoding="async" />`
        : nothing}
      <div class="title" part="title" role="heading" aria-level=${level} id="title">
        <slot name="title"
          >${href
            ? html`<a part="title-link" href=${href} target="_blank" rel="noopener noreferrer" @click=${this.onTitleClick}>${this.rich(paper.title)}</a>`
            : this.rich(paper.title)}</slot
        >
      </div>
      <slot name="meta">${this.renderMeta(paper, locale)}${parts?.badges(paper, this.t)}</slot>
      <slot name="abstract">${this.renderAbstract(paper)}</slot>
      <slot name="links">${this.variant === 'compact' && !this.cite && !this.similar ? nothing : this.renderLinks(paper, locale)}</slot>
      <slot name="footer"></slot>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paper-card': PaperCard;
  }
}
