/**
 * English strings of the card's optional parts (parts.ts, loaded on demand), which adds them to
 * the shared table when it loads (German ones are in shared/locales/de.ts).
 */
export const cardPartsEn = {
  equalContribution: 'Equal contribution',
  corresponding: 'Corresponding author',
};
