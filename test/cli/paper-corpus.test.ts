/**
 * The `paper-corpus` CLI, run for real (node dist/cli/paper-corpus.js) through a test-runner
 * server command; see cliPlugin in web-test-runner.config.mjs.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  files: Record<string, string | null>;
}

function cli(args: string[], files: Record<string, string> = {}, read: string[] = []): Promise<CliResult> {
  return executeServerCommand<CliResult, { args: string[]; files: Record<string, string>; read: string[] }>('run-cli', { args, files, read });
}

async function fixture(path: string): Promise<string> {
  const res = await fetch(`/test/fixtures/${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.text();
}

describe('paper-corpus CLI', () => {
  it('prints help for the tool and for each command, and a version', async () => {
    const main = await cli(['--help']);
    expect(main.status).to.equal(0);
    expect(main.stdout).to.contain('Usage: paper-corpus <command>');
    for (const command of ['convert', 'validate', 'stats']) {
      const r = await cli([command, '--help']);
      expect(r.status, command).to.equal(0);
      expect(r.stdout).to.contain(`Usage: paper-corpus ${command}`);
    }
    expect((await cli(['--version'])).stdout.trim()).to.match(/^\d+\.\d+\.\d+$/);
  });

  it('reports usage errors on stderr with a non-zero status', async () => {
    const unknown = await cli(['frobnicate']);
    expect(unknown.status).to.equal(2);
    expect(unknown.stderr).to.contain('Unknown command "frobnicate"');
    const missing = await cli(['convert', 'nope.bib']);
    expect(missing.status).to.equal(2);
    expect(missing.stderr).to.contain('No such file or folder: nope.bib');
    const badFormat = await cli(['convert', 'x.json', '--format', 'word'], { 'x.json': '[]' });
    expect(badFormat.stderr).to.contain('Unknown format "word"');
    expect(badFormat.stdout).to.equal('');
  });

  it('converts a mix of formats into one valid native corpus, merging duplicates, with a summary', async () => {
    const files = {
      'lab.bib': await fixture('bibtex/nu-ideas-al-folio.bib'),
      'refs.json': await fixture('csl/zotero-quirks.json'),
      'feed.xml': await fixture('arxiv/atom-bipv.xml'),
      'hf.json': await fixture('hf-daily-mixed.json'),
      'same-again.json': await fixture('hf-paper-single.json'),
    };
    const r = await cli(['convert', 'lab.bib', 'refs.json', 'feed.xml', 'hf.json', 'same-again.json', '-o', 'out.json', '--title', 'Lab'], files, ['out.json']);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stderr).to.match(/lab\.bib: bibtex, \d+ of \d+ kept/);
    expect(r.stderr).to.match(/refs\.json: csl-json/);
    expect(r.stderr).to.match(/feed\.xml: arxiv-atom/);
    expect(r.stderr).to.match(/hf\.json: hf-daily, 9 of 9 kept/);
    expect(r.stderr).to.match(/kept \d+ papers \(1 merged as duplicates/);
    const corpus = JSON.parse(r.files['out.json'] ?? '') as { format: string; version: number; title: string; papers: { id: string }[] };
    expect(corpus).to.include({ format: 'paper-feed', version: 1, title: 'Lab' });
    expect(corpus.papers.filter((p) => p.id === '2510.21223')).to.have.length(1);
    const validated = await cli(['validate', 'out.json'], { 'out.json': r.files['out.json'] ?? '' });
    expect(validated.status, validated.stdout).to.equal(0);
    expect(validated.stdout).to.contain(`valid corpus, ${corpus.papers.length} papers`);
  });

  it('names the rejected records and the reasons', async () => {
    const r = await cli(['convert', 'a.json'], { 'a.json': JSON.stringify([{ title: 'Good' }, { id: 'x' }, { id: 'y', title: 3 }]) });
    expect(r.status).to.equal(0);
    expect(r.stderr).to.contain('a.json: native, 1 of 3 kept, 2 rejected');
    expect(r.stderr).to.contain('#2 (x) title: missing title');
    expect(r.stderr).to.contain('Rejected, by reason:');
    expect(JSON.parse(r.stdout)).to.deep.include({ format: 'paper-feed', version: 1 });
  });

  it('fails when no input could be read', async () => {
    const r = await cli(['convert', 'page.json'], { 'page.json': '<!doctype html><title>Oops</title>' });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain('page.json: not read — Expected a JSON corpus but found an HTML page titled “Oops”');
  });

  it('validates strictly: exit 0 only for a valid native corpus, with a precise report otherwise', async () => {
    const ok = await cli(['validate', 'c.json'], { 'c.json': await fixture('../../public/sample-papers.json') });
    expect(ok.status).to.equal(0);
    const bad = await cli(['validate', 'c.json'], {
      'c.json': JSON.stringify({ format: 'paper-feed', version: 2, papers: [{ id: 'a', title: 'T', links: { pdf: 'javascript:x' }, upvotes: -1 }, { id: 'a', title: 'U' }, { title: 'no id' }] }),
    });
    expect(bad.status).to.equal(1);
    expect(bad.stdout).to.contain('version: expected 1, found 2');
    expect(bad.stdout).to.contain('papers[0].links.pdf: not an http(s) URL, dropped');
    expect(bad.stdout).to.contain('papers[0].upvotes: expected a non-negative number');
    expect(bad.stdout).to.contain('papers[1].id: "a" repeats papers[0].id');
    expect(bad.stdout).to.contain('papers[2].id: missing');
    const hf = await cli(['validate', 'hf.json'], { 'hf.json': await fixture('hf-daily-2025-01-21.json') });
    expect(hf.status).to.equal(1);
    expect(hf.stdout).to.contain('expected a JSON object with "format", "version" and "papers", found a list');
  });

  it('counts papers by year, type, tag and organization', async () => {
    const r = await cli(['stats', 'lab.bib', '--json', '--top', '3'], { 'lab.bib': await fixture('bibtex/nu-ideas-al-folio.bib') });
    expect(r.status, r.stderr).to.equal(0);
    const stats = JSON.parse(r.stdout) as { format: string; papers: number; year: { value: string; count: number }[]; type: unknown[] };
    expect(stats.format).to.equal('bibtex');
    expect(stats.papers).to.be.greaterThan(0);
    expect(stats.year.length).to.be.at.most(3);
    const text = await cli(['stats', 'hf.json'], { 'hf.json': await fixture('hf-daily-2025-10-14.json') });
    expect(text.stdout).to.match(/hf\.json: hf-daily, \d+ papers/);
    expect(text.stdout).to.contain('By year:');
    expect(text.stdout).to.contain('By organization:');
  });
});
