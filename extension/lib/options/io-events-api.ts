import type { IoEventsRegister } from '../../../shared/io-events';
import { type ApiOptions, call, connect } from '../connection/page-api';
import type { Endpoint } from '../state/storage';
import { checkIoWire } from '../wire/io-events';

/**
 * /v1/io-events (Marketo's own streams through Adobe I/O Events), for the options page only: a
 * module of its own, so that the popup carries neither these calls nor their schemas.
 */
export function createIoEventsApi(connection: Endpoint | null, options: ApiOptions = {}) {
  const reach = connect(connection, options);
  if (!reach.ok) return reach;
  const { send } = reach.value;
  const path = '/v1/io-events';
  const value = {
    /** The receiving URL is answered only here, at creation or rotation. */
    register: (clientId: string) =>
      call(
        () => send('POST', path, { clientId } satisfies IoEventsRegister),
        (body) => checkIoWire('IoEventsCreated', body),
      ),
    state: () =>
      call(
        () => send('GET', path),
        (body) => checkIoWire('IoEventsState', body),
      ),
    remove: () =>
      call(
        () => send('DELETE', path),
        (body) => checkIoWire('IoEventsDeleted', body),
      ),
  };
  return { ok: true as const, value };
}
