import { callChecked, connectionClient, type ApiOptions } from '../connection/api-client';
import type { Connection } from '../state/storage';
import { checkIoWire } from '../wire/io-events';

/**
 * /v1/io-events (Marketo's own streams through Adobe I/O Events), for the options page only: a
 * module of its own, so that the popup carries neither these calls nor their schemas.
 */
export function createIoEventsApi(connection: Connection | null, options: ApiOptions = {}) {
  const connected = connectionClient(connection, options);
  if (!connected.ok) return connected;
  const api = connected.value.client.v1['io-events'];
  const value = {
    /** The receiving URL is answered only here, at creation or rotation. */
    register: (clientId: string) =>
      callChecked(() => api.$post({ json: { clientId } }), (body) => checkIoWire('IoEventsCreated', body)),
    state: () => callChecked(() => api.$get(), (body) => checkIoWire('IoEventsState', body)),
    remove: () => callChecked(() => api.$delete(), (body) => checkIoWire('IoEventsDeleted', body)),
  };
  return { ok: true as const, value };
}
export type IoEventsApi = Extract<ReturnType<typeof createIoEventsApi>, { ok: true }>['value'];
