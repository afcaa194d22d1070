// One setup for the Chromium e2e files: a fresh worker with its own tenant, the extension built
// for it, Chromium with that build loaded and (if asked) the Marketo-like page. Each file calls
// `useChromiumExtension()` once at its top; the hooks start everything and tear it down.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { buildExtension } from '../../../scripts/lib/build-extension.mjs';
import { startTestWorker } from '../../../scripts/lib/local-worker.mjs';
import { type ExtensionBrowser, launchWithExtension } from './browser';
import { type FixtureServer, startMarketoFixture } from './fixture-server';
import { workerClient } from './worker-client';

/** Push over the WebSocket is immediate; polling (1 min alarm) is the slow fallback. */
export const POLL = { timeout: 75_000, interval: 250 };

/**
 * Pictures of a test run go to an ignored folder; `npm run screenshots` points this at
 * docs/screenshots for the README.
 */
export const SCREENSHOTS =
  process.env.SCREENSHOTS_DIR ??
  fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

/** The badge colours, written out: the code's own constants must not be what they are checked against. */
export const RED = '#C5221F';
export const AMBER = '#F29900';
export const BLUE = '#1A73E8';
export const GREY = '#5F6368';

/** chrome.action answers colours as [r, g, b, a]. */
export function rgba(hex: string): number[] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}

export type TestWorker = Awaited<ReturnType<typeof startTestWorker>>;

export interface ChromiumHarness {
  worker: TestWorker;
  api: ReturnType<typeof workerClient>;
  browser: ExtensionBrowser;
  extensionDir: string;
  /** The Marketo-like page's server; only with `marketoPage: true`. */
  fixture: FixtureServer;
  /** An extension page (popup.html, options.html) in a new tab of the given size. */
  openExtensionPage: (path: string, size?: { width: number; height: number }) => Promise<Page>;
  /** A page of the Marketo-like site on `host` (an app host unless told), not waiting for anything. */
  openMarketoPage: (host?: string, size?: { width: number; height: number }) => Promise<Page>;
  /** The background's stored state of the first connection. */
  backgroundState: () => Promise<{ status: string; problem: { kind: string } | null }>;
}

export const MARKETO_APP_HOST = 'app-ab12.marketo.com';

/**
 * Registers the file's beforeAll/afterAll and answers the harness; its fields are set once
 * beforeAll has run (read them inside tests and hooks, not at the top of the file).
 */
export function useChromiumExtension({
  tenant,
  marketoPage = false,
  lang,
  workerVars,
}: {
  tenant?: string;
  marketoPage?: boolean;
  lang?: string;
  /** More worker variables, read when the worker starts (after the file's earlier beforeAll hooks). */
  workerVars?: () => Record<string, string>;
} = {}): ChromiumHarness {
  let buildDir: string | undefined;
  const harness = {
    async openExtensionPage(path: string, size = { width: 420, height: 720 }) {
      const page = await harness.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`chrome-extension://${harness.browser.extensionId}/${path}`);
      return page;
    },
    async openMarketoPage(host = MARKETO_APP_HOST, size = { width: 1100, height: 640 }) {
      const page = await harness.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`https://${host}:${harness.fixture.port}/#SC1042A1`);
      return page;
    },
    async backgroundState() {
      const sw = await harness.browser.serviceWorker();
      return sw.evaluate(async () => {
        // The first connection's state (the build's own, "default", unless the list was saved).
        const { connection, states } = await (globalThis as any).chrome.storage.local.get([
          'connection',
          'states',
        ]);
        return states?.[connection?.[0]?.id ?? 'default'];
      });
    },
  } as ChromiumHarness;

  beforeAll(async () => {
    const vars = workerVars ? { vars: workerVars() } : {};
    harness.worker = await startTestWorker({ ...(tenant ? { tenant } : {}), ...vars });
    harness.api = workerClient(harness.worker);
    buildDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-extension-'));
    harness.extensionDir = await buildExtension({
      workerUrl: harness.worker.url,
      readKey: harness.worker.keys.read,
      outDir: buildDir,
    });
    harness.browser = await launchWithExtension(harness.extensionDir, lang ? { lang } : {});
    if (marketoPage) harness.fixture = await startMarketoFixture();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await harness.browser?.close();
    await harness.fixture?.close();
    await harness.worker?.stop();
    if (buildDir) await rm(buildDir, { recursive: true, force: true });
  });

  return harness;
}
