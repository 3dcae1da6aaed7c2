/**
 * Filters and facets: which papers pass the feed's attribute filters (year or date range, tag,
 * author, organization, type, venue, selected, has code), and how many papers each facet value
 * has. Pure, no DOM.
 */
import type { Paper } from './types.js';
import { fold } from './text.js';
import { authorMatches } from './authors.js';

export interface PaperFilters {
  /** A year (`2024`) or an inclusive range (`2020..2023`, `2020-`, `..2019`). */
  year?: string;
  /** Inclusive ISO date bounds on `published`. */
  from?: string;
  to?: string;
  /** Any of these tags or keywords. */
  tags?: string[];
  /** Any of these authors (matched across initials, accents and "Last, First"). */
  authors?: string[];
  /** Any of these organizations (handle or display name). */
  organizations?: string[];
  /** Any of these publication types. */
  types?: string[];
  /** Any of these venues (case-insensitive, substring). */
  venues?: string[];
  /** Only papers marked as selected. */
  selected?: boolean;
  /** Only papers with a code link. */
  hasCode?: boolean;
}

/** Parses `2024`, `2020..2023`, `2020-2023`, `2020..` or `..2019` into inclusive bounds. */
export function parseYearRange(value: string): { min: number; max: number } | undefined {
  const m = /^\s*(\d{4})?\s*(\.\.|-|–)?\s*(\d{4})?\s*$/.exec(value);
  if (!m || (!m[1] && !m[3])) return undefined;
  if (!m[2]) return m[1] ? { min: Number(m[1]), max: Number(m[1]) } : undefined;
  return { min: m[1] ? Number(m[1]) : -Infinity, max: m[3] ? Number(m[3]) : Infinity };
}

/** Splits a list attribute ("nlp, vision" or "nlp|vision") into trimmed values. */
export function splitList(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[,|]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

function yearOfPaper(p: Paper): number | undefined {
  return p.year ?? (p.published ? Number(p.published.slice(0, 4)) : undefined);
}

function anyFolded(values: readonly string[] | undefined, wanted: readonly string[]): boolean {
  if (!values?.length) return false;
  const have = values.map(fold);
  return wanted.some((w) => have.includes(fold(w)));
}

/** True when the filter object restricts anything. */
export function hasFilters(f: PaperFilters): boolean {
  return Boolean(
    f.year || f.from || f.to || f.tags?.length || f.authors?.length || f.organizations?.length || f.types?.length || f.venues?.length || f.selected || f.hasCode,
  );
}

/** The papers passing every filter, in their order. */
export function applyFilters(papers: readonly Paper[], f: PaperFilters): Paper[] {
  if (!hasFilters(f)) return papers.slice();
  const years = f.year ? parseYearRange(f.year) : undefined;
  return papers.filter((p) => {
    if (years) {
      const y = yearOfPaper(p);
      if (y === undefined || y < years.min || y > years.max) return false;
    }
    if (f.from || f.to) {
      const d = p.published?.slice(0, 10);
      if (!d) return false;
      if (f.from && d < f.from) return false;
      if (f.to && d > f.to) return false;
    }
    if (f.tags?.length && !anyFolded([...(p.tags ?? []), ...(p.keywords ?? [])], f.tags)) return false;
    if (f.authors?.length && !(p.authors ?? []).some((a) => f.authors?.some((w) => authorMatches(a.name, w)))) return false;
    if (f.organizations?.length && !anyFolded([p.organization?.name, p.organization?.fullName].filter((x): x is string => !!x), f.organizations)) return false;
    if (f.types?.length && !anyFolded(p.type ? [p.type] : [], f.types)) return false;
    if (f.venues?.length) {
      const v = p.venue ? fold(p.venue) : '';
      if (!v || !f.venues.some((w) => v.includes(fold(w)))) return false;
    }
    if (f.selected && !p.selected) return false;
    if (f.hasCode && !p.links?.code) return false;
    return true;
  });
}

export type FacetKey = 'year' | 'tag' | 'type' | 'venue' | 'organization' | 'author' | 'selected' | 'code';
export const FACET_KEYS: readonly FacetKey[] = ['year', 'tag', 'type', 'venue', 'organization', 'author', 'selected', 'code'];

export interface FacetValue {
  value: string;
  count: number;
}

/** The values a paper has for a facet. */
export function paperFacetValues(p: Paper, key: FacetKey): string[] {
  switch (key) {
    case 'year': {
      const y = yearOfPaper(p);
      return y ? [String(y)] : [];
    }
    case 'tag':
      return [...new Set([...(p.tags ?? []), ...(p.keywords ?? [])])];
    case 'type':
      return p.type ? [p.type] : [];
    case 'venue':
      return p.venue ? [p.venue] : [];
    case 'organization':
      return p.organization ? [p.organization.fullName ?? p.organization.name] : [];
    case 'author':
      return (p.authors ?? []).map((a) => a.name);
    case 'selected':
      return p.selected ? ['selected'] : [];
    case 'code':
      return p.links?.code ? ['code'] : [];
  }
}

/**
 * Counts papers per value of a facet, most frequent first (years newest first), keeping the
 * `max` largest.
 */
export function facetCounts(papers: readonly Paper[], key: FacetKey, max = 12): FacetValue[] {
  const counts = new Map<string, number>();
  for (const p of papers) for (const v of paperFacetValues(p, key)) counts.set(v, (counts.get(v) ?? 0) + 1);
  const values = [...counts].map(([value, count]) => ({ value, count }));
  values.sort(key === 'year' ? (a, b) => Number(b.value) - Number(a.value) : (a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return values.slice(0, max);
}

/** Keeps papers that have, for every facet with a selection, at least one selected value. */
export function applyFacetSelection(papers: readonly Paper[], selection: ReadonlyMap<FacetKey, ReadonlySet<string>>): Paper[] {
  const active = [...selection].filter(([, values]) => values.size > 0);
  if (!active.length) return papers.slice();
  return papers.filter((p) => active.every(([key, values]) => paperFacetValues(p, key).some((v) => values.has(v))));
}
