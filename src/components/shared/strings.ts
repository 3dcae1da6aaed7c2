/**
 * User-visible strings. English is built in; other languages load on demand (see `loadStrings`).
 * Every string can be replaced per element with the `strings` attribute (JSON) or property.
 * `{n}`, `{total}`, `{query}` are placeholders. A string may be given per plural category
 * (`{ "one": "{n} result", "other": "{n} results" }`), chosen with Intl.PluralRules.
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | Plural;

export const en = {
  showMore: 'Show more',
  showLess: 'Show less',
  upvotes: { one: '{n} upvote', other: '{n} upvotes' } as Message,
  comments: { one: '{n} comment', other: '{n} comments' } as Message,
  stars: { one: '{n} GitHub star', other: '{n} GitHub stars' } as Message,
  authorCount: { one: '{n} author', other: '{n} authors' } as Message,
  moreAuthors: '+{n} more' as Message,
  fewerAuthors: 'Show fewer authors',
  summary: 'TL;DR',
  keywords: 'Keywords',
  links: 'Links',
  paper: 'Paper',
  arxiv: 'arXiv',
  pdf: 'PDF',
  code: 'Code',
  project: 'Project page',
  huggingFace: 'Hugging Face',
  doi: 'DOI',
  video: 'Video',
  slides: 'Slides',
  poster: 'Poster',
  cite: 'Cite',
  similar: 'Similar papers',
  similarTo: 'Papers similar to “{title}”',
  backToAll: 'Back to all papers',
  noSimilar: 'No similar papers found.',
  copied: 'BibTeX copied',
  copyFailed: 'Copy failed: select the text below',
  thumbnail: 'Preview image: {title}',
  loading: 'Loading papers…',
  loadError: 'Could not load the papers',
  retry: 'Try again',
  empty: 'There are no papers in this feed yet.',
  noMatch: 'No papers match “{query}”.',
  noneInPeriod: 'No papers in this period.',
  showing: 'Showing {n} of {total} papers' as Message,
  papers: { one: '{n} paper', other: '{n} papers' } as Message,
  results: { one: '{n} result', other: '{n} results' } as Message,
  skipped: '{n} of {total} entries could not be read' as Message,
  showMorePapers: 'Show more papers',
  searchLabel: 'Search papers',
  searchPlaceholder: 'Search papers…',
  feedLabel: 'Papers',
};

/**
 * English strings of `<paper-subscribe>`: kept in its own module so that pages without it do not
 * carry them (see `LocalizedElement.defaultStrings`).
 */
export type SubscribeStrings = typeof import('../paper-subscribe/strings.js').subscribeEn;

/**
 * English strings that only code loaded on demand shows (the feed's period navigation, facets and
 * grouping; the card's author marks; publication types): in the modules that show them, which add
 * them to `en` when they load (see `addEnglish`), so that the script-tag file does not carry them.
 */
export type LazyStrings = typeof import('../paper-feed/strings.js').feedExtrasEn &
  typeof import('../paper-card/strings.js').cardPartsEn &
  typeof import('./type-strings.js').typeEn;

export type Strings = typeof en & SubscribeStrings & LazyStrings;
export type StringKey = keyof Strings;

const loaders = new Map<string, () => Promise<{ default: Partial<Strings> }>>([['de', () => import('./locales/de.js')]]);

const loaded = new Map<string, Partial<Strings>>([['en', {}]]);

/** The base language of a locale ("de-CH" → "de"). */
export function baseLanguage(locale: string | undefined): string {
  return (locale ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
}

/** Strings already loaded for the locale's language (English when not loaded or unknown). */
export function stringsFor(locale: string | undefined): Partial<Strings> {
  return loaded.get(baseLanguage(locale)) ?? en;
}

/** True when a built-in language exists for the locale and is not loaded yet. */
export function needsLoading(locale: string | undefined): boolean {
  const lang = baseLanguage(locale);
  return loaders.has(lang) && !loaded.has(lang);
}

/** Loads the built-in strings of a language; resolves once they are available. */
export async function loadStrings(locale: string | undefined): Promise<void> {
  const lang = baseLanguage(locale);
  const loader = loaders.get(lang);
  if (!loader || loaded.has(lang)) return;
  const mod = await loader();
  loaded.set(lang, mod.default);
}

/**
 * Adds the English strings of a module loaded on demand to `en` (the last fallback of every
 * translator, read when a string is shown): the code that shows them brings them.
 */
export function addEnglish(strings: Partial<Strings>): void {
  Object.assign(en, strings);
}

/** Languages with built-in strings. */
export const builtInLanguages = ['en', ...loaders.keys()];

/**
 * A translator for one element: overrides (from the `strings` attribute/property) win over the
 * language's strings, which win over English.
 */
export function translator(locale: string | undefined, overrides?: Partial<Record<StringKey, Message>>, defaults?: Partial<Strings>) {
  const lang = stringsFor(locale);
  const base: Partial<Strings> = defaults ?? en;
  return (key: StringKey, values?: Record<string, string | number>): string => {
    const message: Message = overrides?.[key] ?? lang[key] ?? base[key] ?? (en as Partial<Strings>)[key] ?? key;
    const text = typeof message === 'string' ? message : (message[pluralRules(locale).select(values && 'count' in values ? Number(values.count) : 0)] ?? message.other);
    if (!values || !text.includes('{')) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  };
}

/** Plural rules per locale, shared by every element (a feed creates dozens of cards per search). */
const plurals = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string | undefined): Intl.PluralRules {
  const key = locale ?? '';
  let rules = plurals.get(key);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    plurals.set(key, rules);
  }
  return rules;
}

export type Translate = ReturnType<typeof translator>;

/** Parses the `strings` attribute (JSON object); invalid JSON is ignored with a warning. */
export const stringsConverter = {
  fromAttribute(value: string | null): Partial<Record<StringKey, Message>> | undefined {
    if (!value) return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
    } catch {
      // fall through
    }
    console.warn('paper-feed-elements: the strings attribute must be a JSON object, e.g. strings=\'{"showMore":"More"}\'.');
    return undefined;
  },
};
