import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type BrowserContext, chromium, type Worker } from 'playwright-core';

import { requireBrowser } from '../../../scripts/lib/browser-versions.ts';
import { CHROMIUM, chromiumArgs } from '../../../scripts/lib/chromium';

// The extension API inside the service worker; this file runs in Node and only ships the callbacks.
declare const chrome: any;

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's background service worker. */
  serviceWorker: () => Promise<Worker>;
  extensionId: string;
  badge: () => Promise<{ text: string; color: number[] }>;
  close: () => Promise<void>;
}

/**
 * Debian's Chromium with the unpacked extension loaded; Marketo hosts resolve to 127.0.0.1.
 * `lang` is the browser's own language (`--lang`), English unless asked.
 */
export async function launchWithExtension(
  extensionDir: string,
  { lang = 'en-US' }: { lang?: string } = {},
): Promise<ExtensionBrowser> {
  // An older Chromium fails in ways that do not name the cause: refuse it, naming the minimum.
  await requireBrowser('chromium');
  const profile = await mkdtemp(join(tmpdir(), 'marketo-notifier-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 700 },
    locale: lang,
    // The Marketo-like page is served over https with a throwaway certificate.
    ignoreHTTPSErrors: true,
    args: chromiumArgs(extensionDir, [`--lang=${lang}`, '--host-resolver-rules=MAP *.marketo.com 127.0.0.1']),
  });
  // A service worker can stop while idle and come back; always ask for the live one.
  const serviceWorker = async () =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  const badge = async () => {
    const sw = await serviceWorker();
    return sw.evaluate(async () => ({
      text: await chrome.action.getBadgeText({}),
      color: (await chrome.action.getBadgeBackgroundColor({})) as unknown as number[],
    }));
  };
  return {
    context,
    serviceWorker,
    extensionId,
    badge,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
