// Compile-time checks of the generated JSX types (`npm run typecheck`); never imported by the app.
// Each @ts-expect-error fails the type-check if the types stop rejecting the line below it.
/* eslint-disable @typescript-eslint/no-unsafe-return -- the rejected lines are type errors on purpose */
import type { PaperLoadDetail, PaperSelectDetail } from 'paper-feed-elements';

export const accepted = [
  <paper-feed
    src="papers.json more.bib"
    sort="trending"
    layout="grid"
    limit={10}
    cite
    onpaper-load={(event) => {
      const detail: PaperLoadDetail = event.detail;
      return detail.count;
    }}
  />,
  <paper-card
    paper={{ id: '1', title: 'A paper' }}
    variant="compact"
    onpaper-select={(event) => {
      const detail: PaperSelectDetail = event.detail;
      event.preventDefault();
      return detail.paper.title;
    }}
  />,
  <paper-search for="feed" url-param="q" onpaper-search={(event) => event.detail.query.trim()} />,
];

export const rejected = [
  // @ts-expect-error: not a sort order
  <paper-feed sort="random" />,
  // @ts-expect-error: page-size is a number
  <paper-feed page-size="ten" />,
  // @ts-expect-error: loadedPapers is read-only, not a prop
  <paper-feed loadedPapers={[]} />,
  // @ts-expect-error: the detail of paper-load has no `query`
  <paper-feed onpaper-load={(event) => event.detail.query} />,
  // @ts-expect-error: paper-card takes one paper, not a string
  <paper-card paper="1" />,
  // @ts-expect-error: variant is 'full' or 'compact'
  <paper-card variant="tiny" />,
];
