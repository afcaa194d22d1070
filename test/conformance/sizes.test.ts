// The size budgets, checked on a fresh production build of the extension and of the worker.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { BUDGETS_KIB } from '../support/budgets.mjs';
import { extensionSizes, workerBundleSize } from '../support/sizes.mjs';

let dir: string;
const measured = new Map<string, { gzip: number; files: string[] }>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marketo-notifier-sizes-'));
  const extension = await extensionSizes(await buildExtension({ outDir: join(dir, 'extension') }));
  for (const entry of extension.entries) measured.set(entry.name, entry);
  const worker = await workerBundleSize(join(dir, 'worker'));
  measured.set(worker.name, worker);
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('size budgets (gzipped JavaScript each part loads)', () => {
  it.each(Object.entries(BUDGETS_KIB))('%s: at most %i KiB', (part, kib) => {
    const size = measured.get(part);
    expect(size, part).toBeDefined();
    expect(size!.files.length).toBeGreaterThan(0);
    expect(size!.gzip / 1024, `${part}: ${size!.files.join(', ')}`).toBeLessThanOrEqual(kib);
  });

  it('measures every part it has a budget for, and nothing without one', () => {
    expect([...measured.keys()].sort()).toEqual(Object.keys(BUDGETS_KIB).sort());
  });
});
