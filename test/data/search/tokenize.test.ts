import { expect } from '@open-wc/testing';
import { tokenize, TokenTable } from '../../../src/data/search/tokenize.js';

/** The tokens of `text` as the index's table reports them. */
function tableTokens(table: TokenTable, text: string): string[] {
  const out: string[] = [];
  table.each(text, (id) => out.push(table.terms[id]));
  return out;
}

describe('TokenTable (the index build)', () => {
  it('reports exactly the tokens tokenize() does, in the same order', () => {
    const texts = [
      'Diffusion Transformers for Video Generation: a survey (2024).',
      'ElasticMoE and Llama3 with GPT-4o, BERT-base, x86_64; XMLHttpRequest, iPhone, eBay, A1, a1b, 1a, 12ab, AB12, aB.',
      `${'a'.repeat(60)} ${'B'.repeat(45)} CamelCaseWordThatIsVeryLongIndeedMoreThanFortyChars`,
      'Kästner über Æsir façade naïve ﬁne ½ Ｆｕｌｌｗｉｄｔｈ ı ß ς 数学 🧪',
      '',
      '   ;;; --- ',
      'UPPER lower MiXeD 007 3D 2x2 v2.1',
    ];
    const table = new TokenTable();
    for (const text of texts) expect(tableTokens(table, text), text).to.deep.equal(tokenize(text));
  });

  it('gives a token the same id however it was written, and a new one to a new token', () => {
    const table = new TokenTable();
    const ids = (text: string): number[] => {
      const out: number[] = [];
      table.each(text, (id) => out.push(id));
      return out;
    };
    const [a, b] = ids('Diffusion models');
    expect(ids('DIFFUSION MODELS diffusion')).to.deep.equal([a, b, a]);
    expect(table.id('diffusion')).to.equal(a);
    expect(ids('Kästner')).to.deep.equal([table.id('kastner')]);
    expect(table.terms).to.deep.equal(['diffusion', 'models', 'kastner']);
  });

  it('agrees with tokenize() on thousands of random texts (and keeps its ids while growing)', () => {
    const alphabet = 'aaaeeiioouu bcdfghklmnprstvwxyz BCDFGHKLMNPRST AEIOU 0123456789 .,;:-_()/   äéßﬁı中';
    let seed = 7;
    const random = (): number => ((seed = Math.imul(seed, 48271) % 2147483647) & 0x7fffffff) / 2147483647;
    const table = new TokenTable();
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const length = Math.floor(random() * 80);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(tableTokens(table, text), text).to.deep.equal(tokenize(text));
    }
    expect(table.terms.length).to.be.above(4096);
    expect(new Set(table.terms).size).to.equal(table.terms.length);
  });
});
