// `npm run zip`: the Chrome and Firefox packages hold the icons at every size, a name and a
// description in every language, and pass the manifest checks the stores make: no manifest `key`
// in Chrome's, Marketo reached over https only, and Firefox's data collection declared.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { projectEnv, projectRoot } from '../../scripts/lib/project.mjs';
import { LANGUAGES, localeFolder } from '../../shared/languages';

const ICON_SIZES = ['16', '32', '48', '64', '96', '128'];

/** The files of a zip archive, read from its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

function zipFor(browser: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script =
      "import { zip } from 'wxt'; " +
      `await zip({ browser: ${JSON.stringify(browser)}, outDir: ${JSON.stringify(outDir)} });`;
    const child = spawn(projectEnv.nodeBinary, ['--input-type=module', '-e', script], {
      cwd: projectRoot,
      // A store package is never preconfigured with a worker.
      env: projectEnv.env({ WXT_WORKER_URL: '', WXT_READ_KEY: '' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`wxt zip -b ${browser} failed:\n${output}`)),
    );
  });
}

let outDir: string;
const packages = new Map<string, Map<string, Buffer>>();

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-zip-'));
  for (const browser of ['chrome', 'firefox']) await zipFor(browser, outDir);
  for (const file of (await readdir(outDir)).filter((f) => f.endsWith('.zip') && !f.includes('sources'))) {
    packages.set(file.includes('firefox') ? 'firefox' : 'chrome', unzip(await readFile(join(outDir, file))));
  }
}, 120_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe.each(['chrome', 'firefox'])('the %s package', (browser) => {
  it('names every icon size in the manifest and holds each of them', () => {
    const files = packages.get(browser)!;
    expect(files).toBeDefined();
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(Object.keys(manifest.icons).sort()).toEqual([...ICON_SIZES].sort());
    const action = manifest.action ?? manifest.browser_action;
    expect(Object.keys(action.default_icon).sort()).toEqual(['16', '32', '48'].sort());
    for (const path of [
      ...Object.values(manifest.icons),
      ...Object.values(action.default_icon),
    ] as string[]) {
      const png = files.get(path.replace(/^\//, ''));
      expect(png, path).toBeDefined();
      // A PNG of the size its key names.
      expect(png!.subarray(1, 4).toString('latin1')).toBe('PNG');
      const size = String(png!.readUInt32BE(16));
      expect([size, String(png!.readUInt32BE(20))]).toEqual([path.match(/(\d+)\.png$/)![1], size]);
    }
  });

  it('takes its name and description from _locales, in every language', () => {
    const files = packages.get(browser)!;
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
    });
    for (const lang of LANGUAGES) {
      const messages = JSON.parse(
        files.get(`_locales/${localeFolder(lang)}/messages.json`)!.toString('utf8'),
      );
      expect(messages.extName.message, lang).not.toBe('');
      // Chrome Web Store: a description of at most 132 characters.
      expect(messages.extDescription.message.length, lang).toBeGreaterThan(20);
      expect(messages.extDescription.message.length, lang).toBeLessThanOrEqual(132);
    }
  });
});

const manifestOf = (browser: string) =>
  JSON.parse(packages.get(browser)!.get('manifest.json')!.toString('utf8'));

/** Where the extension runs or reads without asking: content scripts, host permissions, page resources. */
function grantedPatterns(manifest: any): string[] {
  const scripts = (manifest.content_scripts ?? []).flatMap((c: any) => [
    ...(c.matches ?? []),
    ...(c.include_globs ?? []),
  ]);
  const resources = (manifest.web_accessible_resources ?? []).flatMap((r: any) => r.matches ?? []);
  // Firefox's MV2 build lists host permissions among its permissions.
  const hosts = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.permissions ?? []).filter((p: string) => p.includes(':')),
  ];
  return [...scripts, ...resources, ...hosts];
}

describe('store readiness', () => {
  it('leaves the manifest key out of the Chrome package, and in the unpacked build', async () => {
    expect(manifestOf('chrome')).not.toHaveProperty('key');
    // The build the package was made from keeps the fixed id for unpacked and policy installs.
    const unpacked = JSON.parse(await readFile(join(outDir, 'chrome-mv3', 'manifest.json'), 'utf8'));
    expect(unpacked.key).toMatch(/^MII[A-Za-z0-9+/]{200,}={0,2}$/);
  });

  it.each(['chrome', 'firefox'])('reaches Marketo pages over https only (%s)', (browser) => {
    const manifest = manifestOf(browser);
    const patterns = grantedPatterns(manifest);
    expect(
      patterns.some((p) => p.includes('marketo.com')),
      JSON.stringify(patterns),
    ).toBe(true);
    for (const pattern of patterns) expect(pattern, browser).toMatch(/^https:\/\//);
    // The content script: both its match patterns and its globs.
    const [script] = manifest.content_scripts;
    expect(script.matches.length).toBeGreaterThan(0);
    expect(script.include_globs.length).toBeGreaterThan(0);
  });

  it('declares what Firefox users send: the member name and the key', () => {
    const gecko = manifestOf('firefox').browser_specific_settings.gecko;
    expect(gecko.data_collection_permissions).toEqual({
      required: ['authenticationInfo', 'personallyIdentifyingInfo'],
    });
  });

  it('says in the README what the manifests declare', async () => {
    const readme = await readFile(join(projectRoot, 'README.md'), 'utf8');
    const start = readme.indexOf('## Privacy');
    const privacy = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const declared = manifestOf('firefox').browser_specific_settings.gecko.data_collection_permissions;
    for (const type of declared.required) {
      expect(privacy).toContain(`\`${type}\``);
    }
    expect(privacy).toContain('https://app-*');
    expect(privacy).not.toMatch(/http:\/\/(app|engage)-/);
  });
});
