// The browser check of .ci/run and of the end-to-end tests: a browser older than its minimum, or
// missing, is named with the minimum it needs. Real executables that print a version line.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BROWSERS, checkBrowser, majorVersion } from '../../scripts/lib/browser-versions.ts';
import { projectEnv, projectRoot } from '../../scripts/lib/project.mjs';

let dir: string;

/** An executable that answers `--version` with `line`, as the browser would. */
async function fakeBrowser(file: string, ...lines: string[]): Promise<string> {
  const path = join(dir, file);
  await writeFile(path, `#!/bin/sh\n${lines.map((l) => `echo '${l}'`).join('\n')}\n`);
  await chmod(path, 0o755);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marketo-notifier-browsers-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('browser versions', () => {
  it('states the minimums: Firefox ESR 153 and Chromium 156', () => {
    expect(BROWSERS['firefox-esr'].minimum).toBe(153);
    expect(BROWSERS.chromium.minimum).toBe(156);
  });

  it('reads the major version of each browser’s --version line', () => {
    expect(majorVersion('Mozilla Firefox 153.8.0esr')).toBe(153);
    expect(majorVersion('Chromium 156.0.8078.129 built on Debian GNU/Linux 12 (bookworm)')).toBe(156);
    expect(majorVersion('no version here')).toBeNull();
  });

  it('refuses Firefox ESR 140, naming the minimum', async () => {
    const path = await fakeBrowser('firefox-esr', 'Mozilla Firefox 140.12.0esr');
    const result = await checkBrowser({ ...BROWSERS['firefox-esr'], path });
    expect(result.state).toBe('older');
    expect(result.message).toContain('140.12.0esr');
    expect(result.message).toContain('Firefox ESR 153 or later');
  });

  it('accepts Chromium 156 past the wrapper’s own line, and refuses 150', async () => {
    const wrapperLine = '/usr/bin/chromium: 9: [: 1: unexpected operator';
    const current = await fakeBrowser('chromium', wrapperLine, 'Chromium 156.0.8078.129 built on Debian');
    const result156 = await checkBrowser({ ...BROWSERS.chromium, path: current });
    expect(result156).toMatchObject({ state: 'ok', version: 156 });
    const old = await fakeBrowser('chromium-old', 'Chromium 150.0.7871.100 built on Debian');
    const result = await checkBrowser({ ...BROWSERS.chromium, path: old });
    expect(result).toMatchObject({ state: 'older', version: 150 });
    expect(result.message).toContain('Chromium 156 or later');
  });

  it('says a missing browser is missing', async () => {
    const result = await checkBrowser({ ...BROWSERS.chromium, path: join(dir, 'none') });
    expect(result.state).toBe('missing');
    expect(result.message).toContain('Chromium 156 or later');
  });

  it('stops the end-to-end tests on Firefox ESR 140 with the minimum in the message', async () => {
    const path = await fakeBrowser('firefox-esr-140', 'Mozilla Firefox 140.12.0esr');
    const script = [
      "import { requireBrowser } from './scripts/lib/browser-versions.ts';",
      "await requireBrowser('firefox-esr');",
    ].join('\n');
    const env = projectEnv.env({ FIREFOX_PATH: path });
    const args = ['--input-type=module', '-e', script];
    const run = promisify(execFile)(projectEnv.nodeBinary, args, { cwd: projectRoot, env });
    await expect(run).rejects.toThrow(/140\.12\.0esr .* is older than 153: .* need Firefox ESR 153 or later/);
  });

  it('is what .ci/run calls, and the README states the same minimums', async () => {
    const root = new URL('../../', import.meta.url);
    const ci = await readFile(new URL('.ci/run', root), 'utf8');
    expect(ci).toContain('scripts/check-browsers.mjs --outdated');
    expect(ci).toMatch(/\n\s*npx node scripts\/check-browsers\.mjs\n/);
    for (const { name, minimum } of Object.values(BROWSERS)) expect(ci).toContain(`${name} >= ${minimum}`);
    const quickStart = (await readFile(new URL('README.md', root), 'utf8')).split('\n## ')[1]!;
    for (const { name, minimum } of Object.values(BROWSERS)) {
      expect(quickStart).toContain(`${name} ${minimum} or later`);
    }
  });
});
