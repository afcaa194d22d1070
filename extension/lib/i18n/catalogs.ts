/**
 * Every language's whole catalog, for the build (which writes one `i18n/<lang>.json` per
 * language, and the manifest's `_locales/<folder>/messages.json`) and for tests. Runtime code never
 * imports this: it loads the one language it needs. A language is a folder in ./locales (its
 * interface, options and manifest texts), imported and listed here, and its notification text
 * (titles, facts, error codes, shared with the worker) in shared/notification-text/locales; its tag
 * is in shared/languages.ts.
 */
import type { Language } from '../../../shared/languages';
import { de } from './locales/de';
import { en } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';
import { it } from './locales/it';
import { ja } from './locales/ja';
import { ko } from './locales/ko';
import { nl } from './locales/nl';
import { ptBR } from './locales/pt-BR';
import { sv } from './locales/sv';
import { zhHans } from './locales/zh-Hans';
import { zhHant } from './locales/zh-Hant';
import type { Catalog, Locale, ManifestMessages } from './types';

const LOCALES: Record<Language, Locale> = {
  en,
  de,
  es,
  fr,
  it,
  ja,
  ko,
  nl,
  'pt-BR': ptBR,
  sv,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
};

function each<T>(pick: (locale: Locale) => T): Record<Language, T> {
  const entries = Object.entries(LOCALES).map(([language, locale]) => [language, pick(locale)]);
  return Object.fromEntries(entries) as Record<Language, T>;
}

export const CATALOGS: Record<Language, Catalog> = each((locale) => locale.catalog);

/** The manifest's name and description in each language (`__MSG_extName__`, `__MSG_extDescription__`). */
export const MANIFEST_MESSAGES: Record<Language, ManifestMessages> = each((locale) => locale.manifest);
