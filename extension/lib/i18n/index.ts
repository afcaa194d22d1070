import { firstSpokenLanguage, type Language, LANGUAGES } from '../../../shared/languages';
import {
  createTranslator as createAnyTranslator,
  type Translator as AnyTranslator,
} from '../../../shared/notification-text/translator';
import type { Catalog, MessageKey } from './types';

export { type Language, LANGUAGE_NAMES, LANGUAGES } from '../../../shared/languages';
export type { Catalog, MessageKey } from './types';
export const LANGUAGE_SETTINGS = ['auto', ...LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export type { Params } from '../../../shared/interpolate';

/** 'auto' picks the first browser language we speak (nl-BE → nl, pt-PT → pt-BR), else English. */
export function resolveLanguage(setting: LanguageSetting, browserLanguages: readonly string[]): Language {
  return setting === 'auto' ? firstSpokenLanguage(browserLanguages) : setting;
}

/** The extension's translator: every key of its catalog (the shared notification text included). */
export type Translator = AnyTranslator<MessageKey>;

export function createTranslator(lang: Language, catalog: Catalog): Translator {
  return createAnyTranslator(lang, catalog);
}
