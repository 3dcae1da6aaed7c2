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
  | { type: 'load'; chunks: Uint8Array[]; options: ImportOptions; batch: number }
  /** The page took in a batch of the load: send the next one. */
  | { type: 'more' };

export type WorkerResponse =
  /** The worker's script runs. */
  | { type: 'hello' }
  | { type: 'ready'; size: number; ms: number; snapshot?: IndexSnapshot }
  | { type: 'result'; id: number; result: WireResult }
  | { type: 'error'; id?: number; message: string }
  /** One batch of a loaded corpus, in corpus order (see `PaperBatch`). */
  | ({ type: 'papers' } & PaperBatch)
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

/**
 * A batch of papers as sent to the page. The JSON text of the papers, each abstract left empty,
 * and the abstracts joined into two long strings (one of Latin-1 text, one of the others), with
 * each paper's span in them: three numbers per paper (`0` for no abstract, `1` or `2` for the
 * string, then start and end). The page takes each abstract as a slice of those strings, which
 * V8 keeps as a small reference to them (long strings are never moved by the garbage collector):
 * the collections that run while 50,000 papers arrive then have half as much to copy.
 */
export interface PaperBatch {
  json: string;
  latin1: string;
  wide: string;
  spans: Int32Array;
}

/** A parse result without its papers (they came in batches). */
export type LoadSummary =
  | {
      ok: true;
      format: Extract<ParseResult, { ok: true }>['format'];
      problems: CorpusProblem[];
      total: number;
      count: number;
      /** The papers' positions newest first (`dateOrder`), transferred. */
      dateOrder: Int32Array;
    }
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

/** Packs papers for the page (see `PaperBatch`). */
export function packBatch(papers: readonly Paper[]): PaperBatch {
  const latin1: string[] = [];
  const wide: string[] = [];
  const spans = new Int32Array(papers.length * 3);
  let narrowEnd = 0;
  let wideEnd = 0;
  const light = papers.map((p, i) => {
    const text = p.abstract;
    if (!text) return p;
    if (/[\u0100-\uffff]/.test(text)) {
      spans.set([2, wideEnd, (wideEnd += text.length)], i * 3);
      wide.push(text);
    } else {
      spans.set([1, narrowEnd, (narrowEnd += text.length)], i * 3);
      latin1.push(text);
    }
    // Empty, not deleted: the key keeps its place among the paper's fields.
    return { ...p, abstract: '' };
  });
  return { json: JSON.stringify(light), latin1: latin1.join(''), wide: wide.join(''), spans };
}

/** The papers of a batch (see `PaperBatch`). */
export function unpackBatch({ json, latin1, wide, spans }: PaperBatch): Paper[] {
  const papers = JSON.parse(json) as Paper[];
  for (let i = 0; i < papers.length; i++) {
    const pool = spans[i * 3];
    if (pool) papers[i].abstract = (pool === 1 ? latin1 : wide).slice(spans[i * 3 + 1], spans[i * 3 + 2]);
  }
  return papers;
}
