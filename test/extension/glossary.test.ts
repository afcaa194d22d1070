import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/languages';
import { NOTIFICATION_TYPES } from '../../shared/notification-types';
import { CATALOGS } from '../../extension/lib/i18n/catalogs';

/** Adobe's "Notification Types" page in each language, read from the reference folder beside the repository. */
const PAGES = import.meta.glob<string>('../../../shared/reference/notification-types.*.md', { query: '?raw', import: 'default', eager: true });
const reference = (lang: Language) => PAGES[`../../../shared/reference/notification-types.${lang}.md`]!;

/** The page's sections in order, and the seed type each one describes. */
const SECTIONS = ['campaign_failure', 'crm_sync', 'engagement_exhausted', 'facebook', 'trigger_campaign_cleanup', 'linkedin', 'web_services_quota'] as const;

const clean = (text: string) =>
  text
    .replace(/\{#[^}]*\}/g, '')
    .replace(/\[!DNL ([^\]]*)\]/g, '$1')
    .replace(/&#39;/g, "'")
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The section titles of a page: `## ` headings, or (where a translation lost the markup) a short
 * line standing alone between blank lines that does not end like a sentence.
 */
function sectionTitles(markdown: string): string[] {
  const lines = markdown.split('\n');
  const body = lines.findIndex((line) => line.startsWith('# '));
  const titles: string[] = [];
  for (let i = body + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('## ')) titles.push(clean(line.slice(3)));
    else if (line && !lines[i - 1]!.trim() && !(lines[i + 1] ?? '').trim() && line.length <= 60 && !/^[!*>[#-]/.test(line) && !/[.。:：!?)）]$/.test(line)) titles.push(clean(line));
  }
  return titles;
}

const normal = (text: string, lang: Language) => clean(text).toLocaleLowerCase(lang);

describe("Adobe's terms for the notification types", () => {
  it('maps every seed type to a section of the page', () => {
    expect([...SECTIONS].sort()).toEqual([...NOTIFICATION_TYPES].filter((t) => (SECTIONS as readonly string[]).includes(t)).sort());
    expect(SECTIONS).toHaveLength(7);
  });

  it.each(LANGUAGES)('%s names each of the seven types with the term of its page', (lang) => {
    const titles = sectionTitles(reference(lang));
    expect(titles, `sections found on the ${lang} page`).toHaveLength(SECTIONS.length);
    SECTIONS.forEach((type, i) => {
      const ours = CATALOGS[lang][`type.${type}`];
      expect(normal(ours, lang), `${lang} type.${type}`).toContain(normal(titles[i]!, lang));
    });
  });
});
