/**
 * Checks shared by the extension's and the worker's catalog tests: a translation has the
 * reference's placeholders, and is not the English text left as it was.
 */

/** Words that stay as they are in every language: product and company names, acronyms. */
export const BRAND_WORDS = [
  'Marketo Notifier',
  'Marketo',
  'Microsoft Dynamics',
  'Microsoft Teams',
  'Slack',
  'Salesforce',
  'Facebook',
  'LinkedIn',
  'CRM',
  'API',
  'HTTP',
];

export const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

/** True when the text is an English one left untranslated: equal to it, with words besides brand words. */
export function untranslated(text: string, englishTexts: readonly string[]): boolean {
  if (!englishTexts.includes(text)) return false;
  const rest = BRAND_WORDS.reduce((left, word) => left.replaceAll(word, ''), text.replace(/\{\w+\}/g, ''));
  return /\p{L}/u.test(rest);
}
