import { expect } from '@open-wc/testing';
import { filterPapers } from '../../src/data/search.js';
import { dateOrder, inOrder, sortPapers } from '../../src/data/sort.js';
import { safeUrl } from '../../src/data/text.js';
import type { Paper } from '../../src/data/types.js';

const papers: Paper[] = [
  { id: 'a', title: 'Reasoning Models Can Be Effective Without Thinking', published: '2025-04-14', upvotes: 2, authors: [{ name: 'Jan Kästner' }] },
  { id: 'b', title: 'ElasticMoE: Auto Scaling for Mixture-of-Experts', published: '2025-10-02', upvotes: 10, organization: { name: 'openbmb', fullName: 'OpenBMB' } },
  { id: 'c', title: 'Aligning Superhuman AI with Human Behavior', published: '2020-06-02', abstract: 'Chess as a model system.' },
  { id: 'd', title: 'Undated paper about mixture models' },
  { id: 'e', title: 'Same day as ElasticMoE', published: '2025-10-02', upvotes: 10 },
];

describe('filterPapers', () => {
  it('matches every word as a word prefix across fields, ignoring case and accents', () => {
    expect(filterPapers(papers, 'mixture').map((p) => p.id)).to.deep.equal(['b', 'd']);
    expect(filterPapers(papers, 'kastner').map((p) => p.id)).to.deep.equal(['a']);
    expect(filterPapers(papers, 'CHESS model').map((p) => p.id)).to.deep.equal(['c']);
    expect(filterPapers(papers, 'openbmb').map((p) => p.id)).to.deep.equal(['b']);
    expect(filterPapers(papers, 'reas witho').map((p) => p.id)).to.deep.equal(['a']);
    expect(filterPapers(papers, 'xture')).to.deep.equal([]);
    expect(filterPapers(papers, '  ')).to.have.length(5);
  });
});

describe('sortPapers', () => {
  it('sorts newest first, stable within a day, undated last', () => {
    expect(sortPapers(papers, 'date').map((p) => p.id)).to.deep.equal(['b', 'e', 'a', 'c', 'd']);
  });
  it('sorts thousands of papers exactly as a stable comparison of their dates would', () => {
    const time = (p: Paper): number => (p.published ? Date.parse(p.published.length === 4 ? `${p.published}-01-01` : p.published) : p.year !== undefined ? Date.UTC(p.year, 0, 1) : -Infinity);
    const reference = (list: Paper[]): string[] =>
      list
        .slice()
        .sort((a, b) => (time(a) === time(b) ? 0 : time(b) > time(a) ? 1 : -1))
        .map((p) => p.id);
    const dates = ['2024-05-24T17:34:15.000Z', '2024-05-24', '2024-05-23T08:00:00Z', '2023', '1999-12-31', undefined];
    const many: Paper[] = Array.from({ length: 3000 }, (_, i) => ({
      id: String(i),
      title: `Paper ${i}`,
      ...(dates[i % dates.length] ? { published: dates[(i * 7) % dates.length] } : {}),
      ...(i % 11 === 0 ? { year: 2020 } : {}),
    }));
    expect(sortPapers(many, 'date').map((p) => p.id)).to.deep.equal(reference(many));
    // Dates the one-number sort cannot hold (milliseconds, the 18th century) take the other path.
    const odd = [...many.slice(0, 50), { id: 'ms', title: 'x', published: '2024-05-24T17:34:15.123Z' }, { id: 'old', title: 'y', published: '1750-01-01' }];
    expect(sortPapers(odd, 'date').map((p) => p.id)).to.deep.equal(reference(odd));
    // The positions the corpus worker sends give the same order, on both paths.
    expect(inOrder(many, dateOrder(many)).map((p) => p.id)).to.deep.equal(reference(many));
    expect(Array.from(dateOrder(odd), (i) => odd[i].id)).to.deep.equal(reference(odd));
  });
  it('sorts by upvotes, then date', () => {
    expect(sortPapers(papers, 'upvotes').map((p) => p.id)).to.deep.equal(['b', 'e', 'a', 'c', 'd']);
  });
  it('sorts by title', () => {
    expect(sortPapers(papers, 'title').map((p) => p.id)).to.deep.equal(['c', 'b', 'a', 'e', 'd']);
  });
  it('does not change its input', () => {
    const copy = papers.slice();
    sortPapers(papers, 'title');
    expect(papers).to.deep.equal(copy);
  });
});

describe('safeUrl', () => {
  it('keeps http(s) and drops every other scheme', () => {
    expect(safeUrl('https://arxiv.org/abs/2501.00001')).to.equal('https://arxiv.org/abs/2501.00001');
    expect(safeUrl('javascript:alert(1)')).to.equal(undefined);
    expect(safeUrl('  jav\nascript:alert(1)')).to.equal(undefined);
    expect(safeUrl('data:text/html,x')).to.equal(undefined);
    expect(safeUrl('/relative')).to.equal(undefined);
    expect(safeUrl('/relative', 'https://lab.example/pubs/')).to.equal('https://lab.example/relative');
    expect(safeUrl(42)).to.equal(undefined);
  });
});
