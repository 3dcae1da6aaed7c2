/** Small, pure helpers for cleaning text and URLs from untrusted corpora. No DOM. */

/**
 * Returns the URL if it is an absolute http(s) URL, otherwise undefined.
 * Relative URLs are resolved against `base` when one is given (an http(s) base only).
 * Anything else (`javascript:`, `data:`, `vbscript:`, garbage) is dropped.
 */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Strip whitespace and control characters that browsers ignore inside schemes ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const trimmed = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = base && /^https?:/i.test(base) ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href;
}

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

/** Letters without a decomposition that a person types without their mark (Arık → arik). */
const LETTER_FOLDS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', ı: 'i', ȷ: 'j', ħ: 'h', ŧ: 't', þ: 'th' };
const LETTER_FOLD = /[ßæœøłđðıȷħŧþ]/g;

/**
 * Folds text for matching: lower case, accents removed (Kästner → kastner), ligatures and
 * compatibility forms unified, letters such as ß, ø, ł and the dotless ı spelled out in ASCII.
 */
export function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(LETTER_FOLD, (c) => LETTER_FOLDS[c] ?? c);
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

/**
 * Milliseconds since the epoch for sorting; dates without a time sort as midnight UTC.
 * Undefined when there is no date.
 */
export function timeOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const v = value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}
