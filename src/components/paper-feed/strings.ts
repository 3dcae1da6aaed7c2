/**
 * English strings of what only the feed's extras chunk shows (period navigation, facet chips,
 * group headings, the .bib download): extras.ts adds them to the shared table when it loads
 * (German ones are in shared/locales/de.ts).
 */
export const feedExtrasEn = {
  downloadBib: 'Download .bib',
  previous: 'Previous',
  next: 'Next',
  previousDay: 'Previous day',
  nextDay: 'Next day',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  weekOf: 'Week of {date}',
  filters: 'Filters',
  clearFilters: 'Clear filters',
  facetYear: 'Year',
  facetTag: 'Tags',
  facetType: 'Type',
  facetVenue: 'Venue',
  facetOrganization: 'Organization',
  facetAuthor: 'Author',
  facetSelected: 'Selected',
  facetCode: 'Has code',
  unknownGroup: 'Other',
};
