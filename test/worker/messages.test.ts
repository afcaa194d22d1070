import { beforeAll, describe, expect, it } from 'vitest';

import { LANGUAGES } from '../../shared/languages';
import { languageOf, message, type MessageKey, MESSAGES } from '../../worker/i18n/messages';
import { placeholders, untranslated } from '../translation-checks';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { tenantWithKeys } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('error messages in every language', () => {
  it.each(LANGUAGES)('%s has every message, translated, with the same placeholders', (language) => {
    const keys = Object.keys(MESSAGES.en).sort() as MessageKey[];
    expect(Object.keys(MESSAGES[language]).sort()).toEqual(keys);
    for (const key of keys) {
      const text = MESSAGES[language][key];
      expect(text.trim().length, `${language}.${key}`).toBeGreaterThan(0);
      expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(MESSAGES.en[key]));
      if (language !== 'en')
        expect(untranslated(text, [MESSAGES.en[key]]), `${language}.${key} is still English`).toBe(false);
    }
  });

  it.each([
    [undefined, 'en'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['tlh-XX, sv;q=0.5, fr;q=0.7', 'fr'],
    ['fr;q=0, sv', 'sv'],
    ['tlh, *', 'en'],
    ['de-AT,de;q=0.9', 'de'],
    ['es-MX', 'es'],
    ['it-CH', 'it'],
    ['ja-JP,ja;q=0.9,en;q=0.5', 'ja'],
    ['ko-KR', 'ko'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT,pt;q=0.9', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['zh-CN,zh;q=0.9', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK,en;q=0.5', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh-Hans-HK', 'zh-Hans'],
  ])('picks the language of Accept-Language %s: %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });

  it.each([
    ['de-DE', 'de', 'Ein Schlüssel ist erforderlich'],
    ['es', 'es', 'Se necesita una clave'],
    ['fr-FR', 'fr', 'Une clé est requise'],
    ['it', 'it', 'È necessaria una chiave'],
    ['ja', 'ja', 'キーが必要です'],
    ['ko', 'ko', '키가 필요합니다'],
    ['nl', 'nl', 'Er is een sleutel nodig'],
    ['pt-PT', 'pt-BR', 'É preciso uma chave'],
    ['sv', 'sv', 'En nyckel krävs'],
    ['zh-CN', 'zh-Hans', '需要密钥'],
    ['zh-HK', 'zh-Hant', '需要金鑰'],
    ['en-GB', 'en', 'A key is required'],
  ] as const)('answers a request with Accept-Language %s in %s', async (header, language, start) => {
    const response = await call('/v1/counts', { headers: { 'Accept-Language': header } });
    expect(response.status).toBe(401);
    const { message } = await errorOf(response);
    expect(message).toBe(MESSAGES[language].key_missing);
    expect(message.startsWith(start), message).toBe(true);
  });

  it("answers in the caller's language, zod's field messages included", async () => {
    const t = await tenantWithKeys();
    const unauthorized = await call('/v1/counts', { headers: { 'Accept-Language': 'sv-SE' } });
    expect((await errorOf(unauthorized)).message).toBe(MESSAGES.sv.key_missing);
    const forbidden = await call('/v1/settings', {
      method: 'PUT',
      token: t.read,
      json: {},
      headers: { 'Accept-Language': 'nl' },
    });
    expect((await errorOf(forbidden)).message).toBe(
      'Hiervoor is een sleutel met de rol admin nodig; deze sleutel heeft de rol read.',
    );
    const invalid = await call('/v1/settings', {
      method: 'PUT',
      token: t.admin,
      json: { linkedin: { maxAttempts: 0 } },
      headers: { 'Accept-Language': 'fr' },
    });
    const english = await call('/v1/settings', {
      method: 'PUT',
      token: t.admin,
      json: { linkedin: { maxAttempts: 0 } },
    });
    const [frenchIssue] = (await errorOf(invalid)).details as { path: unknown[]; message: string }[];
    const [englishIssue] = (await errorOf(english)).details as { path: unknown[]; message: string }[];
    expect(frenchIssue!.path).toEqual(['linkedin', 'maxAttempts']);
    expect(frenchIssue!.message).not.toBe(englishIssue!.message);
    expect(frenchIssue!.message).toMatch(/1/);
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    "gives zod's field messages in %s too",
    async (language) => {
      const t = await tenantWithKeys();
      const body = { method: 'PUT', token: t.admin, json: { linkedin: { maxAttempts: 0 } } } as const;
      const [english] = (await errorOf(await call('/v1/settings', body))).details as { message: string }[];
      const [own] = (
        await errorOf(await call('/v1/settings', { ...body, headers: { 'Accept-Language': language } }))
      ).details as { message: string }[];
      expect(own!.message).not.toBe(english!.message);
      expect(own!.message).toMatch(/1/);
    },
  );

  it('writes numbers in a message as the language does', () => {
    expect(message('en', 'too_large', { bytes: 65536 })).toBe('The body may be at most 65,536 bytes.');
    expect(message('de', 'too_large', { bytes: 65536 })).toContain('65.536');
    expect(message('fr', 'too_large', { bytes: 65536 })).toContain(new Intl.NumberFormat('fr').format(65536));
    expect(message('ja', 'route_unknown', { method: 'GET', path: '/x' })).toBe('GET /x には何もありません。');
  });
});
