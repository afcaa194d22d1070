import { interpolate, type Params } from '../../../shared/interpolate';
import { firstSpokenLanguage, LANGUAGES, type Language } from '../../../shared/languages';
import type { Catalog, MessageKey, PluralText } from './types';

export type { Catalog, MessageKey } from './types';
export { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from '../../../shared/languages';
export const LANGUAGE_SETTINGS = ['auto', ...LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export type { Params } from '../../../shared/interpolate';

/** 'auto' picks the first browser language we speak (nl-BE → nl, pt-PT → pt-BR), else English. */
export function resolveLanguage(setting: LanguageSetting, browserLanguages: readonly string[]): Language {
  return setting === 'auto' ? firstSpokenLanguage(browserLanguages) : setting;
}

export interface Translator {
  lang: Language;
  t(key: MessageKey, params?: Params): string;
  number(n: number): string;
}

/** Texts of one language with placeholders filled; numbers as the language writes them. */
export function createTranslator(lang: Language, catalog: Catalog): Translator {
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);
  const number = (n: number) => numbers.format(n);
  const t = (key: MessageKey, params: Params = {}) => {
    return interpolate(pickForm(catalog[key], params.count, plurals), params, number);
  };
  return { lang, t, number };
}

/** The form for the count's plural category; `other` when the language has no own form for it. */
function pickForm(text: string | PluralText, count: string | number | undefined, plurals: Intl.PluralRules): string {
  if (typeof text === 'string') return text;
  const form = typeof count === 'number' ? plurals.select(count) : 'other';
  return text[form] ?? text.other;
}
