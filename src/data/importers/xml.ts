/**
 * A small, forgiving XML reader for feeds (no DOM, so it runs in Node as in browsers). Elements are
 * named by their local name (`arxiv:comment` → `comment`), whatever prefix or namespace declaration
 * a producer used; entities and CDATA are decoded; a missing or stray end tag never stops it.
 * Linear in the size of the text, whatever its tags: a stray end tag is recognized in constant time,
 * and elements nested deeper than {@link MAX_XML_DEPTH} are read as text of their ancestor.
 */
import { decodeEntities } from './latex.js';

export interface XmlElement {
  /** Local name, prefix removed. */
  name: string;
  attrs: Record<string, string | undefined>;
  children: XmlElement[];
  /** Text directly inside the element (children's text excluded), entities decoded. */
  text: string;
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i >= 0 ? qname.slice(i + 1) : qname;
}

/** How deep elements nest at most; deeper start tags are ignored (their text is kept). */
export const MAX_XML_DEPTH = 1000;

/** The synthetic root of a parsed document, with what the reader had to give up on. */
export interface XmlDocument extends XmlElement {
  /** Problems met while reading (elements nested too deep), as sentences. */
  problems: string[];
}

/** Parses XML text into a tree under a synthetic `#document` root. Never throws. */
export function parseXml(source: string): XmlDocument {
  const root: XmlDocument = { name: '#document', attrs: Object.create(null) as Record<string, string | undefined>, children: [], text: '', problems: [] };
  const stack: XmlElement[] = [root];
  // How many elements of each name are open: an end tag with none open is stray, known in O(1).
  const open = new Map<string, number>();
  let tooDeep = 0;
  const s = source;
  let pos = 0;
  const top = (): XmlElement => stack[stack.length - 1];
  while (pos < s.length) {
    const lt = s.indexOf('<', pos);
    const end = lt < 0 ? s.length : lt;
    if (end > pos) top().text += decodeEntities(s.slice(pos, end));
    if (lt < 0) break;
    if (s.startsWith('<!--', lt)) {
      const close = s.indexOf('-->', lt + 4);
      pos = close < 0 ? s.length : close + 3;
    } else if (s.startsWith('<![CDATA[', lt)) {
      const close = s.indexOf(']]>', lt + 9);
      top().text += s.slice(lt + 9, close < 0 ? s.length : close);
      pos = close < 0 ? s.length : close + 3;
    } else if (s[lt + 1] === '?' || s[lt + 1] === '!') {
      const close = s.indexOf('>', lt + 2);
      pos = close < 0 ? s.length : close + 1;
    } else if (s[lt + 1] === '/') {
      const close = s.indexOf('>', lt + 2);
      const name = localName(s.slice(lt + 2, close < 0 ? s.length : close).trim());
      pos = close < 0 ? s.length : close + 1;
      // Close up to the matching open element; ignore a stray end tag.
      if ((open.get(name) ?? 0) > 0) {
        for (;;) {
          const closed = stack.pop();
          if (!closed) break;
          open.set(closed.name, (open.get(closed.name) ?? 1) - 1);
          if (closed.name === name) break;
        }
      }
    } else {
      const m = /^<([A-Za-z_][\w:.-]*)/.exec(s.slice(lt, lt + 200));
      if (!m) {
        // A lone "<" in text.
        top().text += '<';
        pos = lt + 1;
        continue;
      }
      // Find the end of the tag, skipping ">" inside quoted attribute values.
      let i = lt + m[0].length;
      let quote = '';
      for (; i < s.length; i++) {
        const c = s[i];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      const inner = s.slice(lt + m[0].length, i);
      const selfClosing = inner.trimEnd().endsWith('/');
      pos = i + 1;
      if (stack.length > MAX_XML_DEPTH) {
        // Too deep: the start tag is dropped, its content read as text of the deepest element.
        tooDeep++;
        continue;
      }
      // No prototype: an attribute named `__proto__` or `constructor` is just an attribute.
      const attrs = Object.create(null) as Record<string, string | undefined>;
      for (const a of inner.matchAll(ATTR)) {
        const [, qname, double, single, bare] = a as unknown as [string, string, string | undefined, string | undefined, string | undefined];
        attrs[localName(qname)] = decodeEntities(double ?? single ?? bare ?? '');
      }
      const el: XmlElement = { name: localName(m[1]), attrs, children: [], text: '' };
      top().children.push(el);
      if (!selfClosing) {
        stack.push(el);
        open.set(el.name, (open.get(el.name) ?? 0) + 1);
      }
    }
  }
  if (tooDeep) {
    root.problems.push(`${tooDeep.toLocaleString('en-US')} element${tooDeep === 1 ? '' : 's'} nested deeper than ${MAX_XML_DEPTH.toLocaleString('en-US')} levels ignored (their text kept)`);
  }
  return root;
}

/** First descendant-or-child element with a local name (depth-first). */
export function find(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (c.name === name) return c;
    const d = find(c, name);
    if (d) return d;
  }
  return undefined;
}

/** Direct children with a local name. */
export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** First direct child with a local name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Text of an element and all its descendants. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  return el.text + el.children.map(textOf).join('');
}
