import { useState } from 'react';
import type { PaperLoadDetail, PaperResultsDetail } from 'paper-feed-elements';
// The 100-paper sample corpus shipped in the package; any array of papers (or corpus object) works.
import samplePapers from 'paper-feed-elements/sample-papers.json';

/**
 * A search box and a feed. React 19 passes `papers` (an object) as a property, plain values such
 * as `group-by` as attributes, and turns `onpaper-load` into addEventListener('paper-load').
 */
export function App() {
  const [loaded, setLoaded] = useState<PaperLoadDetail | null>(null);
  const [results, setResults] = useState<PaperResultsDetail | null>(null);

  return (
    <main>
      <h1>Daily papers, in React</h1>
      <paper-search for="feed" placeholder="Search titles, authors, abstracts…"></paper-search>
      <p data-testid="loaded">{loaded ? `Loaded ${loaded.count} papers (${loaded.format}).` : 'Loading…'}</p>
      <p data-testid="results">
        {results && results.query ? `${results.count} of ${results.total} papers match “${results.query}”.` : ''}
      </p>
      <paper-feed
        id="feed"
        papers={samplePapers}
        sort="upvotes"
        group-by="day"
        page-size={20}
        highlight-authors="Yifei Liu; Yujie Zhou"
        onpaper-load={(event) => {
          setLoaded(event.detail);
        }}
        onpaper-results={(event) => {
          setResults(event.detail);
        }}
        onpaper-error={(event) => {
          console.error(event.detail.kind, event.detail.message);
        }}
      ></paper-feed>
    </main>
  );
}
