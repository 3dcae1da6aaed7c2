/**
 * Grouping papers under headings (day, week, month, year, venue, type) and date navigation by
 * period, as on the Daily Papers page. Dates are calendar dates in UTC. Pure, no DOM.
 */
import type { Paper } from './types.js';

export type GroupBy = 'none' | 'day' | 'week' | 'month' | 'year' | 'venue' | 'type';
export const GROUP_BY: readonly GroupBy[] = ['none', 'day', 'week', 'month', 'year', 'venue', 'type'];

export type Period = 'day' | 'week' | 'month';
export const PERIODS: readonly Period[] = ['day', 'week', 'month'];

export interface PaperGroup {
  /** Stable key: `2025-01-06`, `2025-W02`, `2025-01`, `2025`, a venue or a type; '' for "no value". */
  key: string;
  papers: Paper[];
}

/** The calendar date (YYYY-MM-DD) of a paper, or undefined. */
export function dayOf(p: Paper): string | undefined {
  const d = p.listed ?? p.published;
  if (d && d.length >= 10) return d.slice(0, 10);
  return undefined;
}

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Monday of the ISO week containing the day. */
export function weekStart(day: string): string {
  const d = parseDay(day);
  const offset = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - offset);
  return toDay(d);
}

/** ISO week key, e.g. `2025-W02`. */
export function isoWeek(day: string): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function groupKey(p: Paper, by: GroupBy): string {
  const day = dayOf(p);
  switch (by) {
    case 'day':
      return day ?? '';
    case 'week':
      return day ? isoWeek(day) : '';
    case 'month':
      return p.published && p.published.length >= 7 ? p.published.slice(0, 7) : '';
    case 'year':
      return p.year !== undefined ? String(p.year) : (p.published?.slice(0, 4) ?? '');
    case 'venue':
      return p.venue ?? '';
    case 'type':
      return p.type ?? '';
    case 'none':
      return '';
  }
}

/**
 * Groups papers that are already in display order. Groups appear in the order of their first
 * paper, so a date-sorted feed gets newest-first headings; papers without a value come last.
 */
export function groupPapers(papers: readonly Paper[], by: GroupBy): PaperGroup[] {
  if (by === 'none') return [{ key: '', papers: papers.slice() }];
  const groups = new Map<string, Paper[]>();
  for (const p of papers) {
    const key = groupKey(p, by);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(p);
  }
  const out = [...groups].map(([key, list]) => ({ key, papers: list }));
  const empty = out.findIndex((g) => g.key === '');
  if (empty >= 0) out.push(...out.splice(empty, 1));
  return out;
}

/** The first and last day (inclusive) of the period containing `day`. */
export function periodRange(day: string, period: Period): { start: string; end: string } {
  if (period === 'day') return { start: day, end: day };
  if (period === 'week') {
    const start = weekStart(day);
    const end = parseDay(start);
    end.setUTCDate(end.getUTCDate() + 6);
    return { start, end: toDay(end) };
  }
  const d = parseDay(day);
  const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return { start: `${day.slice(0, 7)}-01`, end: toDay(end) };
}

/** Papers whose date falls in the range. */
export function inRange(papers: readonly Paper[], range: { start: string; end: string }): Paper[] {
  return papers.filter((p) => {
    const d = dayOf(p);
    return d !== undefined && d >= range.start && d <= range.end;
  });
}

/** Sorted distinct days that have papers. */
export function daysWithPapers(papers: readonly Paper[]): string[] {
  return [...new Set(papers.map(dayOf).filter((d): d is string => !!d))].sort();
}

/**
 * Resolves the period to show. `date` is `YYYY-MM-DD`, `today` or empty. When the requested
 * period has no papers ("today" before anything was published today), it falls back to the
 * latest period, at or before the date, that has papers.
 */
export function resolvePeriod(papers: readonly Paper[], period: Period, date: string | undefined, today: string): { start: string; end: string } | undefined {
  const days = daysWithPapers(papers);
  if (!days.length) return undefined;
  const wanted = !date || date === 'today' ? today : date;
  const range = periodRange(wanted, period);
  if (days.some((d) => d >= range.start && d <= range.end)) return range;
  if (date && date !== 'today') return range;
  const before = days.filter((d) => d <= range.end);
  const fallback = before.length ? before[before.length - 1] : days[days.length - 1];
  return fallback ? periodRange(fallback, period) : undefined;
}

/**
 * The neighbouring period that has papers: the latest one before (`-1`) or the earliest after
 * (`+1`). Undefined at either end.
 */
export function adjacentPeriod(papers: readonly Paper[], period: Period, current: { start: string; end: string }, direction: -1 | 1): { start: string; end: string } | undefined {
  const days = daysWithPapers(papers);
  const target = direction < 0 ? days.filter((d) => d < current.start).pop() : days.find((d) => d > current.end);
  return target ? periodRange(target, period) : undefined;
}
