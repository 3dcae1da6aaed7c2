/**
 * Texts shared by the guide pages (stories/guides/*.mdx) and their stories, so that the code a
 * guide shows and the live example under it are the same text. Not a story file: the glob in
 * .storybook/main.ts only picks up `*.stories.ts`.
 */

/** The smallest useful corpus in our native format (schema/corpus.schema.json). */
export const MINIMAL_CORPUS = `{
  "format": "paper-feed",
  "version": 1,
  "title": "Our lab",
  "papers": [
    {
      "id": "1706.03762",
      "title": "Attention Is All You Need",
      "authors": ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit"],
      "etAl": true,
      "published": "2017-06-12",
      "venue": "NeurIPS",
      "abstract": "We propose a new simple network architecture, the Transformer, based solely on attention mechanisms.",
      "links": { "arxiv": "https://arxiv.org/abs/1706.03762", "code": "https://github.com/tensorflow/tensor2tensor" }
    },
    { "id": "lab-2025-notes", "title": "Lab notes on reproducible training", "published": "2025-03-01" }
  ]
}`;

/**
 * Test fixtures served by Storybook under `fixtures/` (see .storybook/main.ts), one per input
 * format, with where each comes from (test/fixtures/SOURCES.md has the details).
 */
export const FORMAT_FIXTURES = {
  'hf-daily': { src: 'fixtures/hf-daily-2025-10-14.json', what: 'Hugging Face api/daily_papers, Oct 14, 2025 (39 papers)' },
  'hf-search': { src: 'fixtures/hf-papers-search.json', what: 'Hugging Face api/papers/search' },
  'hf-paper': { src: 'fixtures/hf-paper-single.json', what: 'Hugging Face api/papers/{id}' },
  bibtex: { src: 'fixtures/bibtex/nu-ideas-al-folio.bib', what: 'an al-folio lab site’s papers.bib' },
  'bibtex-quirks': { src: 'fixtures/bibtex/synthetic-quirks.bib', what: 'BibTeX quirks, two broken entries (written for the tests)' },
  'csl-json': { src: 'fixtures/csl/manubot-references.json', what: 'CSL-JSON from Manubot' },
  'csl-quirks': { src: 'fixtures/csl/zotero-quirks.json', what: 'CSL-JSON quirks, two items without a title (written for the tests)' },
  'arxiv-atom': { src: 'fixtures/arxiv/atom-astro-ph-excerpt.xml', what: 'arXiv API Atom feed (astro-ph)' },
  'arxiv-jsonl': { src: 'fixtures/arxiv/listing-2026-04-21.jsonl', what: 'arXiv daily listing as JSON Lines (Apr 21, 2026)' },
  'arxiv-kaggle': { src: 'fixtures/arxiv/kaggle-snapshot.jsonl', what: 'Kaggle / Cornell arXiv metadata snapshot (JSON Lines)' },
} as const;

export type FixtureKey = keyof typeof FORMAT_FIXTURES;
