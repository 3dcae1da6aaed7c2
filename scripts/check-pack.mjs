#!/usr/bin/env node
// Checks what `npm pack` would publish: every file the package's entry points name is in it,
// and nothing that should stay home (sources of tests, stories, fixtures, node_modules) is.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = new Set(pack.files.map((f) => f.path));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];

const targets = new Set();
const collect = (v) => {
  if (typeof v === 'string') targets.add(v.replace(/^\.\//, ''));
  else if (v && typeof v === 'object') Object.values(v).forEach(collect);
};
collect(pkg.exports);
for (const key of ['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements']) collect(pkg[key]);
for (const t of targets) if (!files.has(t)) problems.push(`missing from the package: ${t}`);

const forbidden = [/^test\//, /^stories\//, /^node_modules\//, /^\.ci\//, /^src\//, /\.test\.(ts|js)$/, /^storybook-static\//];
for (const f of files) if (forbidden.some((re) => re.test(f))) problems.push(`should not be published: ${f}`);
if (![...files].some((f) => f.startsWith('cdn/chunks/'))) problems.push('the lazily loaded CDN chunks (cdn/chunks/) are missing');

console.log(`npm pack: ${files.size} files, ${(pack.size / 1024).toFixed(0)} kB packed, ${(pack.unpackedSize / 1024).toFixed(0)} kB unpacked.`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('Package contents OK.');
