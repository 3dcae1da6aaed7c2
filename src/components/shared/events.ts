/** Typed custom events fired by the elements. All bubble and cross shadow boundaries. */
import type { CorpusErrorKind, CorpusFormat, CorpusProblem, Paper } from '../../data/types.js';

export interface PaperLoadDetail {
  /** Papers that loaded. */
  count: number;
  /** Records in the source, good and bad. */
  total: number;
  format: CorpusFormat;
  /** Where the corpus came from: the `src` URL, `inline` or `property`. */
  source: string;
}

export type PaperErrorKind = CorpusErrorKind | 'http' | 'network' | 'timeout' | 'invalid-url' | 'too-large';

export interface PaperErrorDetail {
  kind: PaperErrorKind;
  /** The message shown in the feed. */
  message: string;
  /** HTTP status, for `http` errors. */
  status?: number;
  /** The URL that failed, when loading from `src`. */
  url?: string;
}

export interface PaperWarningDetail {
  problems: CorpusProblem[];
  /** Records that could not be read. */
  skipped: number;
  total: number;
}

export interface PaperResultsDetail {
  query: string;
  /** Papers matching the query (before `limit`). */
  count: number;
  /** Papers in the feed. */
  total: number;
}

export interface PaperSearchDetail {
  query: string;
}

/** `paper-similar`: the reader asked for papers similar to this one. */
export interface PaperSimilarDetail {
  paper: Paper;
}

export interface PaperSelectDetail {
  paper: Paper;
}

/** Creates a bubbling, composed CustomEvent. */
export function paperEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'paper-load': CustomEvent<PaperLoadDetail>;
    'paper-error': CustomEvent<PaperErrorDetail>;
    'paper-warning': CustomEvent<PaperWarningDetail>;
    'paper-results': CustomEvent<PaperResultsDetail>;
    'paper-search': CustomEvent<PaperSearchDetail>;
    'paper-select': CustomEvent<PaperSelectDetail>;
    'paper-similar': CustomEvent<PaperSimilarDetail>;
  }
}

/** `paper-subscribe`: the newsletter service accepted the address (`<paper-subscribe>`). */
export interface PaperSubscribeDetail {
  /** The address as sent. */
  email: string;
  /** The form URL it was sent to. */
  action: string;
  method: 'get' | 'post';
  /** HTTP status of the answer. */
  status: number;
}

declare global {
  interface HTMLElementEventMap {
    'paper-subscribe': CustomEvent<PaperSubscribeDetail>;
  }
}
