// Tests run in Debian's Chromium (no downloaded browser). See scripts/test.mjs for the wrapper that
// installs it when missing and prints the closing `N passed, N failed` line.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summaryReporter } from './scripts/summary-reporter.mjs';

/**
 * Module workers are started as `new Worker(new URL('./worker.js', import.meta.url))` (what bundlers
 * follow). Served from the TypeScript sources, that `.js` does not exist: serve the `.ts` beside it,
 * which the esbuild plugin compiles like any other module.
 */
async function workerSourceMiddleware(ctx, next) {
  const path = ctx.path;
  if (path.startsWith('/src/') && path.endsWith('.js')) {
    const ts = path.slice(0, -3) + '.ts';
    try {
      readFileSync(new URL('.' + ts, import.meta.url));
      ctx.url = ts + (ctx.querystring ? `?${ctx.querystring}` : '');
    } catch {
      // No TypeScript source of that name: serve the request as it is.
    }
  }
  return next();
}

/**
 * Lets browser tests run the built `paper-corpus` CLI (dist/cli/paper-corpus.js, built by
 * `npm test`'s pretest step): `executeServerCommand('run-cli', { args, files })` writes `files`
 * into a temporary folder, runs the CLI there and returns its exit status, output and any file it
 * wrote.
 */
function cliPlugin() {
  return {
    name: 'run-cli',
    executeCommand({ command, payload }) {
      if (command !== 'run-cli') return undefined;
      const dir = mkdtempSync(join(tmpdir(), 'paper-corpus-'));
      try {
        for (const [name, content] of Object.entries(payload.files ?? {})) writeFileSync(join(dir, name), content);
        const args = payload.args.map((a) => a.replace('$REPO', process.cwd()));
        const run = spawnSync(process.execPath, [join(process.cwd(), 'dist/cli/paper-corpus.js'), ...args], {
          cwd: dir,
          encoding: 'utf8',
          input: payload.stdin ?? '',
          timeout: 60000,
        });
        const read = {};
        for (const name of payload.read ?? []) {
          try {
            read[name] = readFileSync(join(dir, name), 'utf8');
          } catch {
            read[name] = null;
          }
        }
        return { status: run.status, stdout: run.stdout, stderr: run.stderr, files: read };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Lets browser tests parse a feed with a real feed parser, feedsmith (RSS, Atom, RDF and JSON Feed;
 * run in Node): `executeServerCommand('parse-feed', { text })` returns `{ ok: true, format, feed }`
 * (`format` is `rss`, `atom`, `json` or `rdf`; `feed` the parsed object) or `{ ok: false, error }`.
 */
function feedParserPlugin() {
  return {
    name: 'parse-feed',
    async executeCommand({ command, payload }) {
      if (command !== 'parse-feed') return undefined;
      const { parseFeed } = await import('feedsmith');
      try {
        const { format, feed } = parseFeed(payload.text);
        return { ok: true, format, feed };
      } catch (e) {
        return { ok: false, error: `${e?.name ?? 'Error'}: ${e?.message ?? String(e)}` };
      }
    },
  };
}

/**
 * Builds Pagefind bundles for test/components/pagefind.test.ts into test/tmp/pagefind/<name>/ (git-
 * ignored), which the test server serves:
 * - `executeServerCommand('pagefind-bundle', { name, args })` runs the built CLI
 *   (dist/cli/paper-corpus.js) from the repo root with `args`, `$OUT` replaced by the bundle
 *   folder; with `hidePagefind: true`, the `pagefind` package cannot be resolved (as when it is
 *   not installed). Returns its exit status and output, the bundle's files and its entry file.
 * - `{ name, records }` writes a bundle of these raw Pagefind records with Pagefind's Node API,
 *   bypassing the CLI (to serve fragments the CLI would never write).
 */
const HIDE_PAGEFIND = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, next) { if (s === "pagefind" || s.startsWith("pagefind/")) { const e = new Error("Cannot find package \\'pagefind\\'"); e.code = "ERR_MODULE_NOT_FOUND"; throw e; } return next(s, c); }'));`,
)}`;

function pagefindBundlePlugin() {
  return {
    name: 'pagefind-bundle',
    async executeCommand({ command, payload }) {
      if (command !== 'pagefind-bundle') return undefined;
      if (!/^[a-z0-9-]+$/.test(payload.name ?? '')) throw new Error('pagefind-bundle needs a name of letters, digits and dashes');
      const root = process.cwd();
      const out = join(root, 'test/tmp/pagefind', payload.name);
      const listing = () => {
        let files = [];
        try {
          files = readdirSync(out, { recursive: true }).map(String).sort();
        } catch {
          return { files: [], entry: null };
        }
        let entry = null;
        try {
          entry = JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8'));
        } catch {
          entry = null;
        }
        return { files, entry };
      };
      if (payload.records) {
        rmSync(out, { recursive: true, force: true });
        const pagefind = await import('pagefind');
        const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
        for (const record of payload.records) await index.addCustomRecord({ language: 'en', ...record });
        await index.writeFiles({ outputPath: out });
        await pagefind.close();
        return { status: 0, stdout: '', stderr: '', ...listing() };
      }
      const args = payload.args.map((a) => a.replace('$OUT', out).replace('$REPO', root));
      const run = spawnSync(process.execPath, [...(payload.hidePagefind ? ['--import', HIDE_PAGEFIND] : []), join(root, 'dist/cli/paper-corpus.js'), ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120000,
      });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr, ...listing() };
    },
  };
}

/**
 * Network faults and strict pages for the tests, served by the test server itself:
 * - /__fault/500: a server error with an HTML body;
 * - /__fault/trickle?ms=N: valid JSON sent a few bytes at a time over about N ms;
 * - /__fault/huge: announces 400 MB (Content-Length) and starts sending;
 * - /__fault/huge-chunked: sends megabytes without a Content-Length until the client stops;
 * - /test/csp/*.html: pages served with a strict Content-Security-Policy and Trusted Types;
 * - /__corpus/large?n=N&broken=B&bad=1: a native corpus of N generated papers (≈ 1.3 kB each, so
 *   over the 1 MB from which the feed parses in its worker), B of them invalid, and with `bad=1`
 *   a JSON syntax error halfway.
 */
function largeCorpus(n, broken, bad) {
  const papers = [];
  for (let i = 0; i < n; i++) {
    if (i < broken) {
      papers.push({ id: `broken-${i}`, title: 42 });
      continue;
    }
    papers.push({
      id: `p${i}`,
      title: `Generated paper ${i}: ${i % 7 === 0 ? 'sparse mixture of experts' : 'diffusion models'} at scale`,
      abstract: `Paper number ${i}. `.repeat(60) + (i === n - 1 ? 'The last one mentions kaleidoscopes.' : ''),
      authors: [{ name: `Author ${i % 50}` }, { name: 'Ada Lovelace' }],
      published: new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86400000).toISOString().slice(0, 10),
      upvotes: i % 100,
      links: { pdf: `https://arxiv.org/pdf/2501.${String(i).padStart(5, '0')}`, code: i % 3 === 0 ? 'javascript:alert(1)' : undefined },
    });
  }
  const text = JSON.stringify({ format: 'paper-feed', version: 1, papers });
  return bad ? text.replace(`},{"id":"p${Math.floor(n / 2)}"`, `},,{"id":"p${Math.floor(n / 2)}"`) : text;
}

const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

function faultsMiddleware(ctx, next) {
  const path = ctx.path;
  if (path === '/__corpus/large') {
    ctx.type = 'application/json';
    ctx.body = largeCorpus(Number(ctx.query.n ?? 2000), Number(ctx.query.broken ?? 0), ctx.query.bad === '1');
    return undefined;
  }
  if (path === '/__fault/500') {
    ctx.status = 500;
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>500 Internal Server Error</title><h1>Oops</h1>';
    return undefined;
  }
  if (path === '/__fault/trickle') {
    const total = Number(ctx.query.ms ?? 1500);
    const text = JSON.stringify([{ id: 'slow', title: 'Arrived slowly' }]);
    const pieces = text.match(/.{1,4}/g) ?? [];
    ctx.type = 'application/json';
    ctx.body = new Readable({
      read() {},
    });
    let i = 0;
    const timer = setInterval(() => {
      if (i < pieces.length) ctx.body.push(pieces[i++]);
      else {
        clearInterval(timer);
        ctx.body.push(null);
      }
    }, Math.max(10, total / pieces.length));
    ctx.req.on('close', () => clearInterval(timer));
    return undefined;
  }
  if (path === '/__fault/huge' || path === '/__fault/huge-chunked') {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    if (path === '/__fault/huge') ctx.set('Content-Length', String(400 * 1024 * 1024));
    ctx.type = 'application/json';
    ctx.body = new Readable({
      read() {
        // At most 200 MB, stopped earlier when the client goes away.
        if (sent >= 200) this.push(null);
        else {
          sent++;
          this.push(chunk);
        }
      },
    });
    return undefined;
  }
  if (path.startsWith('/test/csp/') && path.endsWith('.html')) {
    return next().then(() => {
      ctx.set('Content-Security-Policy', STRICT_CSP);
    });
  }
  return next();
}

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [workerSourceMiddleware, faultsMiddleware],
  rootDir: '.',
  // One page at a time: a page in the background is not rendered, so ResizeObserver and
  // requestAnimationFrame (which the cards use) would not fire there.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), cliPlugin(), feedParserPlugin(), pagefindBundlePlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Test files run in parallel pages; keep background pages from being throttled.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  // Lit's dev-mode banner is noise in every test file.
  filterBrowserLogs: ({ args }) => !args.some((a) => typeof a === 'string' && a.includes('Lit is in dev mode')),
  reporters: [defaultReporter(), summaryReporter()],
};
