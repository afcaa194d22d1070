// The browsers the end-to-end tests drive, and the oldest version of each they work in. Firefox
// ESR 140 fails deep in WebDriver BiDi (browsingContext.create: TabManager.getTabBrowser(...) is
// undefined); 153 passes. Chromium 156 is what Debian bookworm-security ships.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

import { CHROMIUM } from './chromium.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface Browser {
  name: string;
  path: string;
  minimum: number;
}

export interface BrowserCheck {
  state: 'ok' | 'missing' | 'older' | 'unknown';
  version: number | null;
  message: string;
}

/** Per Debian package: its name, the executable and the minimum major version. */
export const BROWSERS: Record<'chromium' | 'firefox-esr', Browser> = {
  chromium: { name: 'Chromium', path: CHROMIUM, minimum: 156 },
  'firefox-esr': { name: 'Firefox ESR', path: FIREFOX, minimum: 153 },
};

/**
 * The major version in a `--version` line,
 * e.g. `Chromium 156.0.8078.129 built on…`, `Mozilla Firefox 153.8.0esr`.
 */
export function majorVersion(text: string): number | null {
  const match = /\b(\d+)\.\d+(?:\.\d+)*/.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * What the browser at `path` is: `{ state: 'ok' | 'missing' | 'older' | 'unknown', version, message }`.
 * `message` says, for a person, what was found and what the end-to-end tests need.
 */
export async function checkBrowser({ name, path, minimum }: Browser): Promise<BrowserCheck> {
  const need = `the end-to-end tests need ${name} ${minimum} or later`;
  if (!existsSync(path)) {
    return { state: 'missing', version: null, message: `${name} is missing at ${path}: ${need}` };
  }
  const output = await promisify(execFile)(path, ['--version'], { timeout: 30_000 }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string }) => `${error.stdout ?? ''}`,
  );
  // Debian's chromium wrapper can print a line of its own first: the browser's line names it.
  const line = output.split('\n').find((l) => l.includes(name.split(' ')[0])) ?? output.trim();
  const major = majorVersion(line);
  if (major === null) {
    const message = `${path} --version gave no version (${JSON.stringify(line)}): ${need}`;
    return { state: 'unknown', version: null, message };
  }
  const version = line.trim();
  if (major < minimum) {
    const message = `${version} at ${path} is older than ${minimum}: ${need}`;
    return { state: 'older', version: major, message };
  }
  return { state: 'ok', version: major, message: `${version} at ${path} (${minimum} or later needed)` };
}

const required = new Map<string, Promise<void>>();

/**
 * Throws, naming the minimum, unless the browser of this Debian package is there and recent
 * enough. Asked once per process.
 */
export function requireBrowser(pkg: keyof typeof BROWSERS): Promise<void> {
  if (!required.has(pkg)) {
    const install = `Debian: apt-get update && apt-get install -y ${pkg}; .ci/run does it`;
    required.set(
      pkg,
      checkBrowser(BROWSERS[pkg]).then((result) => {
        if (result.state !== 'ok') throw new Error(`${result.message} (${install})`);
      }),
    );
  }
  return required.get(pkg)!;
}
