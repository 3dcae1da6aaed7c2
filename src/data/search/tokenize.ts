/**
 * Tokenization shared by the index, the query parser, phrase checks and highlighting, so that the
 * four always agree on what a word is.
 *
 * A word is a run of letters, digits and combining marks. Each word is folded (lower case, accents
 * removed: Kästner → kastner) with `fold` from `../text.js`. Words written in camel case or mixing
 * letters and digits also yield their parts, so that "moe" finds "ElasticMoE" and "llama" finds
 * "Llama3": the parts, every run of parts from the start and every run of parts to the end.
 */
import { fold } from '../text.js';

/** Words longer than this are cut (URLs, hashes, DNA strings): they only bloat the vocabulary. */
export const MAX_TOKEN_LENGTH = 40;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/u;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;
/** A lower-case letter followed by an upper-case one, or a letter next to a digit. */
const CAMEL_BOUNDARY = /\p{Ll}\p{Lu}|\p{L}\p{N}|\p{N}\p{L}/u;

/** Letters that `fold` keeps but a person types without their mark (Arık → arik). */
const EXTRA_FOLDS: Readonly<Record<string, string>> = { ı: 'i', ȷ: 'j', ħ: 'h', ŧ: 't', þ: 'th', ŀ: 'l', ſ: 's', ς: 'σ' };
const EXTRA_FOLD = /[ıȷħŧþŀſς]/g;

/** `fold` plus the letters in `EXTRA_FOLDS`. */
export function foldText(value: string): string {
  return fold(value).replace(EXTRA_FOLD, (c) => EXTRA_FOLDS[c] ?? c);
}

/** Folds one word; a word may fold into several (the ligature "ﬁ" folds to "fi", "½" to "1", "2"). */
export function foldWord(word: string): string[] {
  if (ASCII.test(word)) {
    const lower = word.toLowerCase();
    return lower.length > MAX_TOKEN_LENGTH ? [lower.slice(0, MAX_TOKEN_LENGTH)] : [lower];
  }
  const out: string[] = [];
  for (const piece of foldText(word).split(NON_WORD)) {
    if (piece) out.push(piece.length > MAX_TOKEN_LENGTH ? piece.slice(0, MAX_TOKEN_LENGTH) : piece);
  }
  return out;
}

/** Offsets (in `word`) where a camel-case or letter/digit part starts, after the first. */
function camelStarts(word: string): number[] {
  const starts: number[] = [];
  for (let i = 1; i < word.length; i++) {
    const pair = word.slice(i - 1, i + 1);
    if (CAMEL_BOUNDARY.test(pair)) starts.push(i);
  }
  return starts;
}

/** Called for each token: its folded text and the offsets of the original text it comes from. */
export type TokenCallback = (token: string, start: number, end: number, part: boolean) => void;

/**
 * Walks the words of `text`. With `parts`, camel-case and letter/digit parts of a word are reported
 * too (after the word, with `part` true).
 */
export function eachToken(text: string, callback: TokenCallback, parts = true): void {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const folded = foldWord(word);
    for (const f of folded) callback(f, start, end, false);
    if (!parts || word.length < 3 || folded.length !== 1 || !CAMEL_BOUNDARY.test(word)) continue;
    const starts = camelStarts(word);
    if (starts.length === 0 || starts.length > 6) continue;
    const bounds = [0, ...starts, word.length];
    const whole = folded[0];
    const seen = new Set<string>([whole]);
    // Runs of parts that start at the beginning or end at the end, and the single parts.
    for (let i = 0; i < bounds.length - 1; i++) {
      for (let j = i + 1; j < bounds.length; j++) {
        if (i !== 0 && j !== bounds.length - 1 && j !== i + 1) continue;
        const piece = word.slice(bounds[i], bounds[j]);
        for (const f of foldWord(piece)) {
          if (f.length < 2 && !/\p{N}/u.test(f)) continue;
          if (seen.has(f)) continue;
          seen.add(f);
          callback(f, start + bounds[i], start + bounds[j], true);
        }
      }
    }
  }
}

/** The folded tokens of a text, in order (with parts unless `parts` is false). */
export function tokenize(text: string, parts = true): string[] {
  const out: string[] = [];
  eachToken(text, (t) => out.push(t), parts);
  return out;
}

/**
 * Simple plural variants of a term (models ↔ model, queries ↔ query, boxes ↔ box), so that a term
 * also finds its singular or plural. Not a stemmer: only these endings.
 */
export function pluralVariants(term: string): string[] {
  if (term.length < 3 || /\d/.test(term)) return [];
  const out: string[] = [];
  if (term.endsWith('ies') && term.length > 4) out.push(term.slice(0, -3) + 'y');
  else if (term.endsWith('es') && term.length > 4) out.push(term.slice(0, -2), term.slice(0, -1));
  else if (term.endsWith('s') && !term.endsWith('ss')) out.push(term.slice(0, -1));
  else {
    if (term.endsWith('y') && !/[aeiou]y$/.test(term)) out.push(term.slice(0, -1) + 'ies');
    out.push(term + 's');
    if (/(s|x|z|ch|sh)$/.test(term)) out.push(term + 'es');
  }
  return out;
}
