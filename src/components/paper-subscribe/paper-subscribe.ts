import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { safeUrl } from '../../data/text.js';
import { themeStyles } from '../shared/theme.styles.js';
import { LocalizedElement } from '../shared/localized.js';
import type { StringKey } from '../shared/strings.js';
import { paperEvent, type PaperErrorDetail, type PaperErrorKind, type PaperSubscribeDetail } from '../shared/events.js';
import { paperSubscribeStyles } from './paper-subscribe.styles.js';
import { subscribeEn } from './strings.js';

/** The feeds the element links to, in order, with their media types and label keys. */
const FEEDS = [
  { kind: 'rss', type: 'application/rss+xml', label: 'rssFeed' },
  { kind: 'atom', type: 'application/atom+xml', label: 'atomFeed' },
  { kind: 'json', type: 'application/feed+json', label: 'jsonFeed' },
] as const;

/** Where a subscription stands. */
export type SubscribeState = 'idle' | 'sending' | 'success' | 'error';

const feedIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor"><circle cx="3" cy="13" r="2"/><path d="M1 6.5v2a6.5 6.5 0 0 1 6.5 6.5h2A8.5 8.5 0 0 0 1 6.5Z"/><path d="M1 1.5v2A11.5 11.5 0 0 1 12.5 15h2A13.5 13.5 0 0 0 1 1.5Z"/></svg>`;

/** Parses the `fields` attribute: a JSON object of extra form fields (strings, numbers, booleans). */
const fieldsConverter = {
  fromAttribute(value: string | null): Record<string, string | number | boolean> | undefined {
    if (!value) return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const out: Record<string, string | number | boolean> = {};
        for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
        return out;
      }
    } catch {
      // fall through
    }
    console.warn('paper-feed-elements: the fields attribute of <paper-subscribe> must be a JSON object, e.g. fields=\'{"tag":"papers"}\'.');
    return undefined;
  },
};

/**
 * A compact "Get new papers" block: links to the site's RSS, Atom and JSON feeds, and, with an
 * `action`, an email form that signs the reader up with a newsletter service, like the Daily
 * Papers page's "Get trending papers in your email inbox!".
 *
 * The form sends the address (and any `fields`) form-encoded with `fetch`, `POST` by default,
 * without leaving the page, so the service must answer cross-origin requests (CORS). It checks
 * the address in the browser first (nothing is sent for an invalid one), then shows a success
 * message, or a specific error: an invalid address, a network failure or timeout, or the HTTP
 * status the service answered with. Messages are announced through a polite live region.
 * Only http(s) URLs are used, for the feeds and the form alike; feeds open in a new tab.
 *
 * @tag paper-subscribe
 * @summary "Get new papers": feed links and an optional newsletter email form.
 *
 * @slot heading - Replaces the heading text.
 * @slot description - Replaces the line under the heading.
 *
 * @csspart base - The block's container.
 * @csspart heading - The heading.
 * @csspart description - The line under the heading.
 * @csspart form - The email form.
 * @csspart label - The label of the email field.
 * @csspart input - The email field.
 * @csspart button - The submit button.
 * @csspart status - The success or error message (a polite live region).
 * @csspart feeds - The list of feed links.
 * @csspart feed-link - Each feed link.
 * @csspart icon - The feed icon in each link.
 *
 * @cssprop --paper-color-text - Text color (default: inherited from the page).
 * @cssprop --paper-color-muted - Description color (default: the text color at 62%).
 * @cssprop --paper-color-border - Border color (default: the text color at 14%).
 * @cssprop --paper-color-surface - Background (default: transparent).
 * @cssprop --paper-color-danger - Error color.
 * @cssprop --paper-radius - Corner radius (default: 0.75rem).
 * @cssprop --paper-space - Base spacing (default: 1rem).
 * @cssprop --paper-subscribe-padding - Padding of the block (default: --paper-space).
 * @cssprop --paper-subscribe-background - Background of the block (default: --paper-color-surface).
 * @cssprop --paper-subscribe-heading-size - Heading font size (default: 1rem).
 * @cssprop --paper-subscribe-input-radius - Corner radius of the email field (default: fully rounded).
 * @cssprop --paper-subscribe-button-background - Background of the button.
 * @cssprop --paper-subscribe-button-color - Text color of the button.
 * @cssprop --paper-subscribe-icon-color - Color of the feed icons (default: feed orange).
 *
 * @fires paper-subscribe - The service accepted the address: `{ email, action, method, status }`.
 * @fires paper-error - Sending failed: `{ kind: 'network' | 'timeout' | 'http', message, status?, url }`. (An invalid address is shown in the form and sends nothing.)
 */
export class PaperSubscribe extends LocalizedElement {
  static override styles = [themeStyles, paperSubscribeStyles];

  /** @internal */
  static override defaultStrings = subscribeEn;

  /** URL of the RSS feed (http/https; anything else is not shown). */
  @property() rss?: string;

  /** URL of the Atom feed (http/https). */
  @property() atom?: string;

  /** URL of the JSON Feed (http/https). */
  @property() json?: string;

  /** The newsletter service's form URL (http/https). Without it there is no email form. */
  @property() action?: string;

  /** How the form is sent: `post` (default, form-encoded body) or `get` (query string). */
  @property() method: 'get' | 'post' = 'post';

  /** Extra form fields sent with the address, as a JSON object, e.g. `{"list":"papers"}`. */
  @property({ converter: fieldsConverter }) fields?: Record<string, string | number | boolean>;

  /** Name of the address field in the request (default `email`; Mailchimp wants `EMAIL`). */
  @property({ attribute: 'email-field' }) emailField = 'email';

  /** Heading text (default: "Get new papers", translated). The `heading` slot replaces it. */
  @property() heading?: string;

  /** ARIA heading level of the heading (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Milliseconds to wait for the service before giving up. */
  @property({ type: Number }) timeout = 15000;

  /** @internal */
  @state() private status: SubscribeState = 'idle';

  /** @internal */
  @state() private message = '';

  /** @internal The address failed the browser's check. */
  @state() private invalid = false;

  /** @internal */
  @query('input') private input?: HTMLInputElement;

  /** @internal */
  @query('.status') private statusEl?: HTMLElement;

  /** @internal */
  private controller?: AbortController;

  /** Where the subscription stands: `idle`, `sending`, `success` or `error`. Also reflected as the `state` attribute. */
  get state(): SubscribeState {
    return this.status;
  }

  /** The form URL in use: `action` when it is an http(s) URL. */
  get actionUrl(): string | undefined {
    return this.action ? safeUrl(this.action) : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('status')) this.setAttribute('state', this.status);
  }

  /** Sends the form, as pressing the button does. Resolves when the attempt is over. */
  async submit(): Promise<void> {
    await this.updateComplete;
    const input = this.input;
    const action = this.actionUrl;
    if (!input || !action || this.status === 'sending') return;
    // Validity comes from the field itself (type=email, required): no request for a bad address.
    if (!input.checkValidity()) {
      this.invalid = true;
      this.fail(input.validity.valueMissing ? 'emailMissing' : 'emailInvalid');
      input.focus();
      return;
    }
    this.invalid = false;
    const email = input.value;
    const method = this.method.toLowerCase() === 'get' ? 'get' : 'post';
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(this.fields ?? {})) if (k !== this.emailField) params.append(k, String(v));
    params.append(this.emailField || 'email', email);

    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const timer = setTimeout(() => {
      controller.abort('timeout');
    }, this.timeout);
    this.status = 'sending';
    this.message = '';
    let response: Response;
    try {
      if (method === 'get') {
        const url = new URL(action);
        for (const [k, v] of params) url.searchParams.append(k, v);
        response = await fetch(url.href, { method: 'GET', signal: controller.signal });
      } else {
        response = await fetch(action, { method: 'POST', body: params, signal: controller.signal });
      }
    } catch {
      const timedOut = controller.signal.reason === 'timeout';
      if (controller.signal.aborted && !timedOut) return; // replaced or disconnected
      this.fail(timedOut ? 'subscribeTimeout' : 'subscribeNetworkError', { kind: timedOut ? 'timeout' : 'network', url: action });
      return;
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) {
      this.fail('subscribeHttpError', { kind: 'http', url: action, status: response.status });
      return;
    }
    this.status = 'success';
    this.message = this.t('subscribed');
    this.dispatchEvent(paperEvent<PaperSubscribeDetail>('paper-subscribe', { email, action, method, status: response.status }));
    // The form goes away: keep keyboard focus on the message that replaces it.
    await this.updateComplete;
    this.statusEl?.focus();
  }

  /** Shows an error; fires `paper-error` for a failed request (not for an invalid address). */
  private fail(key: StringKey, request?: { kind: PaperErrorKind; url: string; status?: number }): void {
    this.status = 'error';
    this.message = this.t(key, request?.status !== undefined ? { status: request.status } : {});
    if (request) {
      const detail: PaperErrorDetail = { kind: request.kind, message: this.message, url: request.url };
      if (request.status !== undefined) detail.status = request.status;
      this.dispatchEvent(paperEvent<PaperErrorDetail>('paper-error', detail));
    }
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  private onInput(): void {
    // Clear the "invalid" mark as soon as the address is fixed.
    if (this.invalid && this.input?.checkValidity()) {
      this.invalid = false;
      if (this.status === 'error') {
        this.status = 'idle';
        this.message = '';
      }
    }
  }

  private renderForm(action: string | undefined): TemplateResult | typeof nothing {
    if (!action || this.status === 'success') return nothing;
    const sending = this.status === 'sending';
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      <label part="label" for="email">${this.t('emailLabel')}</label>
      <div class="field">
        <input
          part="input"
          id="email"
          type="email"
          name=${this.emailField || 'email'}
          autocomplete="email"
          inputmode="email"
          spellcheck="false"
          required
          placeholder=${this.t('emailPlaceholder')}
          aria-invalid=${this.invalid ? 'true' : 'false'}
          aria-describedby=${this.status === 'error' ? 'status' : nothing}
          @input=${this.onInput}
        />
        <button part="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${sending ? this.t('subscribing') : this.t('subscribe')}</button>
      </div>
    </form>`;
  }

  private renderFeeds(): TemplateResult | typeof nothing {
    const links = FEEDS.map((f) => ({ ...f, href: safeUrl(this[f.kind]) })).filter((f) => f.href);
    if (!links.length) return nothing;
    return html`<ul class="feeds" part="feeds" aria-label=${this.t('feeds')}>
      ${links.map(
        (f) =>
          html`<li>
            <a part="feed-link" href=${f.href ?? ''} type=${f.type} target="_blank" rel="noopener noreferrer" data-feed=${f.kind}
              >${feedIcon}${this.t(f.label)}</a
            >
          </li>`,
      )}
    </ul>`;
  }

  protected override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const action = this.actionUrl;
    const statusClass = this.status === 'error' ? 'status error' : this.status === 'success' ? 'status success' : 'status';
    return html`<div class="base" part="base">
      <div class="heading" part="heading" role="heading" aria-level=${level}><slot name="heading">${this.heading ?? this.t('subscribeHeading')}</slot></div>
      <div class="description" part="description"><slot name="description">${this.t(action ? 'subscribeDescription' : 'subscribeFeedsDescription')}</slot></div>
      ${this.renderForm(action)}
      <p class=${statusClass} part="status" id="status" role="status" aria-live="polite" tabindex="-1">${this.message}</p>
      ${this.renderFeeds()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paper-subscribe': PaperSubscribe;
  }
}
