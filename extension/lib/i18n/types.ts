import type { CodeCatalog, NotificationTextCatalog, Strings } from '../../../shared/notification-text/types';
import type { en } from './en';
import type { en as enOptions } from './options/en';

export type { CodeCatalog, PluralText } from '../../../shared/notification-text/types';

/** The interface's strings: every language has exactly the keys of English, plural exactly where English is. */
export type UiCatalog = Strings<typeof en>;
/** The options page's strings (connection, tenant settings, keys, members, enrolment). */
export type OptionsCatalog = Strings<typeof enOptions>;
/**
 * What one language's file holds once built: its interface strings, the notification text shared
 * with the worker (shared/notification-text: types, titles, facts) and Marketo's code meanings.
 */
export type Catalog = UiCatalog & OptionsCatalog & NotificationTextCatalog & CodeCatalog;
export type MessageKey = keyof Catalog;
