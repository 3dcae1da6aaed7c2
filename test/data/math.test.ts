import { expect } from '@open-wc/testing';
import { hasMath, splitMath } from '../../src/data/math.js';

describe('splitMath', () => {
  it('finds inline and display math', () => {
    expect(splitMath('A $L_2$ norm and $$\\sum_i x_i$$ and \\(a+b\\).')).to.deep.equal([
      { math: false, text: 'A ' },
      { math: true, tex: 'L_2', display: false, source: '$L_2$' },
      { math: false, text: ' norm and ' },
      { math: true, tex: '\\sum_i x_i', display: true, source: '$$\\sum_i x_i$$' },
      { math: false, text: ' and ' },
      { math: true, tex: 'a+b', display: false, source: '\\(a+b\\)' },
      { math: false, text: '.' },
    ]);
  });

  it('leaves prices and stray dollars as text', () => {
    expect(hasMath('Earn $1 Million')).to.equal(false);
    expect(hasMath('costs $5 and $10 per run')).to.equal(false);
    expect(hasMath('an escaped \\$ sign')).to.equal(false);
    expect(hasMath('no math here')).to.equal(false);
    expect(hasMath('The $O(n)$ bound')).to.equal(true);
  });
});
