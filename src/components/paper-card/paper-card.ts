import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LINK_KINDS, type Paper } from '../../data/types.js';
import { dateTimeAttribute, formatAuthors, formatCount, formatPaperDate } from '../../data/format.js';
import { safeUrl } from '../../data/text.js';
import { themeStyles } from '../shared/theme.styles.js';
import { strings } from '../shared/strings.js';
import type { PaperSelectDetail } from '../shared/events.js';
import { paperCardStyles } from './paper-card.styles.js';

/** One ResizeObserver for every card: re-measures whether the abstract overflows its clamp. */
let resizeObserver: ResizeObserver | undefined;
function observeResize(el: Element, card: PaperCard): void {
  resizeObserver ??= new ResizeObserver((entries) => {
    for (const entry of entries) cardOf.get(entry.target)?.measureOverflow();
  });
  cardOf.set(el, card);
  resizeObserver.observe(el);
}
const cardOf = new WeakMap<Element, PaperCard>();

const commentIcon = html`<svg class="icon" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"><path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z"/></svg>`;

/**
 * A research paper: bold title, a muted meta line (authors or author count, organization, date,
 * upvotes, comments), a clamped abstract with a show-more toggle, and links when known.
 * Every text comes from the corpus and is rendered as text; only http(s) links are clickable.
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
 * @csspart title - The title heading.
 * @csspart title-link - The link around the title, when the paper has a page.
 * @csspart meta - The meta line.
 * @csspart authors - The authors, or the author count.
 * @csspart organization - The organization.
 * @csspart date - The publication date (`time`).
 * @csspart upvotes - The upvote count.
 * @csspart comments - The comment count.
 * @csspart abstract - The abstract.
 * @csspart toggle - The show more / show less button.
 * @csspart links - The row of links.
 * @csspart link - Each link.
 *
 * @cssprop --paper-color-text - Text color (default: inherited from the page).
 * @cssprop --paper-color-muted - Meta line color (default: the text color at 62%).
 * @cssprop --paper-color-border - Border color (default: the text color at 14%).
 * @cssprop --paper-color-surface - Card background (default: transparent).
 * @cssprop --paper-color-accent - Accent color for buttons (default: blue, lighter in dark mode).
 * @cssprop --paper-font-family - Font (default: inherited from the page).
 * @cssprop --paper-title-font-family - Title font (default: --paper-font-family).
 * @cssprop --paper-title-size - Title font size (default: 1.125rem).
 * @cssprop --paper-title-weight - Title font weight (default: 700).
 * @cssprop --paper-meta-size - Meta line font size (default: 0.875rem).
 * @cssprop --paper-abstract-size - Abstract font size (default: 0.9375rem).
 * @cssprop --paper-abstract-lines - Lines of abstract shown before "Show more" (default: 3).
 * @cssprop --paper-radius - Corner radius (default: 0.75rem).
 * @cssprop --paper-space - Base spacing (default: 1rem).
 * @cssprop --paper-card-padding - Card padding (default: --paper-space).
 *
 * @fires paper-select - When the title link is activated; `detail.paper` is the paper. Call
 * `preventDefault()` to stop the navigation and open your own view.
 */
export class PaperCard extends LitElement {
  static override styles = [themeStyles, paperCardStyles];

  /** The paper to show. */
  @property({ attribute: false }) paper?: Paper;

  /** Shows the whole abstract instead of the clamped one. Reflected for styling. */
  @property({ type: Boolean, reflect: true }) expanded = false;

  /** ARIA heading level of the title (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** BCP 47 locale for dates and numbers; defaults to the nearest `lang` attribute, then the browser's. */
  @property() locale?: string;

  /** Reference "today" for date formatting (the year is shown for other years). @internal */
  @property({ attribute: false }) now?: Date;

  /** Authors shown before the list is shortened. */
  @property({ attribute: 'max-authors', type: Number }) maxAuthors = 8;

  /** @internal */
  @state() private overflowing = false;

  /** @internal */
  @query('.abstract') private abstractEl?: HTMLElement | null;

  /** @internal */
  private observed?: Element;

  /** The locale in effect. */
  get effectiveLocale(): string | undefined {
    return this.locale ?? (this.closest('[lang]')?.getAttribute('lang') || undefined);
  }

  /** @internal */
  measureOverflow(): void {
    const el = this.abstractEl;
    if (!el) return;
    this.overflowing = this.expanded || el.scrollHeight > el.clientHeight + 1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const el = this.abstractEl;
    if (el && el !== this.observed) {
      if (this.observed) resizeObserver?.unobserve(this.observed);
      this.observed = el;
      observeResize(el, this);
    } else if (el && changed.has('paper')) {
      this.measureOverflow();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.observed) resizeObserver?.unobserve(this.observed);
    this.observed = undefined;
  }

  private toggle(): void {
    this.expanded = !this.expanded;
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

  private renderMeta(paper: Paper, locale: string | undefined): TemplateResult {
    const authors = formatAuthors(paper, { max: this.maxAuthors, locale });
    const org = paper.organization;
    const orgName = org ? (org.fullName ?? org.name) : undefined;
    const date = formatPaperDate(paper.published ?? (paper.year ? String(paper.year) : undefined), { locale, now: this.now });
    const upvotes = paper.upvotes !== undefined ? formatCount(paper.upvotes, locale) : undefined;
    const comments = paper.comments ? formatCount(paper.comments, locale) : undefined;
    return html`<div class="meta" part="meta">
      ${authors ? html`<span class="authors" part="authors">${authors}</span>` : nothing}
      ${orgName ? html`<span class="org" part="organization">${orgName}</span>` : nothing}
      ${date ? html`<time part="date" datetime=${dateTimeAttribute(paper.published) ?? nothing}>${date}</time>` : nothing}
      ${upvotes !== undefined
        ? html`<span class="upvotes" part="upvotes"><span aria-hidden="true">▲ ${upvotes}</span><span class="visually-hidden">${strings.upvotes(upvotes)}</span></span>`
        : nothing}
      ${comments !== undefined
        ? html`<span class="comments" part="comments"><span aria-hidden="true">${commentIcon} ${comments}</span><span class="visually-hidden">${strings.comments(comments)}</span></span>`
        : nothing}
    </div>`;
  }

  private renderLinks(paper: Paper, locale: string | undefined): TemplateResult | typeof nothing {
    const links = paper.links;
    if (!links) return nothing;
    const items: TemplateResult[] = [];
    for (const kind of LINK_KINDS) {
      if (kind === 'paper') continue;
      // Re-checked here too: the property may carry data that never went through the loader.
      const href = safeUrl(links[kind]);
      if (!href) continue;
      const stars = kind === 'code' && paper.githubStars ? formatCount(paper.githubStars, locale, true) : undefined;
      items.push(
        html`<li>
          <a part="link" href=${href} target="_blank" rel="noopener noreferrer"
            >${strings.linkLabels[kind]}${stars
              ? html`<span class="stars"><span aria-hidden="true">★ ${stars}</span><span class="visually-hidden">, ${strings.stars(stars)}</span></span>`
              : nothing}</a
          >
        </li>`,
      );
    }
    if (!items.length) return nothing;
    return html`<ul class="links" part="links" aria-label=${strings.links}>
      ${items}
    </ul>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const paper = this.paper;
    if (!paper) return nothing;
    const locale = this.effectiveLocale;
    const href = safeUrl(paper.links?.paper) ?? safeUrl(paper.links?.arxiv) ?? safeUrl(paper.links?.doi) ?? safeUrl(paper.links?.huggingFace);
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    const paragraphs = paper.abstract ? paper.abstract.split(/\n{2,}/) : [];
    return html`<article part="base" aria-labelledby="title">
      <div class="title" part="title" role="heading" aria-level=${level} id="title">
        <slot name="title"
          >${href
            ? html`<a part="title-link" href=${href} target="_blank" rel="noopener noreferrer" @click=${this.onTitleClick}>${paper.title}</a>`
            : paper.title}</slot
        >
      </div>
      <slot name="meta">${this.renderMeta(paper, locale)}</slot>
      <slot name="abstract"
        >${paragraphs.length
          ? html`<div class="abstract ${this.expanded ? '' : 'clamped'}" part="abstract" id="abstract">
                ${paragraphs.map((p) => html`<p>${p}</p>`)}
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
                ${this.expanded ? strings.showLess : strings.showMore}
              </button>`
          : nothing}</slot
      >
      <slot name="links">${this.renderLinks(paper, locale)}</slot>
      <slot name="footer"></slot>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paper-card': PaperCard;
  }
}
