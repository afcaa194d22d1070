import { describe, expect, it } from 'vitest';
import { firstSpokenLanguage, LANGUAGE_NAMES, LANGUAGES, matchLanguage } from '../../shared/languages';

describe('languages', () => {
  it('names each language in itself', () => {
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGES].sort());
    for (const lang of LANGUAGES) {
      const own = new Intl.DisplayNames([lang], { type: 'language' }).of(lang)!;
      expect(LANGUAGE_NAMES[lang].toLocaleLowerCase(lang), lang).toContain(own.toLocaleLowerCase(lang).split(/[ (（]/)[0]);
    }
  });

  it.each([
    ['en-US', 'en'],
    ['nl-BE', 'nl'],
    ['SV_se', 'sv'],
    ['fr-CA', 'fr'],
    ['tlh', undefined],
    ['', undefined],
  ])('matches %s to %s', (tag, language) => {
    expect(matchLanguage(tag)).toBe(language);
  });

  it('takes the first language it speaks, else English', () => {
    expect(firstSpokenLanguage(['tlh', 'fr-BE', 'nl'])).toBe('fr');
    expect(firstSpokenLanguage(['tlh'])).toBe('en');
  });
});
