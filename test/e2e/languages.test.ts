import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { everyTypeBatch } from '../../scripts/lib/demo-events.mjs';
import { startTestWorker } from '../../scripts/lib/local-worker.mjs';
import { type Language, LANGUAGE_NAMES, LANGUAGES } from '../../shared/languages';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { workerClient } from './support/worker-client';

/** Pictures of the pages in a few languages, for people to look at; ignored by git. */
const PICTURES = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const POLL = { timeout: 30_000, interval: 100 };
const POPUP_SIZE = { width: 400, height: 720 };
/** The options page opens in a tab; narrow, as in a window beside Marketo, long words have least room. */
const OPTIONS_SIZE = { width: 360, height: 900 };

let worker: Awaited<ReturnType<typeof startTestWorker>>;
let buildDir: string;
let extensionDir: string;

/** A language's catalog as the build wrote it into the extension. */
async function catalog(lang: Language): Promise<Record<string, string | Record<string, string>>> {
  return JSON.parse(await readFile(join(extensionDir, 'i18n', `${lang}.json`), 'utf8'));
}

async function openPage(
  browser: ExtensionBrowser,
  path: string,
  size: { width: number; height: number },
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Elements whose content is wider than their box (text that would be cut off or scroll sideways). */
function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const found =
      root.scrollWidth > root.clientWidth ? [`page: ${root.scrollWidth} > ${root.clientWidth}`] : [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      // Boxes of a pixel or two are visually hidden text for screen readers, clipped on purpose.
      if (el.clientWidth <= 2 || el.scrollWidth <= el.clientWidth + 1) continue;
      found.push(
        `${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.slice(0, 40)}": ` +
          `${el.scrollWidth} > ${el.clientWidth}`,
      );
    }
    return found;
  });
}

beforeAll(async () => {
  worker = await startTestWorker();
  buildDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-languages-'));
  extensionDir = await buildExtension({ workerUrl: worker.url, readKey: worker.keys.read, outDir: buildDir });
  await workerClient(worker).ingest(everyTypeBatch());
  await workerClient(worker).usage(40_001);
  await mkdir(PICTURES, { recursive: true });
});

afterAll(async () => {
  await worker?.stop();
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
});

describe('catalogs in the package', () => {
  it('ships each language as its own file and no catalog inside the scripts', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = await readdir(extensionDir, { recursive: true });
    expect(files.filter((f) => f.startsWith('i18n/')).sort()).toEqual(
      LANGUAGES.map((lang) => `i18n/${lang}.json`).sort(),
    );
    const scripts = await Promise.all(
      files.filter((f) => f.endsWith('.js')).map((f) => readFile(join(extensionDir, f), 'utf8')),
    );
    for (const lang of LANGUAGES) {
      const texts = await catalog(lang);
      for (const key of ['popup.emptyUnread', 'options.desktopHint', 'code.1029'] as const) {
        const text = texts[key] as string;
        expect(
          scripts.some((script) => script.includes(text)),
          `${lang} ${key} inside a script`,
        ).toBe(false);
      }
    }
  });
});

describe('languages in an English browser', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension(extensionDir);
  });
  afterAll(async () => browser?.close());

  it('switches the open popup to each language chosen in the options, without a reload', async () => {
    const requested: string[] = [];
    browser.context.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const popup = await openPage(browser, 'popup.html', POPUP_SIZE);
    const markAll = popup.getByTestId('mark-all-read');
    const heading = popup.getByTestId('feed-group-campaign_failure').getByRole('heading', { level: 3 });
    await expect.poll(() => markAll.textContent(), POLL).toBe('Mark all as read');
    await popup.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    const options = await openPage(browser, 'options.html', OPTIONS_SIZE);
    const picker = options.getByTestId('language');
    // The picker names every language in itself.
    // (The page renders once its catalog has loaded: wait for it.)
    await expect
      .poll(() => picker.locator('option:not([value="auto"])').allTextContents(), POLL)
      .toEqual(LANGUAGES.map((lang) => LANGUAGE_NAMES[lang]));

    for (const lang of [...LANGUAGES.filter((l) => l !== 'en'), 'en' as const]) {
      const texts = await catalog(lang);
      await picker.selectOption(lang);
      await expect.poll(() => popup.evaluate(() => document.documentElement.lang), POLL).toBe(lang);
      expect(await markAll.textContent(), lang).toBe(texts['popup.markAllRead']);
      expect((await heading.textContent())!.startsWith(`${texts['type.campaign_failure']} `), lang).toBe(
        true,
      );
      expect(await options.getByRole('heading', { level: 1 }).textContent(), lang).toBe(
        texts['options.title'],
      );
    }
    expect(await popup.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    // Catalogs are fetched when their language is chosen, and kept: at most once by each of the
    // popup, the options page and the service worker.
    const fetched = requested.filter((path) => path.startsWith('/i18n/'));
    expect([...new Set(fetched)].sort()).toEqual(LANGUAGES.map((lang) => `/i18n/${lang}.json`).sort());
    for (const lang of LANGUAGES)
      expect(fetched.filter((path) => path === `/i18n/${lang}.json`).length, lang).toBeLessThanOrEqual(3);
    await picker.selectOption('auto');
    await popup.close();
    await options.close();
  });

  it.each(['de', 'ja', 'zh-Hans'] as const)(
    'lays out the popup and the options in %s without sideways scrolling',
    async (lang) => {
      const options = await openPage(browser, 'options.html', OPTIONS_SIZE);
      await options.getByTestId('language').selectOption(lang);
      const texts = await catalog(lang);
      await expect
        .poll(() => options.getByRole('heading', { level: 1 }).textContent(), POLL)
        .toBe(texts['options.title']);
      const popup = await openPage(browser, 'popup.html', POPUP_SIZE);
      await expect.poll(() => popup.getByTestId('feed-group-trigger_campaign_cleanup').count(), POLL).toBe(1);
      expect(await popup.getByTestId('mark-all-read').textContent()).toBe(texts['popup.markAllRead']);

      expect(await horizontalOverflow(popup), `popup in ${lang}`).toEqual([]);
      expect(await horizontalOverflow(options), `options in ${lang}`).toEqual([]);
      await popup.screenshot({ path: join(PICTURES, `popup-${lang}.png`) }); // what the popup's window shows first
      await options.screenshot({ path: join(PICTURES, `options-${lang}.png`), fullPage: true });
      await options.getByTestId('language').selectOption('auto');
      await popup.close();
      await options.close();
    },
  );
});

describe('a browser started in Japanese', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension(extensionDir, { lang: 'ja' });
  });
  afterAll(async () => browser?.close());

  it('speaks Japanese everywhere with the browser language setting', async () => {
    const ja = await catalog('ja');
    const popup = await openPage(browser, 'popup.html', POPUP_SIZE);
    await expect
      .poll(() => popup.getByTestId('mark-all-read').textContent(), POLL)
      .toBe(ja['popup.markAllRead']);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ja');
    const options = await openPage(browser, 'options.html', OPTIONS_SIZE);
    await expect
      .poll(() => options.getByRole('heading', { level: 1 }).textContent(), POLL)
      .toBe(ja['options.title']);
    expect(await options.getByTestId('language').inputValue()).toBe('auto');

    // The background's badge title, and the browser's own list of extensions (from _locales/ja).
    const sw = await browser.serviceWorker();
    const unread = (await workerClient(worker).counts()).unread;
    const expectedTitle = (ja['badge.title'] as Record<string, string>).other!.replace(
      '{count}',
      String(unread),
    );

    await expect
      .poll(() => sw.evaluate(() => (globalThis as any).chrome.action.getTitle({})), POLL)
      .toBe(expectedTitle);
    const messages = JSON.parse(
      await readFile(join(extensionDir, '_locales', 'ja', 'messages.json'), 'utf8'),
    );

    const self = await sw.evaluate(() => (globalThis as any).chrome.management.getSelf());
    expect(self.description).toBe(messages.extDescription.message);
    await popup.close();
    await options.close();
  });
});
