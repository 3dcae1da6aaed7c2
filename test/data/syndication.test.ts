/**
 * The feed builders (src/data/syndication.ts). Every feed is checked three ways: parsed by a real
 * feed parser (feedsmith, in Node, through the `parse-feed` server command of
 * web-test-runner.config.mjs), checked for XML well-formedness by the browser's own DOMParser
 * (feedsmith is lenient and would read some broken XML), and, for JSON Feed, against the
 * required fields of version 1.1.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Paper } from '../../src/data/types.js';
import {
  buildFeed,
  feedItemId,
  feedTime,
  jsonFeedObject,
  rfc3339,
  rfc822,
  selectFeedPapers,
  toAtom,
  toJsonFeed,
  toRss,
  xmlSafe,
  type FeedFormat,
} from '../../src/data/syndication.js';
import { ATOM_NS, DC_NS, RFC3339, RFC822, checkJsonFeed, parseFeed, parseXml } from './syndication-checks.js';

const HOSTILE_TITLE = 'A <script>alert("x")</script> & ]]> title\u0001 with \u000b controls \ud800 and \uffff end';
const HOSTILE_ABSTRACT = 'First <b>bold</b> & &amp; ]]> <![CDATA[ x ]]> paragraph\u0000.\n\nSecond <img src=x onerror=alert(1)> paragraph with \ttab and emoji 🦀 and ﬁ.';

const papers: Paper[] = [
  {
    id: 'old',
    title: 'Old paper',
    published: '2023-05-01',
    upvotes: 100,
    arxivId: '2305.00001v3',
    links: { paper: 'https://huggingface.co/papers/2305.00001', arxiv: 'https://arxiv.org/abs/2305.00001' },
  },
  {
    id: 'listed',
    title: 'Listed later than published',
    published: '2024-12-01',
    listed: '2025-01-06',
    upvotes: 5,
    doi: '10.1000/x<y>;z(1)',
    authors: [{ name: 'Ada Lovelace', url: 'https://example.org/ada' }, { name: 'Bad URL', url: 'javascript:alert(1)' }],
    tags: ['Physics', 'ml'],
    keywords: ['ML', 'graphs'],
  },
  { id: 'local time', title: 'Time without a zone', published: '2025-01-04T10:00:00', upvotes: 30, links: { pdf: 'https://lab.example.org/a.pdf' } },
  { id: 'no-date', title: 'No date at all', upvotes: 50 },
  {
    id: 'hostile <id> & "q"',
    title: HOSTILE_TITLE,
    abstract: HOSTILE_ABSTRACT,
    published: '2025-01-05',
    upvotes: 1,
    authors: [{ name: '<evil> & "co"' }],
    tags: ['a "quoted" & <tag>'],
    links: { paper: 'javascript:alert(1)', arxiv: 'https://arxiv.org/abs/2501.00005' },
  },
];

const options = { title: 'Lab <papers> & more', link: 'https://lab.example.org/', feedUrl: 'https://lab.example.org/feed', description: 'New ]]> & "fresh"' };

describe('feed selection and items', () => {
  it('orders newest first by listed ?? published, undated last, and limits', () => {
    expect(selectFeedPapers(papers).map((p) => p.id)).to.deep.equal(['listed', 'hostile <id> & "q"', 'local time', 'old', 'no-date']);
    expect(selectFeedPapers(papers, { limit: 2 }).map((p) => p.id)).to.deep.equal(['listed', 'hostile <id> & "q"']);
    expect(selectFeedPapers(papers, { order: 'trending', limit: 3 }).map((p) => p.id)).to.deep.equal(['old', 'no-date', 'local time']);
  });

  it('identifies papers stably: arXiv URL without version, DOI URL, else a tag: URI', () => {
    expect(feedItemId(papers[0])).to.deep.equal({ id: 'https://arxiv.org/abs/2305.00001', isUrl: true });
    const doi = feedItemId(papers[1]).id;
    expect(doi).to.equal('https://doi.org/10.1000/x%3Cy%3E%3Bz(1)');
    expect(new URL(doi).href).to.equal(doi);
    const tag = feedItemId(papers[4], options).id;
    expect(tag).to.equal('tag:lab.example.org,2025:paper:hostile%20%3Cid%3E%20%26%20%22q%22');
    expect(feedItemId(papers[4], { tagAuthority: 'me@example.org,2024-01-01' }).id).to.match(/^tag:me@example\.org,2024-01-01:paper:/);
    // The same input gives the same ids and the same bytes.
    expect(toAtom(papers, options)).to.equal(toAtom(papers, options));
  });

  it('reads dates as UTC and writes RFC 822 and RFC 3339', () => {
    const t = feedTime('2025-01-04T10:00:00');
    expect(t).to.equal(Date.UTC(2025, 0, 4, 10));
    expect(feedTime('2025-01-04')).to.equal(Date.UTC(2025, 0, 4));
    expect(feedTime('2025-01')).to.equal(Date.UTC(2025, 0, 1));
    expect(feedTime('2025-01-04T10:00:00+02:00')).to.equal(Date.UTC(2025, 0, 4, 8));
    expect(feedTime('someday')).to.equal(undefined);
    expect(rfc822(t!)).to.equal('Sat, 04 Jan 2025 10:00:00 GMT');
    expect(rfc3339(t!)).to.equal('2025-01-04T10:00:00Z');
  });

  it('drops only the characters XML 1.0 cannot carry', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000bd\u000ce\u001ff\ufffeg\uffffh')).to.equal('abcdefgh');
    expect(xmlSafe('tab\tlf\ncr\r <>&"\' 🦀 \ud7ff \ue000 \ufffd')).to.equal('tab\tlf\ncr\r <>&"\' 🦀 \ud7ff \ue000 \ufffd');
    expect(xmlSafe('lone \ud800 high, lone \udc00 low, pair \ud83e\udd80')).to.equal('lone  high, lone  low, pair 🦀');
  });
});

describe('RSS 2.0', () => {
  it('is well-formed, parses with a real feed parser, and carries every field', async () => {
    const text = toRss(papers, options);
    const doc = parseXml(text);
    expect(doc.documentElement.localName).to.equal('rss');
    expect(doc.documentElement.getAttribute('version')).to.equal('2.0');
    const channel = doc.querySelector('channel')!;
    expect(channel.querySelector(':scope > title')!.textContent).to.equal(options.title);
    expect(channel.querySelector(':scope > link')!.textContent).to.equal(options.link);
    expect(channel.querySelector(':scope > description')!.textContent).to.equal(options.description);
    const self = channel.getElementsByTagNameNS(ATOM_NS, 'link')[0];
    expect([self.getAttribute('rel'), self.getAttribute('href'), self.getAttribute('type')]).to.deep.equal(['self', options.feedUrl, 'application/rss+xml']);
    // The newest paper's day, not the time of the build.
    expect(channel.querySelector(':scope > lastBuildDate')!.textContent).to.equal('Mon, 06 Jan 2025 00:00:00 GMT');

    const items = [...doc.querySelectorAll('item')];
    expect(items).to.have.length(5);
    const first = items[0];
    expect(first.querySelector('title')!.textContent).to.equal('Listed later than published');
    expect(first.querySelector('link')!.textContent).to.equal('https://doi.org/10.1000/x%3Cy%3E%3Bz(1)');
    expect(first.querySelector('guid')!.getAttribute('isPermaLink')).to.equal('true');
    expect(first.querySelector('pubDate')!.textContent).to.equal('Mon, 06 Jan 2025 00:00:00 GMT');
    expect([...first.getElementsByTagNameNS(DC_NS, 'creator')].map((c) => c.textContent)).to.deep.equal(['Ada Lovelace', 'Bad URL']);
    expect([...first.querySelectorAll('category')].map((c) => c.textContent)).to.deep.equal(['Physics', 'ml', 'graphs']);
    for (const item of items) {
      const pub = item.querySelector('pubDate')?.textContent;
      if (pub) {
        expect(pub).to.match(RFC822);
        expect(Number.isNaN(Date.parse(pub))).to.equal(false);
      }
      expect(item.querySelector('guid')!.textContent).to.not.equal('');
    }
    expect(items[4].querySelector('pubDate')).to.equal(null, 'the undated paper has no pubDate');

    const parsed = await parseFeed(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.format).to.equal('rss');
    const feed = parsed.feed as { title: string; link: string; items: { title: string; link?: string; guid: { value: string }; pubDate?: string; description?: string }[] };
    expect(feed.title).to.equal(options.title);
    expect(feed.link).to.equal(options.link);
    expect(feed.items.map((i) => i.guid.value)).to.deep.equal(items.map((i) => i.querySelector('guid')!.textContent));
    expect(feed.items[1].title).to.equal(xmlSafe(HOSTILE_TITLE));
  });

  it('keeps hostile text as text: the description is escaped HTML that shows the abstract verbatim', async () => {
    const text = toRss([papers[4]], options);
    expect(text).to.not.contain('<script');
    expect(text).to.not.contain('<![CDATA[');
    const item = parseXml(text).querySelector('item')!;
    expect(item.querySelector('title')!.textContent).to.equal(xmlSafe(HOSTILE_TITLE));
    expect(item.querySelector('link')!.textContent, 'javascript: link skipped').to.equal('https://arxiv.org/abs/2501.00005');
    expect(item.getElementsByTagNameNS(DC_NS, 'creator')[0].textContent).to.equal('<evil> & "co"');
    expect(item.querySelector('category')!.textContent).to.equal('a "quoted" & <tag>');
    // What a reader does with an RSS description: read it as HTML.
    const description = item.querySelector('description')!.textContent;
    const html = new DOMParser().parseFromString(description, 'text/html');
    expect([...html.body.children].map((c) => c.localName)).to.deep.equal(['p', 'p']);
    expect(html.body.querySelectorAll('script, img, b').length).to.equal(0);
    expect([...html.body.children].map((p) => p.textContent).join('\n\n')).to.equal(xmlSafe(HOSTILE_ABSTRACT));
    const parsed = await parseFeed(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect((parsed.feed as { items: { description: string }[] }).items[0].description).to.equal(description);
  });

  it('omits the channel link only when neither a site nor a feed URL is known', () => {
    const doc = parseXml(toRss(papers, { feedUrl: 'https://x.example/feed.xml' }));
    expect(doc.querySelector('channel > link')!.textContent).to.equal('https://x.example/feed.xml');
    expect(parseXml(toRss(papers)).querySelector('channel > link')).to.equal(null);
    expect(parseXml(toRss(papers, { link: 'javascript:alert(1)' })).querySelector('channel > link')).to.equal(null);
  });
});

describe('Atom 1.0', () => {
  it('is well-formed, parses with a real feed parser, and has the required elements', async () => {
    const text = toAtom(papers, options);
    const doc = parseXml(text);
    const feedEl = doc.documentElement;
    expect([feedEl.namespaceURI, feedEl.localName]).to.deep.equal([ATOM_NS, 'feed']);
    const child = (el: Element, name: string) => [...el.children].find((c) => c.localName === name && c.namespaceURI === ATOM_NS);
    expect(child(feedEl, 'id')!.textContent).to.equal(options.feedUrl);
    expect(child(feedEl, 'title')!.textContent).to.equal(options.title);
    expect(child(feedEl, 'subtitle')!.textContent).to.equal(options.description);
    expect(child(feedEl, 'updated')!.textContent).to.equal('2025-01-06T00:00:00Z');
    const entries = [...feedEl.children].filter((c) => c.localName === 'entry');
    expect(entries).to.have.length(5);
    for (const entry of entries) {
      expect(child(entry, 'id')!.textContent).to.match(/^(https:\/\/|tag:)/);
      expect(child(entry, 'title')!.getAttribute('type')).to.equal('text');
      expect(child(entry, 'updated')!.textContent).to.match(RFC3339);
      const alternate = [...entry.children].find((c) => c.localName === 'link' && c.getAttribute('rel') === 'alternate');
      expect(Boolean(alternate) || Boolean(child(entry, 'content')), 'an alternate link or content').to.equal(true);
    }
    const listed = entries[0];
    expect(child(listed, 'published')!.textContent).to.equal('2024-12-01T00:00:00Z');
    expect(child(listed, 'updated')!.textContent).to.equal('2025-01-06T00:00:00Z');
    const authors = [...listed.children].filter((c) => c.localName === 'author');
    expect(authors.map((a) => [child(a, 'name')?.textContent, child(a, 'uri')?.textContent])).to.deep.equal([
      ['Ada Lovelace', 'https://example.org/ada'],
      ['Bad URL', undefined],
    ]);
    expect([...listed.children].filter((c) => c.localName === 'category').map((c) => c.getAttribute('term'))).to.deep.equal(['Physics', 'ml', 'graphs']);
    // No link at all: the entry carries its text as content.
    expect(child(entries[4], 'content')!.textContent).to.equal('No date at all');

    const parsed = await parseFeed(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.format).to.equal('atom');
    const feed = parsed.feed as { id: string; entries: { id: string; title: { value: string }; updated: string; summary?: { value: string; type: string } }[] };
    expect(feed.id).to.equal(options.feedUrl);
    expect(feed.entries.map((e) => e.id)).to.deep.equal(entries.map((e) => child(e, 'id')!.textContent));
    const hostile = feed.entries[1];
    expect(hostile.title.value).to.equal(xmlSafe(HOSTILE_TITLE));
    expect(hostile.summary).to.deep.equal({ value: xmlSafe(HOSTILE_ABSTRACT), type: 'text' });
  });

  it('keeps hostile text as text in type="text" constructs and attributes', () => {
    const text = toAtom([papers[4]], options);
    expect(text).to.not.contain('<script');
    const entry = parseXml(text).getElementsByTagNameNS(ATOM_NS, 'entry')[0];
    expect(entry.getElementsByTagNameNS(ATOM_NS, 'summary')[0].textContent).to.equal(xmlSafe(HOSTILE_ABSTRACT));
    expect(entry.getElementsByTagNameNS(ATOM_NS, 'category')[0].getAttribute('term')).to.equal('a "quoted" & <tag>');
    expect(entry.getElementsByTagNameNS(ATOM_NS, 'name')[0].textContent).to.equal('<evil> & "co"');
    expect(entry.getElementsByTagNameNS(ATOM_NS, 'id')[0].textContent).to.equal('tag:lab.example.org,2025:paper:hostile%20%3Cid%3E%20%26%20%22q%22');
    const alternate = [...entry.getElementsByTagNameNS(ATOM_NS, 'link')].find((l) => l.getAttribute('rel') === 'alternate');
    expect(alternate!.getAttribute('href'), 'javascript: link skipped').to.equal('https://arxiv.org/abs/2501.00005');
  });

  it('falls back to a tag: feed id without URLs', () => {
    const doc = parseXml(toAtom(papers, { title: 'T' }));
    expect(doc.getElementsByTagNameNS(ATOM_NS, 'id')[0].textContent).to.equal('tag:paper-feed-elements.invalid,2025:feed:T');
  });
});

describe('JSON Feed 1.1', () => {
  it('has the required fields, parses with a real feed parser, and carries every field', async () => {
    const text = toJsonFeed(papers, options);
    const value: unknown = JSON.parse(text);
    checkJsonFeed(value);
    const feed = value as { home_page_url: string; feed_url: string; description: string; items: Record<string, unknown>[] };
    expect([feed.home_page_url, feed.feed_url, feed.description]).to.deep.equal([options.link, options.feedUrl, options.description]);
    expect(feed.items.map((i) => i.title)).to.deep.equal(['Listed later than published', xmlSafe(HOSTILE_TITLE), 'Time without a zone', 'Old paper', 'No date at all']);
    expect(feed.items[0]).to.deep.include({
      id: 'https://doi.org/10.1000/x%3Cy%3E%3Bz(1)',
      date_published: '2024-12-01T00:00:00Z',
      date_modified: '2025-01-06T00:00:00Z',
      authors: [{ name: 'Ada Lovelace', url: 'https://example.org/ada' }, { name: 'Bad URL' }],
      tags: ['Physics', 'ml', 'graphs'],
    });
    expect(feed.items[1]).to.deep.include({ content_text: xmlSafe(HOSTILE_ABSTRACT), url: 'https://arxiv.org/abs/2501.00005' });
    expect(feed.items[2]).to.deep.include({ date_published: '2025-01-04T10:00:00Z', url: 'https://lab.example.org/a.pdf' });
    expect(feed.items[4]).to.deep.equal({ id: 'tag:lab.example.org,2025:paper:no-date', title: 'No date at all', content_text: 'No date at all' });

    const parsed = await parseFeed(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.format).to.equal('json');
    expect((parsed.feed as { items: { id: string }[] }).items.map((i) => i.id)).to.deep.equal(feed.items.map((i) => i.id));
  });

  it('is the object jsonFeedObject builds', () => {
    expect(JSON.parse(toJsonFeed(papers, options))).to.deep.equal(jsonFeedObject(papers, options));
  });
});

describe('any text stays text (property-based)', () => {
  const formats: FeedFormat[] = ['rss', 'atom', 'json'];
  it('titles, abstracts, authors and tags of any characters give well-formed feeds that say exactly that (200 runs)', () => {
    const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(anyText, anyText, anyText, anyText, (title, abstract, author, tag) => {
        const paper: Paper = { id: title, title, abstract, authors: [{ name: author }], tags: [tag], published: '2025-01-01', links: { arxiv: 'https://arxiv.org/abs/2501.00001' } };
        for (const format of formats) {
          const text = buildFeed([paper], format, options);
          if (format === 'json') {
            expect(text).to.not.contain('<');
            const item = (JSON.parse(text) as { items: Record<string, unknown>[] }).items[0];
            expect(item.title).to.equal(xmlSafe(title));
            expect(item.content_text).to.equal(xmlSafe(abstract));
            continue;
          }
          const doc = parseXml(text);
          const entry = doc.querySelector(format === 'rss' ? 'item' : 'entry')!;
          expect(entry.querySelector('title')!.textContent).to.equal(xmlSafe(title));
          if (format === 'atom') {
            expect(entry.querySelector('summary')?.textContent ?? '').to.equal(xmlSafe(abstract));
            expect(entry.querySelector('category')?.getAttribute('term') ?? '').to.equal(xmlSafe(tag).trim());
          }
        }
      }),
      { numRuns: 200, seed: 8_2025 },
    );
  });
});
