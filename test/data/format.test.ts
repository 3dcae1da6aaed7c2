import { expect } from '@open-wc/testing';
import { formatAuthors, formatPaperDate, formatCount } from '../../src/data/format.js';

const oct2025 = new Date('2025-10-14T12:00:00Z');

describe('formatPaperDate', () => {
  it('omits the year in the current year, as the Daily Papers page does', () => {
    expect(formatPaperDate('2025-01-06', { locale: 'en-US', now: oct2025 })).to.equal('Jan 6');
    expect(formatPaperDate('2024-06-05', { locale: 'en-US', now: oct2025 })).to.equal('Jun 5, 2024');
  });

  it('keeps calendar dates whatever the time zone, and reads timestamps', () => {
    expect(formatPaperDate('2025-10-13T17:55:09.000Z', { locale: 'en-US', now: oct2025 })).to.equal('Oct 13');
    expect(formatPaperDate('2025-12-31', { locale: 'en-US', now: oct2025 })).to.equal('Dec 31');
  });

  it('follows the locale', () => {
    expect(formatPaperDate('2024-06-05', { locale: 'de', now: oct2025 })).to.equal('5. Juni 2024');
    expect(formatPaperDate('2025-01-06', { locale: 'fr', now: oct2025 })).to.equal('6 janv.');
  });

  it('shows partial dates and nothing for bad ones', () => {
    expect(formatPaperDate('2021', { now: oct2025 })).to.equal('2021');
    expect(formatPaperDate('2021-03', { locale: 'en-US', now: oct2025 })).to.equal('Mar 2021');
    expect(formatPaperDate('not a date')).to.equal('');
    expect(formatPaperDate(undefined)).to.equal('');
  });
});

describe('formatAuthors', () => {
  it('shows a count when only the count is known', () => {
    expect(formatAuthors({ id: 'a', title: 't', authorCount: 9 }, { locale: 'en' })).to.equal('9 authors');
    expect(formatAuthors({ id: 'a', title: 't', authorCount: 1 }, { locale: 'en' })).to.equal('1 author');
    expect(formatAuthors({ id: 'a', title: 't' })).to.equal('');
  });

  it('joins names and shortens long lists', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Author ${i + 1}` }));
    expect(formatAuthors({ id: 'a', title: 't', authors: names(3) }, { locale: 'en' })).to.equal('Author 1, Author 2, and Author 3');
    expect(formatAuthors({ id: 'a', title: 't', authors: names(600) }, { locale: 'en', max: 4 })).to.equal('Author 1, Author 2, Author 3 … +597 more');
  });
});

describe('formatCount', () => {
  it('groups digits and compacts', () => {
    expect(formatCount(12345, 'en-US')).to.equal('12,345');
    expect(formatCount(12345, 'en-US', true)).to.equal('12.3K');
  });
});
