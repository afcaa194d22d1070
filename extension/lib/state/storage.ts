import { storage } from '#imports';

import { NOTIFICATION_TYPES, type NotificationType } from '../../../shared/notification-types';
import type { Counts, FeedQuery } from '../../../shared/notifications';
import type { ConnectionProblem } from '../connection/connection-problem';
import type { LanguageSetting } from '../i18n';
import { labelFromUrl, migrateConnectionV1 } from './connections';

/** What a call to a worker needs: its URL and a key. */
export interface Endpoint {
  workerUrl: string;
  key: string;
  /** The member the key belongs to, when the extension enrolled itself (shown in the options). */
  member?: string;
}

/** One Marketo instance the extension hears from (production, a sandbox, a client's). */
export interface Connection extends Endpoint {
  /** Stable while the connection exists: states, kept pages and messages name it. */
  id: string;
  /** What the person calls it, 1..40 characters. */
  label: string;
  /** The tenant (Munchkin ID) the key belongs to, once a test, an enrolment or the background learnt it. */
  tenant?: string;
  /** The instance's Marketo host (`app-ab12.marketo.com`), so that the overlay knows it there. */
  marketoHost?: string;
  /** Its own per-type choices; without them the shared ones apply. */
  prefs?: TypePrefs;
  /** Set by the organisation's policy (`connections` or the single fields). */
  managed?: boolean;
}

export interface TypePref {
  show: boolean;
  countInBadge: boolean;
  desktop: boolean;
}
export type TypePrefs = Record<NotificationType, TypePref>;

/** Which part of the feed the popup shows: the worker's own `status` query values. */
export type FeedStatus = FeedQuery['status'];
/** The popup's filters: the worker's statuses, and the open ones acknowledged by the member. */
export type FeedFilter = FeedStatus | 'mine';

/** What the background knows; pages and the overlay read and watch it. */
export interface BackgroundState {
  /** live: stream open; polling: stream down, alarm polls; error: last call failed. */
  status: 'unconfigured' | 'connecting' | 'live' | 'polling' | 'error';
  problem: ConnectionProblem | null;
  counts: Counts | null;
  /** When counts last came from the worker (ISO). */
  updatedAt: string | null;
}

export const INITIAL_STATE: BackgroundState = {
  status: 'unconfigured',
  problem: null,
  counts: null,
  updatedAt: null,
};

/** Each connection's state, by connection id. */
export type BackgroundStates = Record<string, BackgroundState>;

/** The connections baked in at build time: one, or none. */
export function buildDefaultConnections(env: {
  WXT_WORKER_URL?: string;
  WXT_READ_KEY?: string;
}): Connection[] {
  const workerUrl = env.WXT_WORKER_URL?.trim();
  const key = env.WXT_READ_KEY?.trim();
  return workerUrl && key ? [{ id: 'default', label: labelFromUrl(workerUrl), workerUrl, key }] : [];
}

export const DEFAULT_TYPE_PREF: TypePref = { show: true, countInBadge: true, desktop: true };

/** Fills in types added after the prefs were saved and drops unknown ones. */
export function normalizeTypePrefs(
  stored: Partial<Record<string, Partial<TypePref>>> | null | undefined,
): TypePrefs {
  const entries = NOTIFICATION_TYPES.map(
    (type) => [type, { ...DEFAULT_TYPE_PREF, ...stored?.[type] }] as const,
  );
  return Object.fromEntries(entries) as TypePrefs;
}

/**
 * The connections, in the order the person put them. Version 1 (the v2 extension) kept one
 * connection or null under the same key; version 2 keeps the list (see migrateConnectionV1).
 */
export const connectionsItem = /* @__PURE__ */ storage.defineItem<Connection[]>('local:connection', {
  // Written out so that a build without them drops the code that makes the default (the minifier sees "").
  fallback:
    import.meta.env.WXT_WORKER_URL && import.meta.env.WXT_READ_KEY
      ? buildDefaultConnections(import.meta.env)
      : [],
  version: 2,
  migrations: { 2: migrateConnectionV1 },
});

export const typePrefsItem = /* @__PURE__ */ storage.defineItem<TypePrefs>('local:typePrefs', {
  fallback: normalizeTypePrefs(null),
  version: 1,
});

export const languageItem = /* @__PURE__ */ storage.defineItem<LanguageSetting>('local:language', {
  fallback: 'auto',
  version: 1,
});

export const overlayEnabledItem = /* @__PURE__ */ storage.defineItem<boolean>('local:overlayEnabled', {
  fallback: true,
  version: 1,
});

export const feedStatusItem = /* @__PURE__ */ storage.defineItem<FeedFilter>('local:feedStatus', {
  fallback: 'unread',
  version: 1,
});

export const statesItem = /* @__PURE__ */ storage.defineItem<BackgroundStates>('local:states', {
  fallback: {},
  version: 1,
});

/** The popup's tab: "all" or a connection's id (it opens on the tab it was left on). */
export const popupTabItem = /* @__PURE__ */ storage.defineItem<string>('local:popupTab', {
  fallback: 'all',
  version: 1,
});

/** Occurrences (id@lastAt) already announced as desktop notifications or toasts, so nothing is announced twice. */
export const announcedItem = /* @__PURE__ */ storage.defineItem<string[]>('local:announced', {
  fallback: [],
  version: 1,
});

const defineNotificationLinks = () =>
  storage.defineItem<Record<string, string>>('session:notificationLinks', { fallback: {}, version: 1 });
let notificationLinks: ReturnType<typeof defineNotificationLinks> | undefined;

/**
 * Marketo links of the desktop notifications shown, by notification id, for clicks on them.
 * Session storage, which Firefox content scripts lack: defining an item reads it at once, so
 * this one is defined at its first use (in the background), not when a module imports this file.
 */
export function notificationLinksItem() {
  return (notificationLinks ??= defineNotificationLinks());
}

export async function getTypePrefs(): Promise<TypePrefs> {
  return normalizeTypePrefs(await typePrefsItem.getValue());
}

/** A connection's own choices, else the shared ones. */
export function prefsOf(
  connection: Pick<Connection, 'prefs'>,
  shared: TypePrefs | null | undefined,
): TypePrefs {
  return normalizeTypePrefs(connection.prefs ?? shared);
}
