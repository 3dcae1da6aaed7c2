#!/usr/bin/env node
// Part of `npm run build-storybook`: writes the Pagefind index of the sample corpus into
// storybook-static/pagefind/ for the "Search index (Pagefind)" story, with the built CLI.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const cli = new URL('../dist/cli/paper-corpus.js', import.meta.url).pathname;
if (!existsSync(cli)) {
  console.log('storybook-index: dist/ is not built (npm run build); the search index story will show its missing-index message.');
  process.exit(0);
}
const r = spawnSync(process.execPath, [cli, 'index', 'public/sample-papers.json', '-o', 'storybook-static/pagefind', '-q'], { stdio: 'inherit' });
if (r.status !== 0) console.log('storybook-index: no index written (is the optional pagefind package installed?); the story shows the missing-index message.');
