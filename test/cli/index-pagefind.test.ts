/**
 * `paper-corpus index`, run for real (node dist/cli/paper-corpus.js, with the real Pagefind
 * binary) through the `pagefind-bundle` and `run-cli` server commands (web-test-runner.config.mjs).
 * Bundles go to test/tmp/pagefind/<name>/ (git-ignored), served by the test server; the browser
 * adapter's own behaviour is in test/components/pagefind.test.ts.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { loadCorpusText } from '../../src/data/parse.js';
import { createIndexSearch } from '../../src/components/paper-feed/pagefind.js';

interface BundleResult {
  status: number | null;
  stdout: string;
  stderr: string;
  files: string[];
  entry: { version: string; languages: Partial<Record<string, { page_count: number }>> } | null;
}

function indexCli(name: string, args: string[], hidePagefind = false): Promise<BundleResult> {
  return executeServerCommand<BundleResult, { name: string; args: string[]; hidePagefind: boolean }>('pagefind-bundle', { name, args, hidePagefind });
}

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], files: Record<string, string> = {}): Promise<CliResult> {
  return executeServerCommand<CliResult, { args: string[]; files: Record<string, string> }>('run-cli', { args, files });
}

async function text(url: string): Promise<string> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.text();
}

const pageCount = (r: BundleResult): number | undefined => r.entry?.languages.en?.page_count;

describe('paper-corpus index', function () {
  this.timeout(60000);

  it('prints its help, and is listed in the main help', async () => {
    const help = await cli(['index', '--help']);
    expect(help.status).to.equal(0);
    expect(help.stdout).to.contain('Usage: paper-corpus index <inputs...> -o <dir>');
    expect(help.stdout).to.contain('--filters <list>');
    expect(help.stdout).to.contain('npm install --save-dev pagefind');
    expect((await cli(['--help'])).stdout).to.contain('index <inputs...>');
  });

  it('reports usage errors with status 2 and writes nothing', async () => {
    const sample = await text('/public/sample-papers.json');
    const cases: [string[], string][] = [
      [['index', 'c.json'], 'index needs -o <dir>'],
      [['index', '-o', 'out'], 'index needs at least one input file'],
      [['index', 'c.json', '-o', 'out', '--filters', 'year,colour'], 'Unknown filter "colour"'],
      [['index', 'c.json', '-o', 'out', '--language', 'english!'], '--language needs a language code'],
      [['index', 'c.json', '-o', 'out', '--bogus'], 'Unknown option "--bogus" for index'],
      [['index', 'c.json', '-o', 'out', '--max-fragments', '0'], '--max-fragments needs a positive whole number'],
      [['index', 'missing.json', '-o', 'out'], 'No such file: missing.json'],
      // A folder with other files is never emptied.
      [['index', 'c.json', '-o', '$REPO/src'], 'is not empty and does not hold a Pagefind bundle'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, { 'c.json': sample });
      expect(r.status, args.join(' ')).to.equal(2);
      expect(r.stderr, args.join(' ')).to.contain(message);
      expect(r.stderr, args.join(' ')).to.contain('paper-corpus index --help');
    }
    // src/ is intact.
    expect((await fetch('/src/cli/index-pagefind.ts')).ok).to.equal(true);
  });

  it('says how to install Pagefind when it is missing (status 1)', async () => {
    const r = await indexCli('missing-pagefind', ['index', 'public/sample-papers.json', '-o', '$OUT'], true);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain('index needs Pagefind, which is not installed');
    expect(r.stderr).to.contain('npm install --save-dev pagefind');
    expect(r.files).to.deep.equal([]);
  });

  it('fails with status 1 when no input can be read', async () => {
    const r = await cli(['index', 'page.json', '-o', 'out'], { 'page.json': '<!doctype html><title>Oops</title>' });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain('page.json: Expected a JSON corpus but found an HTML page');
  });

  it('writes a Pagefind bundle with one record per paper and prints a summary', async () => {
    const r = await indexCli('cli-sample', ['index', 'public/sample-papers.json', '-o', '$OUT']);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.match(/^Indexed 100 papers into .*test\/tmp\/pagefind\/cli-sample: \d+ files, \d+ bytes \([\d.]+ MB\) in [\d.]+ s\. Filters: year, type, has\.\n$/);
    const files = Number(/: (\d+) files/.exec(r.stderr)?.[1]);
    expect(files).to.equal(r.files.filter((f) => /\.\w+$/.test(f)).length);
    expect(pageCount(r)).to.equal(100);
    expect(r.files).to.include.members(['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind']);
    expect(r.files.filter((f) => f.startsWith('fragment/') && f.endsWith('.pf_fragment'))).to.have.length(100);
    // One file per filter with values (the sample has no paper type), and our manifest.
    expect(r.files.filter((f) => f.startsWith('filter/'))).to.have.length(2);
    expect(JSON.parse(await text('/test/tmp/pagefind/cli-sample/paper-feed-index.json'))).to.deep.equal({
      format: 'paper-feed-index',
      version: 1,
      papers: 100,
      filters: ['year', 'type', 'has'],
      language: 'en',
      order: 'newest',
    });

    // Running again replaces the bundle (nothing stale is left: the same set of files).
    const again = await indexCli('cli-sample', ['index', 'public/sample-papers.json', '-o', '$OUT', '-q', '--filters', 'author,year,tag']);
    expect(again.status, again.stderr).to.equal(0);
    expect(again.stderr).to.equal('');
    expect(pageCount(again)).to.equal(100);
    // year, tag (the sample's keywords) and author.
    expect(again.files.filter((f) => f.startsWith('filter/'))).to.have.length(3);
    expect((JSON.parse(await text('/test/tmp/pagefind/cli-sample/paper-feed-index.json')) as { filters: string[] }).filters).to.deep.equal(['year', 'tag', 'author']);
  });

  it('reads any supported format (BibTeX here), merges several inputs, and the bundle is searchable', async () => {
    const bib = await text('/test/fixtures/bibtex/nu-ideas-al-folio.bib');
    const parsed = await loadCorpusText(bib);
    if (!parsed.ok) throw new Error(parsed.message);
    const r = await indexCli('cli-bibtex', ['index', 'test/fixtures/bibtex/nu-ideas-al-folio.bib', 'public/sample-papers.json', '-o', '$OUT', '--filters', 'none']);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stderr).to.contain(`Indexed ${parsed.papers.length + 100} papers`);
    expect(r.stderr).to.contain('Filters: none.');
    expect(pageCount(r)).to.equal(parsed.papers.length + 100);
    expect(r.files.filter((f) => f.startsWith('filter/'))).to.deep.equal([]);

    const search = createIndexSearch('/test/tmp/pagefind/cli-bibtex/');
    try {
      const result = await search.search('Energy-Efficient Control Adaptation Safety Guarantees');
      expect(result.papers[0]?.title).to.equal('Energy-Efficient Control Adaptation with Safety Guarantees for Learning-Enabled Cyber-Physical Systems');
      expect(result.papers[0]?.year).to.equal(2020);
      expect(result.papers[0]?.authors?.map((a) => a.name)).to.deep.equal(['Yixuan Wang', 'Chao Huang', 'Qi Zhu']);
    } finally {
      search.dispose();
    }
  });

  it('groups fragments into at most about --max-fragments files, still searchable', async () => {
    const r = await indexCli('cli-grouped', ['index', 'public/sample-papers.json', '-o', '$OUT', '-q', '--max-fragments', '10']);
    expect(r.status, r.stderr).to.equal(0);
    const fragments = r.files.filter((f) => f.startsWith('fragment/') && f.endsWith('.pf_fragment'));
    expect(fragments.length).to.be.within(1, 12);
    const search = createIndexSearch('/test/tmp/pagefind/cli-grouped/');
    try {
      const result = await search.search('Granular GRPO');
      expect(result.papers[0]?.id).to.equal('2510.01982');
      expect(result.papers[0]?.title).to.equal('G^2RPO: Granular GRPO for Precise Reward in Flow Models');
    } finally {
      search.dispose();
    }
  });
});
