/**
 * Where to highlight the words a search matched, as `[start, end)` offsets into the original text
 * (UTF-16 code units, the offsets `String.prototype.slice` takes). Pure: a card turns the ranges
 * into text nodes and `<mark>` elements itself, so text is never parsed as markup.
 */
import { eachToken, foldText } from './tokenize.js';

export type HighlightRange = [start: number, end: number];

/** Offset in `word` where its folded form reaches `length` characters. */
function foldedPrefixEnd(word: string, length: number): number {
  let folded = 0;
  let i = 0;
  while (i < word.length && folded < length) {
    // One base character with the combining marks after it.
    let j = i + ((word.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
    while (j < word.length && /\p{M}/u.test(word[j])) j++;
    folded += foldText(word.slice(i, j)).length;
    i = j;
  }
  return i;
}

/**
 * Ranges of `text` to highlight: words equal to one of `terms`, and the beginning of words that
 * start with one of `prefixes` (pass a search result's `matchedTerms` and `matchedPrefixes`).
 * Parts of camel-case words count ("MoE" in "ElasticMoE"). Sorted, not overlapping.
 */
export function highlightRanges(text: string, terms: readonly string[], prefixes: readonly string[] = []): HighlightRange[] {
  if (!text || (terms.length === 0 && prefixes.length === 0)) return [];
  const termSet = new Set(terms);
  const ranges: HighlightRange[] = [];
  eachToken(text, (token, start, end) => {
    if (termSet.has(token)) {
      ranges.push([start, end]);
      return;
    }
    let best = 0;
    for (const p of prefixes) if (p.length > best && token.startsWith(p)) best = p.length;
    if (best > 0) {
      const word = text.slice(start, end);
      const cut = best >= token.length ? end : start + foldedPrefixEnd(word, best);
      ranges.push([start, cut]);
    }
  });
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: HighlightRange[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
