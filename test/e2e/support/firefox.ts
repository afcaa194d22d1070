// Debian's firefox-esr with the built extension installed as a temporary add-on, driven by
// puppeteer-core over WebDriver BiDi (Playwright cannot drive a stock Firefox).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import puppeteer, { type Browser, type Page } from 'puppeteer-core';

import { FIREFOX, requireBrowser } from '../../../scripts/lib/browser-versions.ts';
import type { AccessibleNode } from './accessibility';

// The extension API inside extension pages; this file runs in Node and only ships the callbacks.
declare const browser: any;

export { FIREFOX };

export const firefoxAvailable = () => existsSync(FIREFOX);

/**
 * Lines Firefox prints about itself (its remote agent, favicon loader, window actors), not
 * about any page: they name only chrome:// or resource:// code, or an actor of Firefox's own.
 */
const FIREFOX_OWN = /chrome:\/\/|resource:\/\/|JSWindowActor/;
const PROBLEM = /^(console\.(error|warn)|JavaScript (error|warning)):/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FirefoxWithExtension {
  browser: Browser;
  origin: string;
  openExtensionPage: (path: string) => Promise<Page>;
  badge: () => Promise<{ text: string; color: number[] }>;
  storedState: () => Promise<{ status: string; problem: { kind: string } | null } | undefined>;
  /** Stores the list of connections, as the options would. */
  setConnections: (connections: object[]) => Promise<void>;
  /** Errors and warnings printed since the start, except Firefox's own. */
  problems: () => string[];
  close: () => Promise<void>;
}

/**
 * hosts: names Firefox resolves to 127.0.0.1 (a Marketo-like host for the overlay). Extension
 * pages, the background and content scripts print their console on Firefox's stdout
 * (devtools.console.stdout.*), and uncaught errors on its stderr: both are collected.
 */
export async function launchFirefoxWithExtension(
  extensionDir: string,
  { hosts = [] as string[] } = {},
): Promise<FirefoxWithExtension> {
  // Firefox ESR 140 fails deep in WebDriver BiDi (browsingContext.create): refuse it, naming the minimum.
  await requireBrowser('firefox-esr');
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // The Marketo-like page is served over https with a throwaway certificate.
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'network.dns.localDomains': hosts.join(','),
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
    },
  });
  const lines: string[] = [];
  let partial = '';
  const collect = (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  };
  firefox.process()?.stdout?.on('data', collect);
  firefox.process()?.stderr?.on('data', collect);
  await firefox.installExtension(extensionDir);
  const origin = `moz-extension://${uuid}`;

  /** Firefox never reports an extension page as loaded over BiDi: start the navigation and poll. */
  async function openExtensionPage(path: string): Promise<Page> {
    const page = await firefox.newPage();
    const target = `${origin}/${path}`;
    page.goto(target).catch(() => {});
    for (let i = 0; i < 200; i++) {
      const ready = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
      if (ready?.[0] === target && ready[1] === 'complete') return page;
      await sleep(50);
    }
    throw new Error(`${target} did not load`);
  }

  // An extension page kept open to call the extension's APIs from (the background has no page of its own here).
  let probe: Promise<Page> | undefined;
  const extensionPage = () => (probe ??= openExtensionPage('popup.html'));

  return {
    browser: firefox,
    origin,
    openExtensionPage,
    badge: async () =>
      (await extensionPage()).evaluate(async () => ({
        text: await browser.browserAction.getBadgeText({}),
        color: await browser.browserAction.getBadgeBackgroundColor({}),
      })),
    storedState: async () =>
      (await extensionPage()).evaluate(async () => {
        // The first connection's state (the build's own, "default", unless the list was saved).
        const { connection, states } = await browser.storage.local.get(['connection', 'states']);
        return states?.[connection?.[0]?.id ?? 'default'];
      }),
    setConnections: async (connections: object[]) => {
      await (
        await extensionPage()
      ).evaluate(async (list) => browser.storage.local.set({ connection: list }), connections);
    },
    problems: () =>
      lines
        .map((line) => line.trim())
        .filter((line) => PROBLEM.test(line) && (line.includes(origin) || !FIREFOX_OWN.test(line))),
    close: () => firefox.close(),
  };
}

/** Firefox's names for the roles the overlay tests look for, as Chromium names them. */
const ROLES: Record<string, string> = {
  pushbutton: 'button',
  'text leaf': 'StaticText',
  graphic: 'image',
  alert: 'alert',
};

/**
 * The accessibility tree of the tab showing `url`, as screen readers get it from Firefox: it
 * reaches into closed shadow roots, which page scripts cannot. Read in Firefox's own (chrome)
 * scope, which `--remote-allow-system-access` opens to WebDriver BiDi.
 */
export async function firefoxAccessibilityTree(firefox: Browser, url: string): Promise<AccessibleNode> {
  const connection = (
    firefox as unknown as {
      connection: { send: (method: string, params: object) => Promise<{ result: any }> };
    }
  ).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const walk = `(() => {
    const service = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
    const tab = gBrowser.browsers.find((b) => b.currentURI.spec === ${JSON.stringify(url)});
    const live = (a) => { try { return a.attributes.getStringProperty('live'); } catch { return undefined; } };
    const node = (a) => {
      const children = [];
      for (let c = a.firstChild; c; c = c.nextSibling) children.push(node(c));
      return { role: service.getStringRole(a.role), name: a.name ?? '', live: live(a), children };
    };
    return JSON.stringify(tab ? node(service.getAccessibleFor(tab)) : null);
  })()`;
  const answer = await connection.send('script.evaluate', {
    expression: walk,
    target: { context: tree.result.contexts[0].context },
    awaitPromise: false,
  });
  if (answer.result.type !== 'success')
    throw new Error(`reading Firefox's accessibility tree failed: ${JSON.stringify(answer.result)}`);
  const rename = (n: AccessibleNode): AccessibleNode => ({
    ...n,
    role: ROLES[n.role] ?? n.role,
    children: n.children.map(rename),
  });
  const root = JSON.parse(answer.result.result.value) as AccessibleNode | null;
  return rename(root ?? { role: 'root', name: '', children: [] });
}
