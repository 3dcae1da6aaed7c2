import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { PaperSubscribe } from '../src/components/paper-subscribe/paper-subscribe.js';
import { noControl, pageFont } from './support.js';

/** Args of the subscribe stories: the attributes and the event actions. */
interface SubscribeArgs {
  heading: string;
  rss: string;
  atom: string;
  json: string;
  action: string;
  method: 'get' | 'post';
  fields: string;
  lang: string;
  onPaperSubscribe?: (event: Event) => void;
  onPaperError?: (event: Event) => void;
}

/** The newsletter URL of these stories: never reached, the stories' `beforeEach` answers for it. */
const ACTION = 'https://newsletter.example.org/subscribe';

/**
 * `beforeEach` hook: answers requests to ACTION with `answer` (a status, or a network failure)
 * after a short delay, other requests go to the real fetch; puts the real fetch back afterwards.
 */
function stubNewsletter(answer: number | 'network') {
  return (): (() => void) => {
    const previous = window.fetch;
    const stub: typeof window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith(ACTION)) return previous.call(window, input, init);
      return new Promise<Response>((resolve, reject) => {
        setTimeout(() => {
          if (answer === 'network') reject(new TypeError('Failed to fetch'));
          else resolve(new Response(null, { status: answer }));
        }, 400);
      });
    };
    window.fetch = stub;
    return () => {
      if (window.fetch === stub) window.fetch = previous;
    };
  };
}

/** `play`: types an address and submits, as a reader would. */
async function subscribeWith(canvasElement: HTMLElement, email: string): Promise<void> {
  const el = canvasElement.querySelector<PaperSubscribe>('paper-subscribe');
  if (!el) return;
  await el.updateComplete;
  const input = el.shadowRoot?.querySelector('input');
  if (!input) return;
  input.value = email;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  el.shadowRoot?.querySelector('form')?.requestSubmit();
}

const meta: Meta<SubscribeArgs> = {
  title: 'Elements/paper-subscribe',
  component: 'paper-subscribe',
  decorators: [pageFont, (story) => html`<div style="max-width: 32rem">${story()}</div>`],
  args: {
    heading: '',
    rss: 'feeds/papers.xml',
    atom: 'feeds/papers.atom',
    json: 'feeds/papers.json',
    action: ACTION,
    method: 'post',
    fields: '',
    lang: '',
  },
  argTypes: {
    method: { control: 'inline-radio', options: ['post', 'get'] },
    ...noControl('state', 'actionUrl', 'timeout', 'locale', 'strings', 'emailField', 'headingLevel'),
  },
  parameters: {
    docs: {
      description: {
        component:
          'A compact "Get new papers" block: links to the RSS, Atom and JSON feeds (make them with `paper-corpus feed`) and, with `action`, an email form that signs the reader up with a newsletter service by `fetch` (the service must allow cross-origin requests). In these stories the newsletter service is simulated; relative feed URLs resolve against the page and only http(s) ones are shown.',
      },
    },
  },
  render: (args) =>
    html`<paper-subscribe
      lang=${args.lang || nothing}
      heading=${args.heading || nothing}
      rss=${args.rss ? new URL(args.rss, document.baseURI).href : nothing}
      atom=${args.atom ? new URL(args.atom, document.baseURI).href : nothing}
      json=${args.json ? new URL(args.json, document.baseURI).href : nothing}
      action=${args.action || nothing}
      method=${args.method}
      fields=${args.fields || nothing}
      @paper-subscribe=${args.onPaperSubscribe}
      @paper-error=${args.onPaperError}
    ></paper-subscribe>`,
};
export default meta;

type Story = StoryObj<SubscribeArgs>;

/** Feed links only (no `action`): RSS, Atom and JSON Feed, each with its media type. */
export const FeedLinksOnly: Story = {
  name: 'Feed links only',
  args: { action: '' },
};

/** With `action`: the email form above the feed links. Try an address that is not one. */
export const WithForm: Story = {
  name: 'With an email form',
  beforeEach: stubNewsletter(200),
};

/** The service accepted the address: the form gives way to "Thanks! Check your inbox to confirm." */
export const Success: Story = {
  name: 'Subscribed',
  beforeEach: stubNewsletter(200),
  play: async ({ canvasElement }) => {
    await subscribeWith(canvasElement, 'ada@example.org');
  },
};

/** The service answered 503: the form stays, with the status in the message. */
export const HttpError: Story = {
  name: 'Error: the service answered with an HTTP error',
  beforeEach: stubNewsletter(503),
  play: async ({ canvasElement }) => {
    await subscribeWith(canvasElement, 'ada@example.org');
  },
};

/** The service could not be reached. */
export const NetworkError: Story = {
  name: 'Error: network failure',
  beforeEach: stubNewsletter('network'),
  play: async ({ canvasElement }) => {
    await subscribeWith(canvasElement, 'ada@example.org');
  },
};

/** Not an address: checked in the browser, nothing is sent. */
export const InvalidAddress: Story = {
  name: 'Error: invalid address',
  beforeEach: stubNewsletter(200),
  play: async ({ canvasElement }) => {
    await subscribeWith(canvasElement, 'ada at example');
  },
};

/** `lang="de"`: every string in German. */
export const German: Story = {
  name: 'German (lang="de")',
  args: { lang: 'de' },
  beforeEach: stubNewsletter(200),
};
