/**
 * The ranked paper search: an inverted index over title, authors, keywords, organization, venue,
 * abstract and summary, scored with BM25F (per-field boosts and length normalization), with prefix
 * matching for the word being typed, typo tolerance, plural variants, phrases, exclusions and field
 * filters (see `query.ts` for the syntax). Pure and DOM-free: runs in a page or in a worker.
 *
 * Memory: one 32-bit document number and one byte of precomputed term weight per (word, paper)
 * pair, plus the vocabulary: about 5 bytes per distinct word of each paper.
 */
import type { Paper } from '../types.js';
import { FilterSet } from './filters.js';
import { isEmptyQuery, parseQuery, sameWord, type ParsedQuery, type QueryTerm } from './query.js';
import { pluralVariants, tokenize, TokenTable } from './tokenize.js';
import { Vocabulary } from './vocabulary.js';

/** Fields the index reads, with the default boosts. */
export const INDEXED_FIELDS = ['title', 'authors', 'keywords', 'organization', 'venue', 'abstract', 'summary', 'ids'] as const;
export type IndexedField = (typeof INDEXED_FIELDS)[number];

export const DEFAULT_BOOSTS: Readonly<Record<IndexedField, number>> = {
  title: 4,
  authors: 3,
  keywords: 2,
  organization: 2,
  venue: 1.5,
  abstract: 1,
  summary: 0.5,
  ids: 3,
};

/** Length normalization per field (BM25 `b`): long author lists are not penalized much. */
const LENGTH_NORMALIZATION: Readonly<Record<IndexedField, number>> = {
  title: 0.5,
  authors: 0.2,
  keywords: 0.3,
  organization: 0.2,
  venue: 0.2,
  abstract: 0.75,
  summary: 0.75,
  ids: 0,
};

export interface IndexOptions {
  /** Weight of a match in each field (defaults: `DEFAULT_BOOSTS`). */
  boosts?: Partial<Record<IndexedField, number>>;
  /** BM25 term-frequency saturation (default 1.2). */
  k1?: number;
  /** Typo tolerance (default true): 1 edit from 5 letters, 2 from 9. */
  fuzzy?: boolean;
}

export interface SearchOptions {
  /** At most this many results (default: all). `total` still counts them all. */
  limit?: number;
  /**
   * Rank every paper that has any of the words, most words first (for "more like this"), instead
   * of only the papers having all of them.
   */
  any?: boolean;
}

/** What a search returns. Arrays are parallel and in relevance order. */
export interface SearchResult {
  /** Paper ids, best first. */
  ids: string[];
  /** Positions of those papers in the array the index was built from. */
  indices: number[];
  /** Relevance scores (0 when the query has only filters: then results keep the input order). */
  scores: number[];
  /** Number of results before `limit`. */
  total: number;
  /** Folded words of the papers that the query matched (typo and plural variants included). */
  matchedTerms: string[];
  /** Folded prefixes being typed: any word starting with one of them matched. */
  matchedPrefixes: string[];
  /** True when no paper had every word, so papers with most of them are shown instead. */
  partial: boolean;
}

export interface SearchIndex {
  /** Number of papers indexed. */
  readonly size: number;
  /** Number of distinct words indexed. */
  readonly vocabularySize: number;
  search(query: string | ParsedQuery, options?: SearchOptions): SearchResult;
  /**
   * Does ahead of time, while the page is idle, the costliest step of the next key press of a
   * query being typed: when one more letter allows one more typo ("diffusio" → "diffusion": 1 → 2),
   * the typo lookup of its last word in the whole vocabulary. Results never depend on it.
   */
  prepare(query: string | ParsedQuery): void;
  /**
   * The built index as typed arrays and one string, to hand it to another thread without copying
   * (`postMessage(snapshot, snapshotTransfer(snapshot))`). The index is unusable afterwards.
   */
  snapshot(): IndexSnapshot;
}

/** A built index, without the papers (see `SearchIndex.snapshot` and `restoreIndex`). */
export interface IndexSnapshot {
  size: number;
  fuzzy: boolean;
  /** The vocabulary in code-unit order, joined with newlines (words never contain one). */
  words: string;
  sortedToId: Int32Array;
  offsets: Int32Array;
  postingDocs: Int32Array;
  postingWeights: Uint8Array;
  idf: Float32Array;
}

/** The buffers of a snapshot, to transfer rather than copy. */
export function snapshotTransfer(s: IndexSnapshot): ArrayBuffer[] {
  return [s.sortedToId, s.offsets, s.postingDocs, s.postingWeights, s.idf].map((a) => a.buffer as ArrayBuffer);
}

function fieldText(paper: Paper, field: IndexedField): string {
  switch (field) {
    case 'title':
      return paper.title;
    case 'authors':
      return paper.authors?.map((a) => a.name).join(' ; ') ?? '';
    case 'keywords':
      return [...(paper.keywords ?? []), ...(paper.tags ?? [])].join(' ; ');
    case 'organization':
      return [paper.organization?.name, paper.organization?.fullName].filter(Boolean).join(' ; ');
    case 'venue':
      return paper.venue ?? '';
    case 'abstract':
      return paper.abstract ?? '';
    case 'summary':
      return paper.summary ?? '';
    case 'ids':
      return [paper.arxivId, paper.doi].filter(Boolean).join(' ');
  }
}

/** Fields a phrase may be found in. */
const PHRASE_FIELDS: readonly IndexedField[] = ['title', 'abstract', 'keywords', 'summary', 'authors', 'organization', 'venue'];

/** Field filters whose words are all in the index (organizations are not: affiliations are not indexed). */
const INDEXED_FILTER_FIELDS: ReadonlySet<string> = new Set(['author', 'venue', 'tag', 'title', 'abstract']);

/** Papers beyond this many are ranked with a slower comparator sort. */
const DOC_BITS_LIMIT = 0x200000;

/** Query words beyond this many are ignored. */
const MAX_TERMS = 32;

/**
 * Completions kept for a word being typed: its most frequent ones. A one- or two-letter prefix
 * starts thousands of words ("d": 5,000 at 50,000 papers, 31 ms to merge their postings); the
 * frequent ones rank the same papers first, and the next letters narrow the rest in. Like
 * Typesense's `max_candidates`, for prefixes only: a whole word and its typo variants always count.
 */
export const MAX_COMPLETIONS = 48;

/** Query words whose expansions are kept (the words of the last few queries typed). */
const EXPANSION_CACHE_SIZE = 64;

/** A query word's expansions and what it contributes to `matchedTerms` / `matchedPrefixes`. */
interface ExpandedTerm {
  expansions: Expansion[];
  matched: string[];
  prefixes: string[];
  /** Vocabulary positions a prefix-mode typo lookup found (see `Vocabulary.fuzzyAmong`). */
  fuzzy?: number[];
}

/** Typos allowed in a word of this length. */
export function maxTypos(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** An index word standing for a query word. */
interface Expansion {
  id: number;
  /** How much a match counts (1 for the word itself). */
  factor: number;
  /** Edits between the query word and this word. */
  typos: number;
  /** The word itself or a plural variant: scored with its own rarity. */
  own: boolean;
}

class Int32Buffer {
  data = new Int32Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

const quickPhrases = new WeakMap<readonly QueryTerm[], RegExp | null>();
const ASCII_TEXT = /^[\0-\x7f]*$/;

/**
 * A regular expression for the phrase in text made of ASCII words, which the tokenizer turns into
 * their lower case: the phrase's words (or their plural variants, as `sameWord` allows), whole, in a
 * row, separated by anything that is not a word character. On ASCII text its answer is the
 * tokenizer's; other text needs the tokenizer. Null for phrases it cannot express (prefixes,
 * non-ASCII words, words long enough to be cut).
 */
function quickPhrase(phrase: readonly QueryTerm[]): RegExp | null {
  let re = quickPhrases.get(phrase);
  if (re === undefined) {
    const plain = phrase.every((w) => !w.prefix && /^[a-z0-9]{1,39}$/.test(w.text));
    const edge = '[\\p{L}\\p{N}\\p{M}]';
    const word = (w: QueryTerm): string => `(?:${[w.text, ...pluralVariants(w.text)].filter((v) => /^[a-z0-9]+$/.test(v)).join('|')})`;
    re = plain ? new RegExp(`(?<!${edge})${phrase.map(word).join(`(?:(?!${edge})[^])+`)}(?!${edge})`, 'iu') : null;
    quickPhrases.set(phrase, re);
  }
  return re;
}

/** Does `tokens` contain the phrase's words in a row? */
function containsPhrase(tokens: readonly string[], phrase: readonly QueryTerm[]): boolean {
  const n = phrase.length;
  outer: for (let i = 0; i + n <= tokens.length; i++) {
    for (let j = 0; j < n; j++) {
      const t = tokens[i + j];
      const w = phrase[j];
      if (!(w.prefix ? t.startsWith(w.text) : sameWord(t, w.text))) continue outer;
    }
    return true;
  }
  return false;
}

class PaperIndex implements SearchIndex {
  readonly size: number;
  private readonly papers: readonly Paper[];
  private readonly ids: string[];
  private readonly vocabulary: Vocabulary;
  /** Sorted position → term id. */
  private readonly sortedToId: Int32Array;
  /** Term id → start of its postings; postings of term t are [offsets[t], offsets[t + 1]). */
  private readonly offsets: Int32Array;
  private readonly postingDocs: Int32Array;
  /** Saturated BM25F term weight of each posting, in 1/255. */
  private readonly postingWeights: Uint8Array;
  private readonly idf: Float32Array;
  private readonly fuzzy: boolean;
  private readonly filters: FilterSet;
  // Scratch space reused by every search.
  private readonly termScore: Float32Array;
  private readonly totalScore: Float32Array;
  private readonly coverage: Uint8Array;
  private readonly hits: Int32Array;
  private readonly touched: Int32Array;
  /** Typos of the best match of the current query word, and summed over the query. */
  private readonly termTypos: Uint8Array;
  private readonly typos: Uint8Array;
  private readonly mark: Uint8Array;
  /**
   * Expansions of recent query words. Typing "diffusion transformer" one key at a time looks up
   * "diffusion" (a typo-tolerant walk of the vocabulary, the costliest step) once, not per key.
   */
  private readonly expanded = new Map<string, ExpandedTerm>();
  /** Prefix-mode typo lookups done ahead (`prepare`): `word|typos` → vocabulary positions. */
  private readonly ahead = new Map<string, number[]>();

  constructor(papers: readonly Paper[], options: IndexOptions = {}, restored?: IndexSnapshot) {
    this.papers = papers;
    this.size = papers.length;
    this.ids = papers.map((p) => p.id);
    this.filters = new FilterSet(papers);
    const n = papers.length;
    this.termScore = new Float32Array(n);
    this.totalScore = new Float32Array(n);
    this.coverage = new Uint8Array(n);
    this.hits = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.termTypos = new Uint8Array(n);
    this.typos = new Uint8Array(n);
    this.mark = new Uint8Array(n);
    if (restored) {
      this.fuzzy = restored.fuzzy;
      this.vocabulary = new Vocabulary(restored.words ? restored.words.split('\n') : []);
      this.sortedToId = restored.sortedToId;
      this.offsets = restored.offsets;
      this.postingDocs = restored.postingDocs;
      this.postingWeights = restored.postingWeights;
      this.idf = restored.idf;
      return;
    }
    this.fuzzy = options.fuzzy ?? true;
    const boosts = { ...DEFAULT_BOOSTS, ...options.boosts };
    const k1 = options.k1 ?? 1.2;
    const F = INDEXED_FIELDS.length;

    // Pass 1: words → term ids, field lengths, document frequencies.
    const tokens = new Int32Buffer();
    const fieldStart = new Int32Array(n * F + 1);
    const lengthSum = new Float64Array(F);
    const df: number[] = [];
    const lastDoc: number[] = [];
    // Word → term id while building; lookups afterwards go through the sorted vocabulary.
    const table = new TokenTable();
    const terms = table.terms;
    for (let d = 0; d < n; d++) {
      const paper = papers[d];
      for (let f = 0; f < F; f++) {
        fieldStart[d * F + f] = tokens.length;
        const text = fieldText(paper, INDEXED_FIELDS[f]);
        if (!text) continue;
        const before = tokens.length;
        table.each(text, (id) => {
          if (id === df.length) {
            df.push(0);
            lastDoc.push(-1);
          }
          if (lastDoc[id] !== d) {
            lastDoc[id] = d;
            df[id]++;
          }
          tokens.push(id);
        });
        lengthSum[f] += tokens.length - before;
      }
    }
    fieldStart[n * F] = tokens.length;
    const V = terms.length;
    const avg = Array.from(lengthSum, (s) => (n > 0 ? s / n : 0) || 1);

    // Postings laid out by term (CSR), filled in document order.
    const offsets = new Int32Array(V + 1);
    for (let t = 0; t < V; t++) offsets[t + 1] = offsets[t] + df[t];
    const cursor = offsets.slice(0, V);
    const postingDocs = new Int32Array(offsets[V]);
    const postingWeights = new Uint8Array(offsets[V]);

    // Pass 2: BM25F weights.
    const tfField = new Int32Array(V);
    const tfWeighted = new Float64Array(V);
    const touched: number[] = [];
    const fieldTouched: number[] = [];
    const data = tokens.data;
    for (let d = 0; d < n; d++) {
      for (let f = 0; f < F; f++) {
        const s = fieldStart[d * F + f];
        const e = fieldStart[d * F + f + 1];
        if (s === e) continue;
        const field = INDEXED_FIELDS[f];
        const b = LENGTH_NORMALIZATION[field];
        const norm = 1 - b + (b * (e - s)) / avg[f];
        const boost = boosts[field];
        for (let i = s; i < e; i++) {
          const t = data[i];
          if (tfField[t] === 0) fieldTouched.push(t);
          tfField[t]++;
        }
        for (const t of fieldTouched) {
          if (tfWeighted[t] === 0) touched.push(t);
          tfWeighted[t] += (boost * tfField[t]) / norm;
          tfField[t] = 0;
        }
        fieldTouched.length = 0;
      }
      for (const t of touched) {
        const tf = tfWeighted[t];
        const w = tf / (k1 + tf);
        const p = cursor[t]++;
        postingDocs[p] = d;
        postingWeights[p] = Math.max(1, Math.round(w * 255));
        tfWeighted[t] = 0;
      }
      touched.length = 0;
    }

    this.offsets = offsets;
    this.postingDocs = postingDocs;
    this.postingWeights = postingWeights;
    this.idf = new Float32Array(V);
    for (let t = 0; t < V; t++) this.idf[t] = Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5));

    const order = Array.from({ length: V }, (_, i) => i);
    order.sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
    this.sortedToId = Int32Array.from(order);
    this.vocabulary = new Vocabulary(order.map((i) => terms[i]));
  }

  get vocabularySize(): number {
    return this.vocabulary.words.length;
  }

  snapshot(): IndexSnapshot {
    return {
      size: this.size,
      fuzzy: this.fuzzy,
      words: this.vocabulary.words.join('\n'),
      sortedToId: this.sortedToId,
      offsets: this.offsets,
      postingDocs: this.postingDocs,
      postingWeights: this.postingWeights,
      idf: this.idf,
    };
  }

  prepare(query: string | ParsedQuery): void {
    const q = typeof query === 'string' ? parseQuery(query) : query;
    const last = q.terms.at(-1);
    if (!last?.prefix || last.exact || !this.fuzzy) return;
    const typos = maxTypos(last.text.length + 1);
    const key = `${last.text}|${typos}`;
    if (typos === maxTypos(last.text.length) || this.ahead.has(key)) return;
    if (this.ahead.size >= 8) this.ahead.delete(this.ahead.keys().next().value as string);
    this.ahead.set(key, this.vocabulary.fuzzy(last.text, typos, true).map((f) => f.index));
  }

  /** The term id of an indexed word (binary search of the sorted vocabulary). */
  private termId(word: string): number | undefined {
    const i = this.vocabulary.lowerBound(word);
    return this.vocabulary.words[i] === word ? this.sortedToId[i] : undefined;
  }

  /**
   * The index words a query word stands for: itself and its plural variants (`own`), the words it
   * starts (while typing) and the words within `maxTypos` edits. Sorted by typos, fewest first.
   */
  private expand(term: QueryTerm, matched: Set<string>, prefixes: Set<string>): Expansion[] {
    const key = `${term.text}|${String(term.prefix)}|${String(term.exact)}`;
    let entry = this.expanded.get(key);
    if (entry) {
      // Most recently used last.
      this.expanded.delete(key);
    } else {
      const ownMatched = new Set<string>();
      const ownPrefixes = new Set<string>();
      const found: { fuzzy?: number[] } = {};
      entry = { expansions: this.expandUncached(term, ownMatched, ownPrefixes, found), matched: [...ownMatched], prefixes: [...ownPrefixes], ...found };
      if (this.expanded.size >= EXPANSION_CACHE_SIZE) this.expanded.delete(this.expanded.keys().next().value as string);
    }
    this.expanded.set(key, entry);
    for (const w of entry.matched) matched.add(w);
    for (const p of entry.prefixes) prefixes.add(p);
    return entry.expansions;
  }

  private expandUncached(term: QueryTerm, matched: Set<string>, prefixes: Set<string>, found: { fuzzy?: number[] }): Expansion[] {
    const byId = new Map<number, Expansion>();
    const add = (id: number, factor: number, typos: number, own: boolean): void => {
      const cur = byId.get(id);
      if (!cur || cur.typos > typos || (cur.typos === typos && cur.factor < factor)) byId.set(id, { id, factor, typos, own });
    };
    const text = term.text;
    const exact = this.termId(text);
    if (exact !== undefined) {
      add(exact, 1, 0, true);
      matched.add(text);
    }
    for (const v of pluralVariants(text)) {
      const id = this.termId(v);
      if (id !== undefined) {
        add(id, 0.9, 0, true);
        matched.add(v);
      }
    }
    // A word being typed is a prefix; so is a plain word found nowhere as a whole ("reas witho").
    const asPrefix = term.prefix || (exact === undefined && !term.exact && text.length >= 2);
    if (asPrefix) {
      const [start, end] = this.vocabulary.prefixRange(text);
      if (end > start) prefixes.add(text);
      const { offsets, sortedToId } = this;
      // Only the most frequent completions of a short prefix (see MAX_COMPLETIONS).
      let minDf = 0;
      if (end - start > MAX_COMPLETIONS) {
        const dfs = new Int32Array(end - start);
        for (let i = start; i < end; i++) dfs[i - start] = offsets[sortedToId[i] + 1] - offsets[sortedToId[i]];
        dfs.sort();
        minDf = dfs[dfs.length - MAX_COMPLETIONS];
      }
      let kept = 0;
      for (let i = start; i < end && kept < MAX_COMPLETIONS; i++) {
        const id = sortedToId[i];
        if (offsets[id + 1] - offsets[id] < minDf) continue;
        kept++;
        const word = this.vocabulary.words[i];
        add(id, 0.6 + (0.3 * text.length) / word.length, 0, false);
      }
    }
    const typos = this.fuzzy && !term.exact ? maxTypos(text.length) : 0;
    if (typos > 0) {
      // A word just finished ("diffusion" once "diffusion t" is typed): its typo variants are among
      // those found while it was typed, so only they are checked (12 ms → 0.1 ms at 10,000 papers).
      const typed = asPrefix ? undefined : this.expanded.get(`${text}|true|${String(term.exact)}`)?.fuzzy;
      // A word being typed, one letter more than the last query, with as many typos allowed: its
      // matches are among the last ones ("transforme" after "transform": 9 ms → 0.2 ms at 10,000
      // papers).
      const shorter = text.slice(0, -1);
      const before = !term.prefix
        ? undefined
        : maxTypos(shorter.length) === typos
          ? this.expanded.get(`${shorter}|true|${String(term.exact)}`)?.fuzzy
          : this.ahead.get(`${shorter}|${typos}`);
      const near = typed
        ? this.vocabulary.fuzzyAmong(text, typos, typed)
        : before
          ? this.vocabulary.fuzzyAmong(text, typos, before, true)
          : this.vocabulary.fuzzy(text, typos, asPrefix);
      if (asPrefix) found.fuzzy = near.map((f) => f.index);
      const few = near.length <= 200;
      for (const { index, distance } of near) {
        if (distance === 0) continue;
        const word = this.vocabulary.words[index];
        add(this.sortedToId[index], distance === 1 ? 0.5 : 0.3, distance, false);
        if (few) matched.add(word);
      }
    }
    return [...byId.values()].sort((a, b) => a.typos - b.typos);
  }

  /** Papers (positions) containing the word or one of its plural variants. */
  private docsWith(word: string, into: Uint8Array, value: number): number[] {
    const out: number[] = [];
    for (const w of [word, ...pluralVariants(word)]) {
      const id = this.termId(w);
      if (id === undefined) continue;
      for (let p = this.offsets[id]; p < this.offsets[id + 1]; p++) {
        const d = this.postingDocs[p];
        if (into[d] !== value) {
          into[d] = value;
          out.push(d);
        }
      }
    }
    return out;
  }

  /**
   * Papers (positions, in input order) that have, for every word, an indexed word starting with it:
   * a superset of those a field filter on indexed text keeps (the filter then checks the field).
   */
  private docsWithPrefixes(words: readonly string[]): number[] {
    const { coverage, offsets, postingDocs } = this;
    const seen = this.mark;
    let found: number[] = [];
    words.forEach((word, w) => {
      const next: number[] = [];
      const [start, end] = this.vocabulary.prefixRange(word);
      for (let i = start; i < end; i++) {
        const id = this.sortedToId[i];
        for (let p = offsets[id]; p < offsets[id + 1]; p++) {
          const d = postingDocs[p];
          if (seen[d] === 0 && coverage[d] === w) {
            seen[d] = 1;
            next.push(d);
          }
        }
      }
      for (const d of next) {
        seen[d] = 0;
        coverage[d] = w + 1;
      }
      for (const d of found) if (coverage[d] === w) coverage[d] = 0;
      found = next;
    });
    for (const d of found) coverage[d] = 0;
    return found.sort((a, b) => a - b);
  }

  private hasPhrase(doc: number, phrase: readonly QueryTerm[]): boolean {
    const paper = this.papers[doc];
    const texts = PHRASE_FIELDS.map((f) => fieldText(paper, f)).filter((t) => t !== '');
    // A regular expression answers for ASCII text without tokenizing whole abstracts (at 100,000
    // papers, "large language models" took 1.4 s that way); other text goes through the tokenizer.
    const quick = quickPhrase(phrase);
    if (!quick) return texts.some((t) => containsPhrase(tokenize(t, false), phrase));
    return texts.some((t) => quick.test(t) || (!ASCII_TEXT.test(t) && containsPhrase(tokenize(t, false), phrase)));
  }

  search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResult {
    const q = typeof query === 'string' ? parseQuery(query) : query;
    const n = this.size;
    const matched = new Set<string>();
    const prefixes = new Set<string>();
    let candidates: number[];
    let partial = false;
    const { totalScore, coverage } = this;

    // Terms: unique by text and mode, at most MAX_TERMS (a pasted abstract stays fast).
    const seen = new Set<string>();
    const terms = q.terms
      .filter((t) => {
        const key = `${t.text}|${String(t.prefix)}|${String(t.exact)}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, MAX_TERMS);

    if (terms.length === 0) {
      // Filters only: a field filter on indexed text narrows the papers through the index first
      // (`author:wu` at 100,000 papers: 1.6 s for the first query when every paper was tested).
      const narrowing = q.filters.find((f) => f.type === 'text' && !f.negate && f.words.length > 0 && INDEXED_FILTER_FIELDS.has(f.field));
      candidates = narrowing?.type === 'text' ? this.docsWithPrefixes(narrowing.words) : Array.from({ length: n }, (_, i) => i);
      if (isEmptyQuery(q)) return this.result(candidates, null, options, matched, prefixes, false);
    } else {
      const { termScore, termTypos, typos, offsets, postingDocs, postingWeights, idf } = this;
      const { hits, touched } = this;
      let hitCount = 0;
      for (const term of terms) {
        let touchedCount = 0;
        const expansions = this.expand(term, matched, prefixes);
        // Completions and typo variants are scored with the rarity of everything the query word
        // matched, not their own: a rare completion ("moell" for "moe") must not beat the word.
        let df = 0;
        for (const e of expansions) df += offsets[e.id + 1] - offsets[e.id];
        df = Math.min(df, n);
        const sharedIdf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (const e of expansions) {
          const weight = ((e.own ? idf[e.id] : sharedIdf) * e.factor) / 255;
          for (let p = offsets[e.id], end = offsets[e.id + 1]; p < end; p++) {
            const d = postingDocs[p];
            const s = weight * postingWeights[p];
            const cur = termScore[d];
            if (cur === 0) {
              touched[touchedCount++] = d;
              termTypos[d] = e.typos;
            }
            if (s > cur) termScore[d] = s;
          }
        }
        for (let i = 0; i < touchedCount; i++) {
          const d = touched[i];
          if (coverage[d] === 0) hits[hitCount++] = d;
          coverage[d]++;
          typos[d] += termTypos[d];
          totalScore[d] += termScore[d];
          termScore[d] = 0;
        }
      }
      const all = terms.length;
      candidates = [];
      for (let i = 0; i < hitCount; i++) if (coverage[hits[i]] === all) candidates.push(hits[i]);
      if (options.any || (candidates.length === 0 && all > 1)) {
        partial = true;
        candidates = Array.from(hits.subarray(0, hitCount));
      }
      // Phrases: verified on the candidates' text.
      if (q.phrases.length > 0) candidates = candidates.filter((d) => q.phrases.every((ph) => this.hasPhrase(d, ph)));
      // Scratch cleanup happens after sorting (scores are still needed); remember what to clear.
      candidates = this.finish(candidates, q);
      candidates = this.rank(candidates);
      this.boostTitles(candidates, terms);
      const result = this.result(candidates, totalScore, options, matched, prefixes, partial);
      for (let i = 0; i < hitCount; i++) {
        const d = hits[i];
        coverage[d] = 0;
        typos[d] = 0;
        totalScore[d] = 0;
      }
      return result;
    }
    return this.result(this.finish(candidates, q), null, options, matched, prefixes, partial);
  }

  /** Sorts by words matched, then fewest typos, then score, then input order. */
  private rank(candidates: number[]): number[] {
    const { coverage, typos, totalScore } = this;
    const k = candidates.length;
    if (k < 2) return candidates;
    if (this.size >= DOC_BITS_LIMIT) {
      return candidates.sort((a, b) => coverage[b] - coverage[a] || typos[a] - typos[b] || totalScore[b] - totalScore[a] || a - b);
    }
    // One exact double per paper (coverage 6 bits, typos 6, score 20, position 21), sorted
    // natively: several times faster than a comparator on large result sets.
    const keys = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      const d = candidates[i];
      const score = Math.min(Math.round(totalScore[d] * 1000), 0xfffff);
      const composite = coverage[d] * 0x4000000 + (63 - Math.min(typos[d], 63)) * 0x100000 + score;
      keys[i] = -(composite * DOC_BITS_LIMIT + (DOC_BITS_LIMIT - 1 - d));
    }
    keys.sort();
    for (let i = 0; i < k; i++) candidates[i] = DOC_BITS_LIMIT - 1 - (-keys[i] % DOC_BITS_LIMIT);
    return candidates;
  }

  private result(
    ranked: number[],
    scores: Float32Array | null,
    options: SearchOptions,
    matched: Set<string>,
    prefixes: Set<string>,
    partial: boolean,
  ): SearchResult {
    const total = ranked.length;
    const limited = options.limit !== undefined && options.limit < total ? ranked.slice(0, Math.max(0, options.limit)) : ranked;
    const ids = this.ids;
    return withLazyIds(
      {
        indices: limited,
        scores: scores ? limited.map((d) => Math.round(scores[d] * 1000) / 1000) : limited.map(() => 0),
        total,
        matchedTerms: [...matched],
        matchedPrefixes: [...prefixes],
        partial,
      },
      () => limited.map((d) => ids[d]),
    );
  }

  /** Applies filters and exclusions. */
  private finish(candidates: number[], q: ParsedQuery): number[] {
    let out = candidates;
    if (q.filters.length > 0) out = out.filter((d) => this.filters.testAll(d, q.filters));
    if (q.exclude.length > 0) {
      const mark = this.mark;
      const marked: number[] = [];
      for (const words of q.exclude) {
        if (words.length === 1) {
          marked.push(...this.docsWith(words[0], mark, 1));
        } else {
          const phrase = words.map((text) => ({ text, prefix: false, exact: true }));
          for (const d of out) {
            if (mark[d] === 0 && this.hasPhrase(d, phrase)) {
              mark[d] = 1;
              marked.push(d);
            }
          }
        }
      }
      out = out.filter((d) => mark[d] === 0);
      for (const d of marked) mark[d] = 0;
    }
    return out;
  }

  /**
   * Moves up, among the first results, papers whose title holds the query's words in a row (an
   * exact or partial title typed or pasted), the whole title first.
   */
  private boostTitles(ranked: number[], terms: readonly QueryTerm[]): void {
    if (terms.length < 2 || ranked.length < 2) return;
    const top = Math.min(ranked.length, 50);
    const bonus = new Map<number, number>();
    for (let i = 0; i < top; i++) {
      const d = ranked[i];
      const title = tokenize(this.papers[d].title, false);
      if (!containsPhrase(title, terms)) continue;
      bonus.set(d, title.length === terms.length ? 2 : 1);
    }
    if (bonus.size === 0) return;
    const head = ranked.slice(0, top);
    head.sort((a, b) => (bonus.get(b) ?? 0) - (bonus.get(a) ?? 0) || this.coverage[b] - this.coverage[a] || this.typos[a] - this.typos[b] || this.totalScore[b] - this.totalScore[a] || a - b);
    for (let i = 0; i < top; i++) ranked[i] = head[i];
  }
}

/**
 * A result whose `ids` are read from the papers when first asked for: a one-letter query at 50,000
 * papers has 48,000 results, and a feed only needs their positions.
 */
export function withLazyIds(result: Omit<SearchResult, 'ids'>, ids: () => string[]): SearchResult {
  let cached: string[] | undefined;
  return Object.defineProperty(result, 'ids', { get: () => (cached ??= ids()), enumerable: true, configurable: true }) as SearchResult;
}

/** Builds the search index of a list of papers. The index keeps a reference to the array. */
export function createIndex(papers: readonly Paper[], options?: IndexOptions): SearchIndex {
  return new PaperIndex(papers, options);
}

/**
 * The index a snapshot was taken of, over the same papers in the same order (a copy will do: the
 * index reads their text for phrases, filters and title boosts). Throws when the sizes differ.
 */
export function restoreIndex(papers: readonly Paper[], snapshot: IndexSnapshot): SearchIndex {
  if (snapshot.size !== papers.length) throw new Error(`The index has ${snapshot.size} papers, not ${papers.length}.`);
  return new PaperIndex(papers, {}, snapshot);
}
