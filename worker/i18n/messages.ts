import type { Context } from 'hono';

import { interpolate, type Params } from '../../shared/interpolate';
import { DEFAULT_LANGUAGE, type Language, matchLanguage } from '../../shared/languages';
import { de } from './de';
import { en, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import { ko } from './ko';
import { nl } from './nl';
import { ptBR } from './pt-BR';
import { sv } from './sv';
import { zhHans } from './zh-Hans';
import { zhHant } from './zh-Hant';

export type { Language } from '../../shared/languages';
export type { MessageKey } from './en';

/** The worker's own messages, in every language the extension speaks; chosen by Accept-Language. */
export const MESSAGES: Record<Language, Record<MessageKey, string>> = {
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

export type MessageParams = Params;

/** A message with its placeholders filled; numbers written as the language writes them (65,536 or 65 536). */
export function message(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const numbers = new Intl.NumberFormat(language);
  return interpolate(MESSAGES[language][key], params, (n) => numbers.format(n));
}

/**
 * The first language of Accept-Language we speak, by quality then order (`pt-PT` → pt-BR,
 * `zh-HK` → zh-Hant: the same matching as the extension's); English otherwise.
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attributes] = part.trim().split(';');
      const q = attributes.map((a) => /^\s*q=([\d.]+)\s*$/.exec(a)?.[1]).find((v) => v !== undefined);
      return { language: matchLanguage(tag), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.find((entry) => entry.language)?.language ?? DEFAULT_LANGUAGE;
}

export const requestLanguage = (c: Context): Language => languageOf(c.req.header('Accept-Language'));
