/**
 * English names of the publication types (see type-keys.ts), shown only by code loaded on demand
 * (the card's badges, the feed's type facet and groups), which adds them to the shared table when
 * it loads (German ones are in locales/de.ts).
 */
export const typeEn = {
  typePreprint: 'Preprint',
  typeArticle: 'Journal article',
  typeConference: 'Conference paper',
  typeBook: 'Book',
  typeChapter: 'Book chapter',
  typeThesis: 'Thesis',
  typeReport: 'Report',
  typeDataset: 'Dataset',
  typeSoftware: 'Software',
  typeMisc: 'Other',
};
