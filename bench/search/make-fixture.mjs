#!/usr/bin/env node
// Builds test/fixtures/search/corpus.json, the fixed corpus of the relevance tests, from the real
// corpora in ../shared/corpora (see test/fixtures/SOURCES.md): every 6th Hugging Face daily paper,
// every 30th arXiv listing paper and every BibTeX entry with a title, converted to our native format
// with the project's loader and reduced to the fields the search reads.
//
//   node bench/search/make-fixture.mjs
import { writeFileSync } from 'node:fs';
import { compact, loadArxivListing, loadBibtex, loadHfDaily, requireCorpora } from './corpora.mjs';

requireCorpora();
const hf = (await loadHfDaily()).filter((_, i) => i % 6 === 0);
const arxiv = (await loadArxivListing()).filter((_, i) => i % 30 === 0);
const bib = await loadBibtex();
const papers = [...hf, ...arxiv, ...bib].filter((p) => (p.authors?.length ?? 0) <= 200).map(compact);
const corpus = {
  format: 'paper-feed',
  version: 1,
  title: 'Search test corpus',
  description: `Real papers for the search relevance tests: ${hf.length} Hugging Face daily papers (every 6th), ${arxiv.length} arXiv listing papers (every 30th), ${bib.length} BibTeX entries of four lab sites; papers with more than 200 authors left out. Built by bench/search/make-fixture.mjs; sources in test/fixtures/SOURCES.md.`,
  papers,
};
const out = new URL('../../test/fixtures/search/corpus.json', import.meta.url);
const json = JSON.stringify(corpus) + '\n';
writeFileSync(out, json);
console.log(`${papers.length} papers, ${(json.length / 1024 / 1024).toFixed(2)} MB → ${out.pathname}`);
