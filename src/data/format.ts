/** Formatting for display: dates, counts and author lines, locale-aware through Intl. No DOM. */
import type { Author, Paper } from './types.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string | undefined, withYear: boolean, monthOnly: boolean): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${withYear ? 'y' : ''}|${monthOnly ? 'm' : ''}`;
  let f = dateFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = monthOnly
      ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { month: 'short', day: 'numeric', timeZone: 'UTC', ...(withYear ? { year: 'numeric' } : {}) };
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      f = new Intl.DateTimeFormat('en', options);
    }
    dateFormats.set(key, f);
  }
  return f;
}

export interface DateFormatOptions {
  /** BCP 47 locale; the runtime's default when absent. */
  locale?: string;
  /** "Today", for deciding whether to show the year. Defaults to the current date. */
  now?: Date;
}

/**
 * Formats a publication date as the Daily Papers page does: "Jan 6" in the current year,
 * "Jun 5, 2024" otherwise (in the given locale). A bare year shows as the year; a year and month
 * as "Jun 2024". Dates are calendar dates: they are read and shown in UTC so that a date never
 * moves by a day with the reader's time zone.
 */
export function formatPaperDate(iso: string | undefined, options: DateFormatOptions = {}): string {
  if (!iso) return '';
  if (/^\d{4}$/.test(iso)) return iso;
  const monthOnly = /^\d{4}-\d{2}$/.test(iso);
  const t = Date.parse(monthOnly ? `${iso}-01` : iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) return '';
  const date = new Date(t);
  const now = options.now ?? new Date();
  const sameYear = date.getUTCFullYear() === now.getUTCFullYear();
  return dateFormat(options.locale, !sameYear, monthOnly).format(date);
}

/** Machine-readable date for a `<time datetime>` attribute. */
export function dateTimeAttribute(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  return iso.length > 10 ? new Date(Date.parse(iso)).toISOString() : iso;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a count in the locale ("1,234"; compact "1.2K" when `compact`). */
export function formatCount(n: number, locale?: string, compact = false): string {
  const key = `${locale ?? ''}|${compact ? 'c' : ''}`;
  let f = numberFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : {});
    } catch {
      f = new Intl.NumberFormat('en', compact ? { notation: 'compact', maximumFractionDigits: 1 } : {});
    }
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** Number of authors known for a paper: the list's length, or the count alone. */
export function authorTotal(paper: Paper): number {
  return paper.authors?.length ?? paper.authorCount ?? 0;
}

/**
 * The author line: names joined ("A, B and C"), shortened past `max` ("A, B, C … +42 more"), or
 * "9 authors" when only a count is known. Empty when nothing is known.
 */
export function formatAuthors(paper: Paper, options: { max?: number; locale?: string } = {}): string {
  const max = options.max ?? 8;
  const names = paper.authors?.map((a) => a.name) ?? [];
  if (names.length === 0) {
    const n = paper.authorCount;
    if (!n) return '';
    return `${formatCount(n, options.locale)} ${n === 1 ? 'author' : 'authors'}`;
  }
  if (names.length > max) {
    const shown = names.slice(0, Math.max(1, max - 1));
    return `${shown.join(', ')} … +${formatCount(names.length - shown.length, options.locale)} more`;
  }
  return listFormat(options.locale).format(names);
}

const listFormats = new Map<string, Intl.ListFormat>();

function listFormat(locale: string | undefined): Intl.ListFormat {
  const key = locale ?? '';
  let f = listFormats.get(key);
  if (!f) {
    try {
      f = new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
    } catch {
      f = new Intl.ListFormat('en', { type: 'conjunction', style: 'long' });
    }
    listFormats.set(key, f);
  }
  return f;
}

export interface ShownAuthors {
  /** The authors to show, in order, with their index in the full list. */
  shown: { author: Author; index: number; highlighted: boolean }[];
  /** How many are hidden. */
  hidden: number;
}

/**
 * Shortens a long author list to about `max` names: the first `max - 1` and the last, plus every
 * highlighted author wherever they stand. `shortenAuthors` (authors.ts) matches highlighted names
 * in any spelling; this takes the test as a function so that `<paper-card>` can load that matching
 * only when it highlights someone.
 */
export function shortenAuthorList(authors: readonly Author[], isHighlighted: ((author: Author) => boolean) | undefined, max: number, expanded = false): ShownAuthors {
  const all = authors.map((author, index) => ({ author, index, highlighted: !!isHighlighted?.(author) }));
  if (expanded || authors.length <= max) return { shown: all, hidden: 0 };
  const shown = all.filter((a) => a.highlighted || a.index < Math.max(1, max - 1) || a.index === authors.length - 1);
  // "+1 more" would take as much room as the name it hides.
  if (authors.length - shown.length <= 1) return { shown: all, hidden: 0 };
  return { shown, hidden: authors.length - shown.length };
}
