import { describe, expect, it } from 'vitest';

import adobe from '../../../shared/glossary/notification-types.json';
import { EMAIL_LANGUAGES, EMAIL_TYPES, pageNames, TYPE_NAMES } from '../../../worker/email/type-names';

/** Adobe's section titles, by language (scripts/reference-glossary.mjs keeps them from the pages). */
const PAGES = new Map(Object.entries(adobe.titles as Record<string, string[]>));

describe("type names against Adobe's pages", () => {
  // The names come from the glossary: what can go wrong is a page with a section more or less, or
  // in another order. Facebook and LinkedIn keep their names in every language, so they show where
  // the page's order and the seed types' order part.
  it.each(EMAIL_LANGUAGES)("%s: seven distinct names, in the seed types' order", (language) => {
    const names = pageNames(language);
    expect(names).toHaveLength(EMAIL_TYPES.length);
    expect(new Set(names).size).toBe(EMAIL_TYPES.length);
    expect(names[EMAIL_TYPES.indexOf('facebook')]).toBe('Facebook');
    expect(names[EMAIL_TYPES.indexOf('linkedin')]).toBe('LinkedIn');
  });

  it('every page of the reference has its language here', () => {
    expect([...EMAIL_LANGUAGES].sort()).toEqual([...PAGES.keys()].sort());
  });

  it("a type's names are unique and each names only that type", () => {
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
