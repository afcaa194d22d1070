import { storage } from '#imports';
import { NOTIFICATION_TYPES, type NotificationType } from '../../../shared/notification-types';
import type { Counts, FeedQuery } from '../../../shared/notifications';
import type { ConnectionProblem } from '../connection/connection-problem';
import type { LanguageSetting } from '../i18n';

export interface Connection {
  workerUrl: string;
  key: string;
  /** The member the key belongs to, when the extension enrolled itself (shown in the options). */
  member?: string;
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

export const INITIAL_STATE: BackgroundState = { status: 'unconfigured', problem: null, counts: null, updatedAt: null };

/** The connection baked in at build time, if any. */
export function buildDefaultConnection(env: { WXT_WORKER_URL?: string; WXT_READ_KEY?: string }): Connection | null {
  const workerUrl = env.WXT_WORKER_URL?.trim();
  const key = env.WXT_READ_KEY?.trim();
  return workerUrl && key ? { workerUrl, key } : null;
}

export const DEFAULT_TYPE_PREF: TypePref = { show: true, countInBadge: true, desktop: true };

/** Fills in types added after the prefs were saved and drops unknown ones. */
export function normalizeTypePrefs(stored: Partial<Record<string, Partial<TypePref>>> | null | undefined): TypePrefs {
  const entries = NOTIFICATION_TYPES.map((type) => [type, { ...DEFAULT_TYPE_PREF, ...stored?.[type] }] as const);
  return Object.fromEntries(entries) as TypePrefs;
}

export const connectionItem = /* @__PURE__ */ storage.defineItem<Connection | null>('local:connection', {
  fallback: buildDefaultConnection(import.meta.env),
  version: 1,
});

export const typePrefsItem = /* @__PURE__ */ storage.defineItem<TypePrefs>('local:typePrefs', {
  fallback: normalizeTypePrefs(null),
  version: 1,
});

export const languageItem = /* @__PURE__ */ storage.defineItem<LanguageSetting>('local:language', { fallback: 'auto', version: 1 });

export const overlayEnabledItem = /* @__PURE__ */ storage.defineItem<boolean>('local:overlayEnabled', { fallback: true, version: 1 });

export const feedStatusItem = /* @__PURE__ */ storage.defineItem<FeedFilter>('local:feedStatus', { fallback: 'unread', version: 1 });

export const stateItem = /* @__PURE__ */ storage.defineItem<BackgroundState>('local:state', { fallback: INITIAL_STATE, version: 1 });

/** Occurrences (id@lastAt) already announced as desktop notifications or toasts, so nothing is announced twice. */
export const announcedItem = /* @__PURE__ */ storage.defineItem<string[]>('local:announced', { fallback: [], version: 1 });

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

/**
 * Set by the organisation through browser policy (storage.managed, read-only); unchecked here,
 * parsed by lib/state/managed.ts. Defined on first use: defining an item reads it at once, and where no
 * policy is in place Firefox answers that read with an error.
 */
let managed: ReturnType<typeof defineManagedItems> | null = null;
const defineManagedItems = () => ({
  workerUrl: storage.defineItem<unknown>('managed:workerUrl'),
  enrollKey: storage.defineItem<unknown>('managed:enrollKey'),
  lockConnection: storage.defineItem<unknown>('managed:lockConnection'),
  language: storage.defineItem<unknown>('managed:language'),
});
export const managedItems = () => (managed ??= defineManagedItems());

export async function getTypePrefs(): Promise<TypePrefs> {
  return normalizeTypePrefs(await typePrefsItem.getValue());
}
