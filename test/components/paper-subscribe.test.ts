import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { PaperSubscribe } from '../../src/components/paper-subscribe/paper-subscribe.js';
import type { PaperErrorDetail, PaperSubscribeDetail } from '../../src/components/shared/events.js';
import { loadStrings } from '../../src/components/shared/strings.js';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

let restore: (() => void) | undefined;

/** Replaces window.fetch for one test; every request is recorded. */
function stubFetch(answer: (call: Call) => Promise<Response>): Call[] {
  const calls: Call[] = [];
  const original = window.fetch;
  window.fetch = (input, init) => {
    const call = { url: input instanceof Request ? input.url : String(input), init };
    calls.push(call);
    return answer(call);
  };
  restore = () => {
    window.fetch = original;
  };
  return calls;
}

const ok = () => Promise.resolve(new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } }));

function parts(el: PaperSubscribe) {
  const root = el.shadowRoot!;
  return {
    form: root.querySelector('form'),
    input: root.querySelector('input')!,
    button: root.querySelector('button')!,
    status: root.querySelector<HTMLElement>('[role="status"]')!,
    links: [...root.querySelectorAll<HTMLAnchorElement>('a[part="feed-link"]')],
    heading: root.querySelector('[role="heading"]')!,
  };
}

function typeEmail(el: PaperSubscribe, value: string): void {
  const input = parts(el).input;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const ACTION = 'https://newsletter.example.org/subscribe';

describe('<paper-subscribe>', () => {
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('links to the given feeds, http(s) only, with their types, a feed icon, opened safely', async () => {
    const el = await fixture<PaperSubscribe>(
      html`<paper-subscribe rss="https://lab.example.org/feed.xml" atom="javascript:alert(1)" json="https://lab.example.org/feed.json"></paper-subscribe>`,
    );
    const { links, form, heading } = parts(el);
    expect(form, 'no form without action').to.equal(null);
    expect(heading.textContent.trim()).to.equal('Get new papers');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(links.map((a) => [a.textContent.trim(), a.getAttribute('href'), a.getAttribute('type')])).to.deep.equal([
      ['RSS', 'https://lab.example.org/feed.xml', 'application/rss+xml'],
      ['JSON Feed', 'https://lab.example.org/feed.json', 'application/feed+json'],
    ]);
    for (const a of links) {
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.equal('noopener noreferrer');
      expect(a.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    }
    el.atom = 'https://lab.example.org/feed.atom';
    el.rss = 'data:text/html,<script>alert(1)</script>';
    el.json = ' java\tscript:alert(1)';
    await el.updateComplete;
    expect(parts(el).links.map((a) => a.getAttribute('type'))).to.deep.equal(['application/atom+xml']);
    el.atom = undefined;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('ul'), 'no list without a usable feed').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the email form only for an http(s) action', async () => {
    const bad = await fixture<PaperSubscribe>(html`<paper-subscribe action="javascript:alert(1)"></paper-subscribe>`);
    expect(parts(bad).form).to.equal(null);
    const el = await fixture<PaperSubscribe>(html`<paper-subscribe action=${ACTION}></paper-subscribe>`);
    const { form, input, button } = parts(el);
    expect(form).to.exist;
    expect(input.type).to.equal('email');
    expect(input.autocomplete).to.equal('email');
    expect(input.required).to.equal(true);
    expect(input.labels?.[0]?.textContent.trim()).to.equal('Email address');
    expect(button.type).to.equal('submit');
    expect(button.textContent.trim()).to.equal('Subscribe');
    expect(el.getAttribute('state')).to.equal('idle');
    await expect(el).to.be.accessible();
  });

  it('posts the address form-encoded to the action, with the extra fields, and shows the success state', async () => {
    const calls = stubFetch(ok);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><paper-subscribe action=${ACTION} fields='{"list":"papers","weekly":true,"nested":{"x":1}}' rss="https://lab.example.org/feed.xml"></paper-subscribe></div>`,
    );
    const el = wrapper.querySelector('paper-subscribe')!;
    typeEmail(el, 'ada@example.org');
    // Events bubble out of the element and its shadow root.
    const event = oneEvent<CustomEvent<PaperSubscribeDetail>>(wrapper, 'paper-subscribe');
    parts(el).button.click();
    const { detail } = await event;
    expect(detail).to.deep.equal({ email: 'ada@example.org', action: ACTION, method: 'post', status: 200 });
    expect(calls).to.have.length(1);
    const call = calls[0];
    expect(call.url).to.equal(ACTION);
    expect(call.init?.method).to.equal('POST');
    const body = call.init?.body;
    expect(body).to.be.instanceOf(URLSearchParams);
    expect((body as URLSearchParams).toString()).to.equal('list=papers&weekly=true&email=ada%40example.org');
    // fetch sends a URLSearchParams body as application/x-www-form-urlencoded.
    expect(new Request(ACTION, { method: 'POST', body: body ?? null }).headers.get('content-type')).to.contain('application/x-www-form-urlencoded');

    await waitUntil(() => el.state === 'success', undefined, { timeout: 8000 });
    const { status, form, links } = parts(el);
    expect(status.textContent.trim()).to.equal('Thanks! Check your inbox to confirm.');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(form, 'the form is replaced by the message').to.equal(null);
    expect(links, 'the feed links stay').to.have.length(1);
    expect(el.getAttribute('state')).to.equal('success');
    expect(el.shadowRoot!.activeElement, 'focus moves to the message').to.equal(status);
    await expect(el).to.be.accessible();
  });

  it('sends the fields in the query string with method="get" and a custom field name', async () => {
    const calls = stubFetch(ok);
    const el = await fixture<PaperSubscribe>(html`<paper-subscribe action="${ACTION}?u=1" method="get" email-field="EMAIL" fields='{"id":"abc"}'></paper-subscribe>`);
    typeEmail(el, 'ada@example.org');
    await el.submit();
    expect(calls).to.have.length(1);
    expect(calls[0].init?.method).to.equal('GET');
    expect(calls[0].init?.body).to.equal(undefined);
    const url = new URL(calls[0].url);
    expect(url.origin + url.pathname).to.equal(ACTION);
    expect([...url.searchParams]).to.deep.equal([
      ['u', '1'],
      ['id', 'abc'],
      ['EMAIL', 'ada@example.org'],
    ]);
    expect(el.state).to.equal('success');
  });

  it('checks the address in the browser: no request for a bad or missing one, a specific message, focus on the field', async () => {
    const calls = stubFetch(ok);
    const el = await fixture<PaperSubscribe>(html`<paper-subscribe action=${ACTION}></paper-subscribe>`);
    let errors = 0;
    el.addEventListener('paper-error', () => errors++);
    parts(el).button.click();
    await waitUntil(() => el.state === 'error', undefined, { timeout: 8000 });
    let { status, input } = parts(el);
    expect(status.textContent.trim()).to.equal('Enter your email address.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('status');
    expect(el.shadowRoot!.activeElement).to.equal(input);

    typeEmail(el, 'not an address');
    await el.submit();
    ({ status, input } = parts(el));
    expect(status.textContent.trim()).to.equal('Enter a valid email address, like name@example.org.');
    expect(calls, 'nothing sent').to.have.length(0);
    expect(errors, 'an invalid address is not a failed request').to.equal(0);
    await expect(el).to.be.accessible();

    // Fixing the address clears the error.
    typeEmail(el, 'ada@example.org');
    await el.updateComplete;
    expect(parts(el).input.getAttribute('aria-invalid')).to.equal('false');
    expect(parts(el).status.textContent.trim()).to.equal('');
  });

  it('reports the HTTP status the service answered with, and fires paper-error', async () => {
    stubFetch(() => Promise.resolve(new Response('nope', { status: 422 })));
    const el = await fixture<PaperSubscribe>(html`<paper-subscribe action=${ACTION}></paper-subscribe>`);
    typeEmail(el, 'ada@example.org');
    const event = oneEvent<CustomEvent<PaperErrorDetail>>(el, 'paper-error');
    parts(el).button.click();
    const { detail, bubbles, composed } = await event;
    expect({ bubbles, composed }).to.deep.equal({ bubbles: true, composed: true });
    expect(detail).to.deep.equal({
      kind: 'http',
      status: 422,
      url: ACTION,
      message: 'The newsletter service answered with an error (HTTP 422). Try again later.',
    });
    await el.updateComplete;
    const { status, form, input } = parts(el);
    expect(status.textContent.trim()).to.equal(detail.message);
    expect(status.classList.contains('error')).to.equal(true);
    expect(form, 'the form stays for another try').to.exist;
    expect(input.value).to.equal('ada@example.org');
    expect(el.getAttribute('state')).to.equal('error');
    await expect(el).to.be.accessible();
  });

  it('reports a network failure and a timeout', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const el = await fixture<PaperSubscribe>(html`<paper-subscribe action=${ACTION}></paper-subscribe>`);
    typeEmail(el, 'ada@example.org');
    const event = oneEvent<CustomEvent<PaperErrorDetail>>(el, 'paper-error');
    await el.submit();
    expect((await event).detail.kind).to.equal('network');
    await el.updateComplete;
    expect(parts(el).status.textContent.trim()).to.equal('Could not reach the newsletter service. Check your connection and try again.');
    restore?.();

    // A request that never answers (rejecting only when aborted, as fetch does).
    stubFetch(
      ({ init }) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => {
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
    );
    el.timeout = 50;
    const timeout = oneEvent<CustomEvent<PaperErrorDetail>>(el, 'paper-error');
    const sending = el.submit();
    await waitUntil(() => el.state === 'sending', undefined, { timeout: 8000 });
    await el.updateComplete;
    expect(parts(el).button.textContent.trim()).to.equal('Subscribing…');
    expect(parts(el).button.getAttribute('aria-disabled')).to.equal('true');
    await sending;
    expect((await timeout).detail.kind).to.equal('timeout');
    await el.updateComplete;
    expect(parts(el).status.textContent.trim()).to.equal('The newsletter service did not answer. Try again later.');
  });

  it('takes its heading from the attribute or the slots, at the given level', async () => {
    const el = await fixture<PaperSubscribe>(html`<paper-subscribe heading="Weekly digest" heading-level="3" rss="https://x.example/feed.xml"></paper-subscribe>`);
    const { heading } = parts(el);
    expect(heading.textContent.trim()).to.equal('Weekly digest');
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(el.shadowRoot!.querySelector('[part="description"]')!.textContent.trim()).to.equal('Follow new papers in your feed reader.');
    const slotted = await fixture<PaperSubscribe>(html`<paper-subscribe action=${ACTION}>
      <span slot="heading">Trending papers</span>
      <span slot="description">Every morning, the five most upvoted.</span>
    </paper-subscribe>`);
    const slots = [...slotted.shadowRoot!.querySelectorAll('slot')];
    expect(slots.map((s) => s.assignedNodes().map((n) => n.textContent).join(''))).to.deep.equal(['Trending papers', 'Every morning, the five most upvoted.']);
    await expect(slotted).to.be.accessible();
  });

  it('speaks German', async () => {
    await loadStrings('de');
    stubFetch(() => Promise.resolve(new Response('', { status: 503 })));
    const el = await fixture<PaperSubscribe>(html`<paper-subscribe lang="de" action=${ACTION} rss="https://x.example/feed.xml"></paper-subscribe>`);
    await el.updateComplete;
    let p = parts(el);
    expect(p.heading.textContent.trim()).to.equal('Neue Artikel erhalten');
    expect(p.input.labels?.[0]?.textContent.trim()).to.equal('E-Mail-Adresse');
    expect(p.button.textContent.trim()).to.equal('Abonnieren');
    parts(el).button.click();
    await waitUntil(() => parts(el).status.textContent.trim() !== '', undefined, { timeout: 8000 });
    expect(parts(el).status.textContent.trim()).to.equal('Bitte geben Sie Ihre E-Mail-Adresse ein.');
    typeEmail(el, 'ada@example.org');
    await el.submit();
    await el.updateComplete;
    p = parts(el);
    expect(p.status.textContent.trim()).to.equal('Der Newsletter-Dienst hat mit einem Fehler geantwortet (HTTP 503). Bitte versuchen Sie es später erneut.');
    await expect(el).to.be.accessible();
  });

  it('warns about a fields attribute that is not a JSON object', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const el = await fixture<PaperSubscribe>(html`<paper-subscribe action=${ACTION} fields="[1,2]"></paper-subscribe>`);
      expect(el.fields).to.equal(undefined);
      expect(String(warnings[0])).to.contain('fields attribute');
    } finally {
      console.warn = original;
    }
  });
});
