import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';

import {
  IO_EVENTS_MAX_BODY_BYTES,
  IoChallenge,
  IoEventsCreated,
  IoEventsDeleted,
  IoEventsReceived,
  IoEventsRegister,
  IoEventsState,
} from '../../shared/io-events';
import { ApiFailure, notFound } from '../errors';
import { readUpTo } from '../http/bytes';
import { parseEnvelope } from '../io-events/envelope';
import { keyHostOf } from '../io-events/key-path';
import { verifyDelivery } from '../io-events/signature';
import {
  forgetIoToken,
  ioTokenHash,
  newIoToken,
  saveIoToken,
  tenantOfIoToken,
} from '../io-events/token-store';
import { callerKey, requireRole } from '../middleware/auth';
import { readBody } from '../middleware/body';
import type { AppContext } from '../middleware/context';
import { tenantStub } from '../tenant/stub';
import {
  bearerSecurity,
  DocumentedApiError,
  errorResponses,
  json,
  newRouter,
  onTenant,
} from './resource-kit';

const postIoEvents = createRoute({
  method: 'post',
  path: '/io-events',
  summary: "Creates or rotates the URL that receives Marketo's own event streams from Adobe I/O Events",
  description: [
    'clientId is the client ID of the project in Adobe’s Developer Console.',
    'The answer is the only time the URL is shown; a repeat rotates it, and the previous URL answers 404.',
  ].join(' '),
  security: bearerSecurity,
  middleware: [requireRole('admin'), readBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: IoEventsRegister } } } },
  responses: {
    200: json(IoEventsCreated, 'The URL to register in Adobe’s Developer Console'),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

const getIoEvents = createRoute({
  method: 'get',
  path: '/io-events',
  summary: 'The state of the receiving URL (last event, counts by type); never the URL itself',
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  responses: { 200: json(IoEventsState, 'The state'), ...errorResponses(401, 403, 404, 429) },
});

const deleteIoEvents = createRoute({
  method: 'delete',
  path: '/io-events',
  summary: 'Stops receiving: the URL answers 404 from now on',
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  responses: { 200: json(IoEventsDeleted, 'Deleted'), ...errorResponses(401, 403, 404, 429) },
});

const TokenParam = z.object({
  token: z.string().openapi({ description: 'The 24 random characters of the receiving URL' }),
});

const challengeIo = createRoute({
  method: 'get',
  path: '/io/{token}',
  summary: 'Adobe I/O Events’ registration handshake: answers the challenge',
  description: 'No key: the URL’s 24 random characters name the tenant.',
  security: [],
  request: { params: TokenParam, query: z.object({ challenge: z.string().optional() }) },
  responses: { 200: json(IoChallenge, 'The challenge, as Adobe sent it'), ...errorResponses(400, 404) },
});

const receiveIo = createRoute({
  method: 'post',
  path: '/io/{token}',
  summary: 'A delivery of Adobe I/O Events: one event, or a batch (a JSON array), signed by Adobe',
  description: [
    'Verified before anything is stored: x-adobe-digital-signature-1 or -2 must be an RSA-SHA256 signature',
    'of the raw body with the key at x-adobe-public-key1-path or -2-path on Adobe’s key host, and',
    'recipient_client_id the registered client ID. The key host slow or failing: 503 with Retry-After.',
  ].join(' '),
  security: [],
  request: { params: TokenParam },
  responses: {
    200: json(IoEventsReceived, 'Received; repeated event ids count as duplicates'),
    ...errorResponses(400, 401, 404),
    413: json(DocumentedApiError, `The body is larger than ${IO_EVENTS_MAX_BODY_BYTES / 1024 / 1024} MiB`),
    ...errorResponses(503),
  },
});

const MAX_CHALLENGE_CHARS = 500;
/** Adobe retries on its own schedule (1 minute, doubling); this is a hint for anyone else. */
const RETRY_AFTER_SECONDS = '60';

const urlUnknown = () => notFound('io_url_unknown');
const refused = (key: 'io_signature' | 'io_recipient') => new ApiFailure(401, 'unauthorized', key);

function receivingUrl(c: AppContext, token: string): string {
  return `${new URL(c.req.url).origin}/io/${token}`;
}

/** The body as bytes, at most 1 MiB (the signature covers the raw bytes). */
async function deliveryBytes(c: AppContext): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () =>
    new ApiFailure(413, 'payload_too_large', 'too_large', { params: { bytes: IO_EVENTS_MAX_BODY_BYTES } });
  const declared = Number(c.req.header('Content-Length') ?? '0');
  const body = c.req.raw.body;
  if (declared > IO_EVENTS_MAX_BODY_BYTES) {
    await body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!body) return new Uint8Array(0);
  const cancel = (reader: ReadableStreamDefaultReader<Uint8Array>) => reader.cancel().catch(() => undefined);
  const bytes = await readUpTo(body, IO_EVENTS_MAX_BODY_BYTES, cancel);
  if (bytes === null) throw tooLarge();
  return bytes;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    throw new ApiFailure(400, 'invalid_json', 'invalid_json');
  }
}

/** Admin routes under /v1. */
export const ioEventsRoutes = newRouter()
  .openapi(postIoEvents, async (c) => {
    const { clientId } = c.req.valid('json');
    const token = newIoToken();
    const hash = await ioTokenHash(token);
    const tenant = callerKey(c).tenant;
    await saveIoToken(c.env.KV, hash, tenant);
    const previous = await onTenant(c, (t) => t.registerIoEvents(clientId, hash));
    if (previous !== null && previous !== hash) await forgetIoToken(c.env.KV, previous);
    return c.json({ url: receivingUrl(c, token), clientId }, 200);
  })
  .openapi(getIoEvents, async (c) => {
    const state = await onTenant(c, (t) => t.ioEventsState());
    if (state === null) throw notFound('io_events_none');
    return c.json(state, 200);
  })
  .openapi(deleteIoEvents, async (c) => {
    const previous = await onTenant(c, (t) => t.deleteIoEvents());
    if (previous === null) throw notFound('io_events_none');
    await forgetIoToken(c.env.KV, previous);
    return c.json({ deleted: true as const }, 200);
  });

/** The receiving URL, at the root: Adobe calls it without a key, the token and the signatures decide. */
export const ioReceiverRoutes = newRouter()
  .openapi(challengeIo, async (c) => {
    const found = await tenantOfIoToken(c.env.KV, c.req.valid('param').token);
    const client = found && (await tenantStub(c.env, found.tenant).ioEventsClient(found.hash));
    if (!found || client === null) throw urlUnknown();
    const challenge = c.req.valid('query').challenge ?? '';
    if (challenge.length === 0 || challenge.length > MAX_CHALLENGE_CHARS) {
      throw new ApiFailure(400, 'invalid_input', 'io_challenge');
    }
    return c.json({ challenge }, 200);
  })
  .openapi(receiveIo, async (c) => {
    const found = await tenantOfIoToken(c.env.KV, c.req.valid('param').token);
    if (!found) throw urlUnknown();
    const tenant = tenantStub(c.env, found.tenant);
    const clientId = await tenant.ioEventsClient(found.hash);
    if (clientId === null) throw urlUnknown();
    const bytes = await deliveryBytes(c);
    const verified = await verifyDelivery(c.req.raw.headers, bytes, keyHostOf(c.env.ADOBE_IO_KEYS_URL));
    if (verified === 'unavailable') {
      const headers = { 'Retry-After': RETRY_AFTER_SECONDS };
      throw new ApiFailure(503, 'unavailable', 'io_keys_unavailable', { headers });
    }
    if (verified !== 'ok') throw refused('io_signature');
    const events = parseEnvelope(parseJson(bytes));
    if (events === null) throw new ApiFailure(400, 'invalid_input', 'io_envelope');
    if (events.some((e) => e.recipient !== clientId)) throw refused('io_recipient');
    const received = await tenant.receiveIoEvents(found.hash, events);
    if (received === null) throw urlUnknown();
    return c.json(received, 200);
  });
