import type { en } from './en';

/** A text that depends on a count: Intl.PluralRules picks the form ('other' when no form matches). */
export interface PluralText {
  one: string;
  other: string;
}
export type MessageKey = keyof typeof en;
/** Every language must have every key, with a plural form exactly where English has one. */
export type Catalog = { [K in MessageKey]: (typeof en)[K] extends string ? string : PluralText };
