/** Messages between `client.ts` and `worker.ts`. Papers go in once; only ids and scores come back. */
import type { Paper } from '../types.js';
import type { IndexOptions, SearchResult } from './engine.js';

export type WorkerRequest =
  | { type: 'index'; papers: Paper[]; options?: IndexOptions }
  | { type: 'search'; id: number; query: string; limit?: number; any?: boolean };

export type WorkerResponse =
  | { type: 'ready'; size: number; ms: number }
  | { type: 'result'; id: number; result: SearchResult }
  | { type: 'error'; id?: number; message: string };

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
