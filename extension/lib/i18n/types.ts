import type { NotificationCatalog, Strings } from '../../../shared/notification-text/types';
import type { en as enOptions } from './locales/en/options';
import type { en } from './locales/en/ui';

export type { NotificationCatalog } from '../../../shared/notification-text/types';

/** The interface's strings: every language has exactly the keys of English, plural exactly where English is. */
export type UiCatalog = Strings<typeof en>;
/** The options page's strings (connection, tenant settings, keys, members, enrolment). */
export type OptionsCatalog = Strings<typeof enOptions>;
/**
 * What one language's file holds once built: its interface and options strings, and the
 * notification text shared with the worker (shared/notification-text: types, titles, facts and
 * Marketo's code meanings).
 */
export type Catalog = UiCatalog & OptionsCatalog & NotificationCatalog;
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
