/**
 * The data model shared by every element and importer.
 *
 * A `Paper` is what one card shows. Every field but `id` and `title` is optional: a Hugging Face
 * daily-papers item, a lab's BibTeX entry and an arXiv listing row each fill a different subset.
 * Text fields hold plain text (never markup); URL fields hold only http(s) URLs (the normalizer drops
 * anything else). Dates are ISO 8601 strings: `YYYY-MM-DD`, or a full timestamp.
 */

/** One author of a paper. */
export interface Author {
  /** Display name, e.g. "Jan Kästner". */
  name: string;
  /** Affiliation as given by the source, if any. */
  affiliation?: string;
  /** Marked as equal contribution (`*`, `†` or `+` in BibTeX author lists). */
  equalContribution?: boolean;
  /** Marked as corresponding author. */
  corresponding?: boolean;
  /** Profile page (http/https only). */
  url?: string;
}

/** The organization a paper was submitted under (Hugging Face) or a lab/group. */
export interface Organization {
  /** Short handle, e.g. "openbmb". */
  name: string;
  /** Display name, e.g. "OpenBMB". */
  fullName?: string;
  /** Avatar or logo URL (http/https only). */
  avatar?: string;
  /** Organization page (http/https only). */
  url?: string;
}

/** Kinds of publication, after CSL / BibTeX entry types. */
export type PaperType =
  | 'preprint'
  | 'article'
  | 'conference'
  | 'book'
  | 'chapter'
  | 'thesis'
  | 'report'
  | 'dataset'
  | 'software'
  | 'misc';

export const PAPER_TYPES: readonly PaperType[] = [
  'preprint',
  'article',
  'conference',
  'book',
  'chapter',
  'thesis',
  'report',
  'dataset',
  'software',
  'misc',
];

/** Links a card may offer. Every value is an absolute http(s) URL. */
export interface PaperLinks {
  /** The paper's main page (where the title links to). */
  paper?: string;
  /** arXiv abstract page. */
  arxiv?: string;
  /** PDF. */
  pdf?: string;
  /** Source code repository. */
  code?: string;
  /** Project page. */
  project?: string;
  /** Hugging Face paper page. */
  huggingFace?: string;
  /** DOI resolver URL. */
  doi?: string;
  video?: string;
  slides?: string;
  poster?: string;
}

export const LINK_KINDS: readonly (keyof PaperLinks)[] = [
  'paper',
  'arxiv',
  'pdf',
  'code',
  'project',
  'huggingFace',
  'doi',
  'video',
  'slides',
  'poster',
];

/** One paper, normalized. */
export interface Paper {
  /** Stable identifier, unique within a corpus (arXiv id, DOI, citation key or generated). */
  id: string;
  /** Title as plain text; may contain `$…$` math. */
  title: string;
  /** Abstract as plain text; paragraphs separated by a blank line. */
  abstract?: string;
  /** Authors in order. May be absent when only a count is known. */
  authors?: Author[];
  /** The author list is incomplete (BibTeX `and others`): show "et al." after it. */
  etAl?: boolean;
  /** Number of authors when the names are not known (the Daily Papers page shows "9 authors"). */
  authorCount?: number;
  /** Organization the paper was submitted under. */
  organization?: Organization;
  /** Publication date, ISO 8601 (`2025-01-06` or a full timestamp). */
  published?: string;
  /**
   * The day the paper appeared in this feed (`YYYY-MM-DD`): the Hugging Face Daily Papers day, an
   * arXiv listing day. Day/week/month navigation and grouping use it when present.
   */
  listed?: string;
  /** Publication year (set from `published` when absent). */
  year?: number;
  /** Community upvotes. */
  upvotes?: number;
  /** Number of comments in the discussion. */
  comments?: number;
  /** Thumbnail / preview image URL. */
  thumbnail?: string;
  /** arXiv identifier, e.g. `2510.11696`. */
  arxivId?: string;
  /** DOI, e.g. `10.1145/3368089.3409754`. */
  doi?: string;
  /** Links to the paper, PDF, code and so on. */
  links?: PaperLinks;
  /** Keywords (Hugging Face `ai_keywords`, BibTeX `keywords`). */
  keywords?: string[];
  /** A one-sentence summary (Hugging Face `ai_summary`). */
  summary?: string;
  /** Venue: journal, conference or "arXiv". */
  venue?: string;
  /** Short venue label shown as a badge (al-folio `abbr`, e.g. "NeurIPS"). */
  venueShort?: string;
  /** Kind of publication. */
  type?: PaperType;
  /** Free tags for filtering (a lab's research themes). */
  tags?: string[];
  /** Marked as a selected publication (al-folio `selected={true}`). */
  selected?: boolean;
  /** Stars of the code repository when known. */
  githubStars?: number;
  /** An award, e.g. "Best Paper". */
  award?: string;
  /** The original BibTeX entry, when the corpus had one. */
  bibtex?: string;
}

/** Our native corpus file (see `schema/corpus.schema.json`). */
export interface Corpus {
  $schema?: string;
  /** Identifies the native format. */
  format: 'paper-feed';
  /** Format version. */
  version: 1;
  /** Title of the collection. */
  title?: string;
  /** Description, provenance. */
  description?: string;
  papers: Paper[];
}

/**
 * Formats the loader understands. JSON ones (`native`, `hf-*`) are read synchronously by
 * `parseCorpus`; the others by `loadCorpusText`, which loads their importer on demand.
 */
export type CorpusFormat =
  | 'native'
  | 'hf-daily'
  | 'hf-search'
  | 'hf-paper'
  | 'bibtex'
  | 'csl-json'
  | 'arxiv-atom'
  | 'arxiv-jsonl'
  | 'arxiv-kaggle';

export const CORPUS_FORMATS: readonly CorpusFormat[] = [
  'native',
  'hf-daily',
  'hf-search',
  'hf-paper',
  'bibtex',
  'csl-json',
  'arxiv-atom',
  'arxiv-jsonl',
  'arxiv-kaggle',
];

/** Options of every importer and of the loader. */
export interface ImportOptions {
  /** Force a format instead of detecting it. `auto` (the default) detects. */
  format?: CorpusFormat | 'auto';
  /**
   * Base URL (http/https) that relative links resolve against, e.g. the lab site for an al-folio
   * `pdf = {paper.pdf}` (resolved as `assets/pdf/paper.pdf`). Without it relative links are dropped.
   */
  baseUrl?: string;
  /** Listing date (`YYYY-MM-DD`) for arXiv listing JSON Lines, whose rows carry none. */
  date?: string;
  /** Name or URL of the file, a hint for format detection and for the listing date. */
  fileName?: string;
  /** HTTP `Content-Type` of the file, a hint for format detection. */
  contentType?: string;
}

/** A record that could not be read, or a field that was dropped. */
export interface CorpusProblem {
  /** Index of the record in the source (0-based), when it concerns one record. */
  index?: number;
  /** Identifier of the record when known (id, citation key). */
  id?: string;
  /** Field concerned, when it concerns one field. */
  field?: string;
  /** What was wrong, in a sentence. */
  reason: string;
  /** `error`: the record was skipped. `warning`: the record was kept, the field dropped. */
  severity: 'error' | 'warning';
}

/** Why a whole file could not be read as a corpus. */
export type CorpusErrorKind =
  | 'empty'
  | 'html'
  | 'pdf'
  | 'xml'
  | 'binary'
  | 'invalid-json'
  | 'truncated-json'
  | 'unknown-shape'
  | 'unsupported-format';

/** The result of parsing one file. Never thrown: parse functions return it. */
export type ParseResult =
  | {
      ok: true;
      format: CorpusFormat;
      papers: Paper[];
      problems: CorpusProblem[];
      /** Records in the source, good and bad. */
      total: number;
      title?: string;
    }
  | {
      ok: false;
      kind: CorpusErrorKind;
      /** A specific message a person can act on. */
      message: string;
    };
