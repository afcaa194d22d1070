import { CATALOG_LANGUAGES, type CatalogLanguage } from '../../../shared/marketo-errors';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';
import { sv } from './sv';
import type { Catalog, MessageKey, PluralText } from './types';

export type { MessageKey } from './types';
export const LANGUAGES = CATALOG_LANGUAGES;
export type Language = CatalogLanguage;
export const LANGUAGE_SETTINGS = ['auto', ...LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

/** Each language's own name, shown as is in every language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands', sv: 'Svenska', fr: 'Français' };

export const CATALOGS: Record<Language, Catalog> = { en, nl, sv, fr };

export type Params = Record<string, string | number>;

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** 'auto' picks the first browser language we speak (nl-BE → nl), else English. */
export function resolveLanguage(setting: LanguageSetting, browserLanguages: readonly string[]): Language {
  if (setting !== 'auto') return setting;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export interface Translator {
  lang: Language;
  t(key: MessageKey, params?: Params): string;
  number(n: number): string;
}

export function createTranslator(lang: Language): Translator {
  const catalog = CATALOGS[lang];
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);
  const number = (n: number) => numbers.format(n);
  const t = (key: MessageKey, params: Params = {}) => {
    const text = pickForm(catalog[key], params.count, plurals);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? number(value) : value;
    });
  };
  return { lang, t, number };
}

function pickForm(text: string | PluralText, count: string | number | undefined, plurals: Intl.PluralRules): string {
  if (typeof text === 'string') return text;
  const form = typeof count === 'number' ? plurals.select(count) : 'other';
  return form === 'one' ? text.one : text.other;
}
