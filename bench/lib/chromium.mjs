// Debian's Chromium with an unpacked extension, driven by playwright-core.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM, chromiumArgs } from '../../scripts/lib/chromium.ts';

export { CHROMIUM, chromiumAvailable } from '../../scripts/lib/chromium.ts';

/** `extraArgs`: more Chromium switches (the memory bench opens a DevTools port). */
export async function launchWithExtension(extensionDir, { extraArgs = [] } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'marketo-notifier-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(extensionDir, extraArgs),
  });
  // The service worker may stop while idle and come back: always ask for the live one.
  const serviceWorker = async () =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  /** The badge text, or null while the service worker is (re)starting. */
  const badgeText = async () => {
    try {
      const sw = await serviceWorker();
      // The extension's own global, inside its service worker.
      return await sw.evaluate(() => /** @type {any} */ (globalThis).chrome.action.getBadgeText({}));
    } catch {
      return null;
    }
  };
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    badgeText,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
