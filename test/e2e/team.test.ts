// Two browser profiles as two members of one team: each enrols in its own Chromium (its own
// user-data directory) with the same enroll key; one acknowledges, the other sees it live.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { campaignFailure } from '../../scripts/lib/demo-events.mjs';
import { createKey, startTestWorker } from '../../scripts/lib/local-worker.mjs';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { POLL } from './support/chromium-harness';
import { workerClient } from './support/worker-client';

const ALICE = 'Alice Martin';
const BRUNO = 'Bruno Keller';
/** The id the manifest key fixes (the README's policy names it), written out rather than taken from the code. */
const FIXED_ID = 'ahahgcfffnkolcloajgjpodbeblfmaej';

let worker: Awaited<ReturnType<typeof startTestWorker>>;
let api: ReturnType<typeof workerClient>;
let buildDir: string;
let alice: ExtensionBrowser;
let bruno: ExtensionBrowser;
let enrollKey: string;

async function openPage(
  browser: ExtensionBrowser,
  path: string,
  size = { width: 420, height: 720 },
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** What the background keeps in storage.local (its first connection and that one's state). */
async function stored<T>(browser: ExtensionBrowser, key: 'connection' | 'state'): Promise<T> {
  const sw = await browser.serviceWorker();

  const { connection, states } = await sw.evaluate(async () =>
    (globalThis as any).chrome.storage.local.get(['connection', 'states']),
  );
  // The one connection of each profile, and its state.
  return (key === 'connection' ? connection?.[0] : states?.[connection?.[0]?.id]) as T;
}

/** Joins the team in the options with the worker URL, the enroll key and a name, as a person would. */
async function enrolAs(browser: ExtensionBrowser, name: string): Promise<void> {
  const page = await openPage(browser, 'options.html', { width: 900, height: 1400 });
  // In a hook, so Playwright's own waits (expect.poll works inside tests only).
  await page.getByTestId('enrol').waitFor({ timeout: POLL.timeout });
  await page.getByTestId('enrol-worker-url').fill(worker.url);
  await page.getByTestId('enrol-key').fill(enrollKey);
  await page.getByTestId('enrol-name').fill(name);
  await page.getByTestId('enrol-submit').click();
  // Once the personal key is stored the page shows the connection with the member's name (the join form goes).
  await page.getByTestId('member-name').getByText(name).waitFor({ timeout: POLL.timeout });
  await page.close();
}

const badgeText = async (browser: ExtensionBrowser) => (await browser.badge()).text;

beforeAll(async () => {
  worker = await startTestWorker({ tenant: '987-TEM-654' });
  api = workerClient(worker);
  // No key in the build: both profiles get theirs by enrolling. The build's worker URL gives host access.
  buildDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-team-'));
  const extensionDir = await buildExtension({ workerUrl: worker.url, outDir: buildDir });
  // Two Chromium processes, each with its own temporary user-data directory (launchWithExtension makes one each).
  alice = await launchWithExtension(extensionDir);
  bruno = await launchWithExtension(extensionDir);
  enrollKey = (await createKey(worker.url, worker.rootToken, worker.tenant, 'enroll', 'team rollout'))
    .key as string;
  await enrolAs(alice, ALICE);
  await enrolAs(bruno, BRUNO);
});

afterAll(async () => {
  await alice?.close();
  await bruno?.close();
  await worker?.stop();
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
});

describe('two profiles as two members of one team', () => {
  it('each profile enrolled as its own member and keeps only its personal read key', async () => {
    // The same build in both profiles, under the id its manifest key fixes.
    expect([alice.extensionId, bruno.extensionId]).toEqual([FIXED_ID, FIXED_ID]);
    for (const [browser, name] of [
      [alice, ALICE],
      [bruno, BRUNO],
    ] as const) {
      const connection = await stored<{ workerUrl: string; key: string; member?: string }>(
        browser,
        'connection',
      );
      expect(connection.member).toBe(name);
      expect(connection.key).toMatch(/^mn_/);
      expect(connection.key).not.toBe(enrollKey);
      await expect
        .poll(async () => (await stored<{ status: string }>(browser, 'state'))?.status, POLL)
        .toBe('live');
    }
    const aliceKey = (await stored<{ key: string }>(alice, 'connection')).key;
    expect((await stored<{ key: string }>(bruno, 'connection')).key).not.toBe(aliceKey);
    // Nothing of the enroll key is left in either profile's storage.
    for (const browser of [alice, bruno]) {
      const sw = await browser.serviceWorker();

      const everything = await sw.evaluate(async () =>
        JSON.stringify(await (globalThis as any).chrome.storage.local.get(null)),
      );
      expect(everything).not.toContain(enrollKey);
    }
  });

  it('one member acknowledges, the other’s open popup shows it live; marking read stays personal', async () => {
    await api.ingest([
      campaignFailure({ id: 'team-e2e-1', campaign: { id: 7101, name: 'Team nurture: send email 1' } }),
    ]);
    const [first] = (await api.notifications('all')).filter(
      (n) => n.type === 'campaign_failure' && String(n.data.campaign.id) === '7101',
    );
    expect(first).toBeDefined();
    const id = first!.id;
    await expect.poll(() => badgeText(alice), POLL).toBe('1');
    await expect.poll(() => badgeText(bruno), POLL).toBe('1');

    // Bruno's popup is open first; a marker on its window shows later that it never reloaded.
    const brunoPopup = await openPage(bruno, 'popup.html');
    const brunoRow = brunoPopup.getByTestId(`notification-${id}`);
    await expect.poll(() => brunoRow.count(), POLL).toBe(1);
    expect(await brunoRow.getByTestId('triage').textContent()).toBe('');
    await brunoPopup.evaluate(() => ((window as unknown as { openedOnce: boolean }).openedOnce = true));

    const alicePopup = await openPage(alice, 'popup.html');
    const aliceRow = alicePopup.getByTestId(`notification-${id}`);
    await expect.poll(() => aliceRow.count(), POLL).toBe(1);
    await aliceRow.getByTestId(`details-${id}`).click();
    await aliceRow.getByTestId(`ack-${id}`).click();
    await expect
      .poll(() => aliceRow.getByTestId('triage').textContent(), POLL)
      .toMatch(new RegExp(`^${ALICE} is on it, `));

    // Through the stream: Bruno's row says who is on it, without a reload, and stays unread for him.
    await expect
      .poll(() => brunoRow.getByTestId('triage').textContent(), POLL)
      .toMatch(new RegExp(`^${ALICE} is on it, `));
    expect(await brunoPopup.evaluate(() => (window as unknown as { openedOnce?: boolean }).openedOnce)).toBe(
      true,
    );
    expect(await brunoRow.getAttribute('data-read')).toBe('false');

    // Alice marks it read: her badge clears; Bruno's count does not drop.
    await aliceRow.getByTestId(`mark-read-${id}`).click();
    await expect.poll(() => badgeText(alice), POLL).toBe('');
    // A second event reaches both streams after Alice's change: once Bruno's badge shows it, any
    // effect of her mark on his count would have arrived before it.
    await api.ingest([
      campaignFailure({ id: 'team-e2e-2', campaign: { id: 7102, name: 'Team nurture: send email 2' } }),
    ]);
    await expect.poll(() => badgeText(alice), POLL).toBe('1');
    await expect.poll(() => badgeText(bruno), POLL).toBe('2');
    expect((await stored<{ counts: { unread: number } }>(bruno, 'state')).counts.unread).toBe(2);
    expect(await brunoRow.getAttribute('data-read')).toBe('false');
    expect(await brunoPopup.evaluate(() => (window as unknown as { openedOnce?: boolean }).openedOnce)).toBe(
      true,
    );
    await alicePopup.close();
    await brunoPopup.close();
  });
});
