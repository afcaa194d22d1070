import { describe, expect, it } from 'vitest';

import { firstSpokenLanguage, LANGUAGE_NAMES, LANGUAGES, matchLanguage } from '../../shared/languages';

describe('languages', () => {
  it('names each language in itself, as the picker lists it', () => {
    expect(LANGUAGE_NAMES.ja).toBe('日本語');
    expect(LANGUAGE_NAMES['pt-BR']).toBe('Português (Brasil)');
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGES].sort());
    for (const lang of LANGUAGES) {
      const own = new Intl.DisplayNames([lang], { type: 'language' }).of(lang)!;
      expect(LANGUAGE_NAMES[lang].toLocaleLowerCase(lang), lang).toContain(
        own.toLocaleLowerCase(lang).split(/[ (（]/)[0],
      );
    }
  });

  it.each([
    ['en-US', 'en'],
    ['nl-BE', 'nl'],
    ['SV_se', 'sv'],
    ['fr-CA', 'fr'],
    ['de-CH', 'de'],
    ['es-419', 'es'],
    ['it', 'it'],
    ['ja-JP', 'ja'],
    ['ko', 'ko'],
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['tlh', undefined],
    ['', undefined],
  ])('matches %s to %s', (tag, language) => {
    expect(matchLanguage(tag)).toBe(language);
  });

  it('takes the first language it speaks, else English', () => {
    expect(firstSpokenLanguage(['tlh', 'fr-BE', 'nl'])).toBe('fr');
    expect(firstSpokenLanguage(['tlh'])).toBe('en');
    expect(firstSpokenLanguage(['pt-PT', 'en'])).toBe('pt-BR');
  });
});
