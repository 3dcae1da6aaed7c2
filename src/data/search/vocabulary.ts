/**
 * The sorted vocabulary of an index, searched like a trie without building one: prefix ranges by
 * binary search, and typo-tolerant lookups by walking the sorted words with a Damerau–Levenshtein
 * (optimal string alignment) table whose rows are shared between words with a common prefix, and
 * skipping every word under a prefix that can no longer come within the allowed distance.
 */

/** A word of the vocabulary found by a lookup. */
export interface VocabularyMatch {
  /** Position in the sorted vocabulary. */
  index: number;
  /** Edit distance between the query and the word (or the word's best prefix, in prefix mode). */
  distance: number;
}

export class Vocabulary {
  /** Words in code-unit order. */
  readonly words: readonly string[];

  constructor(words: readonly string[]) {
    this.words = words;
  }

  /** First position whose word is ≥ `key`. */
  lowerBound(key: string, from = 0): number {
    let lo = from;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Positions [start, end) of the words that start with `prefix`. */
  prefixRange(prefix: string, from = 0): [number, number] {
    const start = this.lowerBound(prefix, from);
    return [start, this.lowerBound(prefix + '\uffff', start)];
  }

  /** First position after `from` whose word does not share the first `k` characters of words[from]. */
  private subtreeEnd(from: number, k: number): number {
    const words = this.words;
    const head = words[from];
    const shares = (j: number): boolean => {
      const w = words[j];
      if (w.length < k) return false;
      for (let c = k - 1; c >= 0; c--) if (w.charCodeAt(c) !== head.charCodeAt(c)) return false;
      return true;
    };
    // Gallop, then bisect: most subtrees are small.
    let lo = from;
    let step = 1;
    let hi = from + 1;
    while (hi < words.length && shares(hi)) {
      lo = hi;
      step *= 2;
      hi = from + step;
    }
    hi = Math.min(hi, words.length);
    while (lo + 1 < hi) {
      const mid = (lo + hi) >>> 1;
      if (shares(mid)) lo = mid;
      else hi = mid;
    }
    return lo + 1;
  }

  /**
   * Words within `maxDistance` edits of `query` (insertions, deletions, substitutions and swaps of
   * two neighbours). With `prefix`, words that start with something within `maxDistance` of the
   * query (what the user is still typing).
   */
  fuzzy(query: string, maxDistance: number, prefix: boolean): VocabularyMatch[] {
    const out: VocabularyMatch[] = [];
    const words = this.words;
    const m = query.length;
    const width = m + 1;
    const maxLen = m + maxDistance;
    const far = maxDistance + 1;
    // rows[k * width + j]: distance between the word's first k characters and the query's first j,
    // computed only within maxDistance of the diagonal (cells outside stay `far`).
    const rows = new Int32Array((maxLen + 1) * width).fill(far);
    for (let j = 0; j <= Math.min(m, maxDistance); j++) rows[j] = j;
    let validWord = ''; // rows 1..validLen hold the prefix of validWord
    let validLen = 0;
    let i = 0;
    outer: while (i < words.length) {
      const word = words[i];
      const len = Math.min(word.length, maxLen);
      let l = 0;
      const limit = Math.min(validLen, len);
      while (l < limit && validWord.charCodeAt(l) === word.charCodeAt(l)) l++;
      for (let k = l + 1; k <= len; k++) {
        const c = word.charCodeAt(k - 1);
        const base = k * width;
        const prev = base - width;
        if (k <= maxDistance) rows[base] = k;
        let rowMin = far;
        const lo = Math.max(1, k - maxDistance);
        const hi = Math.min(m, k + maxDistance);
        for (let j = lo; j <= hi; j++) {
          const q = query.charCodeAt(j - 1);
          const cost = q === c ? 0 : 1;
          let d = rows[prev + j - 1] + cost;
          const del = rows[prev + j] + 1;
          if (del < d) d = del;
          const ins = rows[base + j - 1] + 1;
          if (ins < d) d = ins;
          if (cost === 1 && k > 1 && j > 1 && q === word.charCodeAt(k - 2) && query.charCodeAt(j - 2) === c) {
            const swap = rows[prev - width + j - 2] + 1;
            if (swap < d) d = swap;
          }
          rows[base + j] = d;
          if (d < rowMin) rowMin = d;
        }
        if (k <= maxDistance && k < rowMin) rowMin = k;
        validWord = word;
        validLen = k;
        if (prefix && rows[base + m] <= maxDistance) {
          // Every word under this prefix matches.
          const end = this.subtreeEnd(i, k);
          for (let w = i; w < end; w++) out.push({ index: w, distance: rows[base + m] });
          i = end;
          continue outer;
        }
        if (rowMin > maxDistance) {
          // No word under this prefix can come within the distance.
          i = this.subtreeEnd(i, k);
          continue outer;
        }
      }
      if (len === word.length && rows[len * width + m] <= maxDistance) out.push({ index: i, distance: rows[len * width + m] });
      else if (len < word.length && !prefix) {
        // Too long to match: skip the words under this prefix.
        i = this.subtreeEnd(i, len);
        validLen = Math.min(validLen, len);
        continue;
      }
      i++;
    }
    return out;
  }

  /**
   * The words at `candidates` (positions) that `fuzzy(query, maxDistance, prefix)` would find, with
   * the same distances. `candidates` must include every answer: pass what a lookup of the same
   * query in prefix mode found (for the whole word, once typed), or, in prefix mode with the same
   * `maxDistance`, what a lookup of the query minus its last letter found (a word within reach of
   * "diffusio" is within reach of "diffusi"). Only those words are checked, not the vocabulary.
   */
  fuzzyAmong(query: string, maxDistance: number, candidates: readonly number[], prefix = false): VocabularyMatch[] {
    const out: VocabularyMatch[] = [];
    for (const index of candidates) {
      const word = this.words[index];
      const d = editDistance(query, word, maxDistance, prefix);
      if (d <= maxDistance) out.push({ index, distance: d });
    }
    return out;
  }
}

/**
 * Optimal string alignment distance between `query` and `word` (`max + 1` when over `max`). With
 * `prefix`, as `fuzzy` measures a word in prefix mode: the distance to the shortest beginning of
 * `word` within `max` edits of the query.
 */
export function editDistance(query: string, word: string, max: number, prefix = false): number {
  const m = query.length;
  const n = prefix ? Math.min(word.length, m + max) : word.length;
  if (!prefix && Math.abs(m - n) > max) return max + 1;
  // Rows: the word's first i characters; columns: the query's first j.
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  if (prefix && m <= max) return m;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = word.charCodeAt(i - 1) === query.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j - 1] + cost, prev[j] + 1, cur[j - 1] + 1);
      if (i > 1 && j > 1 && word.charCodeAt(i - 1) === query.charCodeAt(j - 2) && word.charCodeAt(i - 2) === query.charCodeAt(j - 1)) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (prefix && cur[m] <= max) return cur[m];
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prefix ? max + 1 : Math.min(prev[m], max + 1);
}
