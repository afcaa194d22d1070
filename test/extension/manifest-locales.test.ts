import { describe, expect, it } from 'vitest';

import { MANIFEST_MESSAGES } from '../../extension/lib/i18n/catalogs';
import { type Language, LANGUAGES, localeFolder } from '../../shared/languages';
import config from '../../wxt.config';

type Messages = Record<string, { message: string; description?: string }>;

/** What the build writes into the package: every file of the public-assets hook, by its path. */
async function builtAssets(): Promise<Map<string, string>> {
  const files: Array<{ relativeDest: string; contents?: string }> = [];
  const hooks = config.hooks as Record<string, (wxt: unknown, files: unknown[]) => unknown>;
  await hooks['build:publicAssets']!(undefined, files);
  return new Map(files.map((file) => [file.relativeDest, file.contents ?? '']));
}

/** Every locale folder's messages in the package, by folder. */
const LOCALES: Record<string, Messages> = Object.fromEntries(
  [...(await builtAssets())]
    .filter(([path]) => path.startsWith('_locales/'))
    .map(([path, contents]) => [path.split('/').at(-2)!, JSON.parse(contents) as Messages]),
);
const messages = (lang: Language): Messages => LOCALES[localeFolder(lang)]!;

describe('manifest in the browser language', () => {
  it('has the name and description in every language, and nothing else', () => {
    expect(Object.keys(LOCALES).sort()).toEqual(LANGUAGES.map(localeFolder).sort());
    const english = messages('en');
    for (const lang of LANGUAGES) {
      const own = messages(lang);
      expect(Object.keys(own).sort(), lang).toEqual(['extDescription', 'extName']);
      expect(own.extName!.message.trim(), lang).not.toBe('');
      // Chrome Web Store and Chrome cut descriptions after 132 characters.
      expect(own.extDescription!.message.length, lang).toBeLessThanOrEqual(132);
      if (lang !== 'en') expect(own.extDescription!.message, lang).not.toBe(english.extDescription!.message);
    }
  });

  it("is each language folder's manifest texts, under the browser's folder name", () => {
    for (const lang of LANGUAGES) expect(messages(lang), lang).toEqual(MANIFEST_MESSAGES[lang]);
  });

  it('is what the manifest refers to, with English as the default', async () => {
    const manifest =
      typeof config.manifest === 'function'
        ? await config.manifest({
            browser: 'chrome',
            manifestVersion: 3,
            mode: 'production',
            command: 'build',
          })
        : config.manifest;
    expect(manifest).toMatchObject({
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
    });
  });
});
