// A managed roll-out in real Chromium: a policy file in Chromium's managed policy folder gives the
// extension the worker URL and an enroll key (storage.managed); the extension asks the name once,
// enrols, keeps only its personal read key, and the options show the organisation's locked fields.
//
// Writing under /etc/chromium/policies/managed needs root (CI runs as root). Every Chromium on the
// machine reads that folder, and already running ones pick up changes to it, so the policy names
// an extension id of this run's own: the build is given a manifest key generated here. A policy
// for the product's fixed id would reach every other Chromium loading the extension meanwhile (other
// test files, other people's runs) and replace their worker URL. That the product build carries the
// fixed key, and so the id the README's policy names, is checked on the build itself below.
//
// Found by trying (Debian Chromium, headless through playwright-core, the extension unpacked with
// --load-extension): Chromium reads the policy folder at start; storage.managed of an unpacked
// extension holds its 3rdparty values (the manifest declares storage.managed_schema); chrome://policy
// lists them under the extension's name and id as Platform, Machine, Mandatory, OK. At installation
// the extension opens its options in a blank tab if one is open, so the test waits for that page
// before it opens tabs of its own.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { callWorker, createKey, startTestWorker } from '../../scripts/lib/local-worker.mjs';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { POLL } from './support/chromium-harness';
import { extensionIdOf, testExtensionKey, writeExtensionPolicy } from './support/policy';

/** The id the README's policy examples name, written out here rather than taken from the code. */
const FIXED_ID = 'ahahgcfffnkolcloajgjpodbeblfmaej';
const NAME = 'Carla Jensen';

let worker: Awaited<ReturnType<typeof startTestWorker>>;
let browser: ExtensionBrowser;
let buildDir: string;
let enrollKey: string;
let builtKey: string;
let testKey: { key: string; id: string };
let policy: ReturnType<typeof writeExtensionPolicy> | undefined;

/** What the extension keeps in storage.local, read in its service worker. */
async function local(): Promise<Record<string, unknown>> {
  const sw = await browser.serviceWorker();

  return sw.evaluate(async () => (globalThis as any).chrome.storage.local.get(null));
}

/** The options page the extension opened by itself at installation. */
function openedOptions(): Page | undefined {
  return browser.context
    .pages()
    .find((page) => page.url() === `chrome-extension://${browser.extensionId}/options.html`);
}

/** Waits, by browser events rather than a fixed time, for the options page opened at installation. */
async function waitForOpenedOptions(): Promise<void> {
  const deadline = Date.now() + POLL.timeout;
  while (!openedOptions()) {
    if (Date.now() > deadline) throw new Error('the extension did not open its options after installation');
    await browser.context.waitForEvent('page', { timeout: 1_000 }).catch(() => undefined);
  }
}

/**
 * The member line once the options show it; until then what the join section says (busy, invalid
 * name, a worker's problem), so that a wait that runs out tells where the join stopped.
 */
async function memberOrJoinState(page: Page): Promise<string> {
  const member = page.getByTestId('member-name');
  if (await member.count()) return (await member.textContent()) ?? '';
  const result = page.getByTestId('enrol-result');
  if (!(await result.count())) return 'no member line and no join section';
  return `join section: ${await result.getAttribute('data-result')} ${await result.textContent()}`;
}

/** A page's text through its shadow roots (chrome://policy draws its tables inside them), one cell a field. */
function deepText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) out.push(node.textContent.trim());
      const shadow = (node as Element).shadowRoot;
      if (shadow) walk(shadow);
      node.childNodes.forEach(walk);
    };
    walk(document.body);
    return out.join(' | ');
  });
}

beforeAll(async () => {
  worker = await startTestWorker({ tenant: '987-MGD-654' });
  enrollKey = (await createKey(worker.url, worker.rootToken, worker.tenant, 'enroll', 'policy rollout'))
    .key as string;
  buildDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-managed-'));
  // The build's worker URL only gives host access; no key is built in.
  const extensionDir = await buildExtension({ workerUrl: worker.url, outDir: buildDir });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  builtKey = manifest.key;
  testKey = testExtensionKey();
  await writeFile(manifestPath, JSON.stringify({ ...manifest, key: testKey.key }));
  policy = writeExtensionPolicy(testKey.id, { workerUrl: worker.url, enrollKey, lockConnection: true });
  browser = await launchWithExtension(extensionDir);
  // Before any tab of the test's own: the extension opens its options at installation, in a blank tab if one is there.
  await waitForOpenedOptions();
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

describe('managed roll-out by browser policy', () => {
  it('gives the policy to the extension the manifest key names', async () => {
    expect(extensionIdOf(builtKey)).toBe(FIXED_ID);
    expect(browser.extensionId).toBe(testKey.id);
    const sw = await browser.serviceWorker();

    const managed = await sw.evaluate(async () => (globalThis as any).chrome.storage.managed.get(null));
    expect(managed).toEqual({ workerUrl: worker.url, enrollKey, lockConnection: true });
    // The browser's own policy page lists it under the extension (by name and id), each value
    // from the platform, machine-wide and mandatory, and valid against managed_schema.json.
    const page = await browser.context.newPage();
    await page.goto('chrome://policy');
    await expect.poll(() => deepText(page), POLL).toContain(`Marketo Notifier | ${testKey.id} |`);
    const text = await deepText(page);
    expect(text).toContain(`workerUrl | ${worker.url} | Platform | Machine | Mandatory | OK`);
    expect(text).toContain(`lockConnection | true | Platform | Machine | Mandatory | OK`);
    expect(text).toContain(`enrollKey | ${enrollKey} | Platform | Machine | Mandatory | OK`);
    expect(text).toMatch(/language \| Not set\./);
    await page.close();
  });

  it('asks the name once, enrols, keeps only the personal key, and shows the locked connection', async () => {
    // Installed under a policy that enrols: the options opened by themselves, asking only for the name.
    const page = openedOptions()!;
    expect(page).toBeDefined();
    await page.setViewportSize({ width: 900, height: 1400 });
    await expect.poll(() => page.getByTestId('enrol').count(), POLL).toBe(1);
    expect(await page.getByTestId('enrol-worker-url').count()).toBe(0);
    expect(await page.getByTestId('enrol-key').count()).toBe(0);
    await page.getByTestId('enrol-name').fill(NAME);
    await page.getByTestId('enrol-submit').click();
    await expect.poll(() => memberOrJoinState(page), POLL).toBe(`Your name in the team: ${NAME}`);
    // Said once every managed connection is stored, a moment after the first of them shows.
    await expect
      .poll(() => page.getByTestId('enrol-joined').textContent(), POLL)
      .toBe(`You joined as ${NAME}.`);

    const [stored] = (await local()).connection as {
      id: string;
      workerUrl: string;
      key: string;
      member: string;
      managed: boolean;
    }[];
    expect(stored!.managed).toBe(true);
    expect(stored!.member).toBe(NAME);
    expect(stored!.key).toMatch(/^mn_/);
    expect(stored!.key).not.toBe(enrollKey);
    expect(JSON.stringify(await local())).not.toContain(enrollKey);
    await expect
      .poll(
        async () =>
          ((await local()).states as Record<string, { status: string }> | undefined)?.[stored!.id]?.status,
        POLL,
      )
      .toBe('live');
    // The worker knows the new member by the name given, with one key (the personal read key).
    const admin = await callWorker(worker.url, '/v1/members', { token: worker.keys.admin });
    expect(admin.status).toBe(200);
    const member = (
      admin.body as { members: { member: string; keys: { role: string; label: string | null }[] }[] }
    ).members.find((m) => m.member === NAME);
    expect(member?.keys).toEqual([expect.objectContaining({ role: 'read' })]);

    // Asked once: the options opened again show the connection, set and locked by the organisation.
    await page.reload();
    await expect.poll(() => page.getByTestId('member-name').count(), POLL).toBe(1);
    expect(await page.getByTestId('enrol').count()).toBe(0);
    expect(await page.getByTestId('connection-locked').textContent()).toBe(
      'Your organisation manages this connection.',
    );
    const url = page.getByTestId('worker-url');
    await expect.poll(() => url.inputValue(), POLL).toBe(worker.url);
    expect(await url.getAttribute('readonly')).not.toBeNull();
    expect(await url.getAttribute('data-managed')).toBe('true');
    expect(await page.getByTestId('worker-url-hint').textContent()).toBe('Set by your organisation.');
    expect(await page.getByTestId('key').isDisabled()).toBe(true);
    expect(await page.getByTestId('forget-key').count()).toBe(0);
    await page.close();
  });
});
