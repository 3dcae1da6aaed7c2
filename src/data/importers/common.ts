/** Helpers shared by the importers: identifiers, links and the common tail of every result. */
import type { CorpusFormat, CorpusProblem, Paper, PaperLinks, ParseResult } from '../types.js';
import { ensureUniqueIds } from '../normalize.js';
import { isoDate, yearOf } from '../clean.js';
import { safeUrl } from '../text.js';

const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/i;

/**
 * An arXiv identifier without its version (`2604.21920`, `quant-ph/9905086`) from an id, an
 * `arXiv:` reference or an arxiv.org URL; undefined when it is none of those.
 */
export function arxivId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let v = value.trim().replace(/^arxiv:\s*/i, '');
  const url = /arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?$/i.exec(v);
  if (url) v = url[1];
  const doi = /^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\.(.+)$/i.exec(v);
  if (doi) v = doi[1];
  const m = ARXIV_ID.exec(v);
  return m ? m[1] : undefined;
}

/** Finds an arXiv reference inside free text ("arXiv preprint arXiv:2312.00812"). */
export function arxivIdIn(value: string | undefined): string | undefined {
  const m = value ? /arxiv[:\s]\s*(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})/i.exec(value) : null;
  return m ? m[1] : undefined;
}

/** A bare DOI (`10.1145/…`) from a DOI, a `doi:` reference or a resolver URL. */
export function cleanDoi(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value
    .trim()
    .replace(/^(?:https?:\/\/[^/]*\/(?=10\.)|doi:\s*)/i, '')
    .trim();
  return /^10\.\d{3,9}\/\S+$/.test(v) ? v : undefined;
}

/** Sets `doi` and `links.doi` on a paper. */
export function setDoi(paper: Paper, links: PaperLinks, doi: string | undefined): void {
  if (!doi) return;
  paper.doi = doi;
  const url = safeUrl(`https://doi.org/${doi}`);
  if (url) links.doi = url;
  const fromDoi = arxivId(doi);
  if (fromDoi && !paper.arxivId) paper.arxivId = fromDoi;
}

/** Sets `arxivId` and the arXiv links (abstract page, PDF) on a paper. */
export function setArxiv(paper: Paper, links: PaperLinks, id: string | undefined, withPdf = true): void {
  if (!id) return;
  paper.arxivId = id;
  links.arxiv = `https://arxiv.org/abs/${id}`;
  if (withPdf) links.pdf ??= `https://arxiv.org/pdf/${id}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month number (1–12) from a name ("November", "nov", "Sept.") or a number ("11"); else undefined. */
export function monthNumber(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (/^\d{1,2}$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  const i = MONTHS.indexOf(v.slice(0, 3));
  return i >= 0 && /^[a-z]+\.?$/.test(v) ? i + 1 : undefined;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` from parts, or undefined when the year is not a year. */
export function dateFrom(year: unknown, month?: unknown, day?: unknown): string | undefined {
  const y = typeof year === 'number' ? String(year) : typeof year === 'string' ? year.trim() : '';
  if (!/^\d{4}$/.test(y)) return undefined;
  let m = typeof month === 'number' ? month : monthNumber(typeof month === 'string' ? month : undefined);
  // "DEC 16", "16 December": month and day in one field (Web of Science exports).
  if (m === undefined && typeof month === 'string') {
    const md = /^([a-z]+)\.?\s+(\d{1,2})$/i.exec(month.trim()) ?? /^(\d{1,2})\s+([a-z]+)\.?$/i.exec(month.trim());
    if (md) {
      const [name, dd] = /^\d/.test(md[1]) ? [md[2], md[1]] : [md[1], md[2]];
      m = monthNumber(name);
      if (m !== undefined && day === undefined) day = dd;
    }
  }
  if (!m || m < 1 || m > 12) return y;
  const ym = `${y}-${String(m).padStart(2, '0')}`;
  const d = typeof day === 'number' ? day : typeof day === 'string' && /^\d{1,2}$/.test(day.trim()) ? Number(day) : undefined;
  return d ? (isoDate(`${ym}-${String(d).padStart(2, '0')}`) ?? ym) : ym;
}

/** The common tail of an importer: years from dates, unique ids, the result object. */
export function finish(format: CorpusFormat, papers: Paper[], problems: CorpusProblem[], total: number, title?: string): ParseResult {
  for (const p of papers) {
    if (p.year === undefined) {
      const y = yearOf(p.published);
      if (y !== undefined) p.year = y;
    }
    if (p.links && !Object.keys(p.links).length) delete p.links;
  }
  ensureUniqueIds(papers, problems);
  const result: ParseResult = { ok: true, format, papers, problems, total };
  if (title) result.title = title;
  return result;
}

/** A failure result with a message. */
export function failure(kind: Extract<ParseResult, { ok: false }>['kind'], message: string): ParseResult {
  return { ok: false, kind, message };
}

/** Message of an unknown thrown value. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
