import { expect } from '@open-wc/testing';
import {
  citationMetaTags,
  dateParts,
  doiOf,
  escapeHtml,
  isoDate,
  jsonLdScript,
  jsonLdText,
  metaTagsHtml,
  paperSlug,
  scholarDate,
  scholarlyArticle,
  scholarlyItemList,
  uniqueSlugs,
  type JsonLd,
  type MetaTag,
} from '../../src/data/seo.js';
import type { Paper } from '../../src/data/types.js';

const HOSTILE = '</script><script>window.__pwned = 1</script><img src=x onerror="alert(1)"> & "quotes" \'single\' <!-- \u2028';

const paper: Paper = {
  id: '2510.21223',
  title: 'Model  Merging\nwith Functional Dual Anchors',
  abstract: 'First   paragraph\nwrapped.\n\nSecond paragraph.',
  summary: 'FDAs merge models.',
  authors: [
    { name: 'Kexuan Shi', affiliation: 'CUHK' },
    { name: 'Yandong Wen', url: 'https://example.org/~wen' },
    { name: '   ' },
    { name: 'Weiyang Liu', url: 'javascript:alert(1)' },
  ],
  published: '2025-10-24T13:00:00.000Z',
  arxivId: '2510.21223',
  doi: 'https://doi.org/10.1000/xyz<1>',
  organization: { name: 'SphereLab', fullName: 'CUHK SphereLab', url: 'https://huggingface.co/SphereLab' },
  links: {
    paper: 'https://huggingface.co/papers/2510.21223',
    arxiv: 'https://arxiv.org/abs/2510.21223',
    code: 'https://github.com/x/y',
  },
  keywords: ['model merging', 'task vectors', 'model merging'],
  tags: ['merging'],
  upvotes: 8,
  comments: 2,
  thumbnail: 'https://cdn.example.org/t.png',
};

function tagValues(tags: MetaTag[], name: string): string[] {
  return tags.filter((t) => t.name === name).map((t) => t.content);
}

describe('seo: dates', () => {
  it('reads dates, timestamps (in UTC), partial dates and the year', () => {
    expect(dateParts({ published: '2025-06-05' })).to.deep.equal({ year: 2025, month: 6, day: 5 });
    expect(dateParts({ published: '2025-10-13T23:30:00-05:00' })).to.deep.equal({ year: 2025, month: 10, day: 14 });
    expect(dateParts({ published: '2025-06' })).to.deep.equal({ year: 2025, month: 6, day: undefined });
    expect(dateParts({ published: 'June 2025', year: 2025 })).to.deep.equal({ year: 2025 });
    expect(dateParts({ year: 1999 })).to.deep.equal({ year: 1999 });
    expect(dateParts({})).to.equal(undefined);
    expect(dateParts({ published: 'nope' })).to.equal(undefined);
  });

  it('drops the impossible parts of a date', () => {
    expect(isoDate({ published: '2025-02-30' })).to.equal('2025-02');
    expect(isoDate({ published: '2024-02-29' })).to.equal('2024-02-29');
    expect(isoDate({ published: '2025-13-01' })).to.equal('2025');
    expect(isoDate({ published: '0000-01-01' })).to.equal(undefined);
  });

  it('writes Google Scholar dates as YYYY/MM/DD, or the year alone', () => {
    expect(scholarDate({ published: '2025-06-05' })).to.equal('2025/06/05');
    expect(scholarDate({ published: '2024-05-23T02:53:25.000Z' })).to.equal('2024/05/23');
    expect(scholarDate({ published: '2025-06' })).to.equal('2025');
    expect(scholarDate({ published: '2021' })).to.equal('2021');
    expect(scholarDate({ year: 2020 })).to.equal('2020');
    expect(scholarDate({})).to.equal(undefined);
  });

  it('writes schema.org dates as ISO 8601', () => {
    expect(isoDate({ published: '2025-10-24T13:00:00.000Z' })).to.equal('2025-10-24');
    expect(isoDate({ published: '2025-06' })).to.equal('2025-06');
    expect(isoDate({ year: 812 })).to.equal('0812');
  });
});

describe('seo: scholarlyArticle', () => {
  it('describes the paper with the schema.org properties search engines read', () => {
    const a = scholarlyArticle(paper);
    expect(a['@context']).to.equal('https://schema.org');
    expect(a['@type']).to.equal('ScholarlyArticle');
    expect(a.headline).to.equal('Model Merging with Functional Dual Anchors');
    expect(a.name).to.equal(a.headline);
    expect(a.author).to.deep.equal([
      { '@type': 'Person', name: 'Kexuan Shi', affiliation: { '@type': 'Organization', name: 'CUHK' } },
      { '@type': 'Person', name: 'Yandong Wen', url: 'https://example.org/~wen' },
      { '@type': 'Person', name: 'Weiyang Liu' },
    ]);
    expect(a.datePublished).to.equal('2025-10-24');
    expect(a.abstract).to.equal('First paragraph wrapped.\n\nSecond paragraph.');
    expect(a.description).to.equal('FDAs merge models.');
    expect(a.url).to.equal('https://huggingface.co/papers/2510.21223');
    expect(a.sameAs).to.deep.equal(['https://arxiv.org/abs/2510.21223', 'https://doi.org/10.1000/xyz%3C1%3E']);
    expect(a.identifier).to.deep.equal([
      { '@type': 'PropertyValue', propertyID: 'arXiv', value: '2510.21223' },
      { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1000/xyz<1>' },
    ]);
    expect(a.publisher).to.deep.equal({ '@type': 'Organization', name: 'arXiv', url: 'https://arxiv.org' });
    expect(a.sourceOrganization).to.deep.equal({ '@type': 'Organization', name: 'CUHK SphereLab', url: 'https://huggingface.co/SphereLab' });
    expect(a.keywords).to.deep.equal(['model merging', 'task vectors', 'merging']);
    expect(a.image).to.equal('https://cdn.example.org/t.png');
    expect(a.encoding).to.deep.equal({ '@type': 'MediaObject', contentUrl: 'https://arxiv.org/pdf/2510.21223', encodingFormat: 'application/pdf' });
    expect(a.commentCount).to.equal(2);
  });

  it('uses the page URL as @id and url, keeping the paper URLs in sameAs', () => {
    const a = scholarlyArticle(paper, { url: 'https://lab.example.org/papers/2510.21223.html', nested: true });
    expect(a['@context']).to.equal(undefined);
    expect(a['@id']).to.equal('https://lab.example.org/papers/2510.21223.html');
    expect(a.url).to.equal('https://lab.example.org/papers/2510.21223.html');
    expect(a.sameAs).to.include('https://huggingface.co/papers/2510.21223');
  });

  it('names the venue of journal and conference papers instead of arXiv, and falls back to the id', () => {
    const a = scholarlyArticle({ id: 'lovelace1843', title: 'Notes', venue: 'Scientific Memoirs', type: 'article', year: 1843 });
    expect(a.isPartOf).to.deep.equal({ '@type': 'Periodical', name: 'Scientific Memoirs' });
    expect(a.publisher).to.equal(undefined);
    expect(a.identifier).to.equal('lovelace1843');
    expect(a.datePublished).to.equal('1843');
    expect(a).to.not.have.property('author');
    expect(a).to.not.have.property('url');
  });

  it('keeps only http(s) URLs and well-formed identifiers', () => {
    const a = scholarlyArticle({
      id: 'x',
      title: 'T',
      arxivId: 'not an id',
      doi: 'nope',
      thumbnail: 'javascript:alert(1)',
      links: { paper: 'data:text/html,<script>alert(1)</script>', doi: 'vbscript:x' },
    });
    expect(a).to.not.have.property('url');
    expect(a).to.not.have.property('sameAs');
    expect(a).to.not.have.property('image');
    expect(a.identifier).to.equal('x');
    expect(doiOf({ id: 'x', title: 'T', doi: 'doi: 10.1145/3368089.3409754' })).to.equal('10.1145/3368089.3409754');
  });

  it('keeps hostile text as data', () => {
    const a = scholarlyArticle({ id: 'evil', title: HOSTILE, authors: [{ name: HOSTILE }], abstract: HOSTILE });
    expect(a.headline).to.equal(HOSTILE.replace(/\s+/g, ' ').trim());
    expect((a.author as JsonLd[])[0]?.name).to.equal(a.headline);
  });
});

describe('seo: JSON-LD text', () => {
  it('cannot be broken out of: <, > and & are escaped and the JSON parses back to the same value', () => {
    const data = scholarlyArticle({ id: 'evil', title: HOSTILE, abstract: HOSTILE });
    const text = jsonLdText(data);
    expect(text).to.not.match(/[<>&\u2028\u2029]/);
    expect(text).to.contain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).to.deep.equal(data);
    const script = jsonLdScript(data);
    expect(script.match(/<\/script>/g)).to.have.length(1);
    expect(script.endsWith('</script>')).to.equal(true);
  });

  it('survives the HTML parser: one script element whose JSON is the data', () => {
    const data = scholarlyItemList([{ id: 'a', title: HOSTILE }, paper], { name: `List ${HOSTILE}` });
    const doc = new DOMParser().parseFromString(`<!doctype html><head>${jsonLdScript(data, 2)}</head><body></body>`, 'text/html');
    const scripts = doc.querySelectorAll('script');
    expect(scripts).to.have.length(1);
    expect(doc.querySelectorAll('img')).to.have.length(0);
    expect(JSON.parse(scripts[0].textContent)).to.deep.equal(data);
  });

  it('lists the papers in order, with their page URLs', () => {
    const list = scholarlyItemList([paper, { id: 'b', title: 'B' }], { name: 'Lab', pageUrl: (p) => `https://lab.example.org/${p.id}.html` });
    expect(list).to.include({ '@context': 'https://schema.org', '@type': 'ItemList', name: 'Lab', numberOfItems: 2 });
    const items = list.itemListElement as JsonLd[];
    expect(items.map((i) => i.position)).to.deep.equal([1, 2]);
    expect(items[1]?.url).to.equal('https://lab.example.org/b.html');
    expect((items[0]?.item as JsonLd)['@type']).to.equal('ScholarlyArticle');
    expect((items[0]?.item as JsonLd)['@context']).to.equal(undefined);
    expect((items[1]?.item as JsonLd)['@id']).to.equal('https://lab.example.org/b.html');
  });
});

describe('seo: Google Scholar meta tags', () => {
  it('lists title, one author per tag in order, the date, PDF, DOI, arXiv id and abstract page', () => {
    const tags = citationMetaTags(paper, { url: 'https://lab.example.org/papers/2510.21223.html' });
    expect(tagValues(tags, 'citation_title')).to.deep.equal(['Model Merging with Functional Dual Anchors']);
    expect(tagValues(tags, 'citation_author')).to.deep.equal(['Kexuan Shi', 'Yandong Wen', 'Weiyang Liu']);
    expect(tagValues(tags, 'citation_author_institution')).to.deep.equal(['CUHK']);
    // The institution follows its author.
    const names = tags.map((t) => t.name);
    expect(names[names.indexOf('citation_author') + 1]).to.equal('citation_author_institution');
    expect(tagValues(tags, 'citation_publication_date')).to.deep.equal(['2025/10/24']);
    expect(tagValues(tags, 'citation_pdf_url')).to.deep.equal(['https://arxiv.org/pdf/2510.21223']);
    expect(tagValues(tags, 'citation_doi')).to.deep.equal(['10.1000/xyz<1>']);
    expect(tagValues(tags, 'citation_arxiv_id')).to.deep.equal(['2510.21223']);
    expect(tagValues(tags, 'citation_abstract_html_url')).to.deep.equal(['https://lab.example.org/papers/2510.21223.html']);
    expect(tagValues(tags, 'citation_keywords')).to.deep.equal(['model merging; task vectors; merging']);
    expect(tagValues(tags, 'citation_journal_title')).to.deep.equal([]);
  });

  it('names the venue with the tag of the publication type', () => {
    const base: Paper = { id: 'x', title: 'T', venue: 'V', year: 2020 };
    expect(tagValues(citationMetaTags({ ...base, type: 'article' }), 'citation_journal_title')).to.deep.equal(['V']);
    expect(tagValues(citationMetaTags({ ...base, type: 'conference' }), 'citation_conference_title')).to.deep.equal(['V']);
    expect(tagValues(citationMetaTags({ ...base, type: 'thesis' }), 'citation_dissertation_institution')).to.deep.equal(['V']);
    expect(tagValues(citationMetaTags({ ...base, type: 'report' }), 'citation_technical_report_institution')).to.deep.equal(['V']);
    expect(tagValues(citationMetaTags({ ...base, type: 'article', venue: 'arXiv' }), 'citation_journal_title')).to.deep.equal([]);
    expect(tagValues(citationMetaTags(base), 'citation_publication_date')).to.deep.equal(['2020']);
  });

  it('prefers the paper PDF link and leaves out what is unknown', () => {
    const tags = citationMetaTags({ id: 'x', title: 'T', links: { pdf: 'https://lab.example.org/x.pdf' } });
    expect(tagValues(tags, 'citation_pdf_url')).to.deep.equal(['https://lab.example.org/x.pdf']);
    expect(tags.map((t) => t.name)).to.deep.equal(['citation_title', 'citation_pdf_url']);
  });

  it('escapes hostile text in the HTML, which parses back to the same values', () => {
    const tags = citationMetaTags({ id: 'evil', title: HOSTILE, authors: [{ name: HOSTILE }, { name: 'Ada "The Countess" Lovelace' }] });
    const doc = new DOMParser().parseFromString(`<!doctype html><head>${metaTagsHtml(tags)}</head>`, 'text/html');
    expect(doc.querySelectorAll('script, img')).to.have.length(0);
    const metas = [...doc.head.querySelectorAll('meta')].map((m) => ({ name: m.getAttribute('name') ?? '', content: m.getAttribute('content') ?? '' }));
    expect(metas).to.deep.equal(tags);
    expect(tagValues(tags, 'citation_author')[1]).to.equal('Ada "The Countess" Lovelace');
    expect(escapeHtml('<a href="x">\'&')).to.equal('&#60;a href=&#34;x&#34;&#62;&#39;&#38;');
  });
});

describe('seo: page names', () => {
  it('makes safe, readable file names from ids', () => {
    expect(paperSlug('2510.21223')).to.equal('2510.21223');
    expect(paperSlug('10.1145/3368089.3409754')).to.equal('10.1145-3368089.3409754');
    expect(paperSlug('hep-th/9901001v2')).to.equal('hep-th-9901001v2');
    expect(paperSlug('../../etc/passwd')).to.equal('etc-passwd');
    expect(paperSlug('Kästner2024 Über')).to.equal('kastner2024-uber');
    expect(paperSlug('...')).to.equal('paper');
    expect(paperSlug('日本語')).to.equal('paper');
    expect(paperSlug('x'.repeat(200))).to.have.length(80);
  });

  it('makes them unique within a corpus', () => {
    const papers: Paper[] = [
      { id: 'A/B', title: '1' },
      { id: 'a-b', title: '2' },
      { id: 'a.b', title: '3' },
      { id: 'a b', title: '4' },
    ];
    expect([...uniqueSlugs(papers).values()]).to.deep.equal(['a-b', 'a-b-2', 'a.b', 'a-b-3']);
  });
});
