/**
 * axe over every Storybook story (the built storybook-static/, which CI builds before the tests):
 * zero violations. Without a Storybook build the suite says so and is skipped (locally, run
 * `npm run build-storybook` first).
 */
import { expect } from '@open-wc/testing';

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

const index = await fetch('/storybook-static/index.json')
  .then((r) => (r.ok ? (r.json() as Promise<{ entries: Record<string, IndexEntry> }>) : undefined))
  .catch(() => undefined);
const stories = index ? Object.values(index.entries).filter((e) => e.type === 'story') : [];
const axeSource = await fetch('/node_modules/axe-core/axe.min.js').then((r) => r.text());

async function storyFrame(id: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '800px';
  const loaded = new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
  });
  frame.src = `/storybook-static/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`;
  document.body.append(frame);
  await loaded;
  return frame;
}

async function settle(win: Window): Promise<void> {
  // Let the story render, load its corpus and lazy chunks.
  const doc = win.document;
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const root = doc.querySelector('#storybook-root');
    const busy = [...doc.querySelectorAll('paper-feed')].some((f) => f.shadowRoot?.querySelector('[aria-busy="true"]'));
    if (root && root.childElementCount > 0 && !busy) break;
  }
  await new Promise((r) => setTimeout(r, 300));
}

describe(`axe over every Storybook story (${stories.length} stories)`, function () {
  this.timeout(30000);
  if (!stories.length) {
    it('needs a Storybook build (npm run build-storybook)', function () {
      this.skip();
    });
  }
  for (const story of stories) {
    it(`${story.title} / ${story.name}`, async () => {
      const frame = await storyFrame(story.id);
      try {
        const win = frame.contentWindow as Window & { axe?: { run(context: unknown, options: unknown): Promise<AxeResult> } };
        await settle(win);
        const script = win.document.createElement('script');
        script.textContent = axeSource;
        win.document.head.append(script);
        const result = await win.axe!.run(win.document.querySelector('#storybook-root') ?? win.document.body, { resultTypes: ['violations'] });
        const found = result.violations.map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
        expect(found).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  }
});
