import { describe, expect, it } from 'vitest';
import { CATALOG_LANGUAGES, MARKETO_ERRORS, marketoError } from '../../shared/marketo-errors';
import { CATALOGS, createTranslator, LANGUAGES, resolveLanguage } from '../../extension/lib/i18n';
import { en } from '../../extension/lib/i18n/en';

const placeholders = (text: unknown) => new Set(JSON.stringify(text).match(/\{\w+\}/g) ?? []);

describe('i18n catalogs', () => {
  it('has every key in every language, non-empty, with the same plural shape and placeholders', () => {
    const keys = Object.keys(en).sort();
    for (const lang of LANGUAGES) {
      const catalog = CATALOGS[lang] as Record<string, unknown>;
      expect(Object.keys(catalog).sort(), lang).toEqual(keys);
      for (const key of keys) {
        const value = catalog[key];
        const reference = (en as Record<string, unknown>)[key];
        expect(typeof value, `${lang} ${key}`).toBe(typeof reference);
        const texts = typeof value === 'string' ? [value] : Object.values(value as object);
        for (const text of texts) expect((text as string).trim().length, `${lang} ${key}`).toBeGreaterThan(0);
        expect(placeholders(value), `${lang} ${key}`).toEqual(placeholders(reference));
      }
    }
  });

  it('fills placeholders, formats numbers and picks plural forms per language', () => {
    expect(createTranslator('en').t('popup.groupCount', { count: 1 })).toBe('1 notification');
    expect(createTranslator('en').t('popup.groupCount', { count: 1200 })).toBe('1,200 notifications');
    expect(createTranslator('fr').t('popup.unreadCount', { count: 0 })).toBe('0 non lue');
    expect(createTranslator('nl').t('popup.quotaUsage', { used: 40000, limit: 50000, percent: '80%' })).toBe('40.000 van 50.000 aanroepen (80%)');
  });

  it('resolves auto to the first browser language it speaks, else English', () => {
    expect(resolveLanguage('auto', ['de-DE', 'nl-BE', 'en'])).toBe('nl');
    expect(resolveLanguage('auto', ['SV-se'])).toBe('sv');
    expect(resolveLanguage('auto', ['de'])).toBe('en');
    expect(resolveLanguage('fr', ['nl'])).toBe('fr');
  });
});

describe('Marketo error catalog', () => {
  it('explains every code in all four languages', () => {
    expect(MARKETO_ERRORS.size).toBe(62);
    for (const info of MARKETO_ERRORS.values()) {
      for (const lang of CATALOG_LANGUAGES) expect(info.meaning[lang].length, `${info.code} ${lang}`).toBeGreaterThan(5);
      expect(new Set(Object.values(info.meaning)).size, `${info.code} translated`).toBeGreaterThan(1);
    }
  });

  it('knows level and whether a retry helps', () => {
    expect(marketoError(607)).toMatchObject({ level: 'response', retry: 'after_reset', retryable: true });
    expect(marketoError('606')).toMatchObject({ retry: 'yes', retryable: true });
    expect(marketoError(602)).toMatchObject({ retry: 'after_reauth' });
    expect(marketoError(603)).toMatchObject({ retryable: false });
    expect(marketoError(1004)).toMatchObject({ level: 'record', retryable: false });
    expect(marketoError(1029)?.retryable).toBe(true);
    expect(marketoError(999)).toBeUndefined();
    expect(marketoError('60x')).toBeUndefined();
  });

  it('has every documented code', () => {
    const codes = [601, 602, 603, 604, 605, 606, 607, 608, 609, 610, 611, 612, 613, 614, 615, 616, 701, 702, 703, 704, 709, 710, 711, 712, 713, 714, 718, 719];
    const records = [1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015, 1016, 1017, 1018, 1019, 1020, 1021, 1022, 1025, 1026, 1027, 1028, 1029, 1035, 1036, 1037, 1042, 1048, 1049, 1076];
    for (const code of [...codes, ...records]) expect(marketoError(code), String(code)).toBeDefined();
  });
});
