/**
 * Field filters (`author:`, `year:`, `has:` …) as predicates over papers. The folded text each
 * filter reads is prepared on first use and kept, per paper position.
 */
import type { Paper } from '../types.js';
import { yearOf } from '../clean.js';
import type { HasKey, QueryFilter, TextFilterField } from './query.js';
import { tokenize } from './tokenize.js';

/** The values of a field, each as its folded words (one entry per author, per keyword…). */
export function fieldValues(paper: Paper, field: TextFilterField): string[][] {
  const values: (string | undefined)[] = [];
  switch (field) {
    case 'author':
      for (const a of paper.authors ?? []) values.push(a.name);
      break;
    case 'org':
      values.push(paper.organization?.name, paper.organization?.fullName);
      for (const a of paper.authors ?? []) values.push(a.affiliation);
      break;
    case 'venue':
      values.push(paper.venue);
      break;
    case 'tag':
      values.push(...(paper.tags ?? []), ...(paper.keywords ?? []));
      break;
    case 'title':
      values.push(paper.title);
      break;
    case 'abstract':
      values.push(paper.abstract);
      break;
  }
  const out: string[][] = [];
  for (const v of values) {
    if (!v) continue;
    const words = tokenize(v);
    if (words.length > 0) out.push(words);
  }
  return out;
}

/** True when every one of `words` starts a word of `value` (a word being typed is a prefix). */
function valueMatches(value: readonly string[], words: readonly string[]): boolean {
  return words.every((w) => value.some((v) => v.startsWith(w)));
}

export function hasValue(paper: Paper, what: HasKey): boolean {
  const links = paper.links ?? {};
  switch (what) {
    case 'code':
      return !!links.code;
    case 'pdf':
      return !!links.pdf || !!paper.arxivId || !!links.arxiv;
    case 'abstract':
      return !!paper.abstract?.trim();
    case 'project':
      return !!links.project;
    case 'video':
      return !!links.video;
    case 'doi':
      return !!paper.doi || !!links.doi;
    case 'arxiv':
      return !!paper.arxivId || !!links.arxiv;
  }
}

export function paperYear(paper: Paper): number | undefined {
  return paper.year ?? yearOf(paper.published);
}

/** Evaluates filters against papers by position, caching the folded field values. */
export class FilterSet {
  private readonly papers: readonly Paper[];
  private readonly cache = new Map<TextFilterField, (string[][] | undefined)[]>();

  constructor(papers: readonly Paper[]) {
    this.papers = papers;
  }

  private values(doc: number, field: TextFilterField): string[][] {
    let column = this.cache.get(field);
    if (!column) {
      column = new Array<string[][] | undefined>(this.papers.length);
      this.cache.set(field, column);
    }
    let v = column[doc];
    if (v === undefined) {
      v = fieldValues(this.papers[doc], field);
      column[doc] = v;
    }
    return v;
  }

  /** True when the paper at `doc` passes one filter. */
  test(doc: number, filter: QueryFilter): boolean {
    let ok: boolean;
    const paper = this.papers[doc];
    switch (filter.type) {
      case 'year': {
        const y = paperYear(paper);
        ok = y !== undefined && y >= filter.min && y <= filter.max;
        break;
      }
      case 'has':
        ok = hasValue(paper, filter.what);
        break;
      case 'text': {
        const values = this.values(doc, filter.field);
        // Title and abstract are one value: the words may be anywhere in it. Authors, keywords and
        // organizations: all words in the same value (one author's name).
        ok = values.some((v) => valueMatches(v, filter.words));
        break;
      }
    }
    return ok !== filter.negate;
  }

  /** True when the paper at `doc` passes every filter. */
  testAll(doc: number, filters: readonly QueryFilter[]): boolean {
    for (const f of filters) if (!this.test(doc, f)) return false;
    return true;
  }
}
