import type { en } from './locales/en';

/**
 * A text that depends on a count, one entry per plural category the language has
 * (Intl.PluralRules): English needs `one` and `other`, Japanese, Korean and Chinese only `other`.
 */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Every language has exactly the keys of English, plural exactly where English is. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : PluralText };
/**
 * The text a notification is described with, in one language, shared by the extension and the
 * worker: type and severity names, titles, facts, triage words, and Marketo's error codes
 * explained (`code.<n>` for every documented code).
 */
export type NotificationCatalog = Strings<typeof en>;
export type NotificationKey = keyof NotificationCatalog;
