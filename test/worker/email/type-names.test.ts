import { describe, expect, it } from 'vitest';
import { EMAIL_LANGUAGES, pageNames, TYPE_NAMES } from '../../../worker/email/type-names';
import adobe from '../../fixtures/reference/notification-types.json';

/** Adobe's section titles, by language (scripts/reference-glossary.mjs keeps them from the pages). */
const PAGES = new Map(Object.entries(adobe.titles as Record<string, string[]>));

describe('type names against Adobe\'s pages', () => {
  it.each(EMAIL_LANGUAGES)('%s: the seven names, in the page\'s order', (language) => {
    expect(PAGES.get(language)).toEqual([...pageNames(language)]);
  });

  it('every page of the reference has its language here', () => {
    expect([...EMAIL_LANGUAGES].sort()).toEqual([...PAGES.keys()].sort());
  });

  it('a type\'s names are unique and each names only that type', () => {
    const owner = new Map<string, string>();
    for (const [type, names] of Object.entries(TYPE_NAMES)) {
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        expect(owner.get(name) ?? type).toBe(type);
        owner.set(name, type);
      }
    }
  });
});
