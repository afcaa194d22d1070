import { interpolate, type Params } from '../interpolate';
import type { Language } from '../languages';
import type { NotificationKey, PluralText } from './types';

export type { Params } from '../interpolate';

/** Texts of one language with their placeholders filled, for the keys K of its catalog. */
export interface Translator<K extends string = string> {
  lang: Language;
  t(key: K, params?: Params): string;
  number(n: number): string;
}

/** Texts of one language with placeholders filled; numbers as the language writes them. */
export function createTranslator<K extends string>(
  lang: Language,
  catalog: Record<K, string | PluralText>,
): Translator<K> {
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);
  const number = (n: number) => numbers.format(n);
  const t = (key: K, params: Params = {}) => {
    return interpolate(pickForm(catalog[key], params.count, plurals), params, number);
  };
  return { lang, t, number };
}

/** The form for the count's plural category; `other` when the language has no own form for it. */
function pickForm(
  text: string | PluralText,
  count: string | number | undefined,
  plurals: Intl.PluralRules,
): string {
  if (typeof text === 'string') return text;
  const form = typeof count === 'number' ? plurals.select(count) : 'other';
  return text[form] ?? text.other;
}

/** What describes a notification needs: any translator whose catalog includes the notification text. */
export type NotificationTranslator = Translator<NotificationKey>;
