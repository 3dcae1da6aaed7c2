import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { PaperCard } from '../../src/components/paper-card/paper-card.js';
import type { Paper } from '../../src/data/types.js';
import type { PaperSelectDetail } from '../../src/components/shared/events.js';

const longAbstract = Array.from({ length: 12 }, (_, i) => `Sentence ${i + 1} of a long abstract about reinforcement learning for flow models.`).join(' ');

const paper: Paper = {
  id: '2510.01982',
  title: 'G^2RPO: Granular GRPO for Precise Reward in Flow Models',
  abstract: longAbstract,
  authors: [{ name: 'Yujie Zhou' }, { name: 'Pengyang Ling' }, { name: 'Jiazi Bu' }],
  organization: { name: 'IXCLab', fullName: 'IXCLab@Shanghai AI Lab' },
  published: '2025-10-02',
  upvotes: 1234,
  comments: 3,
  githubStars: 1500,
  links: {
    paper: 'https://huggingface.co/papers/2510.01982',
    arxiv: 'https://arxiv.org/abs/2510.01982',
    pdf: 'https://arxiv.org/pdf/2510.01982',
    code: 'https://github.com/bcmi/Granular-GRPO',
  },
};

const now = new Date('2025-10-14T12:00:00Z');

async function card(p: Paper): Promise<PaperCard> {
  const el = await fixture<PaperCard>(html`<paper-card style="width: 600px" .paper=${p} .now=${now} locale="en-US"></paper-card>`);
  await el.updateComplete;
  return el;
}

function text(el: PaperCard, selector: string): string {
  return el.shadowRoot!.querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim() ?? '';
}

describe('<paper-card>', () => {
  it('shows the title, authors, organization, date, upvotes and comments', async () => {
    const el = await card(paper);
    expect(text(el, '[part="title"]')).to.equal(paper.title);
    expect(text(el, '[part="authors"]')).to.equal('Yujie Zhou, Pengyang Ling, and Jiazi Bu');
    expect(text(el, '[part="organization"]')).to.equal('IXCLab@Shanghai AI Lab');
    const time = el.shadowRoot!.querySelector('time')!;
    expect(time.textContent).to.equal('Oct 2');
    expect(time.getAttribute('datetime')).to.equal('2025-10-02');
    expect(text(el, '[part="upvotes"]')).to.contain('1,234 upvotes');
    expect(text(el, '[part="comments"]')).to.contain('3 comments');
  });

  it('shows the year for other years and an author count when names are unknown', async () => {
    const el = await card({ id: 'x', title: 'Ensembling Portfolio Strategies', authorCount: 9, published: '2024-06-05' });
    expect(text(el, '[part="authors"]')).to.equal('9 authors');
    expect(text(el, 'time')).to.equal('Jun 5, 2024');
    expect(el.shadowRoot!.querySelector('[part="upvotes"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="links"]')).to.equal(null);
  });

  it('links the title and offers http(s) links that open safely', async () => {
    const el = await card(paper);
    const title = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="title-link"]')!;
    expect(title.href).to.equal('https://huggingface.co/papers/2510.01982');
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="link"]')];
    expect(links.map((a) => a.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal(['arXiv', 'PDF', 'Code★ 1.5K, 1.5K GitHub stars']);
    for (const a of links) {
      expect(a.rel).to.equal('noopener noreferrer');
      expect(a.protocol).to.equal('https:');
    }
  });

  it('clamps a long abstract and expands it with an accessible toggle', async () => {
    const el = await card(paper);
    const abstract = el.shadowRoot!.querySelector<HTMLElement>('[part="abstract"]')!;
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    await waitUntil(() => !toggle.hidden, 'the toggle appears for an overflowing abstract');
    const clampedHeight = abstract.getBoundingClientRect().height;
    expect(toggle.textContent.trim()).to.equal('Show more');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(abstract.id);
    toggle.click();
    await el.updateComplete;
    expect(el.expanded).to.equal(true);
    expect(el.hasAttribute('expanded')).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent.trim()).to.equal('Show less');
    expect(abstract.getBoundingClientRect().height).to.be.greaterThan(clampedHeight * 2);
  });

  it('hides the toggle when the abstract fits', async () => {
    const el = await card({ ...paper, abstract: 'Short.' });
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.hidden).to.equal(true);
  });

  it('renders hostile corpus text as text and never links a non-http URL', async () => {
    const hostile: Paper = {
      id: 'evil',
      title: '<img src=x onerror="window.__pwned=1">',
      abstract: '<script>window.__pwned=1</script><b>bold</b>',
      authors: [{ name: '<svg onload=alert(1)>' }],
      links: { paper: 'javascript:window.__pwned=1', pdf: 'data:text/html,<script>1</script>', code: 'https://ok.example/' },
    };
    const el = await card(hostile);
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script, b, svg[onload]')).to.equal(null);
    expect(text(el, '[part="title"]')).to.equal(hostile.title);
    expect(text(el, '[part="abstract"]')).to.equal(hostile.abstract);
    expect(root.querySelector('[part="title-link"]')).to.equal(null);
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://ok.example/']);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('fires a cancelable paper-select when the title is clicked', async () => {
    const el = await card(paper);
    el.addEventListener('paper-select', (e) => {
      e.preventDefault();
    });
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="title-link"]')!;
    setTimeout(() => {
      link.click();
    });
    const event = await oneEvent<CustomEvent<PaperSelectDetail>>(el, 'paper-select');
    expect(event.detail.paper.id).to.equal('2510.01982');
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('lets slots replace parts', async () => {
    const el = await fixture<PaperCard>(html`<paper-card .paper=${paper}><span slot="title">Custom title</span><em slot="footer">Footer</em></paper-card>`);
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="title"]')!;
    expect(slot.assignedElements()[0]?.textContent).to.equal('Custom title');
    expect(el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="footer"]')!.assignedElements()).to.have.length(1);
  });

  it('uses the heading level and the locale', async () => {
    const el = await card(paper);
    el.headingLevel = 2;
    el.locale = 'de-DE';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('2');
    expect(text(el, 'time')).to.equal('2. Okt.');
    expect(text(el, '[part="upvotes"]')).to.contain('1.234');
  });

  it('shortens 600 authors', async () => {
    const many = { ...paper, authors: Array.from({ length: 600 }, (_, i) => ({ name: `Author ${i + 1}` })) };
    const el = await card(many);
    expect(text(el, '[part="authors"]')).to.match(/^Author 1, .*Author 7 … \+593 more$/);
  });

  it('is accessible', async () => {
    const el = await card(paper);
    await expect(el).to.be.accessible();
  });
});
