// Tests run in Debian's Chromium (no downloaded browser). See scripts/test.mjs for the wrapper that
// installs it when missing and prints the closing `N passed, N failed` line.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/summary-reporter.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  // One page at a time: a page in the background is not rendered, so ResizeObserver and
  // requestAnimationFrame (which the cards use) would not fire there.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
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
