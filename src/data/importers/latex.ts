/**
 * LaTeX as found in BibTeX fields and arXiv metadata, turned into plain Unicode text: accents
 * (`K{\"a}stner` → Kästner, `\'\i` → í), special letters (`\ss`, `{\o}`), escaped characters
 * (`\&`, `\%`), dashes (`--` → –), quotes, font commands (`\emph{x}` → x) and case-protecting
 * braces. Math (`$…$`, `\(…\)`) is kept as `$…$` for later rendering. Pure, no DOM.
 */

/** Combining marks of the accent commands. */
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
};

/** Control words that stand for a character or a string. */
const SYMBOLS: Record<string, string> = {
  ss: 'ß',
  SS: 'SS',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ',
  dj: 'đ',
  DJ: 'Đ',
  dag: '†',
  dagger: '†',
  ddag: '‡',
  ddagger: '‡',
  S: '§',
  P: '¶',
  textdagger: '†',
  textdaggerdbl: '‡',
  textsection: '§',
  copyright: '©',
  textcopyright: '©',
  textregistered: '®',
  texttrademark: '™',
  pounds: '£',
  textsterling: '£',
  euro: '€',
  texteuro: '€',
  textendash: '–',
  textemdash: '—',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  guillemotleft: '«',
  guillemotright: '»',
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  textasciitilde: '~',
  textasciicircum: '^',
  textbackslash: '\\',
  backslash: '\\',
  textbar: '|',
  textless: '<',
  textgreater: '>',
  textbullet: '•',
  textdegree: '°',
  textperiodcentered: '·',
  textunderscore: '_',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  BibTeX: 'BibTeX',
  quad: ' ',
  qquad: ' ',
  space: ' ',
};

const GREEK = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho varsigma sigma tau upsilon phi chi psi omega'.split(' ');

function symbol(word: string): string | undefined {
  if (Object.hasOwn(SYMBOLS, word)) return SYMBOLS[word];
  const g = GREEK.indexOf(word.toLowerCase());
  if (g >= 0 && word !== 'varsigma' && (word === word.toLowerCase() || g !== 17)) {
    return String.fromCharCode((word === word.toLowerCase() ? 0x3b1 : 0x391) + g);
  }
  return undefined;
}

/** Commands whose braced argument is dropped along with them. */
const DROP_ARGUMENT = new Set(['noopsort', 'hspace', 'vspace', 'label', 'cite', 'citep', 'citet', 'ref', 'footnote', 'thanks', 'index']);

/** Characters escaped with a backslash that stand for themselves. */
const ESCAPED = '&%$#_{}';

/** Named character references decoded by {@link decodeEntities}. */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  deg: '°',
  plusmn: '±',
  times: '×',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

/**
 * Decodes HTML/XML character references (`&amp;`, `&gt;`, `&#177;`, `&#x223C;`). Unknown names are
 * left as they are.
 */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(ENTITIES, ref) ? ENTITIES[ref] : whole;
  });
}

export interface LatexOptions {
  /**
   * Convert only accents, special letters and `\&`/`\%` (arXiv abstracts use `~` for "about" and
   * `--` as written): braces, dashes, quotes and `~` stay as they are.
   */
  light?: boolean;
}

/** Reads a balanced `{…}` group starting at `open` (which holds `{`); returns its content and end. */
function group(s: string, open: number): { body: string; end: number } {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { body: s.slice(open + 1, i), end: i + 1 };
  }
  return { body: s.slice(open + 1), end: s.length };
}

/** Index of the closing `$` (or `$$`) of math starting at `start`, or -1. */
function mathEnd(s: string, start: number, delim: string): number {
  for (let i = start; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s.startsWith(delim, i)) return i;
  }
  return -1;
}

/**
 * How deep braced groups are converted. Real fields nest a few levels; beyond this a group is
 * reduced to plain text without recursion, so hostile nesting can neither overflow the stack nor
 * take quadratic time.
 */
export const MAX_LATEX_DEPTH = 64;

/**
 * A group nested too deep, as plain text without recursion: commands dropped (an escaped
 * character kept), braces removed (kept in light mode, which leaves braces as written).
 */
function flatText(body: string, light: boolean): string {
  if (light) return body;
  return body.replace(/\\(?:([a-zA-Z]+)\s*|(.))/gs, (_m, _word: string | undefined, char: string | undefined) => (char !== undefined && ESCAPED.includes(char) ? char : '')).replace(/[{}]/g, '');
}

/**
 * Converts LaTeX text to Unicode plain text. Never throws; what it does not know it leaves as
 * readable text (unknown commands are dropped, their braced argument kept).
 */
export function latexToText(input: string, options: LatexOptions = {}): string {
  return convert(input, options, 0);
}

function convert(input: string, options: LatexOptions, depth: number): string {
  if (depth > MAX_LATEX_DEPTH) return flatText(input, options.light === true);
  const light = options.light === true;
  if (!/[\\{}$~`'-]/.test(input)) return input;
  let out = '';
  let i = 0;
  const s = input;
  // Where a search for a closing delimiter found none: later searches for it cannot find one
  // either, so many unclosed `\(` or `$` cost one scan, not one each (quadratic).
  const unclosed = new Map<string, number>();
  const closing = (delim: string, from: number, find: () => number): number => {
    if (from >= (unclosed.get(delim) ?? Infinity)) return -1;
    const at = find();
    if (at < 0) unclosed.set(delim, from);
    return at;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      const next = s[i + 1];
      // Math in \( … \) or \[ … \]: kept as $…$.
      if (!light && (next === '(' || next === '[')) {
        const delim = next === '(' ? '\\)' : '\\]';
        const close = closing(delim, i + 2, () => s.indexOf(delim, i + 2));
        if (close > 0) {
          out += `$${s.slice(i + 2, close).trim()}$`;
          i = close + 2;
          continue;
        }
      }
      if (ESCAPED.includes(next)) {
        // `\$` is a literal dollar, never the start of math.
        out += light && next !== '&' && next !== '%' ? `\\${next}` : next;
        i += 2;
        continue;
      }
      if (Object.hasOwn(ACCENTS, next) && !(/[a-zA-Z]/.test(next) && /[a-zA-Z]/.test(s[i + 2] ?? ''))) {
        // \'e, \'{e}, \"{\i}, \v s, \c{c}
        let j = i + 2;
        if (/[a-zA-Z]/.test(next)) while (s[j] === ' ') j++;
        let base: string;
        if (s[j] === '{') {
          const g = group(s, j);
          base = convert(g.body, options, depth + 1);
          j = g.end;
        } else if (s[j] === '\\' && /[ij]/.test(s[j + 1] ?? '') && !/[a-zA-Z]/.test(s[j + 2] ?? '')) {
          base = s[j + 1];
          j += 2;
        } else {
          base = s[j] ?? '';
          j++;
        }
        if (base === 'ı') base = 'i';
        if (base === 'ȷ') base = 'j';
        out += base ? (base[0] + ACCENTS[next] + base.slice(1)).normalize('NFC') : '';
        i = j;
        continue;
      }
      const word = /^[a-zA-Z]+/.exec(s.slice(i + 1, i + 40))?.[0];
      if (!word) {
        // \\ (line break), \, \; \: \  (spaces), \- (hyphenation point), \/ \@ (spacing).
        if (light) {
          out += c;
          i++;
          continue;
        }
        out += next === '\\' || next === ',' || next === ';' || next === ':' || next === ' ' || next === '\n' ? ' ' : next === '-' || next === '/' || next === '@' ? '' : next;
        i += 2;
        continue;
      }
      let j = i + 1 + word.length;
      // Mendeley escapes math as {\$}\backslashsigma{\$}: a backslash glued to the command name.
      if (word.startsWith('backslash') && word.length > 9 && !light) {
        out += `\\${word.slice(9)}`;
        i = j;
        continue;
      }
      const sym = symbol(word);
      if (light && (!Object.hasOwn(SYMBOLS, word) || word.length > 2)) {
        // Only the short letter commands (\ss, \o, \ae, \l, \i …) in light mode.
        out += s.slice(i, j);
        i = j;
        continue;
      }
      while (s[j] === ' ' || s[j] === '\t') j++;
      if (sym !== undefined) {
        out += sym;
        // `\ss{}`: an empty group ends the command.
        if (s.startsWith('{}', j)) j += 2;
        i = j;
        continue;
      }
      if (s[j] === '{') {
        const g = group(s, j);
        if (word === 'href') {
          // \href{url}{text}: the text.
          if (s[g.end] === '{') {
            const t = group(s, g.end);
            out += convert(t.body, options, depth + 1);
            i = t.end;
          } else {
            out += g.body;
            i = g.end;
          }
          continue;
        }
        if (word === 'url') out += g.body;
        else if (!DROP_ARGUMENT.has(word)) out += convert(g.body, options, depth + 1);
        i = g.end;
        continue;
      }
      // An unknown command without argument (\it, \em, \bf, \relax, \protect): dropped.
      i = j;
      continue;
    }
    if (c === '$') {
      const double = s[i + 1] === '$';
      const delim = double ? '$$' : '$';
      const end = closing(delim, i + delim.length, () => mathEnd(s, i + delim.length, delim));
      if (end > i + delim.length) {
        out += light ? s.slice(i, end + delim.length) : `$${s.slice(i + delim.length, end).trim()}$`;
        i = end + delim.length;
        continue;
      }
      out += delim;
      i += delim.length;
      continue;
    }
    if (light) {
      out += c;
      i++;
      continue;
    }
    if (c === '{') {
      // {"u}: the German shorthand for ü, written inside braces.
      const m = /^\{"([aeiouyAEIOUY])\}/.exec(s.slice(i, i + 4));
      if (m) {
        out += (m[1] + ACCENTS['"']).normalize('NFC');
        i += 4;
        continue;
      }
      i++;
      continue;
    }
    if (c === '}') {
      i++;
      continue;
    }
    if (c === '~') {
      out += '\u00a0';
      i++;
      continue;
    }
    if (c === '-' && s[i + 1] === '-') {
      const em = s[i + 2] === '-';
      out += em ? '—' : '–';
      i += em ? 3 : 2;
      continue;
    }
    if (c === '`') {
      const dbl = s[i + 1] === '`';
      out += dbl ? '“' : '‘';
      i += dbl ? 2 : 1;
      continue;
    }
    if (c === "'" && s[i + 1] === "'") {
      out += '”';
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
