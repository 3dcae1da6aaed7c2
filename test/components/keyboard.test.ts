import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';

/** The element that has focus, looking through open shadow roots. */
function deepActive(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const papers = [
  {
    id: 'a',
    title: 'Diffusion models for proteins',
    published: '2025-01-01',
    abstract: 'A long abstract. '.repeat(40),
    links: { paper: 'https://example.org/a', arxiv: 'https://arxiv.org/abs/2501.00001', code: 'https://github.com/x/a' },
  },
  { id: 'b', title: 'Reasoning without thinking', published: '2024-02-01', links: { paper: 'https://example.org/b' } },
];

describe('keyboard only', () => {
  it('goes from the search box through the results to a card\'s links', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <paper-search for="kb"></paper-search>
      <paper-feed id="kb" .papers=${papers}></paper-feed>
    </div>`);
    const feed = root.querySelector('paper-feed')!;
    await waitUntil(() => feed.shadowRoot!.querySelectorAll('paper-card').length === 2, undefined, { timeout: 8000 });
    const card = feed.shadowRoot!.querySelector('paper-card')!;
    await waitUntil(() => !card.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.hidden, 'toggle shown', { timeout: 8000 });

    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, composed: true, cancelable: true }));
    expect(deepActive()?.tagName).to.equal('INPUT');
    await sendKeys({ type: 'diffusion' });
    await waitUntil(() => feed.shadowRoot!.querySelectorAll('paper-card').length === 1, 'typing filters', { timeout: 8000 });

    const stops: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      const el = deepActive();
      stops.push(`${el?.tagName ?? ''}:${el?.textContent.replace(/\s+/g, ' ').trim() ?? ''}`);
    }
    expect(stops).to.deep.equal(['A:Diffusion models for proteins', 'BUTTON:Show more', 'A:arXiv', 'A:Code']);
    // Enter on the focused toggle expands the abstract.
    for (let i = 0; i < 2; i++) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    }
    expect(deepActive()?.textContent.trim()).to.equal('Show more');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => card.expanded, 'Enter expands', { timeout: 8000 });
    // Escape in the search box clears the query.
    root.querySelector('paper-search')!.focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => feed.shadowRoot!.querySelectorAll('paper-card').length === 2, 'Escape clears', { timeout: 8000 });
  });

  it('shows a visible focus ring on links and buttons', async () => {
    const feed = await fixture(html`<paper-feed .papers=${papers}></paper-feed>`);
    await waitUntil(() => feed.shadowRoot!.querySelector('paper-card'), undefined, { timeout: 8000 });
    const card = feed.shadowRoot!.querySelector('paper-card')!;
    await card.updateComplete;
    await sendKeys({ press: 'Tab' });
    const link = deepActive() as HTMLElement;
    expect(link.tagName).to.equal('A');
    const style = getComputedStyle(link);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });
});
