// Marketo's own streams end to end: signed deliveries of Adobe I/O Events, verified with a local
// key host, reach the badge and the popup of the built extension in real Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AdobeKeyHost } from '../../scripts/lib/adobe-key-host.ts';
import {
  campaignFailure,
  loginFailure,
  postSignedDelivery,
  registerIoEvents,
  startDemoKeyHost,
} from '../../scripts/lib/demo-io-events.ts';
import { callWorker, findFreePort } from '../../scripts/lib/local-worker.mjs';
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
  it('a signed campaign failure reaches badge and popup; 10 failed logins make login_failures', async () => {
    const url = await registerIoEvents(h.worker.url, h.worker.keys.admin);
    const options = { munchkinId: h.worker.tenant };
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('');

    const delivered = await postSignedDelivery(url, [campaignFailure(1042, 'anna@example.com', options)], {
      keyFile,
    });
    expect(delivered).toEqual({ status: 200, body: { received: 1, duplicates: 0 } });
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('1');

    for (let n = 0; n < 9; n++)
      expect(
        (await postSignedDelivery(url, [loginFailure('mallory@example.com', options)], { keyFile })).status,
      ).toBe(200);
    expect((await h.api.notifications()).map((n) => n.type)).toEqual(['campaign_failure']);
    expect(
      (await postSignedDelivery(url, [loginFailure('mallory@example.com', options)], { keyFile })).status,
    ).toBe(200);
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

  it('the options with an admin key: create the URL once, copy, the state, rotate, turn off', async () => {
    const page = await h.openExtensionPage('options.html', { width: 820, height: 1800 });
    await page.getByTestId('key').fill(h.worker.keys.admin);
    await page.getByTestId('test-connection').click();
    const section = page.getByTestId('streams-section');
    await expect.poll(() => section.getByTestId('streams-client-id').count(), POLL).toBe(1);
    expect(await section.getByTestId('streams-steps').locator('li').count()).toBe(5);
    expect(await section.getByTestId('streams-steps').textContent()).toContain('Munchkin ID');

    await section.getByTestId('streams-client-id').fill('options-client');
    await section.getByTestId('streams-register').click();
    const field = section.getByTestId('streams-url');
    await expect.poll(() => field.count(), POLL).toBe(1);
    const url = await field.inputValue();
    expect(url).toMatch(new RegExp(`^${h.worker.url}/io/[a-z0-9]{24}$`));
    await section.getByTestId('streams-copy').click();
    await expect
      .poll(() => section.getByTestId('streams-note').textContent(), POLL)
      .toMatch(/^(Copied\.|Could not copy; the URL is selected: press Ctrl\+C\.)$/);

    // The counts survive a rotation: the earlier test's deliveries are in them.
    const type = 'com.adobe.platform.marketo.notification.campaign_failure';
    const before =
      (await callWorker(h.worker.url, '/v1/io-events', { token: h.worker.keys.admin })).body.byType[type] ??
      0;
    const options = { munchkinId: h.worker.tenant, clientId: 'options-client' };
    expect(
      (await postSignedDelivery(url, [campaignFailure(7, 'anna@example.com', options)], { keyFile })).status,
    ).toBe(200);
    await page.reload();
    await page.getByTestId('key').fill(h.worker.keys.admin);
    await page.getByTestId('test-connection').click();
    await expect
      .poll(() => section.getByTestId('streams-counts').textContent(), POLL)
      .toContain(`notification.campaign_failure: ${before + 1}`);
    // The URL is not shown again after creation: only the state.
    expect(await section.getByTestId('streams-url').count()).toBe(0);
    expect(await section.getByTestId('streams-client-id').inputValue()).toBe('options-client');

    await section.getByTestId('streams-register').click();
    await expect.poll(() => field.count(), POLL).toBe(1);
    const rotated = await field.inputValue();
    expect(rotated).not.toBe(url);
    expect(await section.getByTestId('streams-note').textContent()).toContain('the old one no longer works');
    expect((await fetch(`${url}?challenge=x`)).status).toBe(404);

    await section.getByTestId('streams-off').click();
    await expect
      .poll(() => section.getByTestId('streams-note').textContent(), POLL)
      .toContain('Receiving is off');
    expect((await fetch(`${rotated}?challenge=x`)).status).toBe(404);
    await page.close();
  });

  it('an unsigned delivery is refused and shows nothing', async () => {
    const url = await registerIoEvents(h.worker.url, h.worker.keys.admin);
    const before = (await h.api.notifications()).length;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    expect(response.status).toBe(401);
    expect((await h.api.notifications()).length).toBe(before);
  });
});
