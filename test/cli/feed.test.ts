/**
 * `paper-corpus feed`, run for real (node dist/cli/paper-corpus.js) through the `run-cli` server
 * command; its output is parsed by a real feed parser (feedsmith, `parse-feed` server command),
 * checked for well-formedness by the browser's DOMParser, and JSON Feed against its required fields.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ATOM_NS, checkJsonFeed, parseFeed, parseXml } from '../data/syndication-checks.js';

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  files: Record<string, string | null>;
}

function cli(args: string[], files: Record<string, string> = {}, read: string[] = [], stdin?: string): Promise<CliResult> {
  return executeServerCommand<CliResult, { args: string[]; files: Record<string, string>; read: string[]; stdin?: string }>('run-cli', { args, files, read, ...(stdin === undefined ? {} : { stdin }) });
}

async function fixture(path: string): Promise<string> {
  const res = await fetch(`/test/fixtures/${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.text();
}

const hostile = JSON.stringify({
  format: 'paper-feed',
  version: 1,
  title: 'Hostile & <lab>',
  papers: [
    {
      id: 'x1',
      title: '<script>alert(1)</script> ]]> & \u0001 title',
      abstract: 'Abstract with <img src=x onerror=alert(1)> & ]]> and \u0008 a control.',
      published: '2025-03-01',
      authors: ['Eve <eve@example.org>'],
      tags: ['<b>tag</b>'],
      links: { paper: 'https://lab.example.org/x1' },
    },
  ],
});

describe('paper-corpus feed', () => {
  it('prints its help, and is listed in the main help', async () => {
    const help = await cli(['feed', '--help']);
    expect(help.status).to.equal(0);
    expect(help.stdout).to.contain('Usage: paper-corpus feed <corpus...> --format rss|atom|json');
    expect(help.stdout).to.contain('--trending');
    expect((await cli(['--help'])).stdout).to.contain('feed <corpus>');
  });

  it('reports usage errors with status 2', async () => {
    const files = { 'c.json': await fixture('../../public/sample-papers.json') };
    const cases: [string[], string][] = [
      [['feed', 'c.json'], 'feed needs --format'],
      [['feed', 'c.json', '--format', 'html'], 'Unknown feed format "html"'],
      [['feed', 'c.json', '--format', 'rss', '--limit', '0'], '--limit needs a positive whole number'],
      [['feed', 'c.json', '--format', 'rss', '--link', 'javascript:alert(1)'], '--link needs an absolute http(s) URL'],
      [['feed', 'c.json', '--format', 'rss', '--feed-url', '/feed.xml'], '--feed-url needs an absolute http(s) URL'],
      [['feed', 'c.json', '--format', 'rss', '--bogus'], 'Unknown option "--bogus"'],
      [['feed', '--format', 'rss'], 'feed needs a corpus file'],
      [['feed', 'missing.json', '--format', 'rss'], 'No such file: missing.json'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, files);
      expect(r.status, args.join(' ')).to.equal(2);
      expect(r.stderr, args.join(' ')).to.contain(message);
      expect(r.stdout, args.join(' ')).to.equal('');
    }
  });

  it('fails with status 1 when the corpus cannot be read', async () => {
    const r = await cli(['feed', 'page.json', '--format', 'json'], { 'page.json': '<!doctype html><title>Oops</title>' });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain('page.json: Expected a JSON corpus but found an HTML page');
  });

  it('writes RSS 2.0 of the newest 50 papers by default, to a file, with channel fields', async () => {
    const sample = await fixture('../../public/sample-papers.json');
    const r = await cli(
      ['feed', 'c.json', '--format', 'rss', '-o', 'feed.xml', '--title', 'Daily', '--link', 'https://lab.example.org/', '--feed-url', 'https://lab.example.org/feed.xml', '--description', 'New papers'],
      { 'c.json': sample },
      ['feed.xml'],
    );
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.contain('Wrote 50 of 100 papers (newest first) as RSS 2.0 to feed.xml.');
    const text = r.files['feed.xml']!;
    const doc = parseXml(text);
    const items = [...doc.querySelectorAll('item')];
    expect(items).to.have.length(50);
    // Newest first, by listed ?? published.
    const corpus = JSON.parse(sample) as { papers: { listed?: string; published?: string }[] };
    const newest = Math.max(...corpus.papers.map((p) => Date.parse(p.listed ?? p.published ?? '1970-01-01')));
    expect(Date.parse(items[0].querySelector('pubDate')!.textContent)).to.equal(newest);
    const times = items.map((i) => Date.parse(i.querySelector('pubDate')?.textContent ?? '1970-01-01'));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));

    const parsed = await parseFeed(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const feed = parsed.feed as { title: string; link: string; description: string; items: { guid: { value: string }; link?: string; title: string }[] };
    expect([parsed.format, feed.title, feed.link, feed.description]).to.deep.equal(['rss', 'Daily', 'https://lab.example.org/', 'New papers']);
    expect(feed.items).to.have.length(50);
    expect(new Set(feed.items.map((i) => i.guid.value)).size, 'unique guids').to.equal(50);
    for (const item of feed.items) expect(item.title).to.be.a('string').and.not.equal('');
  });

  it('orders by upvotes with --trending and limits with --limit (Atom from a Hugging Face response)', async () => {
    const hf = await fixture('hf-daily-2025-10-14.json');
    const r = await cli(['feed', 'hf.json', '--format', 'atom', '--trending', '--limit', '5', '--feed-url', 'https://lab.example.org/trending.atom'], { 'hf.json': hf });
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stderr).to.contain('Wrote 5 of');
    expect(r.stderr).to.contain('(most upvoted first) as Atom 1.0.');
    const doc = parseXml(r.stdout);
    const entries = [...doc.getElementsByTagNameNS(ATOM_NS, 'entry')];
    expect(entries).to.have.length(5);
    const items = JSON.parse(hf) as { paper: { id: string; upvotes: number } }[];
    const top = [...items].sort((a, b) => b.paper.upvotes - a.paper.upvotes).slice(0, 5);
    expect(entries.map((e) => e.getElementsByTagNameNS(ATOM_NS, 'id')[0].textContent)).to.deep.equal(top.map((i) => `https://arxiv.org/abs/${i.paper.id}`));
    const link = [...entries[0].getElementsByTagNameNS(ATOM_NS, 'link')].find((l) => l.getAttribute('rel') === 'alternate');
    expect(link!.getAttribute('href')).to.equal(`https://huggingface.co/papers/${top[0].paper.id}`);
    const parsed = await parseFeed(r.stdout);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.format).to.equal('atom');
    expect((parsed.feed as { entries: unknown[] }).entries).to.have.length(5);
  });

  it('writes JSON Feed 1.1 from BibTeX, and from standard input', async () => {
    const bib = await fixture('bibtex/nu-ideas-al-folio.bib');
    const r = await cli(['feed', 'lab.bib', '--format', 'json', '--title', 'Lab publications', '--link', 'https://lab.example.org/'], { 'lab.bib': bib });
    expect(r.status, r.stderr).to.equal(0);
    const value: unknown = JSON.parse(r.stdout);
    checkJsonFeed(value);
    expect(value).to.deep.include({ title: 'Lab publications', home_page_url: 'https://lab.example.org/' });
    const parsed = await parseFeed(r.stdout);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.format).to.equal('json');

    const piped = await cli(['feed', '-', '--format', 'json', '-q'], {}, [], bib);
    expect(piped.status, piped.stderr).to.equal(0);
    expect(piped.stderr).to.equal('');
    expect((JSON.parse(piped.stdout) as { items: unknown[] }).items.length).to.equal((value as { items: unknown[] }).items.length);
  });

  it('keeps hostile corpus text as text in every format', async () => {
    for (const format of ['rss', 'atom', 'json'] as const) {
      const r = await cli(['feed', 'c.json', '--format', format, '--link', 'https://lab.example.org/'], { 'c.json': hostile });
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout, format).to.not.contain('<script');
      expect(r.stdout, format).to.not.contain('<img');
      expect(r.stdout.includes('\u0001') || r.stdout.includes('\u0008'), `${format}: control characters`).to.equal(false);
      const parsed = await parseFeed(r.stdout);
      if (!parsed.ok) throw new Error(parsed.error);
      if (format === 'json') {
        checkJsonFeed(JSON.parse(r.stdout));
        const item = (JSON.parse(r.stdout) as { title: string; items: Record<string, unknown>[] }).items[0];
        expect(item).to.deep.include({ title: '<script>alert(1)</script> ]]> &  title', content_text: 'Abstract with <img src=x onerror=alert(1)> & ]]> and  a control.', tags: ['<b>tag</b>'] });
        continue;
      }
      const doc = parseXml(r.stdout);
      expect(doc.querySelector('channel > title, feed > title')!.textContent).to.equal('Hostile & <lab>');
      const entry = doc.querySelector('item, entry')!;
      expect(entry.querySelector('title')!.textContent).to.equal('<script>alert(1)</script> ]]> &  title');
      if (format === 'atom') {
        expect(entry.querySelector('summary')!.textContent).to.equal('Abstract with <img src=x onerror=alert(1)> & ]]> and  a control.');
        expect(entry.querySelector('category')!.getAttribute('term')).to.equal('<b>tag</b>');
        expect(entry.querySelector('author > name')!.textContent).to.equal('Eve <eve@example.org>');
      } else {
        const html = new DOMParser().parseFromString(entry.querySelector('description')!.textContent, 'text/html');
        expect(html.querySelector('img')).to.equal(null);
        expect(html.body.textContent).to.equal('Abstract with <img src=x onerror=alert(1)> & ]]> and  a control.');
      }
    }
  });
});
