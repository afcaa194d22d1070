import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { LANGUAGES, localeFolder, type Language } from '../../shared/languages';

type Messages = Record<string, { message: string; description?: string }>;
/** Every locale folder's messages, by language. */
const LOCALES: Record<string, Messages> = Object.fromEntries(
  Object.entries(import.meta.glob<Messages>('../../extension/public/_locales/*/messages.json', { eager: true, import: 'default' })).map(([path, json]) => [
    path.split('/').at(-2)!,
    json,
  ]),
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

  it('is what the manifest refers to, with English as the default', async () => {
    const manifest = typeof config.manifest === 'function' ? await config.manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' }) : config.manifest;
    expect(manifest).toMatchObject({ name: '__MSG_extName__', description: '__MSG_extDescription__', default_locale: 'en' });
  });
});
