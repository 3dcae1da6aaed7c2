/**
 * "More like this": the query that finds papers similar to one paper, from its own words — title
 * words and keywords first, then the abstract's most frequent content words. The search engine
 * ranks papers by how many of these words they share (best first), so the query acts as a
 * weighted OR. Pure, no DOM.
 */
import type { Paper } from './types.js';
import { fold } from './text.js';

const STOP = new Set(
  ('a about above after again against all also although among an and any are as at be because been before being below between both but by can could did do does doing down during each either ' +
    'et few for from further had has have having here how however if in into is it its itself just la le many may might more most much must new no nor not novel of off on once one only or other our ' +
    'ours out over own paper per propose proposed same several should show shows so some such than that the their them then there these they this those through thus to too two under until up upon ' +
    'use used uses using very via was we well were what when where whether which while who whom why will with within without would yet approach method methods model models results based ' +
    'task tasks work existing first also study performance data large state art however significantly demonstrate achieve achieves improve improves different effective efficient introduce present')
    .split(/\s+/),
);

function words(text: string | undefined): string[] {
  if (!text) return [];
  return fold(text)
    .replace(/\$[^$]*\$/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4 && !STOP.has(w) && !/^\d+$/.test(w));
}

/** A query of up to `max` distinctive words of the paper. */
export function similarQuery(paper: Paper, max = 12): string {
  const picked: string[] = [];
  const add = (w: string) => {
    if (!picked.includes(w) && picked.length < max) picked.push(w);
  };
  for (const w of words(paper.title)) add(w);
  for (const k of paper.keywords ?? []) for (const w of words(k)) add(w);
  const counts = new Map<string, number>();
  for (const w of words(`${paper.abstract ?? ''} ${paper.summary ?? ''}`)) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const [w] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) add(w);
  // A trailing space: the engine treats a last word being typed as a prefix; these are whole words.
  return picked.join(' ') + ' ';
}
