import type { Paper, ParseResult } from '../../../src/data/types.js';

/** Text of a fixture under test/fixtures/. */
export async function fixture(name: string): Promise<string> {
  const res = await fetch(`/test/fixtures/${name}`);
  if (!res.ok) throw new Error(`fixture ${name}: ${res.status}`);
  return res.text();
}

export type Loaded = Extract<ParseResult, { ok: true }>;

export function ok(result: ParseResult): Loaded {
  if (!result.ok) throw new Error(`expected a corpus, got ${result.kind}: ${result.message}`);
  return result;
}

export function failed(result: ParseResult): Extract<ParseResult, { ok: false }> {
  if (result.ok) throw new Error(`expected a failure, got ${result.papers.length} papers`);
  return result;
}

export function byId(papers: Paper[], id: string): Paper {
  const p = papers.find((x) => x.id === id);
  if (!p) throw new Error(`no paper ${id} (ids: ${papers.map((x) => x.id).join(', ')})`);
  return p;
}

/** Author names of a paper. */
export function names(paper: Paper): string[] {
  return (paper.authors ?? []).map((a) => a.name);
}
