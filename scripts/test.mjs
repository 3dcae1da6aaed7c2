#!/usr/bin/env node
// `npm test`: makes sure a Chromium is there (installing Debian's when we can), then runs
// @web/test-runner in it. Never ends in a bare stack trace when the browser is missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const chrome = ensureChromium();
if (!chrome) process.exit(1);

const bin = new URL('../node_modules/.bin/web-test-runner', import.meta.url).pathname;
if (!existsSync(bin)) {
  console.error('The test runner is not installed. Run `npm ci` first (or `npm run test:ci`, which does both).');
  process.exit(1);
}
const result = spawnSync(bin, ['--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});
process.exit(result.status ?? 1);
