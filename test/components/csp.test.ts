/**
 * A page served with a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval') and
 * Trusted Types enforced: the feed, search (with its worker) and math rendering work, and the page
 * records no violation. Needs the CDN build (npm test's pretest).
 */
import { expect, waitUntil } from '@open-wc/testing';

type Win = Window & typeof globalThis & { __violations: string[] };

async function strictPage(): Promise<{ doc: Document; win: Win }> {
  const frame = document.createElement('iframe');
  frame.style.width = '900px';
  frame.style.height = '700px';
  const loaded = new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
  });
  frame.src = '/test/csp/page.html';
  document.body.append(frame);
  await loaded;
  return { doc: frame.contentDocument!, win: frame.contentWindow as Win };
}

function cards(feed: Element | null): Element[] {
  return [...(feed?.shadowRoot?.querySelectorAll('.card') ?? [])];
}

describe('strict Content-Security-Policy and Trusted Types', () => {
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((f) => {
      f.remove();
    });
  });

  it('is really served with the policy (an inline script is refused)', async () => {
    const res = await fetch('/test/csp/page.html');
    expect(res.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");
    expect(res.headers.get('content-security-policy')).not.to.contain('unsafe');
  });

  it('renders, searches (worker included) and typesets math with zero violations', async () => {
    const { doc, win } = await strictPage();
    const feed = doc.getElementById('feed');
    await waitUntil(() => cards(feed).length === 3, 'cards render', { timeout: 8000 });
    // Math: the formula in the first title becomes MathML (through our Trusted Types policy).
    await waitUntil(
      () => cards(feed).some((c) => c.shadowRoot?.querySelector('[part="title"] math')),
      'math rendered',
      { timeout: 8000 },
    );
    // Search through <paper-search>, loaded on demand by the CDN file.
    await win.customElements.whenDefined('paper-search');
    const search = doc.querySelector('paper-search') as HTMLElement & { value: string };
    search.value = 'kastner';
    await waitUntil(() => cards(feed).length === 1, 'search narrows the feed', { timeout: 8000 });
    // A corpus large enough for the search worker.
    const big = doc.getElementById('big') as HTMLElement & { papers: unknown; query: string };
    big.papers = Array.from({ length: 6000 }, (_, i) => ({ id: `p${i}`, title: i === 77 ? 'Needle in the haystack' : `Paper ${i}` }));
    await waitUntil(() => cards(big).length === 10, 'big feed', { timeout: 8000 });
    big.query = 'needle';
    await waitUntil(() => cards(big).length === 1, 'worker search', { timeout: 15000 });
    expect(win.__violations).to.deep.equal([]);
  });
});
