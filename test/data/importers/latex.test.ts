import { expect } from '@open-wc/testing';
import { decodeEntities, latexToText } from '../../../src/data/importers/latex.js';

describe('latexToText', () => {
  it('composes accents in every spelling', () => {
    expect(latexToText('K{\\"a}stner K\\"{a}stner K\\"astner')).to.equal('Kästner Kästner Kästner');
    expect(latexToText("Lav{\\'\\i}nia Ac{\\'{i}}n Jos\\'e \\`a \\^o \\~n \\=u \\.z")).to.equal('Lavínia Acín José à ô ñ ū ż');
    expect(latexToText('\\v{S}koda \\v s \\c{C}a\\u{g}lar Erd\\H{o}s \\k{a} \\r{u} \\d{s}')).to.equal('Škoda š Çağlar Erdős ą ů ṣ');
    expect(latexToText('J{"u}rgen')).to.equal('Jürgen');
  });

  it('reads special letters and symbols', () => {
    expect(latexToText('Stra\\ss e, {\\o}rsted, \\O, \\ae, \\AE, \\oe, \\aa, \\AA, \\l, \\L, \\i, \\ss{}x')).to.equal('Straße, ørsted, Ø, æ, Æ, œ, å, Å, ł, Ł, ı, ßx');
    expect(latexToText('\\& \\% \\$ \\# \\_ \\{ \\} \\dag{} \\S{} \\copyright{} \\textendash{} \\ldots')).to.equal('& % $ # _ { } † § © – …');
    // TeX drops the spaces after a control word.
    expect(latexToText('\\dag \\S x')).to.equal('†§x');
  });

  it('drops braces and font commands, keeps their text', () => {
    expect(latexToText('{{Double}} {B}races \\emph{em} \\textbf{bf} {\\it it} \\textsc{Sc} \\url{https://x.org/a_b} \\href{https://x.org}{link}')).to.equal(
      'Double Braces em bf it Sc https://x.org/a_b link',
    );
    expect(latexToText('A\\noopsort{1}B \\cite{key}C')).to.equal('AB C');
  });

  it('turns -- and --- into dashes, quotes into curly quotes, ~ into a no-break space', () => {
    expect(latexToText('1990--2000 --- yes ``quoted\'\' `single\' a~b')).to.equal('1990–2000 — yes “quoted” ‘single\' a\u00a0b');
  });

  it('keeps math as $…$, untouched inside', () => {
    expect(latexToText('$a--b \\"o$ and \\(K_1\\) and $$x^2$$ and \\[y\\]')).to.equal('$a--b \\"o$ and $K_1$ and $x^2$ and $y$');
    expect(latexToText('costs \\$5 and $ alone')).to.equal('costs $5 and $ alone');
    expect(latexToText('{\\$}\\backslashsigma{\\$}')).to.equal('$\\sigma$');
  });

  it('light mode (arXiv text) converts only accents and letters, leaving ~, --, braces and math', () => {
    expect(latexToText('Gr\\"obner ~30% -- {X} $\\pi$ \\emph{e} \\alpha', { light: true })).to.equal('Gröbner ~30% -- {X} $\\pi$ \\emph{e} \\alpha');
    expect(latexToText("Koll\\'ar \\& Co. \\$5", { light: true })).to.equal('Kollár & Co. \\$5');
  });

  it('never throws on unbalanced input', () => {
    expect(latexToText('{open \\"')).to.equal('open ');
    expect(latexToText('\\')).to.equal('\\');
    expect(latexToText('$unclosed')).to.equal('$unclosed');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references, leaves unknown ones', () => {
    expect(decodeEntities('&amp; &lt;b&gt; &#177; &#x223C; &copy; &unknown; &#0;')).to.equal('& <b> ± ∼ © &unknown; &#0;');
  });
});
