// Connections added to the bench extension: in the options as a person does, or all at once in its storage.
import { performance } from 'node:perf_hooks';

/** The extension's stored connection list, read in its service worker. */
async function storedConnections(browser) {
  const sw = browser.context.serviceWorkers()[0];
  if (!sw) return [];
  const stored = await sw.evaluate(() =>
    /** @type {any} */ (globalThis).chrome.storage.local.get('connection'),
  );
  return stored.connection ?? [];
}

/** Adds a connection in the options page (label, worker URL, key, save) and waits until it is stored. */
export async function addConnection(browser, { workerUrl, key, label }) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('add-connection').click();
  await page.getByTestId('connection-label').fill(label);
  await page.getByTestId('worker-url').fill(workerUrl);
  await page.getByTestId('key').fill(key);
  await page.getByTestId('save').click();
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    // The built-in connection is stored only once something changes it: look for this one's key.
    if ((await storedConnections(browser)).some((c) => c.key === key)) return page.close();
    await page.waitForTimeout(200);
  }
  throw new Error(`the options did not store the connection "${label}"`);
}
