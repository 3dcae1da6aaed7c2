/** Network faults, each with a specific message in the feed, a paper-error event and a retry control. */
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { PaperFeed } from '../../src/components/paper-feed/paper-feed.js';
import type { PaperErrorDetail } from '../../src/components/shared/events.js';

async function failWith(src: string, setup: (el: PaperFeed) => void = () => undefined): Promise<{ el: PaperFeed; detail: PaperErrorDetail }> {
  const el = document.createElement('paper-feed');
  setup(el);
  const error = oneEvent<CustomEvent<PaperErrorDetail>>(el, 'paper-error');
  el.src = src;
  await fixture(el);
  const { detail } = await error;
  await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'error box', { timeout: 8000 });
  expect(el.shadowRoot!.querySelector('[part="error-message"]')!.textContent).to.equal(detail.message);
  expect(el.shadowRoot!.querySelector('[part="retry"]')).to.exist;
  return { el, detail };
}

describe('network faults', () => {
  it('500 with an HTML body', async () => {
    const { detail } = await failWith('/__fault/500');
    expect(detail).to.include({ kind: 'http', status: 500 });
    expect(detail.message).to.contain('the server had an error (HTTP 500');
  });

  it('a slow trickle still loads, and the timeout stops one that is too slow', async () => {
    const el = await fixture<PaperFeed>(document.createElement('paper-feed'));
    el.src = '/__fault/trickle?ms=800';
    await waitUntil(() => el.shadowRoot!.querySelector('.card'), 'trickled corpus loads', { timeout: 8000 });
    const { detail } = await failWith('/__fault/trickle?ms=5000', (f) => {
      f.timeout = 600;
    });
    expect(detail.kind).to.equal('timeout');
    expect(detail.message).to.contain('took longer than 0.6 s');
  });

  it('a 400 MB file is refused by its announced size, and by counting when it announces none', async () => {
    const announced = await failWith('/__fault/huge');
    expect(announced.detail.kind).to.equal('too-large');
    expect(announced.detail.message).to.contain('400 MB or more, over the 256 MB this feed accepts');
    const counted = await failWith('/__fault/huge-chunked', (f) => {
      f.maxSize = 5;
    });
    expect(counted.detail.kind).to.equal('too-large');
    expect(counted.detail.message).to.match(/over the 5\.0 MB this feed accepts/);
  });

  it('a cross-origin file without CORS headers', async () => {
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const { detail } = await failWith(`${location.protocol}//${other}:${location.port}/public/sample-papers.json`);
    expect(detail.kind).to.equal('network');
    expect(detail.message).to.contain("blocked by the server's CORS policy");
  });

  it('retry loads again', async () => {
    const { el } = await failWith('/__fault/500');
    el.src = '/public/sample-papers.json';
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.card').length > 0, 'loaded after changing src', { timeout: 8000 });
    el.src = '/__fault/500';
    await waitUntil(() => el.shadowRoot!.querySelector('[part="retry"]'), 'error again', { timeout: 8000 });
    const again = oneEvent(el, 'paper-error');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await again;
  });
});
