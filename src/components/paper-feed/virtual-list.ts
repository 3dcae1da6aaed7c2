/**
 * Virtualized rendering for very long feeds (@lit-labs/virtualizer), in its own chunk: the feed
 * imports it only when a list is long enough to need it, so short feeds never download it.
 */
import type { TemplateResult } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

/**
 * Pixels of rows rendered beyond each edge of the viewport. The virtualizer's default (1,000 px)
 * renders about twice as many cards as a viewport shows: every key press of a search rebuilt
 * them all. 200 px still covers a fast fling (the range follows each scroll frame); measured with
 * `node scripts/bench/segments.mjs 10k 4`: key press to results laid out, p95 17.6 ms at 300 px,
 * 15.8 ms at 200 px, 15.3 ms at 100 px.
 */
export const OVERHANG_PX = 200;

class FeedLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = OVERHANG_PX;
  }
}

export function renderVirtual<T>(items: T[], renderItem: (item: T, index: number) => TemplateResult, keyFunction: (item: T, index: number) => unknown): unknown {
  return virtualize({ items, renderItem, keyFunction, layout: { type: FeedLayout } });
}
