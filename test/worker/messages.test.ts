import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/languages';
import { languageOf, MESSAGES, type MessageKey } from '../../worker/i18n/messages';
import { placeholders, untranslated } from '../translation-checks';
import { call, errorOf, tenantWithKeys, warmUp, WARM_UP_TIMEOUT_MS } from './helpers';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('error messages in every language', () => {
  it.each(LANGUAGES)('%s has every message, translated, with the same placeholders', (language) => {
    const keys = Object.keys(MESSAGES.en).sort() as MessageKey[];
    expect(Object.keys(MESSAGES[language]).sort()).toEqual(keys);
    for (const key of keys) {
      const text = MESSAGES[language][key];
      expect(text.trim().length, `${language}.${key}`).toBeGreaterThan(0);
      expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(MESSAGES.en[key]));
      if (language !== 'en') expect(untranslated(text, [MESSAGES.en[key]]), `${language}.${key} is still English`).toBe(false);
    }
  });

  it.each([
    [undefined, 'en'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['tlh-XX, sv;q=0.5, fr;q=0.7', 'fr'],
    ['fr;q=0, sv', 'sv'],
    ['tlh, *', 'en'],
  ])('picks the language of Accept-Language %s: %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });

  it("answers in the caller's language, zod's field messages included", async () => {
    const t = await tenantWithKeys();
    const unauthorized = await call('/v1/counts', { headers: { 'Accept-Language': 'sv-SE' } });
    expect((await errorOf(unauthorized)).message).toBe(MESSAGES.sv.key_missing);
    const forbidden = await call('/v1/settings', { method: 'PUT', token: t.read, json: {}, headers: { 'Accept-Language': 'nl' } });
    expect((await errorOf(forbidden)).message).toBe('Hiervoor is een sleutel met de rol admin nodig; deze sleutel heeft de rol read.');
    const invalid = await call('/v1/settings', {
      method: 'PUT',
      token: t.admin,
      json: { linkedin: { maxAttempts: 0 } },
      headers: { 'Accept-Language': 'fr' },
    });
    const english = await call('/v1/settings', { method: 'PUT', token: t.admin, json: { linkedin: { maxAttempts: 0 } } });
    const [frenchIssue] = (await errorOf(invalid)).details as { path: unknown[]; message: string }[];
    const [englishIssue] = (await errorOf(english)).details as { path: unknown[]; message: string }[];
    expect(frenchIssue!.path).toEqual(['linkedin', 'maxAttempts']);
    expect(frenchIssue!.message).not.toBe(englishIssue!.message);
    expect(frenchIssue!.message).toMatch(/1/);
  });
});
