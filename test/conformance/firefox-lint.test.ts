// Mozilla's addons-linter on the Firefox build: no error, no warning from our code, and each
// warning from a dependency is one the README explains.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { DEPENDENCY_WARNINGS, describeLint, lintFirefoxBuild } from '../../scripts/lib/firefox-lint.mjs';

let buildDir: string;
let result: Awaited<ReturnType<typeof lintFirefoxBuild>>;

beforeAll(async () => {
  buildDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-lint-'));
  result = await lintFirefoxBuild(await buildExtension({ outDir: buildDir, browser: 'firefox' }));
}, 120_000);

afterAll(async () => {
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
});

describe('addons-linter on the Firefox build', () => {
  it('finds no error and no warning in our own code', () => {
    expect(result.errors, describeLint(result)).toEqual([]);
    expect(result.ownWarnings, describeLint(result)).toEqual([]);
  });

  it('finds only the dependency warnings the README explains, each of them still there', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Firefox add-on linter'));
    expect(section).not.toBe(readme);
    for (const known of DEPENDENCY_WARNINGS) {
      expect(section, known.dependency).toContain(known.code);
      // An explanation for a warning that no longer occurs goes too.
      expect(
        result.dependencyWarnings.some((w) => w.code === known.code),
        `${known.code} from ${known.dependency}`,
      ).toBe(true);
    }
  });

  it('has no source of ours that writes HTML or evaluates strings', async () => {
    const root = new URL('../../extension/', import.meta.url);
    const files = (await readdir(root, { recursive: true })).filter((f) => /\.(ts|tsx)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = await readFile(new URL(file, root), 'utf8');
      expect(text, file).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|\beval\(|new Function\(|document\.write/,
      );
    }
  });
});
