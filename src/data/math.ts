/**
 * Finds TeX math in plain text: `$…$`, `$$…$$`, `\(…\)` and `\[…\]`, following pandoc's rule for
 * single dollars (no space just inside them, no digit just after the closing one) so that prices
 * like "$5 and $10" stay text. Pure, no DOM.
 */

export type MathSegment = { math: false; text: string } | { math: true; tex: string; display: boolean; source: string };

const MATH_RE = /\$\$([\s\S]{1,2000}?)\$\$|\\\[([\s\S]{1,2000}?)\\\]|\\\(([\s\S]{1,1000}?)\\\)|(?<![\\$\w])\$(?![\s$])((?:[^$\\\n]|\\[\s\S]){1,500}?)(?<!\s)\$(?![\d$])/g;

/** True when the text probably holds math (cheap pre-check before loading a renderer). */
export function hasMath(text: string | undefined): boolean {
  if (!text || !(text.includes('$') || text.includes('\\(') || text.includes('\\['))) return false;
  MATH_RE.lastIndex = 0;
  return MATH_RE.test(text);
}

/** Splits text into plain and math segments, in order. */
export function splitMath(text: string): MathSegment[] {
  const out: MathSegment[] = [];
  let last = 0;
  MATH_RE.lastIndex = 0;
  for (let m = MATH_RE.exec(text); m; m = MATH_RE.exec(text)) {
    if (m.index > last) out.push({ math: false, text: text.slice(last, m.index) });
    // Unmatched alternatives are undefined at run time, whatever the typings say.
    const g: (string | undefined)[] = Array.from(m);
    const display = g[1] !== undefined || g[2] !== undefined;
    const tex = (g[1] ?? g[2] ?? g[3] ?? g[4] ?? '').trim();
    out.push({ math: true, tex, display, source: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ math: false, text: text.slice(last) });
  return out;
}
