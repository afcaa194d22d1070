import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';

import { StreamCapReached } from '../../shared/limits';
import { STREAM_CLOSE_CODES } from '../../shared/notifications';
import { MunchkinId, StreamTicket } from '../../shared/tenant';
import { ApiFailure, tooManyStreams, unauthorized } from '../errors';
import { readTenant } from '../keys/store';
import { requireRole } from '../middleware/auth';
import { tenantStub } from '../tenant/stub';
import { bearerSecurity, errorResponses, json, newRouter, onTenant } from './resource-kit';

const postTicket = createRoute({
  method: 'post',
  path: '/stream/ticket',
  summary: 'A one-use ticket, valid 60 s, for GET /v1/stream (browsers cannot send headers to a WebSocket)',
  security: bearerSecurity,
  middleware: [requireRole('read')] as const,
  responses: { 200: json(StreamTicket, 'The ticket'), ...errorResponses(401, 403, 429) },
});

/** The Durable Object consumes the ticket and accepts the socket; a refused ticket comes back as a bare 401. */
const getStream = createRoute({
  method: 'get',
  path: '/stream',
  summary:
    'WebSocket of counts and new notifications; pushes {"kind":"counts"} and {"kind":"notification"} messages',
  description: `Closed with code ${STREAM_CLOSE_CODES.keyRevoked} when the key that asked for the ticket is revoked.`,
  // The one-use ticket stands for the key: browsers cannot send headers when opening a WebSocket.
  security: [],
  // Optional here: a missing ticket is a 401 like a wrong one, not a 400.
  request: { query: z.object({ ticket: z.string().optional() }) },
  responses: {
    101: { description: 'Switching to the WebSocket protocol' },
    ...errorResponses(400, 401, 429),
  },
});

/** `<tenant>.<random>`: the prefix says which tenant's object holds the ticket. */
function ticketTenant(ticket: string | undefined): string {
  if (!ticket) throw unauthorized('ticket_missing');
  const dot = ticket.indexOf('.');
  const tenant = MunchkinId.safeParse(ticket.slice(0, Math.max(dot, 0)));
  if (dot < 0 || !tenant.success || ticket.length > 200) throw unauthorized('ticket_invalid');
  return tenant.data;
}

export const streamRoutes = newRouter()
  .openapi(postTicket, async (c) => {
    const ticket = await onTenant(c, (t) => t.createTicket());
    if ('error' in ticket) throw tooManyStreams(ticket);
    return c.json(ticket, 200);
  })
  .openapi(getStream, async (c) => {
    const tenant = ticketTenant(c.req.valid('query').ticket);
    if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiFailure(400, 'invalid_input', 'upgrade_needed');
    }
    if (!(await readTenant(c.env.KV, tenant))) throw unauthorized('ticket_invalid');
    const response = await tenantStub(c.env, tenant).fetch(c.req.raw);
    if (response.status === 401) throw unauthorized('ticket_invalid');
    if (response.status === 429) throw tooManyStreams(StreamCapReached.parse(await response.json()));
    return response;
  });
