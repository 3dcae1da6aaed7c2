/**
 * Small, pure helpers for URLs, matching and dates that the elements use while rendering. No DOM.
 * The helpers that clean corpus records (text, dates, counts) are in clean.ts: only the importers,
 * which are loaded on demand, use them.
 */

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
