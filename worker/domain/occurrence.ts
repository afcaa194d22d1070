import type { NotificationType, SeverityOf } from '../../shared/notification-types';
import type { NotificationData } from '../../shared/notifications';

/**
 * What one event contributes to a notification: a new one, or a repeat of the one with the same key.
 * The severity can only be one the shared type table allows for the type.
 */
export type Occurrence = {
  [T in NotificationType]: { type: T; groupKey: string; severity: SeverityOf<T>; data: NotificationData<T> };
}[NotificationType];

/** Drops undefined fields so that a merge keeps the previous value. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
