import type { MarketoEvent } from '../../shared/events';
import type { NotificationType } from '../../shared/notification-types';
import { defined } from '../domain/occurrence';

export type EventOf<T extends MarketoEvent['type']> = Extract<MarketoEvent, { type: T }>;
export type Carried = { errorCode?: number; message?: string; url?: string; user?: string };

/** JSON keeps parts apart whatever they contain; ids compare as text (forms send digits as text). */
export function groupKey(type: NotificationType, ...parts: (string | number | null | undefined)[]): string {
  return `${type}:${JSON.stringify(parts.map((p) => (p === undefined || p === null ? null : String(p))))}`;
}

/** errorCode, message and url: carried into every notification an event makes or repeats. */
export function carriedFields(event: MarketoEvent): Carried {
  return defined({ errorCode: event.errorCode, message: event.message, url: event.url, user: event.user });
}
