/**
 * The notification type names Marketo uses in its UI and in its notification e-mails, in the 12
 * languages of Adobe's documentation: the glossary in shared/glossary/notification-types.json,
 * made from Adobe's "Notification Types" pages (reference/notification-types.<lang>.md) in the
 * page's order, which is the order of the seed types.
 */
import glossary from '../../shared/glossary/notification-types.json';
import { type Language, LANGUAGES } from '../../shared/languages';
import { SEED_TYPES, type SeedType } from '../../shared/notification-types';

/** Marketo writes its e-mails in the languages of its documentation: the ones we speak. */
export const EMAIL_LANGUAGES = LANGUAGES;
export type EmailLanguage = Language;

/** The seed types, in the order of Adobe's page. */
export const EMAIL_TYPES = SEED_TYPES;
export type EmailType = SeedType;

/** Adobe's section titles in each language, as scripts/reference-glossary.mjs keeps them from the pages. */
const PAGE_NAMES: Record<EmailLanguage, readonly string[]> = glossary.titles;

/** Per language, the type names in the page's order. */
export function pageNames(language: EmailLanguage): readonly string[] {
  return PAGE_NAMES[language];
}

/** Every name of a type, across the languages, without repeats. */
export const TYPE_NAMES = Object.fromEntries(
  EMAIL_TYPES.map((type, i) => [
    type,
    [...new Set(EMAIL_LANGUAGES.map((language) => PAGE_NAMES[language][i]!))],
  ]),
) as unknown as Record<EmailType, readonly string[]>;
