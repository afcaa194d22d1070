// Several Marketo instances in one extension, in real Chromium: two tenants on one local worker
// (the build's own, A, and B) and a third (C) on a second worker. Connections are added in the
// options as a person would; events to each add up in the badge, the popup's tabs show each feed,
// an acknowledgement in "All" reaches its own tenant, a revoked key shows in its connection only,
// and the overlay on B's Marketo host shows B's notifications.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { campaignFailure, engagementExhausted } from '../../scripts/lib/demo-events.mjs';
import { callWorker, provisionTenant, startTestWorker } from '../../scripts/lib/local-worker.mjs';
import { POLL, RED, rgba, useChromiumExtension } from './support/chromium-harness';
import { overlayView } from './support/overlay-view';

const TENANT_A = '111-AAA-111';
const TENANT_B = '222-BBB-222';
const TENANT_C = '333-CCC-333';
const HOST_B = 'app-bb22.marketo.com';

const h = useChromiumExtension({ tenant: TENANT_A, marketoPage: true });
let second: Awaited<ReturnType<typeof startTestWorker>>;
let tenantB: Awaited<ReturnType<typeof provisionTenant>>;

type Stored = {
  id: string;
  label: string;
  workerUrl: string;
  key: string;
  tenant?: string;
  marketoHost?: string;
};

async function local(): Promise<{
  connection?: Stored[];
  states?: Record<string, { status: string; problem: { kind: string } | null }>;
}> {
  const sw = await h.browser.serviceWorker();

  return sw.evaluate(async () => (globalThis as any).chrome.storage.local.get(['connection', 'states']));
}
const idOf = async (label: string) => (await local()).connection!.find((c) => c.label === label)!.id;

async function ingest(url: string, key: string, events: object[]): Promise<void> {
  const result = await callWorker(url, '/v1/events', { method: 'POST', token: key, body: { events } });
  expect(result.status, JSON.stringify(result.body)).toBe(202);
}

async function notificationsOf(
  url: string,
  adminKey: string,
): Promise<{ id: string; type: string; ack?: { member: string } | null }[]> {
  const result = await callWorker(url, '/v1/notifications?status=all&limit=100', { token: adminKey });
  expect(result.status).toBe(200);
  return (result.body as { items: { id: string; type: string; ack?: { member: string } | null }[] }).items;
}

/** Adds a connection in the options, as a person does: "Add", its fields, "Save". */
async function addConnection(
  page: Page,
  fields: { label: string; workerUrl: string; key: string; marketoHost?: string },
) {
  await page.getByTestId('add-connection').click();
  await expect
    .poll(() => page.getByTestId('connection-editor').getAttribute('data-connection'), POLL)
    .toBe('');
  await page.getByTestId('connection-label').fill(fields.label);
  await page.getByTestId('worker-url').fill(fields.workerUrl);
  await page.getByTestId('key').fill(fields.key);
  if (fields.marketoHost) await page.getByTestId('marketo-host').fill(fields.marketoHost);
  await page.getByTestId('save').click();
  await expect
    .poll(async () => (await local()).connection?.some((c) => c.label === fields.label), POLL)
    .toBe(true);
}

beforeAll(async () => {
  tenantB = await provisionTenant(h.worker.url, h.worker.rootToken, TENANT_B, { label: 'b' });
  second = await startTestWorker({ tenant: TENANT_C });
});

afterAll(async () => {
  await second?.stop();
});

describe('several Marketo instances', () => {
  it(
    'adds connections in the options, refuses a duplicate ' +
      'and a bad label, and adds up the badge over all',
    async () => {
      const page = await h.openExtensionPage('options.html', { width: 900, height: 1600 });
      await expect
        .poll(() => page.getByTestId('connection-result').getAttribute('data-result'), POLL)
        .toBe('ok');
      await addConnection(page, {
        label: 'Sandbox',
        workerUrl: h.worker.url,
        key: tenantB.keys.read,
        marketoHost: HOST_B,
      });
      await addConnection(page, { label: 'Client', workerUrl: second.url, key: second.keys.read });

      // The same worker and tenant as Sandbox again: refused once the test names the tenant; nothing stored.
      await page.getByTestId('add-connection').click();
      await page.getByTestId('connection-label').fill('Sandbox again');
      await page.getByTestId('worker-url').fill(h.worker.url);
      await page.getByTestId('key').fill(tenantB.keys.admin);
      await page.getByTestId('save').click();
      await expect
        .poll(() => page.getByTestId('connection-issue').getAttribute('data-issue'), POLL)
        .toBe('duplicate');
      expect(await page.getByTestId('connection-issue').textContent()).toBe(
        `Sandbox already connects to this worker and Marketo instance (${TENANT_B}).`,
      );
      await page.getByTestId('connection-label').fill('x'.repeat(41));
      await page.getByTestId('save').click();
      await expect
        .poll(() => page.getByTestId('connection-issue').getAttribute('data-issue'), POLL)
        .toBe('label');
      expect((await local()).connection!.map((c) => c.label)).toEqual([
        expect.any(String),
        'Sandbox',
        'Client',
      ]);
      await expect
        .poll(async () => (await local()).connection!.map((c) => c.tenant), POLL)
        .toEqual([TENANT_A, TENANT_B, TENANT_C]);

      await ingest(h.worker.url, h.worker.keys.ingest, [
        engagementExhausted({ program: { id: 41, name: 'A nurture' } }),
      ]);
      await ingest(h.worker.url, tenantB.keys.ingest, [
        campaignFailure({ campaign: { id: 42, name: 'B launch' } }),
      ]);
      await ingest(second.url, second.keys.ingest, [
        engagementExhausted({ program: { id: 43, name: 'C nurture' } }),
      ]);
      await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('3');
      expect((await h.browser.badge()).color).toEqual(rgba(RED));
      await page.close();
    },
  );

  it('shows "All" and one tab per connection, each with its feed; "All" labels its rows', async () => {
    const [sandbox, client] = [await idOf('Sandbox'), await idOf('Client')];
    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.getByRole('tab').count(), POLL).toBe(4);
    expect(await popup.getByTestId(`tab-${sandbox}`).getAttribute('aria-label')).toBe('Sandbox, 1 unread');
    expect(await popup.getByTestId(`tab-${client}`).getAttribute('aria-label')).toBe('Client, 1 unread');
    expect(await popup.getByTestId('tab-all').getAttribute('aria-label')).toBe('All, 3 unread');
    await expect.poll(() => popup.locator('[data-testid^="notification-"][data-read]').count(), POLL).toBe(3);
    expect((await popup.getByTestId('row-connection').allTextContents()).sort()).toEqual(
      [expect.any(String), 'Client', 'Sandbox'].sort() as string[],
    );

    await popup.getByTestId(`tab-${sandbox}`).click();
    await expect.poll(() => popup.locator('[data-testid^="notification-"][data-read]').count(), POLL).toBe(1);
    expect(await popup.getByTestId('feed').textContent()).toContain('B launch');
    expect(await popup.getByTestId('row-connection').count()).toBe(0);
    await popup.getByTestId('tab-all').click();
    await popup.close();
  });

  it('an acknowledgement in "All" reaches the tenant of its row', async () => {
    const [b] = (await notificationsOf(h.worker.url, tenantB.keys.admin)).filter(
      (n) => n.type === 'campaign_failure',
    );
    const popup = await h.openExtensionPage('popup.html');
    const row = popup.getByTestId(`notification-${b!.id}`);
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.getByTestId('row-connection').textContent()).toBe('Sandbox');
    await row.getByTestId(`details-${b!.id}`).click();
    await row.getByTestId(`ack-${b!.id}`).click();
    await expect
      .poll(
        async () =>
          (await notificationsOf(h.worker.url, tenantB.keys.admin)).find((n) => n.id === b!.id)?.ack?.member,
        POLL,
      )
      .toBe('b user');
    expect((await notificationsOf(h.worker.url, h.worker.keys.admin)).every((n) => !n.ack)).toBe(true);
    expect(await popup.getByTestId('action-problem').count()).toBe(0);
    await popup.close();
  });

  it("shows a revoked key in its connection's state while the others stay live", async () => {
    const client = await idOf('Client');
    await callWorker(second.url, `/v1/tenants/${TENANT_C}/keys/${second.keyIds.read}`, {
      method: 'DELETE',
      token: second.rootToken,
    });
    // The worker closes the revoked key's stream; the next poll or reconnect finds the key refused.
    await expect
      .poll(async () => (await local()).states?.[client]?.problem?.kind, { ...POLL, timeout: 150_000 })
      .toBe('refused');
    const states = (await local()).states!;
    expect(
      Object.entries(states)
        .filter(([id]) => id !== client)
        .map(([, s]) => s.status),
    ).toEqual(['live', 'live']);
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('2');
    await ingest(h.worker.url, tenantB.keys.ingest, [
      campaignFailure({ campaign: { id: 44, name: 'B second' } }),
    ]);
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('3');
    const popup = await h.openExtensionPage('popup.html');
    await expect
      .poll(
        () => popup.locator(`[data-testid="connection-problem"][data-connection="${client}"]`).count(),
        POLL,
      )
      .toBe(1);
    expect(
      await popup.locator(`[data-testid="connection-problem"][data-connection="${client}"]`).textContent(),
    ).toMatch(/^Client: /);
    await popup.close();
  }, 200_000);

  it("shows B's notifications in the overlay on B's Marketo host", async () => {
    const page = await h.openMarketoPage(HOST_B);
    // B has two unread (one acknowledged, still unread); A's and C's are not B's.
    await expect.poll(async () => (await overlayView(page)).count, POLL).toBe(2);
    const elsewhere = await h.openMarketoPage();
    // A host no connection names: every connection that works, A's 1 and B's 2.
    await expect.poll(async () => (await overlayView(elsewhere)).count, POLL).toBe(3);
    await page.close();
    await elsewhere.close();
  });
});
