import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { Paper } from '../src/data/types.js';
import { noControl, pageFont } from './support.js';

/** Args of the card stories: the `paper` property, the attributes, and the `paper-select` action. */
interface CardArgs {
  paper: Paper;
  expanded: boolean;
  'heading-level': number;
  'max-authors': number;
  /** BCP 47 locale; empty for the nearest `lang` attribute. */
  locale: string;
  onPaperSelect?: (event: Event) => void;
}

/** A real paper from the sample corpus, with authors, an organization and every kind of link. */
const paper: Paper = {
  id: '2510.01982',
  title: 'G^2RPO: Granular GRPO for Precise Reward in Flow Models',
  abstract:
    'The integration of online reinforcement learning (RL) into diffusion and flow models has recently emerged as a promising approach for aligning generative models with human preferences. Stochastic sampling via Stochastic Differential Equations (SDE) is employed during the denoising process to generate diverse denoising directions for RL exploration. While existing methods effectively explore potential high-value samples, they suffer from sub-optimal preference alignment due to sparse and narrow reward signals. To address these challenges, we propose a novel Granular-GRPO (G^2RPO ) framework that achieves precise and comprehensive reward assessments of sampling directions in reinforcement learning of flow models.',
  authors: [
    { name: 'Yujie Zhou' },
    { name: 'Pengyang Ling' },
    { name: 'Jiazi Bu' },
    { name: 'Yibin Wang' },
    { name: 'Yuhang Zang' },
    { name: 'Jiaqi Wang' },
    { name: 'Li Niu' },
    { name: 'Guangtao Zhai' },
  ],
  organization: { name: 'OpenIXCLab', fullName: 'IXCLab@Shanghai AI Lab' },
  published: '2025-10-02',
  upvotes: 12,
  comments: 1,
  arxivId: '2510.01982',
  githubStars: 14,
  links: {
    paper: 'https://huggingface.co/papers/2510.01982',
    arxiv: 'https://arxiv.org/abs/2510.01982',
    pdf: 'https://arxiv.org/pdf/2510.01982',
    code: 'https://github.com/bcmi/Granular-GRPO',
    project: 'https://bujiazi.github.io/g2rpo.github.io/',
  },
};

/** A row of the Daily Papers page: only the author count is known ("9 authors"). */
const authorCountOnly: Paper = {
  id: 'booststep-boosting-mathematical-capability-of-large-language',
  title: 'BoostStep: Boosting mathematical capability of Large Language Models via improved single-step reasoning',
  abstract:
    "Cutting-edge large language models (LLMs) demonstrate promising performance in solving complex math problems with a divide-and-conquer pipeline and the assistance of in-context learning (ICL) examples. However, their potential for improvement is limited by two critical problems within their ICL examples: granularity-mismatch and the ensuing negative-effect noise problem. Specifically, the LLMs are capable of the dividing process yet mostly failed by inaccurate reasoning within a few conquer steps, while the ICL examples retrieved in question-grained sometimes lack relevant steps for a specific challenging reasoning step. To this end, we focus on improving the reasoning quality within each step and present BoostStep, with a novel `first-try' strategy.",
  authorCount: 9,
  published: '2025-01-06',
  upvotes: 2,
};

/** A paper submitted under an organization (23 authors: the list is shortened). */
const organizationPaper: Paper = {
  id: '2409.02877',
  title: 'Configurable Foundation Models: Building LLMs from a Modular Perspective',
  abstract:
    'Advancements in LLMs have recently unveiled challenges tied to computational efficiency and continual scalability due to their requirements of huge parameters, making the applications and evolution of these models on devices with limited computation resources and scenarios requiring various abilities increasingly cumbersome. Inspired by modularity within the human brain, there is a growing tendency to decompose LLMs into numerous functional modules, allowing for inference with part of modules and dynamic assembly of modules to tackle complex tasks, such as mixture-of-experts.',
  authors: [
    'Chaojun Xiao',
    'Zhengyan Zhang',
    'Chenyang Song',
    'Dazhi Jiang',
    'Feng Yao',
    'Xu Han',
    'Xiaozhi Wang',
    'Shuo Wang',
    'Yufei Huang',
    'Guanyu Lin',
    'Yingfa Chen',
    'Weilin Zhao',
    'Yuge Tu',
    'Zexuan Zhong',
    'Ao Zhang',
    'Chenglei Si',
    'Khai Hao Moo',
    'Chenyang Zhao',
    'Huimin Chen',
    'Yankai Lin',
    'Zhiyuan Liu',
    'Jingbo Shang',
    'Maosong Sun',
  ].map((name) => ({ name })),
  organization: { name: 'openbmb', fullName: 'OpenBMB', url: 'https://huggingface.co/openbmb' },
  published: '2024-09-04',
  upvotes: 2,
  comments: 1,
  links: {
    paper: 'https://huggingface.co/papers/2409.02877',
    arxiv: 'https://arxiv.org/abs/2409.02877',
    pdf: 'https://arxiv.org/pdf/2409.02877',
  },
};

const FIRST = ['Ana', 'Bo', 'Chen', 'Dmitri', 'Esra', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Mei', 'Nikolai', 'Olu', 'Priya'];
const LAST = ['Abe', 'Bianchi', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ivanova', 'Jung', 'Kowalski', 'Li', 'Müller', 'Nakamura', 'Okafor', 'Park', 'Quispe'];

/** 600 generated author names, as on a large-collaboration paper. */
const manyAuthors: Paper = {
  id: 'many-authors',
  title: 'Observation of a new particle in the search for the Standard Model Higgs boson (600 authors)',
  abstract: 'Large collaborations list hundreds of authors. The card shows the first names and a count of the rest; the full list stays in the data.',
  authors: Array.from({ length: 600 }, (_, i) => ({ name: `${FIRST[i % FIRST.length] ?? ''} ${LAST[(i * 7) % LAST.length] ?? ''}` })),
  published: '2012-07-31',
  upvotes: 600,
  links: { arxiv: 'https://arxiv.org/abs/1207.7214' },
};

const longTitle: Paper = {
  id: 'long-title',
  title:
    'Towards a Unified, Scalable, Interpretable and Theoretically Grounded Framework for Multi-Modal, Multi-Lingual, Multi-Task Retrieval-Augmented Generation with Long-Context Reasoning, Tool Use and Self-Verification Across Hundreds of Benchmarks: ' +
    'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3) +
    '_and_a_very_long_identifier_without_any_spaces_at_all_https://example.org/a/very/long/path/that/never/breaks',
  abstract: 'Neither the long title nor the long word without spaces may overflow the card: both wrap.',
  authors: [{ name: 'Maximiliana Wolfeschlegelsteinhausenbergerdorff' }, { name: 'Jan Kästner' }],
  published: '2025-03-14',
  upvotes: 3,
  links: { paper: 'https://example.org/papers/long-title' },
};

const mathPaper: Paper = {
  id: 'math',
  title: 'An $O(n \\log n)$ algorithm for $k$-means with $\\ell_2$ guarantees',
  abstract:
    'We prove that the estimator converges at rate $O(1/\\sqrt{n})$ and that $\\mathbb{E}[\\hat{\\theta}] = \\theta$ for all $n \\ge 2$. The loss $$\\mathcal{L}(\\theta) = -\\sum_{i=1}^{N} \\log p_\\theta(x_i)$$ is minimized in closed form.\n\nMath is shown as its LaTeX source for now: the card renders text, not markup.',
  authors: [{ name: 'Ada Lovelace' }, { name: 'Srinivasa Ramanujan' }],
  published: '2024-11-05',
  upvotes: 31,
  links: { arxiv: 'https://arxiv.org/abs/2411.00000' },
};

const noAbstract: Paper = {
  id: 'no-abstract',
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Łukasz Kaiser', 'Illia Polosukhin'].map(
    (name) => ({ name }),
  ),
  published: '2017-06-12',
  upvotes: 999,
  links: { arxiv: 'https://arxiv.org/abs/1706.03762', pdf: 'https://arxiv.org/pdf/1706.03762' },
};

/**
 * Every text field carries markup and every link but one an unsafe scheme. The card must show the
 * markup as text, run nothing, and leave out the unsafe links (the title falls back to the arXiv
 * link, the only http(s) one). This object skips the loader, so the card's own checks are shown.
 */
const hostile: Paper = {
  id: 'hostile',
  title: 'Robust parsing <script>alert(1)</script> of <img src=x onerror="alert(2)"> untrusted corpora',
  abstract:
    'This abstract contains markup that must appear as text: <script>alert("xss")</script> and <img src="x" onerror="alert(document.cookie)">. The <b>b tag</b> is not bold and &amp; is not decoded.\n\nLinks with javascript: and data: URLs are not rendered: the paper, PDF, code and project links of this record are all unsafe; only the arXiv link is real.',
  authors: [{ name: '<img src=x onerror=alert(3)>' }, { name: 'Robert"); DROP TABLE papers;--' }],
  organization: { name: 'evil', fullName: '<script>alert(4)</script>' },
  published: '2025-02-01',
  upvotes: 1,
  links: {
    paper: 'javascript:alert(5)',
    pdf: 'java\tscript:alert(6)',
    code: 'data:text/html,<script>alert(7)</script>',
    project: ' JAVASCRIPT:alert(8)',
    arxiv: 'https://arxiv.org/abs/2502.00001',
  },
};

/** Big counts and a multi-author list, to show number, date and list formatting. */
const localePaper: Paper = {
  ...paper,
  authors: paper.authors?.slice(0, 3),
  published: '2024-12-24',
  upvotes: 12345,
  comments: 1024,
};

const renderCard = (args: CardArgs) =>
  html`<paper-card
    .paper=${args.paper}
    ?expanded=${args.expanded}
    heading-level=${args['heading-level']}
    max-authors=${args['max-authors']}
    locale=${args.locale || nothing}
    @paper-select=${args.onPaperSelect}
  ></paper-card>`;

const meta: Meta<CardArgs> = {
  title: 'Elements/paper-card',
  component: 'paper-card',
  render: renderCard,
  decorators: [pageFont],
  args: { paper, expanded: false, 'heading-level': 3, 'max-authors': 8, locale: '' },
  argTypes: {
    paper: { control: 'object' },
    expanded: { control: 'boolean' },
    'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
    'max-authors': { control: { type: 'number', min: 1, step: 1 } },
    locale: { control: { type: 'select', labels: { '': '(nearest lang)' } }, options: ['', 'en', 'en-GB', 'de', 'fr', 'ja', 'ar'] },
    ...noControl('effectiveLocale'),
  },
  parameters: {
    docs: {
      description: {
        component:
          'Shows one paper. Give it a `paper` object (see `src/data/types.ts`); every text is rendered as text and only http(s) links are clickable. Inside `<paper-feed>` the cards are created for you.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<CardArgs>;

/** A real paper with authors, organization, date, upvotes, comments and links. */
export const Default: Story = {};

/** The whole abstract, with "Show less". */
export const Expanded: Story = {
  args: { expanded: true },
};

/** Only the author count is known, as on the Daily Papers page: "9 authors". */
export const AuthorCountOnly: Story = {
  name: 'Author count only',
  args: { paper: authorCountOnly },
};

/** Submitted under an organization (OpenBMB); 23 authors, shortened after `max-authors`. */
export const Organization: Story = {
  args: { paper: organizationPaper },
};

/** A very long title, and a long run of characters without spaces: both wrap inside the card. */
export const LongTitle: Story = {
  name: 'Long title',
  args: { paper: longTitle },
};

/** 600 generated authors: the first names, then "+N more". Try the `max-authors` control. */
export const SixHundredAuthors: Story = {
  name: '600 authors',
  args: { paper: manyAuthors },
};

/** LaTeX in the title and abstract is shown as its source text for now. */
export const MathInTheAbstract: Story = {
  name: 'Math in the abstract',
  args: { paper: mathPaper, expanded: true },
};

/** No abstract: no empty box and no "Show more". */
export const NoAbstract: Story = {
  name: 'No abstract',
  args: { paper: noAbstract },
};

/**
 * Markup in the title, authors, organization and abstract is shown as text (no alert runs), and
 * `javascript:`/`data:` links are not rendered.
 */
export const HostileText: Story = {
  name: 'Hostile text',
  args: { paper: hostile, expanded: true },
};

/** The `title`, `meta` and `footer` slots replace or extend what the card renders. */
export const Slots: Story = {
  name: 'Slots overriding title/meta/footer',
  render: (args) =>
    html`<paper-card .paper=${args.paper} heading-level=${args['heading-level']} @paper-select=${args.onPaperSelect}>
      <a slot="title" href="https://arxiv.org/abs/2510.01982" target="_blank" rel="noopener noreferrer"
        >G²RPO — a title given through <code>slot="title"</code></a
      >
      <div slot="meta" style="font-size: 0.875rem; opacity: 0.7">
        Your own meta line (<code>slot="meta"</code>): read on Oct 14 · tagged <em>reinforcement learning</em>
      </div>
      <div slot="footer" style="display: flex; gap: 0.5rem; margin-top: 0.25rem">
        <button type="button">Save to reading list</button>
        <button type="button">Cite</button>
      </div>
    </paper-card>`,
};

/**
 * `heading-level` sets the ARIA level of the title (here 2, under the page's `h1`); it changes the
 * document outline, not the look.
 */
export const HeadingLevel: Story = {
  name: 'Heading level',
  args: { 'heading-level': 2 },
  decorators: [(story) => html`<h1 style="margin: 0 0 1rem; font-size: 1.5rem">My reading list</h1>${story()}`],
};

/** German dates, numbers and author list (`locale="de"`): "24. Dez. 2024", "12.345", "und". */
export const LocaleDe: Story = {
  name: 'Locale (de)',
  args: { paper: localePaper, locale: 'de' },
};

/** A 320px wide container: the meta line and the links wrap. */
export const NarrowContainer: Story = {
  name: 'Narrow container',
  decorators: [(story) => html`<div style="width: 320px; outline: 1px dashed #999; outline-offset: 4px">${story()}</div>`],
};

/** On a dark page the card inherits the text color; muted text and borders derive from it. */
export const DarkPageBackground: Story = {
  name: 'Dark page background',
  decorators: [
    (story) =>
      html`<div style="background: #0d1117; color: #e6edf3; padding: 1.5rem; border-radius: 0.5rem">
        ${story()}
      </div>`,
  ],
};

/** Restyled only with `--paper-*` custom properties (set on an ancestor; they inherit). */
export const Themed: Story = {
  name: 'Themed with --paper-* custom properties',
  decorators: [
    (story) =>
      html`<div
        style="
          --paper-color-text: #3b2f2f;
          --paper-color-muted: #6b5241;
          --paper-color-border: #e6d3b3;
          --paper-color-surface: #fdf8ef;
          --paper-color-accent: #b4540b;
          --paper-font-family: Georgia, 'Times New Roman', serif;
          --paper-title-size: 1.375rem;
          --paper-title-weight: 600;
          --paper-meta-size: 0.8125rem;
          --paper-abstract-size: 1rem;
          --paper-abstract-lines: 5;
          --paper-radius: 0;
          --paper-card-padding: 1.25rem 1.5rem;
        "
      >
        ${story()}
      </div>`,
  ],
};

/** Shadow parts can be styled with `::part()`: here the title and the link chips. */
export const StyledWithParts: Story = {
  name: 'Styled with ::part()',
  decorators: [
    (story) =>
      html`<style>
          .parts-demo paper-card::part(title) {
            letter-spacing: -0.01em;
          }
          .parts-demo paper-card::part(link) {
            background: #111827;
            color: #f9fafb;
            border-color: #111827;
          }
          .parts-demo paper-card::part(upvotes) {
            color: #c2410c;
            font-weight: 700;
          }
        </style>
        <div class="parts-demo">${story()}</div>`,
  ],
};
