import { beforeAll, describe, expect, it } from 'vitest';
import { languageOf, LANGUAGES, MESSAGES } from '../../worker/middleware/messages';
import { call, errorOf, tenantWithKeys, warmUp, WARM_UP_TIMEOUT_MS } from './helpers';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('error messages in four languages', () => {
  it('has every message in every language, with the same placeholders', () => {
    const keys = Object.keys(MESSAGES.en).sort();
    for (const language of LANGUAGES) {
      expect(Object.keys(MESSAGES[language]).sort()).toEqual(keys);
      for (const key of keys) {
        const text = MESSAGES[language][key as keyof typeof MESSAGES.en];
        expect(text.trim().length, `${language}.${key}`).toBeGreaterThan(0);
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(MESSAGES.en[key as keyof typeof MESSAGES.en]));
        if (language !== 'en') expect(text, `${language}.${key}`).not.toBe(MESSAGES.en[key as keyof typeof MESSAGES.en]);
      }
    }
  });

  it.each([
    [undefined, 'en'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['de-DE, sv;q=0.5, fr;q=0.7', 'fr'],
    ['fr;q=0, sv', 'sv'],
    ['de, *', 'en'],
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
