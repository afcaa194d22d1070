import { expect } from 'vitest';

import { StreamTicket } from '../../../shared/tenant';
import { call } from './http';
import { fetchWorker } from './openapi';

/** POST /v1/stream/ticket with the key: the answer as it is (201, or a refusal). */
export const ticketOf = (key: string) => call('/v1/stream/ticket', { method: 'POST', token: key });

/** The WebSocket upgrade of GET /v1/stream with a ticket: the answer as it is. */
export const openStream = (ticket: string) =>
  fetchWorker(
    new Request(`https://worker.test/v1/stream?ticket=${encodeURIComponent(ticket)}`, {
      headers: { Upgrade: 'websocket' },
    }),
  );

/** A ticket for the key, then the stream it opens, accepted on the test's side. */
export async function openSocket(key: string): Promise<WebSocket> {
  const ticket = StreamTicket.parse(await (await ticketOf(key)).json()).ticket;
  const response = await openStream(ticket);
  expect(response.status).toBe(101);
  const socket = response.webSocket!;
  socket.accept();
  return socket;
}
