/**
 * Author names: matching a lab member's name against author lists written in every style
 * ("Jan Kästner", "Kästner, Jan", "J. Kastner", "KÄSTNER J") and shortening long lists while
 * keeping highlighted people visible. Pure, no DOM.
 */
import type { Author } from './types.js';
import { fold } from './text.js';
import { shortenAuthorList, type ShownAuthors } from './format.js';

interface NameParts {
  given: string[];
  family: string;
}

/** Splits a name into folded given names and a family name ("Last, First" or "First Last"). */
export function nameParts(name: string): NameParts {
  const folded = fold(name).replace(/[*†‡+§¶#]/g, '');
  let given: string[];
  let family: string;
  const comma = folded.indexOf(',');
  if (comma >= 0) {
    family = folded.slice(0, comma);
    given = folded.slice(comma + 1).split(/[\s.-]+/);
  } else {
    const words = folded.split(/[\s.]+/).filter(Boolean);
    family = words.pop() ?? '';
    given = words;
  }
  return {
    family: family.replace(/[^\p{L}\p{N}]+/gu, ''),
    given: given.map((g) => g.replace(/[^\p{L}\p{N}]+/gu, '')).filter(Boolean),
  };
}

/**
 * True when two names plausibly denote the same person: same family name, and given names that
 * agree where both are known (an initial matches any name starting with it).
 */
export function authorMatches(name: string, wanted: string): boolean {
  const a = nameParts(name);
  const b = nameParts(wanted);
  if (!a.family || a.family !== b.family) return false;
  const n = Math.min(a.given.length, b.given.length);
  for (let i = 0; i < n; i++) {
    const x = a.given[i] ?? '';
    const y = b.given[i] ?? '';
    if (x.length === 1 || y.length === 1 ? x[0] !== y[0] : x !== y) return false;
  }
  return true;
}

/** Splits a `highlight-authors` attribute: names separated by `;` or `|` (commas belong to "Last, First"). */
export function splitNames(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(/[;|\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

export type { ShownAuthors } from './format.js';

/**
 * Shortens a long author list to about `max` names: the first `max - 1` and the last, plus every
 * highlighted author wherever they stand, so lab members never disappear behind "+42 more".
 */
export function shortenAuthors(authors: readonly Author[], highlight: readonly string[], max: number, expanded = false): ShownAuthors {
  return shortenAuthorList(authors, (a) => highlight.some((h) => authorMatches(a.name, h)), max, expanded);
}
