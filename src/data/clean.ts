/**
 * Pure helpers that clean text, dates and counts from untrusted corpora while records are read
 * (normalize, importers, merge). No DOM. Kept apart from text.ts, which the elements use while
 * rendering, so that the script-tag file does not carry them: they arrive with the code that reads
 * corpora, which is loaded on demand.
 */
import { fold } from './text.js';

/** Collapses runs of white space (including hard line wraps) into single spaces and trims. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Cleans an abstract: joins hard-wrapped lines into paragraphs, keeps blank lines as paragraph
 * breaks, trims. The text stays text: nothing here interprets markup.
 */
export function cleanParagraphs(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => collapseWhitespace(p))
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** A non-empty trimmed string with collapsed white space, or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = collapseWhitespace(value);
  return t || undefined;
}

/** A non-negative integer from a number or numeric string, or undefined. */
export function count(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return undefined;
  return Math.floor(n);
}

/** A loose key for comparing titles: folded, punctuation dropped, white space collapsed. */
export function titleKey(value: string): string {
  return collapseWhitespace(fold(value).replace(/[^\p{L}\p{N}]+/gu, ' '));
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Accepts `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO timestamp and returns it trimmed, or undefined
 * when it is not a real date.
 */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  const m = DATE_RE.exec(v);
  if (!m) return undefined;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (m[3] && v.length > 10 && Number.isNaN(Date.parse(v))) return undefined;
  return v;
}

/** The year of an ISO date string, or undefined. */
export function yearOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const y = Number(value.slice(0, 4));
  return Number.isInteger(y) ? y : undefined;
}
