import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { PaperFeed } from '../../src/components/paper-feed/paper-feed.js';
import type { PaperSearch } from '../../src/components/paper-search/paper-search.js';
import type { PaperSearchDetail } from '../../src/components/shared/events.js';

const papers = [
  { id: 'a', title: 'Diffusion models for proteins', published: '2025-01-01' },
  { id: 'b', title: 'Reasoning without thinking', published: '2025-02-01', authors: [{ name: 'Jan Kästner' }] },
  { id: 'c', title: 'Diffusion for video', published: '2025-03-01' },
];

function type(search: PaperSearch, value: string): void {
  const input = search.shadowRoot!.querySelector('input')!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function count(feed: PaperFeed): number {
  return feed.shadowRoot!.querySelectorAll('paper-card').length;
}

describe('<paper-search>', () => {
  it('filters the feed it is bound to as the user types and announces the count', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <paper-search for="feed"></paper-search>
      <paper-feed id="feed" .papers=${papers}></paper-feed>
    </div>`);
    const search = root.querySelector('paper-search')!;
    const feed = root.querySelector('paper-feed')!;
    await waitUntil(() => count(feed) === 3, undefined, { timeout: 8000 });
    const event = oneEvent<CustomEvent<PaperSearchDetail>>(search, 'paper-search');
    type(search, 'diffusion');
    expect((await event).detail.query).to.equal('diffusion');
    await waitUntil(() => count(feed) === 2, undefined, { timeout: 8000 });
    const status = search.shadowRoot!.querySelector('[role="status"]')!;
    await waitUntil(() => status.textContent.trim() === '2 results', undefined, { timeout: 8000 });
    type(search, 'kastner');
    await waitUntil(() => count(feed) === 1, undefined, { timeout: 8000 });
    await waitUntil(() => status.textContent.trim() === '1 result', undefined, { timeout: 8000 });
    type(search, '');
    await waitUntil(() => count(feed) === 3, undefined, { timeout: 8000 });
    expect(status.textContent.trim()).to.equal('');
  });

  it('clears the query with Escape', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <paper-search for="f2" value="video"></paper-search>
      <paper-feed id="f2" .papers=${papers}></paper-feed>
    </div>`);
    const search = root.querySelector('paper-search')!;
    const feed = root.querySelector('paper-feed')!;
    await waitUntil(() => count(feed) === 1, 'preset value applied', { timeout: 8000 });
    const input = search.shadowRoot!.querySelector('input')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitUntil(() => count(feed) === 3, undefined, { timeout: 8000 });
    expect(input.value).to.equal('');
  });

  it('drives several feeds, or the feed inside it, and leaves other feeds alone', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <paper-search for="x y"></paper-search>
      <paper-feed id="x" .papers=${papers}></paper-feed>
      <paper-feed id="y" .papers=${papers}></paper-feed>
      <paper-search id="inner"><paper-feed id="z" .papers=${papers}></paper-feed></paper-search>
    </div>`);
    const [outer, inner] = [...root.querySelectorAll('paper-search')] as [PaperSearch, PaperSearch];
    const [x, y, z] = [...root.querySelectorAll('paper-feed')] as [PaperFeed, PaperFeed, PaperFeed];
    await waitUntil(() => count(x) === 3 && count(y) === 3 && count(z) === 3, undefined, { timeout: 8000 });
    type(outer, 'reasoning');
    await waitUntil(() => count(x) === 1 && count(y) === 1, undefined, { timeout: 8000 });
    expect(count(z)).to.equal(3);
    await waitUntil(() => outer.shadowRoot!.querySelector('[role="status"]')!.textContent.trim() === '2 results', undefined, { timeout: 8000 });
    type(inner, 'video');
    await waitUntil(() => count(z) === 1, undefined, { timeout: 8000 });
    expect(count(x)).to.equal(1);
  });

  it('has a labelled search input and is accessible', async () => {
    const search = await fixture<PaperSearch>(html`<paper-search label="Search our publications"></paper-search>`);
    const input = search.shadowRoot!.querySelector('input')!;
    expect(input.type).to.equal('search');
    expect(input.getAttribute('aria-label')).to.equal('Search our publications');
    await expect(search).to.be.accessible();
  });

  it('focuses with "/" unless the user is typing elsewhere', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><input id="other" /><paper-search></paper-search></div>`);
    const search = root.querySelector('paper-search')!;
    const input = search.shadowRoot!.querySelector('input')!;
    const other = root.querySelector<HTMLInputElement>('#other')!;
    other.focus();
    other.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, composed: true, cancelable: true }));
    expect(search.shadowRoot!.activeElement).to.equal(null);
    other.blur();
    const slash = new KeyboardEvent('keydown', { key: '/', bubbles: true, composed: true, cancelable: true });
    document.body.dispatchEvent(slash);
    expect(slash.defaultPrevented).to.equal(true);
    expect(search.shadowRoot!.activeElement).to.equal(input);
  });

  it('keeps the query in the URL with url-param, and Back restores the previous query', async () => {
    const start = location.href;
    try {
      const root = await fixture<HTMLDivElement>(html`<div>
        <paper-search for="fu" url-param="q"></paper-search>
        <paper-feed id="fu" .papers=${papers}></paper-feed>
      </div>`);
      const search = root.querySelector('paper-search')!;
      const feed = root.querySelector('paper-feed')!;
      await waitUntil(() => count(feed) === 3, undefined, { timeout: 8000 });
      type(search, 'video');
      expect(new URL(location.href).searchParams.get('q')).to.equal('video');
      await new Promise((r) => setTimeout(r, 900));
      type(search, 'diffusion');
      await new Promise((r) => setTimeout(r, 900));
      expect(new URL(location.href).searchParams.get('q')).to.equal('diffusion');
      await waitUntil(() => count(feed) === 2, undefined, { timeout: 8000 });
      history.back();
      await waitUntil(() => search.value === 'video', 'Back restores the previous query', { timeout: 3000 });
      await waitUntil(() => count(feed) === 1, undefined, { timeout: 8000 });
    } finally {
      history.replaceState(null, '', start);
    }
  });
});
