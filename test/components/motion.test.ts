import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';

describe('reduced motion', () => {
  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('the loading placeholder pulses only when motion is welcome', async () => {
    const original = window.fetch;
    window.fetch = () => new Promise<Response>(() => undefined);
    try {
      const el = await fixture(html`<paper-feed src="/never.json" timeout="0"></paper-feed>`);
      const bar = () => el.shadowRoot!.querySelector('.bar')!;
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(getComputedStyle(bar()).animationName).to.equal('pulse');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(bar()).animationName).to.equal('none');
    } finally {
      window.fetch = original;
    }
  });
});
