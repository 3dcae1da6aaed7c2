#!/usr/bin/env node
// Builds every example for test/examples/ (run after `npm run build`, before the tests):
//   examples/react, examples/vue  npm install (the package as npm installs it from the registry:
//                                 .npmrc install-links packs ../.., `files` only), type-check
//                                 (tsc / vue-tsc, against dist/jsx.d.ts / dist/vue.d.ts) and
//                                 vite build into dist/;
//   examples/jekyll               jekyll build into _site/;
//   examples/hugo                 hugo into public/.
// The Jekyll and Hugo pages load paper-feed.js from /cdn/ (the repository's build) instead of
// jsDelivr, through an extra config file. Without `jekyll` or `hugo` on the PATH those two are
// skipped with a note (their tests skip too), except under CI=true, where that is an error.
//   node scripts/build-examples.mjs [react] [vue] [jekyll] [hugo]    (default: all)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ALL = ['react', 'vue', 'jekyll', 'hugo'];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
for (const name of wanted) if (!ALL.includes(name)) fail(`Unknown example "${name}" (examples: ${ALL.join(', ')}).`);
const CI = Boolean(process.env.CI) && process.env.CI !== 'false';
const started = Date.now();
const results = [];

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** Runs a command, echoing its output with a prefix; resolves when it succeeds. */
function run(label, command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, env: { ...process.env, NPM_CONFIG_UPDATE_NOTIFIER: 'false', NPM_CONFIG_FUND: 'false', NPM_CONFIG_AUDIT: 'false', ...options.env } });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else {
        const tail = output.trimEnd().split('\n').slice(-40).map((line) => `  [${label}] ${line}`).join('\n');
        reject(new Error(`${label}: \`${[command, ...args].join(' ')}\` exited with ${code}\n${tail}`));
      }
    });
  });
}

function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, command)));
}

for (const file of ['dist/index.js', 'dist/define.js', 'cdn/paper-feed.js']) {
  if (!existsSync(file)) fail(`${file} is missing: run \`npm run build\` first (the examples use the built package).`);
}
if (!existsSync('dist/jsx.d.ts') || !existsSync('dist/vue.d.ts')) {
  // `npm run build` writes them (build:types); regenerate them if an earlier step removed them.
  console.log('dist/jsx.d.ts or dist/vue.d.ts is missing: generating them (node scripts/framework-types.mjs).');
  await run('types', process.execPath, ['scripts/framework-types.mjs']);
}

async function viteApp(name) {
  const cwd = `examples/${name}`;
  const t = Date.now();
  // A fresh copy of the package on every run (npm keeps an installed copy of the same version).
  rmSync(`${cwd}/node_modules/paper-feed-elements`, { recursive: true, force: true });
  rmSync(`${cwd}/dist`, { recursive: true, force: true });
  await run(name, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd });
  await run(name, 'npm', ['run', 'build'], { cwd });
  if (!existsSync(`${cwd}/dist/index.html`)) throw new Error(`${name}: no ${cwd}/dist/index.html after the build`);
  results.push(`${name}: ${cwd}/dist (${((Date.now() - t) / 1000).toFixed(0)} s)`);
}

const tmp = mkdtempSync(join(tmpdir(), 'paper-examples-'));
const LOCAL_SCRIPT = '/cdn/paper-feed.js';

async function staticSite(name, command, build) {
  if (!onPath(command)) {
    const how = `Debian/Ubuntu: apt-get install --no-install-recommends -y ${command}`;
    if (CI) throw new Error(`${name}: \`${command}\` is not installed (${how}).`);
    results.push(`${name}: skipped, \`${command}\` is not installed (${how}); its tests will be skipped`);
    return;
  }
  const t = Date.now();
  const out = await build();
  results.push(`${name}: ${out} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

const jobs = [];
// The two npm installs are mostly network: run them side by side.
for (const name of ['react', 'vue']) if (wanted.includes(name)) jobs.push(viteApp(name));
if (wanted.includes('jekyll')) {
  jobs.push(
    staticSite('jekyll', 'jekyll', async () => {
      const config = join(tmp, 'jekyll-test.yml');
      writeFileSync(config, `paper_feed_script: ${LOCAL_SCRIPT}\n`);
      const dest = 'examples/jekyll/_site';
      await run('jekyll', 'jekyll', ['build', '--quiet', '--disable-disk-cache', '--source', 'examples/jekyll', '--destination', dest, '--baseurl', `/${dest}`, '--config', `examples/jekyll/_config.yml,${config}`]);
      return dest;
    }),
  );
}
if (wanted.includes('hugo')) {
  jobs.push(
    staticSite('hugo', 'hugo', async () => {
      const config = join(tmp, 'hugo-test.toml');
      writeFileSync(config, `[params]\n  paper_feed_script = "${LOCAL_SCRIPT}"\n`);
      rmSync('examples/hugo/public', { recursive: true, force: true });
      await run('hugo', 'hugo', ['--quiet', '--noBuildLock', '--source', 'examples/hugo', '--destination', 'public', '--baseURL', 'http://localhost/examples/hugo/public/', '--config', `hugo.toml,${config}`]);
      rmSync('examples/hugo/resources', { recursive: true, force: true });
      return 'examples/hugo/public';
    }),
  );
}

const settled = await Promise.allSettled(jobs);
rmSync(tmp, { recursive: true, force: true });
for (const line of results) console.log(line);
const errors = settled.filter((s) => s.status === 'rejected').map((s) => s.reason?.message ?? String(s.reason));
if (errors.length) fail(`\n${errors.join('\n\n')}`);
console.log(`Examples built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
