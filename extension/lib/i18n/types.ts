import type { en as enCodes } from './locales/en/codes';
import type { en } from './locales/en/ui';
import type { en as enOptions } from './locales/en/options';

/**
 * A text that depends on a count, one entry per plural category the language has
 * (Intl.PluralRules): English needs `one` and `other`, Japanese, Korean and Chinese only `other`.
 */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : PluralText };
/** The interface's strings: every language has exactly the keys of English, plural exactly where English is. */
export type UiCatalog = Strings<typeof en>;
/** The options page's strings (connection, tenant settings, keys, members, enrolment). */
export type OptionsCatalog = Strings<typeof enOptions>;
/** Marketo's error codes explained: `code.<n>` for every documented code. */
export type CodeCatalog = Strings<typeof enCodes>;
/** What one language's file holds once built: its interface strings and its code meanings. */
export type Catalog = UiCatalog & OptionsCatalog & CodeCatalog;
export type MessageKey = keyof Catalog;

/** The manifest's name and description, as the browser reads them from `_locales/<folder>/messages.json`. */
export type ManifestMessages = Record<'extName' | 'extDescription', ManifestMessage>;
export interface ManifestMessage {
  message: string;
  description?: string;
}

/** One language's folder in ./locales: its catalog and its manifest texts. */
export interface Locale {
  catalog: Catalog;
  manifest: ManifestMessages;
}
