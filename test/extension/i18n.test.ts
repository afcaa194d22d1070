import { describe, expect, it } from 'vitest';

import { type Language, LANGUAGES, resolveLanguage } from '../../extension/lib/i18n';
import { CATALOGS } from '../../extension/lib/i18n/catalogs';
import { MARKETO_ERRORS, marketoError } from '../../shared/marketo-errors';
import { placeholders, untranslated } from '../translation-checks';
import { translator } from './translators';

const forms = (value: unknown): [string, string][] =>
  typeof value === 'string' ? [['', value]] : Object.entries(value as Record<string, string>);

describe('i18n catalogs', () => {
  const english = CATALOGS.en as Record<string, unknown>;

  it.each(LANGUAGES.filter((lang) => lang !== 'en'))(
    '%s has every key, translated, with the same placeholders',
    (lang) => {
      const catalog = CATALOGS[lang] as Record<string, unknown>;
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
      const stillEnglish: string[] = [];
      for (const [key, value] of Object.entries(catalog)) {
        const englishTexts = forms(english[key]);
        expect(typeof value, `${lang} ${key}`).toBe(typeof english[key]);
        for (const [form, text] of forms(value)) {
          expect(text.trim(), `${lang} ${key} ${form}`).not.toBe('');
          // A single-number form ("once") may leave the count out; every other text has the English placeholders.
          const expected = placeholders(englishTexts.find(([f]) => f === 'other' || f === '')![1]);
          if (form === '' || form === 'other')
            expect(placeholders(text), `${lang} ${key} ${form}`).toEqual(expected);
          else expect(expected, `${lang} ${key} ${form}`).toEqual(expect.arrayContaining(placeholders(text)));
          if (
            untranslated(
              text,
              englishTexts.map(([, en]) => en),
            )
          )
            stillEnglish.push(`${key}: ${text}`);
        }
      }
      expect(stillEnglish).toEqual([]);
    },
  );

  it.each(LANGUAGES)('%s gives exactly the plural forms its language has', (lang) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [key, value] of Object.entries(CATALOGS[lang])) {
      if (typeof value === 'string') continue;
      const given = Object.keys(value);
      expect(given, `${lang} ${key}`).toContain('other');
      for (const form of given) expect(categories, `${lang} ${key} ${form}`).toContain(form);
      if (categories.includes('one')) expect(given, `${lang} ${key}`).toContain('one');
    }
  });

  it('fills placeholders, formats numbers and picks plural forms per language', () => {
    expect(translator('en').t('popup.groupCount', { count: 1 })).toBe('1 notification');
    expect(translator('en').t('popup.groupCount', { count: 1200 })).toBe('1,200 notifications');
    expect(translator('fr').t('popup.unreadCount', { count: 0 })).toBe('0 non lue');
    expect(translator('nl').t('popup.quotaUsage', { used: 40000, limit: 50000, percent: '80%' })).toBe(
      '40.000 van 50.000 aanroepen (80%)',
    );
  });

  it('resolves auto to the first browser language it speaks, else English', () => {
    expect(resolveLanguage('auto', ['xx-XX', 'nl-BE', 'en'])).toBe('nl');
    expect(resolveLanguage('auto', ['SV-se'])).toBe('sv');
    expect(resolveLanguage('auto', ['tlh'])).toBe('en');
    expect(resolveLanguage('auto', [])).toBe('en');
    expect(resolveLanguage('fr', ['nl'])).toBe('fr');
  });
});

describe('Marketo error catalog', () => {
  it('explains every code in every language', () => {
    expect(MARKETO_ERRORS.size).toBe(62);
    for (const info of MARKETO_ERRORS.values()) {
      const meanings = LANGUAGES.map((lang: Language) => translator(lang).t(`code.${info.code}` as never));
      for (const meaning of meanings) expect(meaning, String(info.code)).not.toMatch(/^code\./);
      expect(new Set(meanings).size, `${info.code} translated`).toBe(LANGUAGES.length);
    }
    expect(Object.keys(CATALOGS.en).filter((key) => key.startsWith('code.')).length).toBe(
      MARKETO_ERRORS.size,
    );
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
    const codes = [
      601, 602, 603, 604, 605, 606, 607, 608, 609, 610, 611, 612, 613, 614, 615, 616, 701, 702, 703, 704, 709,
      710, 711, 712, 713, 714, 718, 719,
    ];
    const records = [
      1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015, 1016, 1017,
      1018, 1019, 1020, 1021, 1022, 1025, 1026, 1027, 1028, 1029, 1035, 1036, 1037, 1042, 1048, 1049, 1076,
    ];
    for (const code of [...codes, ...records]) expect(marketoError(code), String(code)).toBeDefined();
  });
});
