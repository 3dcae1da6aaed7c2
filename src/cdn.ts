/**
 * The self-contained script-tag bundle: Lit included. `<paper-feed>` and `<paper-card>` are
 * registered at once; `<paper-search>` and `<paper-subscribe>` are registered the moment one
 * appears in the page (their code is loaded then), so pages that do not use them never download
 * them. It exports the eagerly registered classes only; the data functions stay in the npm
 * modules so the bundle carries what the elements use.
 */
import { PaperCard } from './components/paper-card/paper-card.js';
import { PaperFeed } from './components/paper-feed/paper-feed.js';
import { defineElement } from './components/shared/define.js';

// Registered here rather than through the define.js modules: paper-card/define.ts also imports
// the card's optional parts for server rendering, which this file loads only when needed.
defineElement('paper-card', PaperCard);
defineElement('paper-feed', PaperFeed);

export { PaperCard, PaperFeed };

const lazy = new Map<string, () => Promise<unknown>>([
  ['paper-search', () => import('./components/paper-search/define.js')],
  ['paper-subscribe', () => import('./components/paper-subscribe/define.js')],
]);

function discover(root: ParentNode): void {
  for (const [tag, load] of lazy) {
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) {
      lazy.delete(tag);
      if (!customElements.get(tag)) void load();
    }
  }
  if (!lazy.size) observer.disconnect();
}

const observer = new MutationObserver((mutations) => {
  for (const m of mutations) for (const node of m.addedNodes) if (node instanceof Element) discover(node);
});
observer.observe(document.documentElement, { childList: true, subtree: true });
discover(document);
