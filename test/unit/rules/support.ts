import { MarketoEvent } from '../../../shared/events';
import { TYPE_SEVERITIES } from '../../../shared/notification-types';
import { Notification } from '../../../shared/notifications';
import type { Occurrence } from '../../../worker/domain/occurrence';
import { digestWindow } from '../../../worker/rules/dynamics-digest';

/** An event as the worker sees it after validation. */
export const event = <T extends MarketoEvent['type']>(input: unknown) =>
  MarketoEvent.parse(input) as Extract<MarketoEvent, { type: T }>;

export const window = digestWindow(Date.parse('2026-05-05T10:00:00Z'), 24);

/** The occurrence's data must fit the shared notification schema, and its severity the type's table. */
export function asNotification(o: Occurrence) {
  if (!(TYPE_SEVERITIES[o.type] as readonly string[]).includes(o.severity))
    throw new Error(`${o.type} cannot be ${o.severity}`);
  return Notification.parse({
    id: 'n',
    type: o.type,
    severity: o.severity,
    data: o.data,
    count: 1,
    firstAt: '2026-05-05T10:00:00.000Z',
    lastAt: '2026-05-05T10:00:00.000Z',
    readAt: null,
  });
}
