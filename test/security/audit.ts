/**
 * DOM audit for the security suite: walks a rendered tree through every (open) shadow root and
 * lists what a payload could have smuggled in. Returns findings as strings instead of throwing, so
 * one test reports every problem at once.
 */
import type { Paper } from '../../src/data/types.js';
import { describeNumber } from '../fixtures/security/corpora.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const SVG = 'http://www.w3.org/2000/svg';
const HTML = 'http://www.w3.org/1999/xhtml';

/** Elements our templates render inside shadow roots (HTML namespace). */
const HTML_ALLOWED = new Set(
  'article div a span strong sup time p button ul li img textarea slot details summary nav mark paper-card'.split(' '),
);
/** The only SVG our templates render: the comment icon. */
const SVG_ALLOWED = new Set(['svg', 'path']);
/** MathML the math sanitizer keeps (src/components/shared/math.ts). */
const MATHML_ALLOWED = new Set(
  'math semantics mrow mi mn mo ms mtext mspace msub msup msubsup munder mover munderover mfrac msqrt mroot mstyle merror mpadded mphantom mtable mtr mtd mlabeledtr menclose mmultiscripts mprescripts none'.split(' '),
);
const MATHML_ATTRIBUTES = new Set(
  'display mathvariant mathsize mathcolor mathbackground displaystyle scriptlevel fence separator stretchy symmetric largeop movablelimits accent accentunder lspace rspace minsize maxsize form width height depth voffset linethickness columnalign rowalign columnspacing rowspacing columnlines rowlines frame framespacing equalrows equalcolumns notation encoding'.split(' '),
);
/** Never acceptable inside our shadow roots, whatever the namespace. */
const FORBIDDEN = new Set(['script', 'iframe', 'object', 'embed', 'style', 'foreignobject', 'link', 'form', 'base', 'meta', 'frame', 'frameset', 'template', 'noscript', 'input', 'select', 'video', 'audio', 'source', 'image', 'use', 'animate', 'set', 'maction', 'annotation-xml', 'annotation']);
/** Attributes that hold URLs (any element). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'background', 'ping', 'codebase', 'manifest', 'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'xlink:href']);
/** URL attributes of particular elements only (`cite` is also our elements' boolean attribute). */
const ELEMENT_URL_ATTRIBUTES: Record<string, string> = { blockquote: 'cite', q: 'cite', del: 'cite', ins: 'cite', object: 'data' };

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Every URL a paper carries, with its field name. */
export function paperUrls(paper: Paper): [string, string][] {
  const out: [string, string][] = [];
  const add = (field: string, value: unknown): void => {
    if (value !== undefined) out.push([field, typeof value === 'string' ? value : JSON.stringify(value)]);
  };
  add('thumbnail', paper.thumbnail);
  for (const [kind, url] of Object.entries(paper.links ?? {})) add(`links.${kind}`, url);
  add('organization.url', paper.organization?.url);
  add('organization.avatar', paper.organization?.avatar);
  paper.authors?.forEach((a, i) => {
    add(`authors[${i}].url`, a.url);
  });
  return out;
}

function describe(el: Element): string {
  const part = el.getAttribute('part');
  return `<${el.localName}${part ? ` part="${part}"` : ''}>`;
}

/** The payload number in a string (`__pwned=123`), described, if any. */
function payloadIn(value: string): string {
  const m = /__pwned\s*=\s*(\d+)/.exec(value);
  return m ? ` — ${describeNumber(Number(m[1]))}` : '';
}

/** Counts of what the audit looked at (to show the walk really covered the cards). */
export interface AuditStats {
  elements: number;
  shadowRoots: number;
  mathElements: number;
}

/**
 * Audits `root` and every shadow root below it. `root` itself and its light DOM are checked for
 * handlers and URLs; only shadow-root content is held to the element allow-list.
 */
export function audit(root: Element): { findings: string[]; stats: AuditStats } {
  const findings: string[] = [];
  const stats: AuditStats = { elements: 0, shadowRoots: 0, mathElements: 0 };
  const visit = (el: Element, inShadow: boolean, path: string): void => {
    stats.elements++;
    const name = el.localName.toLowerCase();
    const where = `${path} ${describe(el)}`;
    const ns = el.namespaceURI;
    if (inShadow) {
      if (FORBIDDEN.has(name)) findings.push(`forbidden element ${where}${payloadIn(el.outerHTML)}`);
      else if (ns === HTML && !HTML_ALLOWED.has(name)) findings.push(`unexpected HTML element ${where}${payloadIn(el.outerHTML)}`);
      else if (ns === SVG && !SVG_ALLOWED.has(name)) findings.push(`unexpected SVG element ${where}`);
      else if (ns === MATHML && !MATHML_ALLOWED.has(name)) findings.push(`unexpected MathML element ${where}`);
      else if (ns !== HTML && ns !== SVG && ns !== MATHML) findings.push(`element in namespace ${String(ns)} ${where}`);
      if (name === 'img' && el.getAttribute('part') !== 'thumbnail') findings.push(`img that is not the thumbnail ${where}`);
      if (name === 'svg' && !el.classList.contains('icon')) findings.push(`svg that is not the comment icon ${where}`);
    }
    if (ns === MATHML) {
      stats.mathElements++;
      for (const attr of Array.from(el.attributes)) {
        if (!MATHML_ATTRIBUTES.has(attr.name)) findings.push(`MathML attribute ${attr.name}="${attr.value}" on ${where}`);
        else if (/[<>"'`(]|javascript:|expression/i.test(attr.value)) findings.push(`suspicious MathML ${attr.name}="${attr.value}" on ${where}`);
      }
    }
    for (const attr of Array.from(el.attributes)) {
      const attrName = attr.name.toLowerCase();
      if (attrName.startsWith('on')) findings.push(`event-handler attribute ${attr.name}="${attr.value}" on ${where}${payloadIn(attr.value)}`);
      if (attrName === 'style' && /pwned|javascript|expression|url\s*\(|behavior|binding|@import/i.test(attr.value)) {
        findings.push(`style attribute with payload text "${attr.value}" on ${where}${payloadIn(attr.value)}`);
      }
      if (URL_ATTRIBUTES.has(attrName) || URL_ATTRIBUTES.has(attr.localName) || ELEMENT_URL_ATTRIBUTES[name] === attrName) {
        const urls = attrName === 'srcset' ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [attr.value];
        for (const url of urls) {
          if (!isHttpUrl(url)) findings.push(`non-http(s) ${attr.name}="${attr.value}" on ${where}${payloadIn(attr.value)}`);
        }
      }
    }
    const shadow = el.shadowRoot;
    if (shadow) {
      stats.shadowRoots++;
      if (shadow.mode !== 'open') findings.push(`closed shadow root on ${where} (cannot be audited)`);
      for (const child of Array.from(shadow.children)) visit(child, true, `${where} #shadow`);
    }
    for (const child of Array.from(el.children)) visit(child, inShadow, where);
  };
  visit(root, false, '');
  return { findings, stats };
}

/** Everything a payload could have called: alert/confirm/prompt/print/open, recorded instead of run. */
export interface Trap {
  calls: string[];
  restore(): void;
}

/** Replaces the window's dialog functions (and `open`) with recorders; clears `window.__pwned`. */
export function installTrap(): Trap {
  const calls: string[] = [];
  const w = window as unknown as Record<string, unknown>;
  const names = ['alert', 'confirm', 'prompt', 'print', 'open'] as const;
  const saved = names.map((n) => w[n]);
  for (const n of names) {
    w[n] = (...args: unknown[]) => {
      calls.push(`${n}(${args.map(String).join(', ')})`);
      return null;
    };
  }
  window.__pwned = undefined;
  return {
    calls,
    restore() {
      names.forEach((n, i) => {
        w[n] = saved[i];
      });
    },
  };
}

/** What went off: `window.__pwned` and the trapped calls, described. */
export function executions(trap: Trap): string[] {
  const out = trap.calls.map((c) => `called ${c}`);
  if (window.__pwned !== undefined) out.push(`window.__pwned = ${String(window.__pwned)}: ${describeNumber(window.__pwned)}`);
  return out;
}

/** Light-DOM elements of the test page that a payload might add (scripts, frames, images…). */
export function pageElementCounts(): string {
  // Inline corpora are `<script type="application/json">` children of the feeds: data, not code.
  return ['script:not([type="application/json"])', 'iframe', 'object', 'embed', 'img', 'form', 'link', 'style', 'svg', 'math', 'base', 'meta']
    .map((selector) => `${selector}:${document.querySelectorAll(selector).length}`)
    .join(' ');
}

/** Every element of a kind under `root`, through shadow roots. */
export function deepQueryAll<T extends Element>(root: Element | ShadowRoot, selector: string): T[] {
  const out: T[] = [];
  const walk = (node: Element | ShadowRoot): void => {
    out.push(...Array.from(node.querySelectorAll<T>(selector)));
    for (const el of Array.from(node.querySelectorAll('*'))) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(root);
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  return out;
}
