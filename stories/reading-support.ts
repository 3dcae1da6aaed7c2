/**
 * Data shared by the "Reading experience" stories (not a story file: the glob in
 * .storybook/main.ts only picks up `*.stories.ts`).
 *
 * Real papers come from the sample corpus (`public/sample-papers.json`, copied here where a story
 * needs the object as an arg) or the Hugging Face fixture `test/fixtures/hf-daily-2025-10-14.json`.
 * The lab corpus below is made up: a small research group's publication list, with the fields a
 * BibTeX or al-folio import fills in (types, venues, tags, selected, code links, awards) and that
 * Hugging Face data never has. Its names, titles and links are fictional (links go to example.org).
 */
import type { Author, Paper } from '../src/data/types.js';

/**
 * A real Hugging Face paper from the sample corpus (2509.20868) with an AI summary, 16 AI keywords
 * (the card shows the first few), a thumbnail and a code link with stars.
 */
export const styleBench: Paper = {
  id: '2509.20868',
  title: 'StyleBench: Evaluating thinking styles in Large Language Models',
  abstract:
    'The effectiveness of Large Language Models (LLMs) is heavily influenced by the reasoning strategies, or styles of thought, employed in their prompts. However, the interplay between these reasoning styles, model architecture, and task type remains poorly understood. To address this, we introduce StyleBench, a comprehensive benchmark for systematically evaluating reasoning styles across diverse tasks and models. We assess five representative reasoning styles, including Chain of Thought (CoT), Tree of Thought (ToT), Algorithm of Thought (AoT), Sketch of Thought (SoT), and Chain-of-Draft (CoD) on five reasoning tasks, using 15 open-source models from major families (LLaMA, Qwen, Mistral, Gemma, GPT-OSS, Phi, and DeepSeek) ranging from 270M to 120B parameters. Our large-scale analysis reveals that no single style is universally optimal. We demonstrate that strategy efficacy is highly contingent on both model scale and task type: search-based methods (AoT, ToT) excel in open-ended problems but require large-scale models, while concise styles (SoT, CoD) achieve radical efficiency gains on well-defined tasks. Furthermore, we identify key behavioral patterns: smaller models frequently fail to follow output instructions and default to guessing, while reasoning robustness emerges as a function of scale. Our findings offer a crucial roadmap for selecting optimal reasoning strategies based on specific constraints, we open source the benchmark in https://github.com/JamesJunyuGuo/Style_Bench.',
  authors: [{ name: 'Junyu Guo' }, { name: 'Shangding Gu' }, { name: 'Ming Jin' }, { name: 'Costas Spanos' }, { name: 'Javad Lavaei' }],
  authorCount: 5,
  published: '2025-09-25',
  year: 2025,
  upvotes: 2,
  comments: 1,
  thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2509.20868.png',
  arxivId: '2509.20868',
  links: {
    paper: 'https://huggingface.co/papers/2509.20868',
    arxiv: 'https://arxiv.org/abs/2509.20868',
    pdf: 'https://arxiv.org/pdf/2509.20868',
    code: 'https://github.com/JamesJunyuGuo/Style_Bench',
    huggingFace: 'https://huggingface.co/papers/2509.20868',
  },
  keywords: [
    'Large Language Models (LLMs)',
    'Chain of Thought (CoT)',
    'Tree of Thought (ToT)',
    'Algorithm of Thought (AoT)',
    'Sketch of Thought (SoT)',
    'Chain-of-Draft (CoD)',
    'StyleBench',
    'open-source models',
    'LLaMA',
    'Qwen',
    'Mistral',
    'Gemma',
    'GPT-OSS',
    'Phi',
    'DeepSeek',
    'reasoning robustness',
  ],
  summary: 'StyleBench evaluates various reasoning styles across tasks and models, revealing that strategy efficacy depends on model scale and task type.',
  githubStars: 1,
};

/** A real Hugging Face paper from the sample corpus (2505.15879) with a social thumbnail. */
export const grit: Paper = {
  id: '2505.15879',
  title: 'GRIT: Teaching MLLMs to Think with Images',
  abstract:
    'Recent studies have demonstrated the efficacy of using Reinforcement Learning (RL) in building reasoning models that articulate chains of thoughts prior to producing final answers. However, despite ongoing advances that aim at enabling reasoning for vision-language tasks, existing open-source visual reasoning models typically generate reasoning content with pure natural language, lacking explicit integration of visual information. This limits their ability to produce clearly articulated and visually grounded reasoning chains. To this end, we propose Grounded Reasoning with Images and Texts (GRIT), a novel method for training MLLMs to think with images. GRIT introduces a grounded reasoning paradigm, in which models generate reasoning chains that interleave natural language and explicit bounding box coordinates. These coordinates point to regions of the input image that the model consults during its reasoning process. Additionally, GRIT is equipped with a reinforcement learning approach, GRPO-GR, built upon the GRPO algorithm.',
  authors: ['Yue Fan', 'Xuehai He', 'Diji Yang', 'Kaizhi Zheng', 'Ching-Chen Kuo', 'Yuting Zheng', 'Sravana Jyothi Narayanaraju', 'Xinze Guan', 'Xin Eric Wang'].map((name) => ({
    name,
  })),
  published: '2025-05-21',
  year: 2025,
  upvotes: 2,
  comments: 1,
  thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2505.15879.png',
  arxivId: '2505.15879',
  links: {
    paper: 'https://huggingface.co/papers/2505.15879',
    arxiv: 'https://arxiv.org/abs/2505.15879',
    pdf: 'https://arxiv.org/pdf/2505.15879',
    code: 'https://github.com/eric-ai-lab/GRIT',
    project: 'https://grounded-reasoning.github.io/',
    huggingFace: 'https://huggingface.co/papers/2505.15879',
  },
};

const GIVEN = ['Amara', 'Bruno', 'Chiara', 'Dev', 'Elif', 'Felix', 'Grace', 'Haruto', 'Ivana', 'Joon', 'Kaia', 'Luca', 'Maren', 'Nadia', 'Omar', 'Pia'];
const FAMILY = ['Adeyemi', 'Bauer', 'Conti', 'Desai', 'Yılmaz', 'Hoffmann', 'Osei', 'Sato', 'Novak', 'Kim', 'Lindqvist', 'Romano', 'Vogel', 'Haddad', 'Farouk', 'Schulz'];

/** `n` made-up author names, all different ("Amara Adeyemi", "Bruno Bauer", …). */
export function madeUpAuthors(n: number): Author[] {
  return Array.from({ length: n }, (_, i) => ({ name: `${GIVEN[i % GIVEN.length] ?? ''} ${FAMILY[(i + Math.floor(i / GIVEN.length) * 3) % FAMILY.length] ?? ''}` }));
}

/**
 * A 31-author paper (made up) with Jan Kästner 16th: with `max-authors` small, the list shortens
 * to the first names, the highlighted person and the last author.
 */
export const collaboration: Paper = {
  id: 'example-collaboration',
  title: 'A community benchmark for machine-learned interatomic potentials in reaction chemistry (example, made-up author list)',
  abstract:
    'A made-up paper with 31 authors. The lab member highlighted with highlight-authors stands 16th in the list, where a shortened list would normally hide them; the card keeps them visible between ellipses, before the last author and the "+N more" button.',
  authors: [...madeUpAuthors(15), { name: 'Jan Kästner' }, ...madeUpAuthors(31).slice(15, 30)],
  published: '2025-06-16',
  upvotes: 42,
  links: { paper: 'https://example.org/papers/mlip-benchmark', pdf: 'https://example.org/papers/mlip-benchmark.pdf' },
};

/** The made-up lab's lead, highlighted in the feed stories. */
export const LAB_LEAD = 'Lena Fischer';

const lab = (name: string, extra: Partial<Author> = {}): Author => ({ name, ...extra });

/**
 * A made-up research group's publication list (14 papers, 2019–2025): types, venues, tags,
 * selected papers, code links, an award, equal-contribution and corresponding marks, and the lead's
 * name written in several styles ("Lena Fischer", "Fischer, L.", "L. Fischer").
 */
export const labPapers: Paper[] = [
  {
    id: 'lab-2025-uncertainty',
    title: 'Calibrated uncertainty for machine-learned potentials via deep ensembles of equivariant networks',
    abstract:
      'We show that small ensembles of equivariant message-passing networks give calibrated force uncertainties for reactive molecular dynamics, and use them to decide when to fall back to density functional theory.',
    authors: [lab('Tomás Herrera', { equalContribution: true }), lab('Yuki Tanaka', { equalContribution: true }), lab('Priya Raman'), lab('Lena Fischer', { corresponding: true })],
    published: '2025-07-14',
    type: 'conference',
    venue: 'ICML 2025',
    tags: ['machine learning', 'uncertainty', 'molecular dynamics'],
    selected: true,
    links: { pdf: 'https://example.org/fischer-lab/icml25.pdf', code: 'https://example.org/fischer-lab/ensembles', arxiv: 'https://arxiv.org/abs/0000.00001' },
  },
  {
    id: 'lab-2025-tunneling',
    title: 'Instanton rate constants from active-learned potential energy surfaces',
    abstract: 'Semiclassical instanton theory needs Hessians along the whole tunnelling path; we learn them on the fly and cut the number of electronic-structure calls by two orders of magnitude.',
    authors: [lab('Priya Raman'), lab('Fischer, L.', { corresponding: true })],
    published: '2025-03-02',
    type: 'article',
    venue: 'Journal of Chemical Physics',
    tags: ['tunnelling', 'active learning'],
    links: { doi: 'https://doi.org/10.0000/jcp.0001', pdf: 'https://example.org/fischer-lab/jcp25.pdf' },
  },
  {
    id: 'lab-2025-preprint',
    title: 'Foundation models for surface catalysis: a critical benchmark',
    abstract: 'We evaluate eight pretrained atomistic foundation models on adsorption energies and barriers on transition-metal surfaces, and find that fine-tuning on a few hundred structures closes most of the gap.',
    authors: [lab('Jonas Weber'), lab('Aisha Bello'), lab('Tomás Herrera'), lab('L. Fischer')],
    published: '2025-10-01',
    type: 'preprint',
    venue: 'arXiv',
    tags: ['machine learning', 'catalysis', 'benchmark'],
    links: { arxiv: 'https://arxiv.org/abs/0000.00002', code: 'https://example.org/fischer-lab/surface-bench' },
  },
  {
    id: 'lab-2024-neurips',
    title: 'Equivariant transformers that respect long-range electrostatics',
    abstract: 'Adding a learned charge-equilibration layer to an equivariant transformer captures long-range electrostatics and improves energies of charged systems without losing locality.',
    authors: [lab('Yuki Tanaka', { equalContribution: true }), lab('Jonas Weber', { equalContribution: true }), lab('Lena Fischer', { corresponding: true })],
    published: '2024-12-10',
    type: 'conference',
    venue: 'NeurIPS 2024',
    award: 'Spotlight',
    tags: ['machine learning', 'electrostatics'],
    selected: true,
    links: { pdf: 'https://example.org/fischer-lab/neurips24.pdf', code: 'https://example.org/fischer-lab/lr-transformer', poster: 'https://example.org/fischer-lab/neurips24-poster.pdf' },
  },
  {
    id: 'lab-2024-dataset',
    title: 'REACT-40k: forty thousand reaction paths with coupled-cluster energies',
    abstract: 'A dataset of 40,000 minimum-energy reaction paths for small organic molecules, with CCSD(T) single points on every image.',
    authors: [lab('Aisha Bello'), lab('Priya Raman'), lab('Lena Fischer')],
    published: '2024-09-18',
    type: 'dataset',
    venue: 'Scientific Data',
    tags: ['dataset', 'reaction paths', 'benchmark'],
    links: { doi: 'https://doi.org/10.0000/sdata.0002', code: 'https://example.org/fischer-lab/react40k' },
  },
  {
    id: 'lab-2024-article',
    title: 'Quantum tunnelling dominates low-temperature hydrogen abstraction on interstellar ice',
    abstract: 'Rate constants computed with ring-polymer instantons show that hydrogen abstraction on amorphous ice proceeds by tunnelling below 50 K, with consequences for astrochemical networks.',
    authors: [lab('Mateo Silva'), lab('Fischer, Lena', { corresponding: true })],
    published: '2024-04-22',
    type: 'article',
    venue: 'Nature Communications',
    tags: ['tunnelling', 'astrochemistry'],
    selected: true,
    links: { doi: 'https://doi.org/10.0000/ncomms.0003', pdf: 'https://example.org/fischer-lab/ncomms24.pdf' },
  },
  {
    id: 'lab-2024-software',
    title: 'pathfinder: a Python package for minimum-energy paths and instantons',
    abstract: 'An open-source package for nudged elastic band, string and instanton calculations with any calculator that follows the ASE interface.',
    authors: [lab('Jonas Weber'), lab('Mateo Silva'), lab('Lena Fischer')],
    published: '2024-02-05',
    type: 'software',
    venue: 'Journal of Open Source Software',
    tags: ['software', 'reaction paths'],
    links: { code: 'https://example.org/fischer-lab/pathfinder', doi: 'https://doi.org/10.0000/joss.0004' },
  },
  {
    id: 'lab-2023-icml',
    title: 'Active learning of reactive potentials with committee disagreement and Bayesian stopping',
    abstract: 'A stopping criterion for active learning that estimates when further labels stop improving the potential, saving about half of the quantum-chemistry budget.',
    authors: [lab('Tomás Herrera'), lab('Lena Fischer', { corresponding: true })],
    published: '2023-07-24',
    type: 'conference',
    venue: 'ICML 2023',
    tags: ['machine learning', 'active learning'],
    links: { pdf: 'https://example.org/fischer-lab/icml23.pdf', code: 'https://example.org/fischer-lab/bayes-stop' },
  },
  {
    id: 'lab-2023-jctc',
    title: 'Transition-state searches with Gaussian-process regression: an improved dimer method',
    abstract: 'Coupling the dimer method to a Gaussian-process surrogate reduces the number of gradient evaluations needed to locate transition states by a factor of four.',
    authors: [lab('Aisha Bello'), lab('Lena Fischer')],
    published: '2023-03-13',
    type: 'article',
    venue: 'Journal of Chemical Theory and Computation',
    award: 'Editor’s choice',
    tags: ['transition states', 'active learning'],
    selected: true,
    links: { doi: 'https://doi.org/10.0000/jctc.0005' },
  },
  {
    id: 'lab-2022-thesis',
    title: 'Machine-learned potentials for chemical reactions: accuracy, uncertainty and cost',
    abstract: 'Doctoral thesis on building reactive machine-learned potentials that know when they are wrong.',
    authors: [lab('Tomás Herrera')],
    published: '2022-11-30',
    type: 'thesis',
    venue: 'University of Examplestadt',
    tags: ['machine learning', 'uncertainty'],
    links: { pdf: 'https://example.org/fischer-lab/herrera-thesis.pdf' },
  },
  {
    id: 'lab-2022-chapter',
    title: 'Tunnelling in enzymatic reactions',
    abstract: 'A book chapter reviewing how nuclear quantum effects are modelled in enzyme catalysis, from Wigner corrections to instantons.',
    authors: [lab('Lena Fischer'), lab('Mateo Silva')],
    published: '2022-05-09',
    type: 'chapter',
    venue: 'Reviews in Computational Chemistry',
    tags: ['tunnelling', 'catalysis'],
    links: { doi: 'https://doi.org/10.0000/rcc.0006' },
  },
  {
    id: 'lab-2021-report',
    title: 'Benchmarking density functionals for tunnelling barriers: technical report',
    abstract: 'Barrier heights and widths from 30 density functionals compared with coupled-cluster references for 60 hydrogen-transfer reactions.',
    authors: [lab('Priya Raman'), lab('Lena Fischer')],
    published: '2021-08-16',
    type: 'report',
    tags: ['benchmark', 'tunnelling'],
    links: { pdf: 'https://example.org/fischer-lab/dft-report.pdf' },
  },
  {
    id: 'lab-2020-jcp',
    title: 'Ring-polymer instantons made affordable with machine-learned Hessians',
    abstract: 'Learning Hessians along the instanton path from a handful of reference calculations makes ring-polymer instanton rates affordable for systems with a hundred atoms.',
    authors: [lab('Lena Fischer'), lab('Oskar Lindgren')],
    published: '2020-06-01',
    type: 'article',
    venue: 'Journal of Chemical Physics',
    tags: ['tunnelling', 'machine learning'],
    links: { doi: 'https://doi.org/10.0000/jcp.0007', code: 'https://example.org/fischer-lab/ml-hessians' },
  },
  {
    id: 'lab-2019-book',
    title: 'Reaction Rates from First Principles',
    abstract: 'A graduate textbook on transition-state theory, tunnelling corrections and their computation.',
    authors: [lab('Oskar Lindgren'), lab('Lena Fischer')],
    published: '2019-10-15',
    type: 'book',
    venue: 'Example University Press',
    tags: ['textbook'],
    links: { project: 'https://example.org/fischer-lab/rates-book' },
  },
];

/** The day `days` before an ISO date (`YYYY-MM-DD…`), or the date unchanged when it is not one. */
function daysBefore(iso: string | undefined, days: number): string | undefined {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * `count` papers made from the sample corpus, each with a distinct id and title ("… (copy 3)").
 * Copy `n` is dated `n` days before its original, so that copies spread over the feed instead of
 * sorting next to each other.
 */
export function repeatCorpus(sample: readonly Paper[], count: number): Paper[] {
  if (!sample.length) return [];
  return Array.from({ length: count }, (_, i) => {
    const p = sample[i % sample.length];
    const round = Math.floor(i / sample.length);
    if (round === 0) return p;
    const published = daysBefore(p.published, round);
    return { ...p, id: `${p.id}~${round}`, title: `${p.title} (copy ${round})`, published, year: published ? Number(published.slice(0, 4)) : p.year };
  });
}

/**
 * `beforeEach` hook: lets the canvas page follow the system's color scheme (`color-scheme: light
 * dark` on the root), so the stories can be checked in dark mode (e.g. Chromium's
 * `--force-dark-mode`); the elements inherit the page's colors. Undone when the story is left.
 */
export function followSystemScheme(): () => void {
  const root = document.documentElement;
  const previous = root.style.colorScheme;
  root.style.colorScheme = 'light dark';
  return () => {
    root.style.colorScheme = previous;
  };
}
