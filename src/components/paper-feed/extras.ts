/**
 * The feed's optional features, in their own chunk so that a plain feed never downloads them:
 * attribute filters, facet chips, grouping under headings, date navigation by period and the
 * .bib download. The feed imports this module when one of those attributes is set.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatCount, formatPaperDate } from '../../data/format.js';
import { applyFacetSelection, applyFilters, facetCounts, splitList, FACET_KEYS, type FacetKey, type PaperFilters } from '../../data/filter.js';
import { GROUP_BY, PERIODS, adjacentPeriod, groupPapers, inRange, resolvePeriod, weekStart, type GroupBy, type Period } from '../../data/group.js';
import { splitNames } from '../../data/authors.js';
import type { Paper } from '../../data/types.js';
import type { PaperFeed } from './paper-feed.js';
import { addEnglish, type StringKey } from '../shared/strings.js';
import { TYPE_KEYS } from '../shared/type-keys.js';
import { typeEn } from '../shared/type-strings.js';
import { feedExtrasEn } from './strings.js';

// The English strings of what this chunk shows come with it.
addEnglish(feedExtrasEn);
addEnglish(typeEn);

/**
 * What the extras read from and call on the feed (its shadow root adopts `styles` on the first
 * render with the extras).
 */
export type ExtrasHost = Pick<
  PaperFeed,
  | 'renderRoot'
  | 't'
  | 'effectiveLocale'
  | 'now'
  | 'period'
  | 'date'
  | 'groupBy'
  | 'facets'
  | 'headingLevel'
  | 'bibtexDownload'
  | 'year'
  | 'from'
  | 'to'
  | 'tag'
  | 'author'
  | 'organization'
  | 'type'
  | 'venue'
  | 'selected'
  | 'hasCode'
  | 'facetSelection'
  | 'loadedPapers'
  | 'shownPapers'
  | 'downloadBibtex'
>;

export type Row = { kind: 'heading'; key: string; label: string; count: number } | { kind: 'paper'; paper: Paper };

export interface Range {
  start: string;
  end: string;
}

/**
 * The styles of what only this chunk renders (period navigation, facet chips, group headings), so
 * that the script-tag file does not carry them. The feed's shadow root adopts them the first time
 * it renders with the extras (see `adopt`); the feed's own styles are in paper-feed.styles.ts.
 */
export const styles = css`
  :host([layout='grid']) .row.heading {
    grid-column: 1 / -1;
  }
  .group-heading {
    margin: 0.75rem 0 0;
    font-size: 1rem;
    font-weight: 700;
  }
  .count {
    color: var(--_muted);
    font-weight: 400;
    font-variant-numeric: tabular-nums;
  }
  .period {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .period-label {
    min-width: 8ch;
    font-weight: 700;
    font-size: 1.125rem;
    text-align: center;
  }
  .period button {
    width: 2rem;
    height: 2rem;
    padding: 0;
    font-size: 1.125rem;
    line-height: 1;
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .facets {
    display: grid;
    gap: 0.375rem;
    margin-bottom: 0.75rem;
    font-size: 0.875rem;
  }
  .facet-group {
    display: grid;
    grid-template-columns: minmax(5rem, max-content) 1fr;
    align-items: baseline;
    gap: 0.375rem 0.75rem;
  }
  .facet-chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .facet-label {
    color: var(--_muted);
  }
  .facets > .clear {
    justify-self: start;
  }
  .chip {
    font-size: 0.8125rem;
    padding: 0.125rem 0.625rem;
  }
  .chip[aria-pressed='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
  }
  .chip .count {
    margin-inline-start: 0.25rem;
  }
`;

const adopted = new WeakSet<Node>();

/** Adds `styles` to the host's shadow root, once, after the sheets it already has. */
function adopt(host: ExtrasHost): void {
  const root = host.renderRoot;
  if (adopted.has(root) || typeof ShadowRoot === 'undefined' || !(root instanceof ShadowRoot)) return;
  adopted.add(root);
  const sheet = styles.styleSheet;
  if (sheet) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    // No constructable style sheets: a <style> after the rendered content, as Lit itself does.
    const style = document.createElement('style');
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    if (nonce !== undefined) style.setAttribute('nonce', nonce);
    style.textContent = styles.cssText;
    root.append(style);
  }
}

const FACET_LABELS: Record<FacetKey, StringKey> = {
  year: 'facetYear',
  tag: 'facetTag',
  type: 'facetType',
  venue: 'facetVenue',
  organization: 'facetOrganization',
  author: 'facetAuthor',
  selected: 'facetSelected',
  code: 'facetCode',
};

function filters(host: ExtrasHost): PaperFilters {
  return {
    year: host.year,
    from: host.from,
    to: host.to,
    tags: splitList(host.tag),
    authors: splitNames(host.author),
    organizations: splitList(host.organization),
    types: splitList(host.type),
    venues: splitList(host.venue),
    selected: host.selected,
    hasCode: host.hasCode,
  };
}

function activePeriod(host: ExtrasHost): Period | undefined {
  return host.period && (PERIODS as readonly string[]).includes(host.period) ? host.period : undefined;
}

function today(host: ExtrasHost): string {
  return (host.now ?? new Date()).toISOString().slice(0, 10);
}

/** Attribute filters and the period: the papers the feed then searches, and the period shown. */
export function narrow(host: ExtrasHost, papers: readonly Paper[]): { papers: Paper[]; range?: Range } {
  let out = applyFilters(papers, filters(host));
  const period = activePeriod(host);
  if (!period) return { papers: out };
  const range = resolvePeriod(out, period, host.date, today(host));
  out = range ? inRange(out, range) : [];
  return { papers: out, range };
}

/** Facet selections, applied after the search. */
export function selectFacets(host: ExtrasHost, papers: readonly Paper[]): Paper[] {
  return applyFacetSelection(papers, host.facetSelection);
}

function periodLabel(host: ExtrasHost, range: Range): string {
  const locale = host.effectiveLocale;
  if (host.period === 'day') return formatPaperDate(range.start, { locale, now: host.now });
  if (host.period === 'week') return host.t('weekOf', { date: formatPaperDate(range.start, { locale, now: host.now }) });
  return monthLabel(range.start, locale);
}

function monthLabel(day: string, locale: string | undefined): string {
  try {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day.slice(0, 7)}-01T00:00:00Z`));
  } catch {
    return day.slice(0, 7);
  }
}

/** The period navigation and the .bib download. */
export function renderToolbar(host: ExtrasHost, range: Range | undefined, go: (date: string) => void): TemplateResult | typeof nothing {
  adopt(host);
  const period = activePeriod(host);
  if (!period && !host.bibtexDownload) return nothing;
  const papers = period ? applyFilters(host.loadedPapers, filters(host)) : [];
  const prev = period && range ? adjacentPeriod(papers, period, range, -1) : undefined;
  const next = period && range ? adjacentPeriod(papers, period, range, 1) : undefined;
  const cap = period ? period.charAt(0).toUpperCase() + period.slice(1) : '';
  return html`<div class="toolbar" part="toolbar">
    ${period
      ? html`<nav class="period" part="period" aria-label=${host.t('feedLabel')}>
          <button
            part="period-button"
            type="button"
            ?disabled=${!prev}
            aria-label=${host.t(`previous${cap}` as StringKey)}
            @click=${() => {
              if (prev) go(prev.start);
            }}
          >
            ‹
          </button>
          <span class="period-label" part="period-label" aria-live="polite">${range ? periodLabel(host, range) : ''}</span>
          <button
            part="period-button"
            type="button"
            ?disabled=${!next}
            aria-label=${host.t(`next${cap}` as StringKey)}
            @click=${() => {
              if (next) go(next.start);
            }}
          >
            ›
          </button>
        </nav>`
      : nothing}
    ${host.bibtexDownload
      ? html`<button
          class="download"
          part="download"
          type="button"
          ?disabled=${!host.shownPapers.length}
          @click=${() => {
            void host.downloadBibtex();
          }}
        >
          ${host.t('downloadBib')}
        </button>`
      : nothing}
  </div>`;
}

/** Facet chips with counts over `papers` (the results before facet selections). */
export function renderFacets(host: ExtrasHost, papers: readonly Paper[], toggle: (key: FacetKey | undefined, value?: string) => void): TemplateResult | typeof nothing {
  adopt(host);
  const keys = host.facets.split(/[\s,]+/).filter((k): k is FacetKey => (FACET_KEYS as readonly string[]).includes(k));
  if (!keys.length) return nothing;
  const locale = host.effectiveLocale;
  const any = [...host.facetSelection.values()].some((v) => v.size > 0);
  return html`<div class="facets" part="facets" role="group" aria-label=${host.t('filters')}>
    ${keys.map((key) => {
      const values = facetCounts(papers, key, key === 'author' ? 8 : 12);
      if (!values.length) return nothing;
      const selected = host.facetSelection.get(key);
      const label = host.t(FACET_LABELS[key]);
      const flag = key === 'selected' || key === 'code';
      return html`<div class="facet-group" part="facet-group" role="group" aria-label=${label}>
        <span class="facet-label">${flag ? '' : label}</span>
        <div class="facet-chips">
        ${values.map(
          (v) => html`<button
            class="chip"
            part="chip"
            type="button"
            aria-pressed=${selected?.has(v.value) ? 'true' : 'false'}
            @click=${() => {
              toggle(key, v.value);
            }}
          >
            ${key === 'selected' || key === 'code' ? label : key === 'type' ? host.t(TYPE_KEYS[v.value] ?? 'typeMisc') : v.value}
            <span class="count">${formatCount(v.count, locale)}</span>
          </button>`,
        )}
        </div>
      </div>`;
    })}
    ${any
      ? html`<button
          class="chip clear"
          part="chip"
          type="button"
          @click=${() => {
            toggle(undefined);
          }}
        >
          ${host.t('clearFilters')}
        </button>`
      : nothing}
  </div>`;
}

function groupLabel(host: ExtrasHost, by: GroupBy, key: string): string {
  if (!key) return host.t('unknownGroup');
  const locale = host.effectiveLocale;
  switch (by) {
    case 'day':
      return formatPaperDate(key, { locale, now: host.now });
    case 'month':
      return monthLabel(key, locale);
    case 'type':
      return host.t(TYPE_KEYS[key] ?? 'typeMisc');
    default:
      return key;
  }
}

/** The rows of the list: papers, with group headings when `group-by` is set. */
export function rows(host: ExtrasHost, papers: Paper[]): Row[] {
  adopt(host);
  const by = (GROUP_BY as readonly string[]).includes(host.groupBy) ? host.groupBy : 'none';
  if (by === 'none') return papers.map((paper) => ({ kind: 'paper', paper }));
  const out: Row[] = [];
  // Heading counts cover every paper shown, not only the page rendered so far.
  const totals = new Map(groupPapers(host.shownPapers, by).map((g) => [g.key, g.papers.length]));
  for (const g of groupPapers(papers, by)) {
    let label = groupLabel(host, by, g.key);
    if (by === 'week' && g.key) {
      const first = g.papers.find((p) => p.published && p.published.length >= 10)?.published?.slice(0, 10);
      if (first) label = host.t('weekOf', { date: formatPaperDate(weekStart(first), { locale: host.effectiveLocale, now: host.now }) });
    }
    out.push({ kind: 'heading', key: g.key, label, count: totals.get(g.key) ?? g.papers.length });
    for (const paper of g.papers) out.push({ kind: 'paper', paper });
  }
  return out;
}
