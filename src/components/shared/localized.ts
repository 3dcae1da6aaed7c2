import { LitElement, type PropertyDeclarations } from 'lit';
import { en, loadStrings, needsLoading, stringsConverter, translator, type Message, type StringKey, type Strings, type Translate } from './strings.js';

/**
 * Base class for the elements: the locale (the `locale` attribute, else the nearest `lang`
 * attribute, else the browser's) and the translated strings, with per-element overrides.
 */
export class LocalizedElement extends LitElement {
  /**
   * Reactive properties (attributes configure; see each field's comment). Declared here rather
   * than with decorators: smaller in the CDN file. Internal state repeats `attribute: false` so
   * that the Custom Elements Manifest does not list it as an attribute.
   */
  static override properties: PropertyDeclarations = {
    locale: {},
    strings: { converter: stringsConverter },
  };

  /** BCP 47 locale for text, dates and numbers; defaults to the nearest `lang` attribute, then the browser's. */
  locale?: string;

  /** Replacement UI strings, as a JSON object of message keys (see the README), e.g. `{"showMore": "More"}`. */
  strings?: Partial<Record<StringKey, Message>>;

  /** English defaults for strings this element adds to the shared table. @internal */
  static defaultStrings?: Partial<Strings>;

  /** Translates a UI string. @internal */
  t: Translate = translator(undefined);

  /** The locale in effect. */
  get effectiveLocale(): string | undefined {
    if (this.locale) return this.locale;
    // Server rendering (Lit SSR) has no closest(): the locale attribute must be given there.
    if (typeof this.closest !== 'function') return undefined;
    return this.closest('[lang]')?.getAttribute('lang') || undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const locale = this.effectiveLocale;
    if (needsLoading(locale)) {
      void loadStrings(locale).then(() => {
        this.translated = undefined;
        this.requestUpdate();
      });
    }
    // A new translator only when what it depends on changed (not on every render of every card).
    const made = this.translated;
    if (made && made.locale === locale && made.strings === this.strings && !changed.has('strings')) return;
    this.translated = { locale, strings: this.strings };
    const defaults = (this.constructor as typeof LocalizedElement).defaultStrings;
    this.t = translator(locale, this.strings, defaults ? { ...en, ...defaults } : undefined);
  }

  /** What `t` was made for. @internal */
  private translated?: { locale: string | undefined; strings: Partial<Record<StringKey, Message>> | undefined };
}
