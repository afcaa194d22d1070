// A managed roll-out of two Marketo instances in real Chromium: the policy's `connections` names
// two tenants (one local worker), each with its enroll key; the extension asks the name once,
// enrols in both, keeps only the personal keys, and the options show both locked. Root only, like
// managed-policy.test.ts (whose notes on the policy folder and the test's own extension id apply).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { callWorker, createKey, provisionTenant, startTestWorker } from '../../scripts/lib/local-worker.mjs';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { POLL } from './support/chromium-harness';
import { testExtensionKey, writeExtensionPolicy } from './support/policy';

const NAME = 'Dana Holm';
const TENANT_B = '222-MGD-222';

let worker: Awaited<ReturnType<typeof startTestWorker>>;
let browser: ExtensionBrowser;
let buildDir: string;
let enrollKeys: string[];
let adminB: string;
let policy: ReturnType<typeof writeExtensionPolicy> | undefined;

type Stored = {
  id: string;
  label: string;
  workerUrl: string;
  key: string;
  member?: string;
  tenant?: string;
  managed?: boolean;
};

async function local(): Promise<Record<string, unknown>> {
  const sw = await browser.serviceWorker();

  return sw.evaluate(async () => (globalThis as any).chrome.storage.local.get(null));
}

function openedOptions(): Page | undefined {
  return browser.context
    .pages()
    .find((page) => page.url() === `chrome-extension://${browser.extensionId}/options.html`);
}

beforeAll(async () => {
  worker = await startTestWorker({ tenant: '111-MGD-111' });
  const b = await provisionTenant(worker.url, worker.rootToken, TENANT_B, { label: 'b' });
  adminB = b.keys.admin;
  enrollKeys = [
    (await createKey(worker.url, worker.rootToken, worker.tenant, 'enroll', 'policy production'))
      .key as string,
    (await createKey(worker.url, worker.rootToken, TENANT_B, 'enroll', 'policy sandbox')).key as string,
  ];
  buildDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-managed-two-'));
  const extensionDir = await buildExtension({ workerUrl: worker.url, outDir: buildDir });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const testKey = testExtensionKey();
  await writeFile(manifestPath, JSON.stringify({ ...manifest, key: testKey.key }));
  policy = writeExtensionPolicy(testKey.id, {
    connections: [
      { label: 'Production', workerUrl: worker.url, enrollKey: enrollKeys[0] },
      {
        label: 'Sandbox',
        workerUrl: worker.url,
        enrollKey: enrollKeys[1],
        marketoHost: 'app-sj02.marketo.com',
      },
    ],
    // Ignored: `connections` is set.
    workerUrl: 'https://ignored.example.workers.dev',
    lockConnection: true,
  });
  browser = await launchWithExtension(extensionDir);
  const deadline = Date.now() + POLL.timeout;
  while (!openedOptions()) {
    if (Date.now() > deadline) throw new Error('the extension did not open its options after installation');
    await browser.context.waitForEvent('page', { timeout: 1_000 }).catch(() => undefined);
  }
});

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    policy?.remove();
    await worker?.stop();
    if (buildDir) await rm(buildDir, { recursive: true, force: true });
  }
});

describe('managed roll-out of two instances', () => {
  it('asks the name once, enrols in both, and shows both connections locked', async () => {
    const page = openedOptions()!;
    await page.setViewportSize({ width: 900, height: 1400 });
    await expect.poll(() => page.getByTestId('enrol').count(), POLL).toBe(1);
    expect(await page.getByTestId('enrol').textContent()).toContain('set up: Production, Sandbox.');
    await page.getByTestId('enrol-name').fill(NAME);
    await page.getByTestId('enrol-submit').click();
    await expect
      .poll(() => page.getByTestId('enrol-joined').textContent(), POLL)
      .toBe(`You joined Production, Sandbox as ${NAME}.`);

    const stored = (await local()).connection as Stored[];
    expect(stored.map((c) => [c.label, c.tenant, c.member, c.managed])).toEqual([
      ['Production', worker.tenant, NAME, true],
      ['Sandbox', TENANT_B, NAME, true],
    ]);
    for (const c of stored) expect(c.key).toMatch(/^mn_/);
    const everything = JSON.stringify(await local());
    for (const key of enrollKeys) expect(everything).not.toContain(key);
    await expect
      .poll(
        async () =>
          Object.values(((await local()).states ?? {}) as Record<string, { status: string }>).map(
            (s) => s.status,
          ),
        POLL,
      )
      .toEqual(['live', 'live']);
    // The sandbox's tenant knows the new member.
    const members = await callWorker(worker.url, '/v1/members', { token: adminB });
    expect((members.body as { members: { member: string }[] }).members.map((m) => m.member)).toContain(NAME);

    // Asked once: the options opened again list both, neither removable, each locked.
    await page.reload();
    await expect.poll(() => page.getByTestId('connections-list').locator('li').count(), POLL).toBe(2);
    expect(await page.getByTestId('enrol').count()).toBe(0);
    for (const c of stored) {
      expect(await page.getByTestId(`remove-${c.id}`).count()).toBe(0);
      await page.getByTestId(`edit-${c.id}`).click();
      await expect
        .poll(() => page.getByTestId('connection-editor').getAttribute('data-connection'), POLL)
        .toBe(c.id);
      expect(await page.getByTestId('connection-locked').textContent()).toBe(
        'Your organisation manages this connection.',
      );
      expect(await page.getByTestId('worker-url').inputValue()).toBe(worker.url);
      expect(await page.getByTestId('worker-url').getAttribute('readonly')).not.toBeNull();
      expect(await page.getByTestId('key').isDisabled()).toBe(true);
      expect(await page.getByTestId('forget-key').count()).toBe(0);
    }
    expect(await page.getByTestId('marketo-host').inputValue()).toBe('app-sj02.marketo.com');
    await page.close();
  });
});
