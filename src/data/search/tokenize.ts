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

/** Character classes of the index's ASCII scanner: 0 not in a word, then lower, upper, digit. */
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = UPPER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LOWER;

/** Mixes one character code into a 32-bit FNV-1a hash. */
function mix(hash: number, code: number): number {
  return Math.imul(hash ^ code, 16777619);
}
const SEED = 2166136261 | 0;

/**
 * The tokens of many texts as numbers, for building the index: term ids in the order `eachToken`
 * reports the tokens, and `terms`, the token of each id. An ASCII word without camel-case or
 * letter/digit parts (nearly every word of English text) is looked up straight from the text, in
 * an open-addressing table keyed by a hash of its lower-case letters, so no string is built for it:
 * at 50,000 papers this halves the index build (the same tokens through a `Map` made a string per
 * word). Every other word goes through `eachToken`.
 */
export class TokenTable {
  /** The token of each id. */
  readonly terms: string[] = [];
  private readonly hashes: number[] = [];
  /** Id + 1 of the term in each slot (0: empty); a power of two, at most half full. */
  private slots = new Int32Array(1 << 12);

  /** The id of a token (added when new). */
  id(token: string): number {
    let hash = SEED;
    for (let i = 0; i < token.length; i++) hash = mix(hash, token.charCodeAt(i));
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s];
      if (at === 0) return this.add(token, hash, s);
      if (this.hashes[at - 1] === hash && this.terms[at - 1] === token) return at - 1;
    }
  }

  /** Calls `callback` with the id of each token of `text`, as `eachToken` would report them. */
  each(text: string, callback: (id: number) => void): void {
    if (!ASCII.test(text)) {
      eachToken(text, (token) => {
        callback(this.id(token));
      });
      return;
    }
    const n = text.length;
    let i = 0;
    while (i < n) {
      let type = ASCII_CLASS[text.charCodeAt(i)];
      if (type === OTHER) {
        i++;
        continue;
      }
      const start = i;
      let hash = SEED;
      let parts = false;
      let previous = OTHER;
      for (; i < n && (type = ASCII_CLASS[text.charCodeAt(i)]) !== OTHER; i++) {
        if (previous !== OTHER && (previous === LOWER ? type === UPPER || type === DIGIT : previous === DIGIT ? type !== DIGIT : type === DIGIT)) parts = true;
        if (i - start < MAX_TOKEN_LENGTH) hash = mix(hash, text.charCodeAt(i) | (type === UPPER ? 32 : 0));
        previous = type;
      }
      // Words with parts ("ElasticMoE", "Llama3") yield them too: the general path.
      if (parts && i - start >= 3) {
        eachToken(text.slice(start, i), (token) => {
          callback(this.id(token));
        });
      } else callback(this.lookup(text, start, Math.min(i, start + MAX_TOKEN_LENGTH), hash));
    }
  }

  /** The id of the lower-cased ASCII token text[start, end), whose hash is `hash`. */
  private lookup(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s];
      if (at === 0) return this.add(text.slice(start, end).toLowerCase(), hash, s);
      if (this.hashes[at - 1] !== hash) continue;
      const term = this.terms[at - 1];
      if (term.length !== length) continue;
      let same = true;
      for (let k = 0; k < length && same; k++) {
        const c = text.charCodeAt(start + k);
        same = term.charCodeAt(k) === (c >= 65 && c <= 90 ? c + 32 : c);
      }
      if (same) return at - 1;
    }
  }

  private add(token: string, hash: number, slot: number): number {
    const id = this.terms.length;
    this.terms.push(token);
    this.hashes.push(hash);
    this.slots[slot] = id + 1;
    if (this.terms.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.terms.length; id++) {
      let s = this.hashes[id] & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    this.slots = slots;
  }
}
