/**
 * BibTeX for a paper: the original entry when the corpus had one, generated otherwise. Loaded on
 * demand (the Cite button imports it), so it costs nothing until used. Pure, no DOM.
 */
import type { Paper } from './types.js';
import { fold } from './text.js';
import { nameParts } from './authors.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ENTRY_TYPE: Record<string, string> = {
  article: 'article',
  conference: 'inproceedings',
  book: 'book',
  chapter: 'incollection',
  thesis: 'phdthesis',
  report: 'techreport',
  preprint: 'misc',
};

/** Escapes characters special to BibTeX/LaTeX in a field value, keeping `$…$` math as written. */
export function escapeBibtex(value: string): string {
  return value
    .split(/(\$[^$]*\$)/g)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([&%#_{}])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\^{}')))
    .join('');
}

/** A citation key like `zhou2025granular`. */
export function citationKey(paper: Paper): string {
  const first = paper.authors?.[0]?.name;
  const family = first ? nameParts(first).family : '';
  const year = paper.year ?? (paper.published ? paper.published.slice(0, 4) : '');
  const word =
    fold(paper.title)
      .split(/[^a-z0-9]+/)
      .find((w) => w.length > 3 && /^[a-z]/.test(w) && !['with', 'from', 'towards', 'toward', 'using', 'learning'].includes(w)) ?? 'paper';
  return `${family.replace(/[^a-z0-9]/g, '') || 'anon'}${year}${word}`;
}

/** Generates a BibTeX entry from the paper's fields. */
export function generateBibtex(paper: Paper): string {
  const type = paper.arxivId && (!paper.type || paper.type === 'preprint') ? 'misc' : (ENTRY_TYPE[paper.type ?? ''] ?? 'misc');
  const fields: [string, string | undefined][] = [
    ['title', `{${escapeBibtex(paper.title)}}`],
    ['author', paper.authors?.length ? paper.authors.map((a) => escapeBibtex(a.name)).join(' and ') : undefined],
    [type === 'article' ? 'journal' : type === 'inproceedings' || type === 'incollection' ? 'booktitle' : 'howpublished', paper.venue && paper.venue !== 'arXiv' ? escapeBibtex(paper.venue) : undefined],
    ['year', paper.year !== undefined ? String(paper.year) : paper.published?.slice(0, 4)],
    ['month', paper.published && paper.published.length >= 7 ? MONTHS[Number(paper.published.slice(5, 7)) - 1] : undefined],
    ['eprint', paper.arxivId],
    ['archivePrefix', paper.arxivId ? 'arXiv' : undefined],
    ['doi', paper.doi],
    ['url', paper.links?.paper ?? paper.links?.arxiv ?? paper.links?.doi ?? paper.links?.pdf ?? paper.links?.project ?? paper.links?.code],
  ];
  const body = fields
    .filter((f): f is [string, string] => !!f[1])
    // Months are BibTeX macros (month = may), everything else a braced value.
    .map(([k, v]) => (k === 'month' ? `  month = ${v}` : `  ${k} = {${v.startsWith('{') && v.endsWith('}') ? v.slice(1, -1) : v}}`))
    .join(',\n');
  return `@${type}{${citationKey(paper)},\n${body}\n}`;
}

/** The paper's BibTeX: the original entry when there is one. */
export function toBibtex(paper: Paper): string {
  return paper.bibtex?.trim() ?? generateBibtex(paper);
}

/** One .bib file for many papers, with unique keys for generated entries. */
export function feedToBibtex(papers: readonly Paper[]): string {
  const seen = new Map<string, number>();
  return (
    papers
      .map((p) => {
        if (p.bibtex) return p.bibtex.trim();
        let entry = generateBibtex(p);
        const key = citationKey(p);
        const n = seen.get(key) ?? 0;
        seen.set(key, n + 1);
        if (n > 0) entry = entry.replace(`{${key},`, `{${key}${String.fromCharCode(97 + ((n - 1) % 26))},`);
        return entry;
      })
      .join('\n\n') + '\n'
  );
}
