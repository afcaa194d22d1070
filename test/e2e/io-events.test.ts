// Marketo's own streams end to end: signed deliveries of Adobe I/O Events, verified with a local
// key host, reach the badge and the popup of the built extension in real Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdobeKeyHost } from '../../scripts/lib/adobe-key-host.mjs';
import { campaignFailure, loginFailure, postSignedDelivery, registerIoEvents, startDemoKeyHost } from '../../scripts/lib/demo-io-events.mjs';
import { findFreePort } from '../../scripts/lib/local-worker.mjs';
import { POLL, useChromiumExtension } from './support/chromium-harness';

let keyDir: string;
let keyFile: string;
let keyHost: AdobeKeyHost;

// Before the harness's own beforeAll: the worker starts with ADOBE_IO_KEYS_URL naming this host.
beforeAll(async () => {
  keyDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-io-key-'));
  keyFile = join(keyDir, 'key.json');
  keyHost = await startDemoKeyHost({ port: await findFreePort(), keyFile });
});

const h = useChromiumExtension({ workerVars: () => ({ ADOBE_IO_KEYS_URL: keyHost.url }) });

afterAll(async () => {
  await keyHost?.close();
  if (keyDir) await rm(keyDir, { recursive: true, force: true });
});

describe('Marketo event streams through Adobe I/O Events', () => {
  it('a signed campaign failure shows in the badge and popup; 10 failed logins make login_failures', async () => {
    const url = await registerIoEvents(h.worker.url, h.worker.keys.admin);
    const options = { munchkinId: h.worker.tenant };
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('');

    const delivered = await postSignedDelivery(url, [campaignFailure(1042, 'anna@example.com', options)], { keyFile });
    expect(delivered).toEqual({ status: 200, body: { received: 1, duplicates: 0 } });
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('1');

    for (let n = 0; n < 9; n++) expect((await postSignedDelivery(url, [loginFailure('mallory@example.com', options)], { keyFile })).status).toBe(200);
    expect((await h.api.notifications()).map((n) => n.type)).toEqual(['campaign_failure']);
    expect((await postSignedDelivery(url, [loginFailure('mallory@example.com', options)], { keyFile })).status).toBe(200);
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('2');

    const page = await h.openExtensionPage('popup.html');
    const failure = page.getByTestId('feed-group-campaign_failure');
    await expect.poll(() => failure.textContent(), POLL).toContain('1042');
    expect(await failure.textContent()).toContain('anna@example.com');
    const logins = page.getByTestId('feed-group-login_failures');
    await expect.poll(() => logins.textContent(), POLL).toContain('Failed logins for mallory@example.com');
    expect(await logins.textContent()).toContain('10');
    await page.close();
  });

  it('an unsigned delivery is refused and shows nothing', async () => {
    const url = await registerIoEvents(h.worker.url, h.worker.keys.admin);
    const before = (await h.api.notifications()).length;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(response.status).toBe(401);
    expect((await h.api.notifications()).length).toBe(before);
  });
});
