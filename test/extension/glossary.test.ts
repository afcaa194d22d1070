import { describe, expect, it } from 'vitest';

import { CATALOGS } from '../../extension/lib/i18n/catalogs';
import adobe from '../../shared/glossary/notification-types.json';
import { type Language, LANGUAGES } from '../../shared/languages';
import {
  CONNECTOR_TYPES,
  NOTIFICATION_TYPES,
  SEED_TYPES,
  STREAM_TYPES,
} from '../../shared/notification-types';

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
  // Sources independent of SEED_TYPES: the design's type table (DESIGN.md, "Notification types",
  // in its order) and the English page of the glossary JSON, whose sections name the types.
  const DESIGN_TABLE = [
    'campaign_failure',
    'crm_sync',
    'engagement_exhausted',
    'facebook',
    'trigger_campaign_cleanup',
    'linkedin',
    'web_services_quota',
  ];
  const ENGLISH_SECTION: Record<string, RegExp> = {
    campaign_failure: /^campaign failure$/i,
    crm_sync: /^crm sync$/i,
    engagement_exhausted: /^engagement$/i,
    facebook: /^facebook$/i,
    trigger_campaign_cleanup: /trigger campaign cleanup$/i,
    linkedin: /^linkedin$/i,
    web_services_quota: /^web services$/i,
  };

  it("holds the design's seed types, each at the place of its section on Adobe's English page", () => {
    expect([...SECTIONS]).toEqual(DESIGN_TABLE);
    const english = reference('en').map((title) => clean(title));
    expect(english).toHaveLength(DESIGN_TABLE.length);
    english.forEach((title, i) => expect(title, `section ${i + 1}`).toMatch(ENGLISH_SECTION[SECTIONS[i]!]!));
  });

  it(
    'knows no other types than the seed, connector and ' +
      'stream-only types, kept Marketo e-mails and outbound channels',
    () => {
      const others = NOTIFICATION_TYPES.filter((t) => !(SECTIONS as readonly string[]).includes(t));
      expect(others.sort()).toEqual([...CONNECTOR_TYPES, ...STREAM_TYPES, 'marketo_email', 'channel'].sort());
    },
  );

  it.each(LANGUAGES)('%s names each of the seven types with the term of its page', (lang) => {
    const titles = reference(lang);
    expect(titles, `sections found on the ${lang} page`).toHaveLength(SECTIONS.length);
    SECTIONS.forEach((type, i) => {
      const ours = CATALOGS[lang][`type.${type}`];
      expect(normal(ours, lang), `${lang} type.${type}`).toContain(normal(titles[i]!, lang));
    });
  });
});
