/**
 * The parts of `<paper-card>` that most papers do without, kept out of the core script: venue,
 * type and award badges, the equal-contribution and corresponding-author marks, matching the
 * names of `highlight-authors` in any spelling, and BibTeX for the Cite button. A card loads this
 * module the first time its paper or settings need one of them (see `needsParts` in
 * paper-card.ts) and shows everything else meanwhile. Their styles stay in paper-card.styles.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { authorMatches, splitNames } from '../../data/authors.js';
import type { Author, Paper } from '../../data/types.js';
import { addEnglish, type Translate } from '../shared/strings.js';
import { TYPE_KEYS } from '../shared/type-keys.js';
import { typeEn } from '../shared/type-strings.js';
import { cardPartsEn } from './strings.js';

// The English strings of the marks and type badges come with them.
addEnglish(cardPartsEn);
addEnglish(typeEn);

export { toBibtex } from '../../data/cite.js';

/** The venue (or, without one, the publication type) and award badges. */
export function badges(paper: Paper, t: Translate): TemplateResult | typeof nothing {
  const venue = paper.venueShort ?? (paper.venue && paper.venue !== 'arXiv' ? paper.venue : undefined);
  const type = paper.type && paper.type !== 'preprint' && paper.type !== 'misc' && !venue ? t(TYPE_KEYS[paper.type] ?? 'typeMisc') : undefined;
  if (!venue && !type && !paper.award) return nothing;
  return html`<div class="badges">
    ${venue ? html`<span class="badge" part="badge" title=${paper.venue ?? nothing}>${venue}</span>` : nothing}${type ? html`<span class="badge" part="badge">${type}</span>` : nothing}${paper.award
      ? html`<span class="badge award" part="badge">🏆 ${paper.award}</span>`
      : nothing}
  </div>`;
}

/** The superscript marks after an author's name. */
export function marks(author: Author, t: Translate): TemplateResult {
  return html`${author.equalContribution ? html`<sup title=${t('equalContribution')}>*</sup>` : nothing}${author.corresponding
    ? html`<sup title=${t('corresponding')}>✉</sup>`
    : nothing}`;
}

/** Whether an author is one of the `highlight-authors` (undefined when it names nobody). */
export function highlighter(value: string): ((author: Author) => boolean) | undefined {
  const names = splitNames(value);
  return names.length ? (author) => names.some((name) => authorMatches(author.name, name)) : undefined;
}
