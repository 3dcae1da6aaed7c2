import { expect } from '@open-wc/testing';
import { parseCorpus } from '../../src/data/parse.js';
import type { Paper, ParseResult } from '../../src/data/types.js';

async function load(name: string): Promise<string> {
  const res = await fetch(`/test/fixtures/${name}`);
  if (!res.ok) throw new Error(`fixture ${name}: ${res.status}`);
  return res.text();
}

function ok(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a corpus, got ${result.kind}: ${result.message}`);
  return result;
}

function byId(papers: Paper[], id: string): Paper {
  const p = papers.find((x) => x.id === id);
  if (!p) throw new Error(`no paper ${id}`);
  return p;
}

describe('Hugging Face api/daily_papers', () => {
  it('reads a full day unmodified: one paper per item, with links and counts', async () => {
    const source = await load('hf-daily-2025-10-14.json');
    const items = JSON.parse(source) as { paper: { id: string } }[];
    const r = ok(parseCorpus(source));
    expect(r.format).to.equal('hf-daily');
    expect(r.papers).to.have.length(items.length);
    expect(r.problems.filter((p) => p.severity === 'error')).to.deep.equal([]);
    const qerl = byId(r.papers, '2510.11696');
    expect(qerl.title).to.equal('QeRL: Beyond Efficiency -- Quantization-enhanced Reinforcement Learning for LLMs');
    expect(qerl.authors?.[0]).to.deep.equal({ name: 'Wei Huang' });
    expect(qerl.authors).to.have.length(14);
    expect(qerl.upvotes).to.equal(75);
    expect(qerl.published).to.equal('2025-10-13T17:55:09.000Z');
    expect(qerl.year).to.equal(2025);
    expect(qerl.abstract).to.match(/^We propose QeRL, a Quantization-enhanced Reinforcement Learning framework for large language models \(LLMs\)\. While/);
    expect(qerl.abstract).not.to.contain('\n');
    expect(qerl.links).to.deep.include({
      paper: 'https://huggingface.co/papers/2510.11696',
      arxiv: 'https://arxiv.org/abs/2510.11696',
      pdf: 'https://arxiv.org/pdf/2510.11696',
      code: 'https://github.com/NVlabs/QeRL',
    });
    expect(qerl.arxivId).to.equal('2510.11696');
    expect(qerl.thumbnail).to.match(/^https:\/\//);
  });

  it('handles fields that come and go across two years of responses', async () => {
    const r = ok(parseCorpus(await load('hf-daily-mixed.json')));
    expect(r.papers).to.have.length(9);
    // 2024: no top-level summary; the item title keeps LaTeX while paper.title is hard-wrapped.
    const l2 = byId(r.papers, '2406.11430');
    expect(l2.title).to.contain('$L_2$');
    expect(l2.abstract).to.be.a('string').and.not.contain('\n');
    const autocoder = byId(r.papers, '2405.14906');
    expect(autocoder.title).not.to.contain('\n');
    // Hidden authors are left out, as on Hugging Face.
    const texgen = byId(r.papers, '2408.01291');
    expect(texgen.authors?.map((a) => a.name)).not.to.include('Zhihao Shi');
    // Angle-bracket text stays text.
    expect(byId(r.papers, '2504.00810').abstract).to.contain('<think>');
    // A project page with a leading space, a repo URL with a newline in it.
    expect(byId(r.papers, '2505.16839').links?.project).to.match(/^https:\/\/homepage\.jackli\.org\//);
    expect(byId(r.papers, '2510.05342').links?.code).to.equal('https://github.com/sirano1004/Margin-Apative-Direct-Preference-Optimization');
    // Organization, keywords and the AI summary.
    const fda = byId(r.papers, '2510.21223');
    expect(fda.organization?.name).to.be.a('string');
    expect(fda.organization?.url).to.match(/^https:\/\/huggingface\.co\//);
    expect(fda.keywords?.length).to.be.greaterThan(0);
    expect(fda.summary).to.be.a('string');
    expect(fda.githubStars).to.equal(8);
  });

  it('keeps all 664 authors of one paper', async () => {
    const r = ok(parseCorpus(await load('hf-daily-many-authors.json')));
    expect(r.papers[0]?.authors).to.have.length(664);
  });
});

describe('Hugging Face api/papers/search and api/papers/{id}', () => {
  it('reads search results', async () => {
    const r = ok(parseCorpus(await load('hf-papers-search.json')));
    expect(r.format).to.equal('hf-search');
    expect(r.papers.map((p) => p.id)).to.deep.equal(['2503.09151', '2504.12626', '2510.05367']);
    expect(r.papers.every((p) => p.title && !p.title.includes('<'))).to.equal(true);
  });

  it('reads a single paper object, the same as its daily item', async () => {
    const single = ok(parseCorpus(await load('hf-paper-single.json')));
    expect(single.format).to.equal('hf-paper');
    expect(single.papers).to.have.length(1);
    const daily = byId(ok(parseCorpus(await load('hf-daily-mixed.json'))).papers, '2510.21223');
    const p = single.papers[0];
    expect(p.id).to.equal('2510.21223');
    expect(p.authors).to.deep.equal(daily.authors);
    expect(p.links).to.deep.equal(daily.links);
    expect(p.abstract).to.equal(daily.abstract);
  });

  it('can be forced to a format', async () => {
    const r = parseCorpus(await load('hf-paper-single.json'), { format: 'native' });
    expect(r.ok && r.format).to.equal('native');
  });

  it('reports broken items and keeps the others', () => {
    const r = ok(parseCorpus(JSON.stringify([{ paper: { id: '1', authors: [], publishedAt: '2025-01-01', summary: 's', title: 'Fine' } }, { paper: { id: '2' } }, 7])));
    expect(r.papers.map((p) => p.title)).to.deep.equal(['Fine']);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.index)).to.deep.equal([1, 2]);
  });
});
