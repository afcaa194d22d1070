import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/languages';
import { NOTIFICATION_TYPES, SEED_TYPES } from '../../shared/notification-types';
import { CATALOGS } from '../../extension/lib/i18n/catalogs';
import adobe from '../../shared/glossary/notification-types.json';

/** Adobe's section titles of the "Notification Types" page in each language (scripts/reference-glossary.mjs). */
const reference = (lang: Language) => (adobe.titles as Record<string, string[]>)[lang] ?? [];

/** The page's sections in order: the seed types. */
const SECTIONS = SEED_TYPES;

const clean = (text: string) =>
  text
    .replace(/\[!DNL ([^\]]*)\]/g, '$1')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

const normal = (text: string, lang: Language) => clean(text).toLocaleLowerCase(lang);

describe("Adobe's terms for the notification types", () => {
  it('maps every seed type to a section of the page', () => {
    expect([...SECTIONS].sort()).toEqual([...NOTIFICATION_TYPES].filter((t) => (SECTIONS as readonly string[]).includes(t)).sort());
    expect(SECTIONS).toHaveLength(7);
  });

  it.each(LANGUAGES)('%s names each of the seven types with the term of its page', (lang) => {
    const titles = reference(lang);
    expect(titles, `sections found on the ${lang} page`).toHaveLength(SECTIONS.length);
    SECTIONS.forEach((type, i) => {
      const ours = CATALOGS[lang][`type.${type}`];
      expect(normal(ours, lang), `${lang} type.${type}`).toContain(normal(titles[i]!, lang));
    });
  });
});
