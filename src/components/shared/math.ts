/**
 * Renders TeX math as MathML (which Chromium, Firefox and Safari draw natively, so no fonts or
 * style sheets are needed inside the shadow root), through KaTeX. Loaded on demand, only for
 * papers whose title or abstract holds math. KaTeX runs with `trust: false` (no \href, \url,
 * \includegraphics, \htmlClass…), bounded macro expansion, and its output is rebuilt node by node
 * keeping only MathML elements and presentational attributes, so corpus text can never inject
 * markup. On any error the TeX source is shown as text.
 */
import katex from 'katex';
import { splitMath } from '../../data/math.js';

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const ELEMENTS = new Set(
  'math semantics annotation mrow mi mn mo ms mtext mspace msub msup msubsup munder mover munderover mfrac msqrt mroot mstyle merror mpadded mphantom mtable mtr mtd mlabeledtr menclose mmultiscripts mprescripts none'.split(' '),
);
const ATTRIBUTES = new Set(
  'display mathvariant mathsize mathcolor mathbackground displaystyle scriptlevel fence separator stretchy symmetric largeop movablelimits accent accentunder lspace rspace minsize maxsize form width height depth voffset linethickness columnalign rowalign columnspacing rowspacing columnlines rowlines frame framespacing equalrows equalcolumns notation encoding'.split(' '),
);

function rebuild(node: Node, doc: Document): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return doc.createTextNode(node.textContent ?? '');
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const name = el.localName;
  if (!ELEMENTS.has(name)) {
    // Unwrap anything else (KaTeX's span wrappers), keeping its allowed content.
    const frag = doc.createDocumentFragment();
    for (const child of Array.from(el.childNodes)) {
      const c = rebuild(child, doc);
      if (c) frag.append(c);
    }
    return frag;
  }
  if (name === 'annotation') return null;
  const out = doc.createElementNS(MATHML, name);
  for (const attr of Array.from(el.attributes)) {
    const value = attr.value;
    if (ATTRIBUTES.has(attr.name) && !/[<>"'`]|url\(|javascript:|expression\(/i.test(value)) out.setAttribute(attr.name, value);
  }
  for (const child of Array.from(el.childNodes)) {
    const c = rebuild(child, doc);
    if (c) out.append(c);
  }
  return out;
}

let parser: DOMParser | undefined;

interface TrustedTypePolicyLike {
  createHTML(input: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createHTML: (input: string) => string }): TrustedTypePolicyLike;
}

/**
 * Under Trusted Types enforcement DOMParser only takes TrustedHTML. Our policy passes KaTeX's
 * markup through unchanged because nothing of the parsed document is used as is: it is parsed as
 * inert XML and rebuilt from an allow-list (see `rebuild`). Pages that restrict policy names must
 * allow `paper-feed-math`; without it, formulas show as TeX text.
 */
let policy: TrustedTypePolicyLike | null | undefined;
function trusted(markup: string): string {
  if (policy === undefined) {
    const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
    try {
      policy = tt ? tt.createPolicy('paper-feed-math', { createHTML: (input) => input }) : null;
    } catch {
      policy = null;
    }
  }
  // A TrustedHTML object is accepted where DOMParser expects a string.
  return (policy ? policy.createHTML(markup) : markup) as string;
}

/**
 * Formulas already built, most recently used last: a search shows the same papers again and again
 * as its query grows, and KaTeX takes a millisecond or more per formula. Each use gets a clone.
 */
const built = new Map<string, Element | null>();
const BUILT_LIMIT = 500;

/** One formula as a MathML element, or undefined when KaTeX cannot read it. */
export function renderFormula(tex: string, display: boolean): Element | undefined {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let el = built.get(key);
  if (el !== undefined) built.delete(key);
  else {
    el = buildFormula(tex, display) ?? null;
    if (built.size >= BUILT_LIMIT) built.delete(built.keys().next().value as string);
  }
  built.set(key, el);
  return el ? (el.cloneNode(true) as Element) : undefined;
}

function buildFormula(tex: string, display: boolean): Element | undefined {
  let markup: string;
  try {
    markup = katex.renderToString(tex, { output: 'mathml', displayMode: display, throwOnError: true, trust: false, strict: 'ignore', maxExpand: 200, maxSize: 20 });
  } catch {
    return undefined;
  }
  // Parsed as XML into an inert document, then rebuilt element by element (see above).
  let doc: Document;
  try {
    parser ??= new DOMParser();
    doc = parser.parseFromString(trusted(markup), 'application/xml');
  } catch {
    // Trusted Types enforcement without a policy for us: keep the TeX as text.
    return undefined;
  }
  if (doc.querySelector('parsererror')) return undefined;
  const math = doc.getElementsByTagNameNS(MATHML, 'math').item(0);
  if (!math) return undefined;
  const rebuilt = rebuild(math, document);
  return rebuilt instanceof Element ? rebuilt : undefined;
}

/** Text with its formulas replaced by MathML elements; unreadable formulas stay as TeX text. */
export function renderMathText(text: string): (string | Element)[] {
  return splitMath(text).map((s) => (s.math ? (renderFormula(s.tex, s.display) ?? s.source) : s.text));
}
