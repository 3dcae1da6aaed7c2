import { expect } from '@open-wc/testing';
import { parseBibtex, parseNames, readBibFile } from '../../../src/data/importers/bibtex.js';
import { byId, failed, fixture, names, ok } from './helpers.js';

const BASE = 'https://lab.example.org/';

describe('BibTeX: JabRef file of a Jekyll lab site (CMUSTRUDEL)', () => {
  it('skips the front matter, the notes and the @comment blocks, and reads every entry', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/cmustrudel-jabref.bib'), { baseUrl: BASE }));
    expect(r.format).to.equal('bibtex');
    expect(r.total).to.equal(12);
    expect(r.papers).to.have.length(12);
    expect(r.problems.filter((p) => p.severity === 'error')).to.deep.equal([]);
    expect(r.papers[0].id).to.equal('BockASE-NIER2026');
  });

  it('turns LaTeX accents into Unicode: K{\\"a}stner, Lav{\\\'\\i}nia, Calder\\\'{o}n, Q\\&A', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/cmustrudel-jabref.bib')));
    expect(names(byId(r.papers, 'HeMSR2026'))).to.deep.equal(['Hao He', 'Courtney Miller', 'Shyam Agarwal', 'Christian Kästner', 'Bogdan Vasilescu']);
    expect(names(byId(r.papers, 'thakur2025scicat'))).to.include('Lavínia Paganini');
    expect(names(byId(r.papers, 'yong2021innovation'))).to.deep.equal(['Mengchen Sam Yong', 'Lavínia Paganini', 'Huilian Sophie Qiu', 'José Bayoán Santiago Calderón']);
    expect(byId(r.papers, 'murgia2016bot').title).to.equal('Among the Machines: Human-Bot Interaction on Social Q&A Websites');
    expect(names(byId(r.papers, 'swan17'))).to.include('Cindy Rubio-González');
  });

  it('maps month macros to a YYYY-MM date and types to ours', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/cmustrudel-jabref.bib')));
    const bock = byId(r.papers, 'BockASE-NIER2026');
    expect(bock).to.include({ published: '2026-10', year: 2026, type: 'conference', venue: 'International Conference on Automated Software Engineering, New Ideas and Emerging Results Track' });
    // `month = april`: a full month name written as a macro.
    expect(byId(r.papers, 'bock2026understanding').published).to.equal('2026-04');
    expect(byId(r.papers, 'Vasi1escu2011MSc').type).to.equal('thesis');
    expect(byId(r.papers, 'Vasi1escu2014PhD').type).to.equal('thesis');
    expect(byId(r.papers, 'qiu2024women_infrastructure').type).to.equal('chapter');
  });

  it('reads a DOI written as a URL and warns about one that is not a DOI', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/cmustrudel-jabref.bib')));
    expect(byId(r.papers, 'BockASE-NIER2026')).to.deep.include({ doi: '10.1145/3832783.3834553' });
    expect(byId(r.papers, 'BockASE-NIER2026').links?.doi).to.equal('https://doi.org/10.1145/3832783.3834553');
    expect(byId(r.papers, 'ChenDIRTY2022').doi).to.equal(undefined);
    expect(r.problems.find((p) => p.id === 'ChenDIRTY2022')).to.include({ field: 'doi', severity: 'warning' });
  });

  it('keeps site-relative links only with a base URL, and warns about a field given twice', async () => {
    const text = await fixture('bibtex/cmustrudel-jabref.bib');
    const withBase = ok(parseBibtex(text, { baseUrl: BASE }));
    expect(byId(withBase.papers, 'VasilescuCSCW14').links).to.deep.include({
      pdf: 'https://lab.example.org/papers/cscw14.pdf',
      slides: 'https://lab.example.org/slides/cscw14.pdf',
    });
    const without = ok(parseBibtex(text));
    expect(byId(without.papers, 'VasilescuCSCW14').links?.pdf).to.equal(undefined);
    expect(without.problems.find((p) => p.id === 'VasilescuCSCW14' && p.field === 'pdf')?.reason).to.match(/no base URL/);
    expect(without.problems.find((p) => p.id === 'swan17')).to.include({ field: 'year', severity: 'warning' });
  });

  it('keeps the original entry verbatim for copying', async () => {
    const text = await fixture('bibtex/cmustrudel-jabref.bib');
    const bib = byId(ok(parseBibtex(text)).papers, 'HeMSR2026').bibtex;
    expect(bib).to.match(/^@inproceedings\{HeMSR2026,\n {2}author = \{He, Hao and Miller, Courtney and Agarwal, Shyam and K\{\\"a\}stner, Christian/);
    expect(bib?.endsWith('}')).to.equal(true);
    expect(text).to.contain(bib);
  });
});

describe('BibTeX: Mendeley / publisher exports (KwiatLab)', () => {
  it('keeps both entries of a duplicate key, with a warning and distinct ids', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/kwiatlab-mendeley.bib')));
    expect(r.total).to.equal(16);
    expect(r.papers).to.have.length(16);
    const ids = r.papers.map((p) => p.id);
    expect(ids).to.include.members(['Kwiat2000a', 'Kwiat2000a-2', 'article', 'article-2']);
    const dup = r.problems.filter((p) => p.field === 'key');
    expect(dup.map((p) => p.id)).to.deep.equal(['article', 'Kwiat2000a']);
    expect(dup[1].reason).to.match(/duplicate citation key “Kwiat2000a”/);
    expect(dup.every((p) => p.severity === 'warning')).to.equal(true);
  });

  it('reads `@article {key,`, capitalized field names, Month = {November}, {Sep} and "DEC 16"', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/kwiatlab-mendeley.bib')));
    expect(byId(r.papers, 'Kanedaeaaw8586')).to.include({ published: '2019', venue: 'Science Advances' });
    expect(byId(r.papers, 'PMID:28803949')).to.include({ published: '2017-11', title: 'Measuring temporal summation in visual detection with a single-photon source' });
    expect(byId(r.papers, 'Kaneda:17').published).to.equal('2017-09');
    expect(byId(r.papers, 'ISI:000366486600002').published).to.equal('2015-12-16');
  });

  it('drops {{double braces}} and reads H\\"{o}fling, Ac{\\\'{i}}n and First Last names', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/kwiatlab-mendeley.bib')));
    expect(byId(r.papers, 'ISI:000366486600002').title).to.equal('Strong Loophole-Free Test of Local Realism');
    expect(names(byId(r.papers, 'Hill:17'))).to.include('Sven Höfling');
    expect(names(byId(r.papers, 'Altepeter2005'))).to.deep.equal(['Joseph B. Altepeter', 'Evan R. Jeffrey', 'Paul G. Kwiat', 'A. Acín']);
    expect(names(byId(r.papers, 'doi:10.1080/09500340.2018.1437228')).slice(0, 2)).to.deep.equal(['Kevin Zielnicki', 'Karina Garay-Palmett']);
  });

  it('decodes HTML entities escaped into BibTeX (\\&gt;, \\&\\#x223C;) and Mendeley math ({\\$}\\backslashsigma{\\$})', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/kwiatlab-mendeley.bib')));
    expect(byId(r.papers, 'Kanedaeaaw8586').abstract).to.contain('generation of >30 coincident photons');
    expect(byId(r.papers, 'Kaneda:17').abstract).to.contain('greatly enhance (∼30×) the generation rate');
    expect(byId(r.papers, 'Kaneda:17').abstract).to.contain('(95.7±1.4%)');
    expect(byId(r.papers, 'Kwiat1999').abstract).to.contain('we obtained a 242-$\\sigma$ violation of Bell');
  });

  it('finds arXiv ids in arxivId / eprint + archivePrefix and keeps the first of several URLs', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/kwiatlab-mendeley.bib')));
    expect(byId(r.papers, 'Kaneda2016')).to.include({ arxivId: '1603.08451', type: 'article', venue: 'Optics Express' });
    // eprint = {9905086} is broken; arxivId = {quant-ph/9905086} is right.
    expect(byId(r.papers, 'Kwiat2000a').arxivId).to.equal('quant-ph/9905086');
    expect(byId(r.papers, 'Christensen2013').arxivId).to.equal('1306.5772');
    expect(byId(r.papers, 'Christensen2013').links?.arxiv).to.equal('https://arxiv.org/abs/1306.5772');
    expect(byId(r.papers, 'Peters2005')).to.include({ type: 'preprint', venue: 'arXiv', arxivId: 'quant-ph/0502177' });
    expect(byId(r.papers, 'Kwiat1999').links?.paper).to.equal('http://pra.aps.org/abstract/PRA/v60/i2/pR773_1');
  });
});

describe('BibTeX: zbMATH export (FMuro)', () => {
  it('keeps math as $…$ (\\(…\\) and ${A}$) and turns -- into an en dash in text', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/fmuro-zbmath.bib')));
    expect(byId(r.papers, 'zbMATH07190145').title).to.equal('Enhanced $A_{\\infty}$-obstruction theory');
    expect(byId(r.papers, 'zbMATH900556798').title).to.equal('Enhanced ${A}$-infinity obstruction theory');
    expect(byId(r.papers, 'zbMATH05381934').title).to.equal('On $K_1$ of a Waldhausen category');
    expect(byId(r.papers, 'zbMATH05381934').venue).to.equal(
      '$K$-theory and noncommutative geometry. Proceedings of the ICM 2006 satellite conference, Valladolid, Spain, August 31–September 6, 2006',
    );
    expect(byId(r.papers, 'zbMATH900577785').title).to.equal('The Donovan–Wemyss Conjecture via the Derived Auslander–Iyama Correspondence');
  });

  it('makes a @Misc with an arXiv field a preprint, prefers the full journal name, reads Ram{\\\'o}n', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/fmuro-zbmath.bib')));
    expect(byId(r.papers, 'zbMATH902382702')).to.include({ type: 'preprint', arxivId: '2312.07321', venue: 'arXiv', published: '2023' });
    expect(byId(r.papers, 'zbMATH07719245').venue).to.equal('Proceedings of the Royal Society of Edinburgh. Section A. Mathematics');
    expect(byId(r.papers, 'zbMATH07719245').tags).to.deep.equal(['18M70', '14A30', '16E05', '18G10', '55U35']);
    expect(names(byId(r.papers, 'zbMATH07053579'))).to.deep.equal(['Ramón Flores', 'Fernando Muro']);
    // URL = {kar.kent.ac.uk/…}: a web address without its scheme.
    expect(byId(r.papers, 'zbMATH07006249').links?.paper).to.equal('https://kar.kent.ac.uk/67611/1/bi_and_twisted_complexes_revision.pdf');
  });
});

describe('BibTeX: al-folio site (NU-IDEAS-Lab)', () => {
  it('marks equal contribution (Wu*) and cleans the name', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/nu-ideas-al-folio.bib')));
    const p = byId(r.papers, 'wudirectly');
    expect(p.authors?.slice(0, 4)).to.deep.equal([
      { name: 'Qingyuan Wu', equalContribution: true },
      { name: 'Yuhui Wang', equalContribution: true },
      { name: 'Simon Sinong Zhan', equalContribution: true },
      { name: 'Yixuan Wang' },
    ]);
    expect(names(p)).to.include('Jürgen Schmidhuber');
    expect(p.published).to.equal(undefined);
  });

  it('maps abbr, keywords, html, preview and \\& in the booktitle', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/nu-ideas-al-folio.bib'), { baseUrl: 'https://nu-ideas.example.edu/' }));
    const e = byId(r.papers, 'wangEnergyEfficientControlAdaptation2020');
    expect(e).to.include({
      title: 'Energy-Efficient Control Adaptation with Safety Guarantees for Learning-Enabled Cyber-Physical Systems',
      venueShort: 'ICCAD',
      published: '2020-11',
      type: 'conference',
    });
    expect(e.tags?.slice(0, 3)).to.deep.equal(['Aerospace electronics', 'adaptation', 'Neural networks']);
    const z = byId(r.papers, 'zhuSafetyAssuredDesignAdaptation2021');
    expect(z.links).to.deep.include({ paper: 'https://doi.org/10.1145/3394885.3431623', doi: 'https://doi.org/10.1145/3394885.3431623' });
    const s = byId(r.papers, 'zhan2024state');
    expect(s.venue).to.equal('6th Annual Learning for Dynamics & Control Conference');
    expect(s.thumbnail).to.equal('https://nu-ideas.example.edu/assets/img/publication_preview/CarGoal1.gif');
  });

  it('reads "arXiv preprint arXiv:…" in the journal as a preprint', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/nu-ideas-al-folio.bib')));
    expect(byId(r.papers, 'wang2023empowering')).to.include({ type: 'preprint', arxivId: '2312.00812', venue: 'arXiv' });
  });
});

describe('BibTeX: quirks not in the real files (synthetic-quirks.bib)', () => {
  async function quirks() {
    return ok(parseBibtex(await fixture('bibtex/synthetic-quirks.bib'), { baseUrl: BASE }));
  }

  it('expands @string macros and # concatenation, skips @preamble and @comment', async () => {
    const r = await quirks();
    const p = byId(r.papers, 'smith2024selected');
    expect(p.venue).to.equal('Advances in Neural Information Processing Systems 37');
    expect(p.authors?.[0]).to.deep.equal({ name: 'Ann Smith' });
    expect(r.papers.map((x) => x.id)).not.to.include('ghost');
    expect(r.total).to.equal(11);
    const file = readBibFile(await fixture('bibtex/synthetic-quirks.bib'));
    expect(file.preambles).to.deep.equal(['"\\newcommand{\\noopsort}[1]{} "']);
    expect(file.strings.neurips).to.equal('Advances in Neural Information Processing Systems');
  });

  it('maps every al-folio field: selected, pdf under assets/pdf/, preview, code, website, video, slides, poster, award, abbr, arxiv', async () => {
    const p = byId((await quirks()).papers, 'smith2024selected');
    expect(p.selected).to.equal(true);
    expect(p.links).to.deep.equal({
      arxiv: 'https://arxiv.org/abs/2405.01234',
      paper: 'https://proceedings.example.org/smith2024',
      pdf: 'https://lab.example.org/assets/pdf/smith2024.pdf',
      code: 'https://github.com/example/ubergraphs',
      project: 'https://example.org/ubergraphs/',
      video: 'https://www.youtube.com/watch?v=abc',
      slides: 'https://lab.example.org/assets/pdf/smith2024-slides.pdf',
      poster: 'https://example.org/poster.pdf',
    });
    expect(p.thumbnail).to.equal('https://lab.example.org/assets/img/publication_preview/ubergraphs.png');
    expect(p).to.include({ award: 'Best Paper', venueShort: 'NeurIPS', arxivId: '2405.01234', published: '2024-12-10' });
    expect(p.tags).to.deep.equal(['graphs', 'scaling']);
  });

  it('drops relative pdf links without a base URL', async () => {
    const r = ok(parseBibtex(await fixture('bibtex/synthetic-quirks.bib')));
    const p = byId(r.papers, 'smith2024selected');
    expect(p.links?.pdf).to.equal(undefined);
    expect(p.thumbnail).to.equal(undefined);
    expect(r.problems.filter((x) => x.id === 'smith2024selected').map((x) => x.field)).to.deep.equal(['pdf', 'slides', 'preview']);
  });

  it('turns accents, \\ss, {\\o}, ~, --, quotes and font commands into text; keeps $math$', async () => {
    const r = await quirks();
    const p = byId(r.papers, 'smith2024selected');
    expect(p.title).to.equal('Learning with Über-Graphs: Large Scale – and Fast');
    expect(p.abstract).to.equal(
      'We study graphs with $n \\gg 10^6$ nodes, i.e. about 50% more than before.\n\nSecond paragraph with emphasis, bold, “quotes” and Straße, ß and Ångström.',
    );
    expect(names(p)).to.deep.equal(['Ann Smith', 'Jörg Müller', 'Bjørn Olén']);
    expect(byId(r.papers, 'lee2020thesis')).to.include({ title: "On Škoda's Lemma and Çağlar's Conjecture", venue: 'Université de Montréal', type: 'thesis' });
    expect(byId(r.papers, 'tr2019')).to.include({ title: 'Technical Report on Łódź Data', type: 'report', venue: 'Example Institute' });
    expect(names(byId(r.papers, 'tr2019'))).to.deep.equal(['Paul Erdős']);
    expect(byId(r.papers, 'doe2023preprint').title).to.equal('A Preprint on $\\alpha$-Divergences');
  });

  it('reads equal-contribution marks *, +, $^*$ and \\textsuperscript{\\dag}, and "and others" as et al.', async () => {
    const r = await quirks();
    expect(byId(r.papers, 'smith2024selected').authors).to.deep.equal([
      { name: 'Ann Smith' },
      { name: 'Jörg Müller', equalContribution: true },
      { name: 'Bjørn Olén', equalContribution: true },
    ]);
    expect(byId(r.papers, 'smith2024selected').etAl).to.equal(true);
    const doe = byId(r.papers, 'doe2023preprint');
    expect(doe.authors?.slice(0, 2)).to.deep.equal([
      { name: 'Jane Doe', equalContribution: true },
      { name: 'Richard Roe', equalContribution: true },
    ]);
    expect(doe.etAl).to.equal(undefined);
  });

  it('reads "Last, First", "First von Last", "von Last, First", "Last, Jr., First" and {braced} names', async () => {
    const doe = byId((await quirks()).papers, 'doe2023preprint');
    expect(names(doe).slice(2)).to.deep.equal(['John von Neumann', 'Ludwig van Beethoven', 'Martin Luther King, Jr.', 'Barnes and Noble, Inc.']);
    expect(parseNames('Knuth, Donald E. and Lamport, L{\\\'e}slie and others')).to.deep.equal({
      authors: [{ name: 'Donald E. Knuth' }, { name: 'Léslie Lamport' }],
      etAl: true,
    });
  });

  it('maps entry types: misc with arXiv eprint → preprint, book, inbook, conference, online → misc', async () => {
    const r = await quirks();
    const types = Object.fromEntries(r.papers.map((p) => [p.id, p.type]));
    expect(types).to.deep.equal({
      smith2024selected: 'conference',
      doe2023preprint: 'preprint',
      lee2020thesis: 'thesis',
      tr2019: 'report',
      book2018: 'book',
      chapter2017: 'chapter',
      conf2016: 'conference',
      web2015: 'misc',
      after2012: 'article',
    });
    expect(byId(r.papers, 'doe2023preprint')).to.include({ arxivId: '2305.06789', published: '2023-05', venue: 'arXiv' });
  });

  it('reads a (parenthesized) entry, a BibLaTeX date, month names and numbers', async () => {
    const r = await quirks();
    expect(byId(r.papers, 'book2018')).to.include({ title: 'A Book in Parentheses', published: '2018-03-15', year: 2018 });
    expect(byId(r.papers, 'chapter2017').published).to.equal('2017-02');
    expect(byId(r.papers, 'conf2016').published).to.equal('2016');
    expect(r.problems.find((p) => p.id === 'conf2016')?.reason).to.match(/unknown @string macro “unknownmacro”/);
  });

  it('reports an entry without a title and a broken entry as errors, and reads the entry after it', async () => {
    const r = await quirks();
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((e) => [e.index, e.id])).to.deep.equal([
      [8, 'notitle2014'],
      [9, 'broken2013'],
    ]);
    expect(errors[0]).to.include({ field: 'title', reason: 'missing title' });
    expect(errors[1].reason).to.match(/^@article could not be read/);
    expect(byId(r.papers, 'after2012')).to.include({ title: 'The Entry After the Broken One', doi: '10.5555/Recovery.2012' });
  });

  it('never throws: unbalanced braces to the end, garbage, no entries', () => {
    const r = ok(parseBibtex('@article{a, title = {Open'));
    expect(r.papers).to.deep.equal([]);
    expect(r.problems[0]).to.include({ severity: 'error', id: 'a' });
    expect(failed(parseBibtex('just some text')).kind).to.equal('unknown-shape');
    expect(ok(parseBibtex('@comment{only a comment}')).papers).to.deep.equal([]);
    expect(ok(parseBibtex('@misc{k,\n title = "Quoted {Value}" # { and more},\n}')).papers[0].title).to.equal('Quoted Value and more');
  });
});
