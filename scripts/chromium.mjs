// Finds a Chromium for tests, screenshots and benchmarks. On Debian as root it installs the
// `chromium` package when none is there; elsewhere it says exactly what to install.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function found() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  return CANDIDATES.find((p) => existsSync(p));
}

function isDebian() {
  try {
    return /debian|ubuntu/i.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** Returns the path of a Chromium binary, or null after printing what to do. */
export function ensureChromium() {
  let path = found();
  if (path) return path;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && isDebian()) {
    console.log('Chromium is not installed: installing Debian\'s chromium package (apt-get install -y chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }) : update;
    path = found();
    if (install.status === 0 && path) return path;
    console.error('\nInstalling chromium with apt-get failed (see above).');
  }
  console.error(
    [
      '',
      'The tests need a Chromium browser and none was found.',
      'Install one, then run the command again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium   (or chromium-browser)',
      '  Fedora:         sudo dnf install -y chromium',
      '  macOS:          brew install --cask chromium',
      'Or point CHROME_PATH at an existing Chrome/Chromium binary, e.g.',
      '  CHROME_PATH=/path/to/chrome npm test',
      '',
    ].join('\n'),
  );
  return null;
}
