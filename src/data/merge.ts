/**
 * Merging corpora from several sources (a lab's BibTeX, an arXiv listing, Hugging Face) into one
 * list without duplicates. Two papers are the same when they share an arXiv id (version ignored),
 * a DOI (case-insensitive) or, when neither has an identifier that contradicts the other, a
 * normalized title. The merged paper keeps the richest fields. Pure, no DOM.
 */
import type { Author, CorpusProblem, Paper, ParseResult } from './types.js';
import { ensureUniqueIds } from './normalize.js';
import { titleKey } from './clean.js';

export type LoadedResult = Extract<ParseResult, { ok: true }>;

export interface MergeResult {
  papers: Paper[];
  /** Merge-level notes: papers kept apart despite the same title, renamed ids. */
  problems: CorpusProblem[];
  /** How many papers were merged into another one. */
  merged: number;
}

function arxivKey(p: Paper): string | undefined {
  return p.arxivId?.trim().toLowerCase().replace(/^arxiv:/, '').replace(/v\d+$/, '') || undefined;
}

function doiKey(p: Paper): string | undefined {
  return (
    p.doi
      ?.trim()
      .toLowerCase()
      .replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/, '') || undefined
  );
}

/** Titles shorter than this (after normalizing) are too generic to merge on ("Introduction"). */
const MIN_TITLE_KEY = 16;

function titleOf(p: Paper): string | undefined {
  const k = titleKey(p.title);
  return k.length >= MIN_TITLE_KEY ? k : undefined;
}

/** Conflicting identifiers: both papers have one, and they differ. */
function conflict(a: Paper, b: Paper): string | undefined {
  const [xa, xb] = [arxivKey(a), arxivKey(b)];
  if (xa && xb && xa !== xb) return `arXiv ${a.arxivId ?? ''} vs ${b.arxivId ?? ''}`;
  const [da, db] = [doiKey(a), doiKey(b)];
  // A preprint DOI (10.48550/arXiv.…) next to a journal DOI is not a conflict.
  if (da && db && da !== db && !da.startsWith('10.48550/') && !db.startsWith('10.48550/')) return `DOI ${a.doi ?? ''} vs ${b.doi ?? ''}`;
  return undefined;
}

function richerAuthors(a: Author[] | undefined, b: Author[] | undefined): Author[] | undefined {
  if (!a?.length) return b;
  if (!b?.length) return a;
  if (b.length !== a.length) return b.length > a.length ? b : a;
  // Same length: the list with more details (affiliations, marks, profile links).
  const detail = (list: Author[]) => list.reduce((n, x) => n + Object.keys(x).length, 0);
  return detail(b) > detail(a) ? b : a;
}

const WEAK_TYPES = new Set([undefined, 'preprint', 'misc']);

/** Folds `other` into `base` (mutating `base`), keeping the richest value of each field. */
function absorb(base: Paper, other: Paper): void {
  const authors = richerAuthors(base.authors, other.authors);
  if (authors && authors !== base.authors) {
    base.authors = authors;
    // "et al." goes with the list it was written for.
    if (other.etAl) base.etAl = true;
    else delete base.etAl;
  }
  if (base.authors) delete base.authorCount;
  for (const [key, value] of Object.entries(other) as [keyof Paper, unknown][]) {
    if (value !== undefined && base[key] === undefined && key !== 'etAl' && !(key === 'authorCount' && base.authors)) (base as unknown as Record<string, unknown>)[key] = value;
  }
  if ((other.abstract?.length ?? 0) > (base.abstract?.length ?? 0)) base.abstract = other.abstract;
  if (other.links) base.links = { ...other.links, ...base.links };
  for (const key of ['keywords', 'tags'] as const) {
    if (base[key] || other[key]) base[key] = [...new Set([...(base[key] ?? []), ...(other[key] ?? [])])];
  }
  for (const key of ['upvotes', 'comments', 'githubStars'] as const) {
    const v = Math.max(base[key] ?? -1, other[key] ?? -1);
    if (v >= 0) base[key] = v;
  }
  // A published version (journal, conference) wins over the preprint for type and venue.
  if (WEAK_TYPES.has(base.type) && !WEAK_TYPES.has(other.type)) {
    base.type = other.type;
    if (other.venue) base.venue = other.venue;
    if (other.venueShort) base.venueShort = other.venueShort;
  }
  // A more precise date that agrees with the one we have (2024 → 2024-05-03).
  if (other.published && base.published && other.published.length > base.published.length && other.published.startsWith(base.published)) {
    base.published = other.published;
  }
  if (other.selected) base.selected = true;
}

/**
 * Merges the papers of several loaded corpora, in order (earlier sources win ties), removing
 * duplicates. Never throws. The input papers are not modified.
 */
export function mergeCorpora(results: readonly LoadedResult[]): MergeResult {
  const papers: Paper[] = [];
  const problems: CorpusProblem[] = [];
  const byArxiv = new Map<string, Paper>();
  const byDoi = new Map<string, Paper>();
  const byTitle = new Map<string, Paper>();
  let merged = 0;

  const index = (p: Paper): void => {
    const x = arxivKey(p);
    if (x && !byArxiv.has(x)) byArxiv.set(x, p);
    const d = doiKey(p);
    if (d && !byDoi.has(d)) byDoi.set(d, p);
    const t = titleOf(p);
    if (t && !byTitle.has(t)) byTitle.set(t, p);
  };

  for (const result of results) {
    for (const original of result.papers) {
      const paper: Paper = structuredClone(original);
      const x = arxivKey(paper);
      const d = doiKey(paper);
      const t = titleOf(paper);
      let target = (x && byArxiv.get(x)) || (d && byDoi.get(d)) || undefined;
      if (!target && t) {
        const same = byTitle.get(t);
        const why = same && conflict(same, paper);
        if (same && !why) target = same;
        else if (same && why) {
          problems.push({ id: paper.id, field: 'title', reason: `same title as “${same.id}” but ${why}: kept apart`, severity: 'warning' });
        }
      }
      if (target) {
        absorb(target, paper);
        index(target);
        merged++;
      } else {
        papers.push(paper);
        index(paper);
      }
    }
  }
  ensureUniqueIds(papers, problems);
  return { papers, problems, merged };
}
