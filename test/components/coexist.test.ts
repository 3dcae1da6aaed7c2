/**
 * Pages we do not control: another library already registered `paper-card` (Polymer's
 * @polymer/paper-card uses that name), or our script is loaded twice.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

class PolymerLikeCard extends HTMLElement {
  connectedCallback(): void {
    this.textContent = 'someone else’s card';
  }
}

describe('coexistence', () => {
  it('renders our cards under another tag when a page already defined <paper-card>', async () => {
    customElements.define('paper-card', PolymerLikeCard);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      await import('../../src/define.js');
      await import('../../src/define.js');
    } finally {
      console.warn = original;
    }
    expect(String(warnings[0])).to.contain('<paper-card> is already defined');
    expect(customElements.get('paper-card')).to.equal(PolymerLikeCard);
    const { PaperCard } = await import('../../src/components/paper-card/paper-card.js');
    const feed = await fixture<HTMLElement>(html`<paper-feed .papers=${[{ id: 'a', title: 'Ours', abstract: 'Text.' }]}></paper-feed>`);
    await waitUntil(() => feed.shadowRoot!.querySelector('.card'), 'card rendered', { timeout: 8000 });
    const card = feed.shadowRoot!.querySelector('.card')!;
    expect(card.localName).to.equal('paper-feed-card');
    expect(card).to.be.instanceOf(PaperCard);
    await waitUntil(() => card.shadowRoot?.querySelector('[part="title"]')?.textContent.trim() === 'Ours', 'our card renders', { timeout: 8000 });
    // The page's own <paper-card> keeps working.
    const theirs = await fixture(html`<paper-card></paper-card>`);
    expect(theirs.textContent).to.equal('someone else’s card');
  });
});
