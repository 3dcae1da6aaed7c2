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
    expect(text(el, '[part="authors"]')).to.equal('Yujie Zhou, Pengyang Ling, Jiazi Bu');
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
    await waitUntil(() => !toggle.hidden, 'the toggle appears for an overflowing abstract', { timeout: 8000 });
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

  it('shortens 600 authors, keeps highlighted people visible, and expands on request', async () => {
    const many = { ...paper, authors: Array.from({ length: 600 }, (_, i) => ({ name: i === 300 ? 'Jan Kästner' : `Author ${i + 1}` })) };
    const el = await fixture<PaperCard>(html`<paper-card .paper=${many} highlight-authors="Kastner, J.; Nobody Here"></paper-card>`);
    // Name matching comes with the card's optional parts, loaded for cards that highlight someone.
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="author-highlighted"]'), 'the highlighted author is shown', { timeout: 8000 });
    expect(text(el, '[part~="authors"]')).to.match(/^Author 1, Author 2, .*Author 7 … Jan Kästner … Author 600 \+591 more$/);
    const strong = el.shadowRoot!.querySelector('[part~="author-highlighted"]')!;
    expect(strong.textContent).to.equal('Jan Kästner');
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more-authors"]')!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="author"]')).to.have.length(600);
    expect(el.shadowRoot!.querySelector('[part="more-authors"]')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('marks equal contribution and corresponding authors', async () => {
    const el = await card({ id: 'x', title: 'T', authors: [{ name: 'A One', equalContribution: true }, { name: 'B Two', equalContribution: true }, { name: 'C Three', corresponding: true }] });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('sup').length === 3, 'the marks are shown', { timeout: 8000 });
    const sups = [...el.shadowRoot!.querySelectorAll('sup')];
    expect(sups.map((s) => [s.textContent, s.title])).to.deep.equal([
      ['*', 'Equal contribution'],
      ['*', 'Equal contribution'],
      ['✉', 'Corresponding author'],
    ]);
  });

  it('shows the AI summary, keywords, venue and award badges', async () => {
    const el = await card({ ...paper, summary: 'A one-line summary.', keywords: ['GRPO', 'flow models'], venue: 'NeurIPS 2025', award: 'Oral' });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part="badge"]').length === 2, 'the badges are shown', { timeout: 8000 });
    expect(el.shadowRoot!.querySelector('[part="badge"]')!.getAttribute('title')).to.equal('NeurIPS 2025');
    expect(text(el, '[part="summary"]')).to.equal('TL;DR A one-line summary.');
    expect([...el.shadowRoot!.querySelectorAll('[part="keywords"] li')].map((li) => li.textContent)).to.deep.equal(['GRPO', 'flow models']);
    expect([...el.shadowRoot!.querySelectorAll('[part="badge"]')].map((b) => b.textContent.trim())).to.deep.equal(['NeurIPS 2025', '🏆 Oral']);
  });

  it('shows the publication type as a badge when there is no venue, and no badge for a preprint', async () => {
    const conference = await card({ id: 'c', title: 'T', type: 'conference' });
    await waitUntil(() => badgesOf(conference).length === 1, 'the type badge is shown', { timeout: 8000 });
    expect(badgesOf(conference).map((b) => b.textContent.trim())).to.deep.equal(['Conference paper']);
    const preprint = await card({ id: 'p', title: 'T', type: 'preprint', venue: 'arXiv', authors: [{ name: 'A One' }] });
    // Rendering again once a conference paper loaded the optional parts: still nothing to show.
    preprint.requestUpdate();
    await preprint.updateComplete;
    expect(badgesOf(preprint)).to.have.length(0);
    expect(text(preprint, '[part="authors"]')).to.equal('A One');
    function badgesOf(c: PaperCard): Element[] {
      return [...c.shadowRoot!.querySelectorAll('[part="badge"]')];
    }
  });

  it('compact variant shows only title and meta', async () => {
    const el = await card({ ...paper, summary: 'S' });
    el.variant = 'compact';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="abstract"], [part="summary"], [part="links"]')).to.equal(null);
    expect(text(el, '[part="title"]')).to.equal(paper.title);
  });

  it('shows a lazy thumbnail with alt text when asked', async () => {
    const el = await card({ ...paper, thumbnail: 'https://cdn.example/thumb.png' });
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    el.showThumbnail = true;
    await el.updateComplete;
    const img = el.shadowRoot!.querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.alt).to.equal(`Preview image: ${paper.title}`);
  });

  it('copies BibTeX with visible confirmation, the original entry when there is one', async () => {
    const copied: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (t: string) => (copied.push(t), Promise.resolve()) } });
    try {
      const el = await card({ ...paper, arxivId: '2510.01982' });
      el.cite = true;
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="cite"]')!.click();
      await waitUntil(() => copied.length === 1, undefined, { timeout: 8000 });
      expect(copied[0]).to.match(/^@misc\{zhou2025granular,\n {2}title = \{G\\\^\{\}2RPO: Granular GRPO/);
      expect(copied[0]).to.contain('author = {Yujie Zhou and Pengyang Ling and Jiazi Bu}');
      expect(copied[0]).to.contain('eprint = {2510.01982}');
      await waitUntil(() => text(el, '[role="status"]') === 'BibTeX copied', undefined, { timeout: 8000 });
      el.paper = { ...paper, bibtex: '@inproceedings{orig, title={Original}}' };
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="cite"]')!.click();
      await waitUntil(() => copied.length === 2, undefined, { timeout: 8000 });
      expect(copied[1]).to.equal('@inproceedings{orig, title={Original}}');
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('speaks German with lang="de" and takes replacement strings', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><paper-card style="width: 500px" .paper=${{ ...paper, authors: undefined, authorCount: 9 }} .now=${now}></paper-card></div>`);
    const el = wrapper.querySelector('paper-card')!;
    await waitUntil(() => text(el, '[part="authors"]') === '9 Autor:innen', 'German strings load', { timeout: 8000 });
    await waitUntil(() => text(el, '[part="toggle"]') === 'Mehr anzeigen', undefined, { timeout: 8000 });
    expect(text(el, 'time')).to.equal('2. Okt.');
    el.setAttribute('strings', '{"showMore": "Weiterlesen"}');
    await el.updateComplete;
    expect(text(el, '[part="toggle"]')).to.equal('Weiterlesen');
  });

  it('is accessible', async () => {
    const el = await card(paper);
    await expect(el).to.be.accessible();
  });
});

describe('<paper-card> math', () => {
  it('renders $…$ as MathML and keeps prices and hostile TeX harmless', async () => {
    const el = await fixture<PaperCard>(
      html`<paper-card
        .paper=${{ id: 'm', title: 'A Simple $L_2$ Norm-Based Strategy', abstract: 'We cut cost from $5 to $3 with $\\mathcal{O}(n^2)$ memory. \\href{javascript:alert(1)}{x} $\\href{javascript:alert(1)}{click}$ $\\frac{1}{2$' }}
      ></paper-card>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part="title"] math'), 'math rendered', { timeout: 5000 });
    const title = el.shadowRoot!.querySelector('[part="title"]')!;
    expect(title.querySelector('math')!.namespaceURI).to.equal('http://www.w3.org/1998/Math/MathML');
    expect(title.textContent).to.contain('A Simple');
    const abstract = el.shadowRoot!.querySelector('[part="abstract"]')!;
    expect(abstract.textContent).to.contain('from $5 to $3');
    expect(abstract.querySelectorAll('math').length).to.be.greaterThan(0);
    // No links or event handlers come out of TeX; a broken formula stays as its source text.
    expect(el.shadowRoot!.querySelectorAll('[part="abstract"] a, [part="abstract"] [href]')).to.have.length(0);
    expect(abstract.textContent).to.contain('$\\frac{1}{2$');
  });

  it('keeps search highlights in text without formulas once the renderer is loaded', async () => {
    const el = await fixture<PaperCard>(
      html`<paper-card
        .paper=${{ id: 'h', title: 'Scaling $\\alpha$ laws', abstract: 'It costs $5 to $3 per token.' }}
        .highlight=${(t: string) => (t.startsWith('It costs') ? ([[3, 8]] as [number, number][]) : [])}
      ></paper-card>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part="title"] math'), 'math rendered', { timeout: 8000 });
    const abstract = el.shadowRoot!.querySelector('[part="abstract"]')!;
    expect(abstract.querySelector('math')).to.equal(null);
    expect(abstract.querySelector('mark')?.textContent).to.equal('costs');
    expect(abstract.textContent.trim()).to.equal('It costs $5 to $3 per token.');
  });
});
