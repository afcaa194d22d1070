import type { MarketoEvent } from '../../shared/events';
import type { NotificationType, SeverityOf } from '../../shared/notification-types';
import type { NotificationData } from '../../shared/notifications';
import { mergeDigest, type DigestData } from './dynamics-digest';

/**
 * What one event contributes to a notification: a new one, or a repeat of the one with the same key.
 * The severity can only be one the shared type table allows for the type.
 */
export type Occurrence = {
  [T in NotificationType]: { type: T; groupKey: string; severity: SeverityOf<T>; data: NotificationData<T> };
}[NotificationType];

export type EventOf<T extends MarketoEvent['type']> = Extract<MarketoEvent, { type: T }>;
export type Carried = { errorCode?: number; message?: string; url?: string; user?: string };

/** JSON keeps parts apart whatever they contain; ids compare as text (forms send digits as text). */
export function groupKey(type: NotificationType, ...parts: (string | number | null | undefined)[]): string {
  return `${type}:${JSON.stringify(parts.map((p) => (p === undefined || p === null ? null : String(p))))}`;
}

/** Drops undefined fields so that a merge keeps the previous value. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** errorCode, message and url: carried into every notification an event makes or repeats. */
export function carriedFields(event: MarketoEvent): Carried {
  return defined({ errorCode: event.errorCode, message: event.message, url: event.url, user: event.user });
}

/** A repeat keeps what it does not restate; the digest adds its counts up instead. */
export function mergeData(type: NotificationType, previous: object, next: object): object {
  const prev = previous as { kind?: string };
  const nxt = next as { kind?: string };
  if (type === 'crm_sync' && prev.kind === 'digest' && nxt.kind === 'digest') {
    return mergeDigest(previous as DigestData, next as DigestData);
  }
  return { ...previous, ...defined(next) };
}
