import { expect } from '@open-wc/testing';

describe('registration', () => {
  it('the main entry registers nothing; the define entry registers every tag', async () => {
    const main = await import('../../src/index.js');
    expect(typeof main.PaperFeed).to.equal('function');
    // Other test files in this run may have registered the tags already: check with a fresh name.
    const { defineElement } = main;
    class Local extends HTMLElement {}
    defineElement('local-test-element', Local);
    expect(customElements.get('local-test-element')).to.equal(Local);
    await import('../../src/define.js');
    for (const tag of ['paper-card', 'paper-feed', 'paper-search', 'paper-subscribe']) expect(customElements.get(tag), tag).to.exist;
  });

  it('skips a tag that is already taken, with a warning instead of an error', async () => {
    const { defineElement } = await import('../../src/components/shared/define.js');
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      class Theirs extends HTMLElement {}
      class Ours extends HTMLElement {}
      customElements.define('taken-test-card', Theirs);
      expect(() => {
        defineElement('taken-test-card', Ours);
      }).not.to.throw();
      expect(customElements.get('taken-test-card')).to.equal(Theirs);
      expect(String(warnings[0])).to.contain('<taken-test-card> is already defined');
    } finally {
      console.warn = original;
    }
  });
});
