/**
 * Messages between the page and the corpus worker (`worker.ts`). A corpus goes in once — either
 * as papers (`index`) or as the bytes of a file the worker parses itself (`load`) — and only ids
 * and scores come back from searches.
 */
import type { CorpusProblem, ImportOptions, Paper, ParseResult } from '../types.js';
import type { IndexOptions, IndexSnapshot } from './engine.js';

export type WorkerRequest =
  /**
   * Index these papers, or (without `papers`) the ones the worker loaded. With `handOver`, the
   * built index is sent back (`ready` with a snapshot, its arrays transferred) and the worker keeps
   * nothing: the page answers the queries.
   */
  | { type: 'index'; papers?: Paper[]; options?: IndexOptions; handOver?: boolean }
  | { type: 'search'; id: number; query: string; limit?: number; any?: boolean }
  /** Decode, parse and normalize a corpus file (its bytes as downloaded); papers come back in batches of `batch`. */
  | { type: 'load'; chunks: Uint8Array[]; options: ImportOptions; batch: number };

export type WorkerResponse =
  /** The worker's script runs. */
  | { type: 'hello' }
  | { type: 'ready'; size: number; ms: number; snapshot?: IndexSnapshot }
  | { type: 'result'; id: number; result: WireResult }
  | { type: 'error'; id?: number; message: string }
  /** One batch of a loaded corpus, in corpus order, as the JSON text of an array of papers. */
  | { type: 'papers'; json: string }
  /** The end of a load: every batch was sent (ok), or the file was not a corpus. */
  | { type: 'loaded'; result: LoadSummary };

/**
 * A search result as sent back: positions and scores as typed arrays (transferred, not cloned:
 * a one-letter query at 50,000 papers has 48,000 results), ids left for the page to read from
 * its own papers.
 */
export interface WireResult {
  indices: Int32Array;
  scores: Float64Array;
  total: number;
  matchedTerms: string[];
  matchedPrefixes: string[];
  partial: boolean;
}

/** A parse result without its papers (they came in batches). */
export type LoadSummary =
  | { ok: true; format: Extract<ParseResult, { ok: true }>['format']; problems: CorpusProblem[]; total: number; count: number }
  | Extract<ParseResult, { ok: false }>;

/**
 * The part of a paper the index reads, so that a large corpus is copied to the worker without
 * avatars, thumbnails, BibTeX and the like.
 */
export function searchableFields(p: Paper): Paper {
  const out: Paper = { id: p.id, title: p.title };
  if (p.abstract) out.abstract = p.abstract;
  if (p.summary) out.summary = p.summary;
  if (p.authors) out.authors = p.authors.map((a) => (a.affiliation ? { name: a.name, affiliation: a.affiliation } : { name: a.name }));
  if (p.organization) out.organization = { name: p.organization.name, ...(p.organization.fullName ? { fullName: p.organization.fullName } : {}) };
  if (p.keywords) out.keywords = p.keywords;
  if (p.tags) out.tags = p.tags;
  if (p.venue) out.venue = p.venue;
  if (p.arxivId) out.arxivId = p.arxivId;
  if (p.doi) out.doi = p.doi;
  if (p.year !== undefined) out.year = p.year;
  if (p.published) out.published = p.published;
  if (p.links) {
    const { code, pdf, project, video, doi, arxiv } = p.links;
    out.links = { code, pdf, project, video, doi, arxiv };
  }
  return out;
}
