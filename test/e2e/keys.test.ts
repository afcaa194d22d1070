// Least privilege in real Chromium: the options (with an admin key) list the tenant's keys and
// revoke one, and a new worker URL asks for the key again.
import { describe, expect, it } from 'vitest';

import { POLL, useChromiumExtension } from './support/chromium-harness';

const h = useChromiumExtension({ tenant: '987-KEY-654' });
const openOptions = () => h.openExtensionPage('options.html', { width: 900, height: 1600 });

/** The extension's first stored connection, as the background reads it. */
async function storedConnection(): Promise<{ workerUrl: string; key: string; tenant?: string } | null> {
  const sw = await h.browser.serviceWorker();

  return sw.evaluate(
    async () => (await (globalThis as any).chrome.storage.local.get('connection')).connection?.[0] ?? null,
  );
}

describe('keys in the options', () => {
  it(
    'lists the keys with role, label, created and last used, and ' +
      'revoking the extension’s key turns its badge to a grey !',
    async () => {
      const page = await openOptions();
      // The build's connection (a read key), saved again so that this test stands alone.
      await page.getByTestId('worker-url').fill(h.worker.url);
      await page.getByTestId('key').fill(h.worker.keys.read);
      await page.getByTestId('save').click();
      await expect
        .poll(() => page.getByTestId('connection-result').getAttribute('data-result'), POLL)
        .toBe('ok');
      await expect.poll(async () => (await h.browser.badge()).text, POLL).not.toBe('!');
      // The host permission of a preconfigured build's worker came with the build: nothing to allow.
      expect(await page.getByTestId('allow-access').count()).toBe(0);

      // An admin key, tested: the keys appear, none of them shown in full.
      await page.getByTestId('key').fill(h.worker.keys.admin);
      await page.getByTestId('test-connection').click();
      const rows = page.getByTestId('key-row');
      await expect.poll(() => rows.count(), POLL).toBe(3);
      const text = (await page.getByTestId('keys').textContent()) ?? '';
      for (const key of Object.values(h.worker.keys)) expect(text).not.toContain(key);
      const readRow = page.locator(`[data-testid="key-row"][data-key-id="${h.worker.keyIds.read}"]`);
      expect(await readRow.locator('td').first().textContent()).toBe('Read');
      expect(await readRow.locator('td').nth(1).textContent()).toBe('test read');
      // The read key has been used by the extension; the ingest key never.
      expect(await readRow.getByTestId('key-last-used').textContent()).not.toBe('Never');
      const ingestRow = page.locator(`[data-testid="key-row"][data-key-id="${h.worker.keyIds.ingest}"]`);
      expect(await ingestRow.getByTestId('key-last-used').textContent()).toBe('Never');

      await readRow.getByTestId('revoke-key').click();
      await expect
        .poll(() => page.getByTestId('keys-result').textContent(), POLL)
        .toBe('The key was revoked.');
      await expect.poll(() => rows.count(), POLL).toBe(2);
      // The extension still holds the revoked key: its popup and badge turn to the grey !.
      await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('!');
      await page.close();
    },
  );

  it('asks for the key again when a new worker URL is saved, and keeps none of the old one', async () => {
    const page = await openOptions();
    // The page first checks the stored (revoked) connection: type only once that check is done.
    await expect
      .poll(() => page.getByTestId('connection-result').getAttribute('data-result'), POLL)
      .not.toBeNull();
    await page.getByTestId('worker-url').fill(h.worker.url);
    await page.getByTestId('key').fill(h.worker.keys.admin);
    await page.getByTestId('save').click();
    await expect.poll(async () => (await storedConnection())?.key, POLL).toBe(h.worker.keys.admin);

    // Another origin (another port of this computer), no key typed: the stored key is dropped.
    const elsewhere = h.worker.url.replace(/:(\d+)$/, (_m, port: string) => `:${Number(port) + 1}`);
    await page.getByTestId('worker-url').fill(elsewhere);
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('key-needed').count(), POLL).toBe(1);
    expect(await page.getByTestId('key-needed').textContent()).toBe(
      'A new worker URL needs its own key: enter the key again.',
    );
    const moved = await storedConnection();
    expect(moved).toMatchObject({ workerUrl: elsewhere, key: '' });
    expect(moved).not.toHaveProperty('tenant');
    expect(await page.getByTestId('key-hint').textContent()).toBe('A read or admin key (starts with mn_).');

    // Plain http to another host is refused before anything is stored.
    await page.getByTestId('worker-url').fill('http://notifier.example.com');
    await page.getByTestId('save').click();
    await expect
      .poll(() => page.getByTestId('connection-result').getAttribute('data-result'), POLL)
      .toBe('bad_url');
    expect((await storedConnection())?.workerUrl).toBe(elsewhere);
    await page.close();
  });
});
