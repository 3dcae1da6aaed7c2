import type { StringKey } from './strings.js';

/** The UI string of each publication type. */
export const TYPE_KEYS: Record<string, StringKey> = {
  preprint: 'typePreprint',
  article: 'typeArticle',
  conference: 'typeConference',
  book: 'typeBook',
  chapter: 'typeChapter',
  thesis: 'typeThesis',
  report: 'typeReport',
  dataset: 'typeDataset',
  software: 'typeSoftware',
  misc: 'typeMisc',
};
