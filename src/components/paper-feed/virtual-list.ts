/**
 * Virtualized rendering for very long feeds (@lit-labs/virtualizer), in its own chunk: the feed
 * imports it only when a list is long enough to need it, so short feeds never download it.
 */
import type { TemplateResult } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';

export function renderVirtual<T>(items: T[], renderItem: (item: T, index: number) => TemplateResult, keyFunction: (item: T) => unknown): unknown {
  return virtualize({ items, renderItem, keyFunction });
}
