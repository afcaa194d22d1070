import Ajv from 'ajv';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { beforeAll, describe, expect, it } from 'vitest';

import type { AppEnv } from '../../worker/middleware/context';
import { onError } from '../../worker/middleware/errors';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { type TenantWithKeys, tenantWithKeys } from './support/tenants';

let t: TenantWithKeys;
beforeAll(async () => {
  await warmUp();
  t = await tenantWithKeys();
}, WARM_UP_TIMEOUT_MS);

describe('errors', () => {
  it.each([
    ['GET', '/'],
    ['GET', '/v1'],
    ['GET', '/v2/counts'],
    ['GET', '/v1/counts/extra'],
    ['POST', '/v1/notifications/unread'],
  ])('%s %s: 404 with the JSON error body', async (method, path) => {
    const response = await call(path, { method, token: t.read });
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect((await errorOf(response)).code).toBe('not_found');
  });

  it.each([
    ['DELETE', '/v1/counts', 'GET, HEAD'],
    ['PUT', '/v1/events', 'POST'],
    ['GET', '/v1/events', 'POST'],
    ['PATCH', '/v1/settings', 'GET, HEAD, PUT'],
    ['GET', '/v1/tenants/123-ABC-456', 'PUT'],
    ['PUT', '/v1/tenants/123-ABC-456/keys/key_AAAAAAAAAAAAAAAA', 'DELETE'],
  ])('%s %s (a wrong method): 405 with Allow: %s', async (method, path, allow) => {
    const response = await call(path, { method, token: t.admin });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe(allow);
    const error = await errorOf(response);
    expect(error.code).toBe('method_not_allowed');
    expect(error.message).toContain(allow);
  });

  it('never shows a stack trace or internals in an error', async () => {
    const responses = await Promise.all([
      call('/v1/events', {
        token: t.ingest,
        raw: '{"type":',
        headers: { 'Content-Type': 'application/json' },
      }),
      call('/v1/events', { token: t.ingest, json: { type: 'nope' } }),
      call('/v1/settings', { method: 'PUT', token: t.admin, json: { quota: { thresholds: 'x' } } }),
      call('/v1/notifications?cursor=%00%FF', { token: t.read }),
      call('/v1/tenants/bad/keys', { token: 'x', json: {} }),
    ]);
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const text = await response.text();
      expect(text).not.toMatch(/\bat [\w.<>]+ \(|\.ts:\d+|node_modules|SyntaxError|ZodError/);
      expect(Object.keys(JSON.parse(text))).toEqual(['error']);
    }
  });
});

describe('the error handler', () => {
  it('turns a real fault into a 500 without its message or stack', async () => {
    const app = new Hono<AppEnv>().onError(onError).get('/boom', () => {
      throw new TypeError('cannot read secret mn_internal_detail');
    });
    const response = await app.request('/boom');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(text).not.toContain('mn_internal_detail');
    expect(text).not.toContain('TypeError');
  });
});

describe('the error handler, for a route refusing a content type itself', () => {
  it('answers 415 with the same message as the body reader', async () => {
    const app = new Hono<AppEnv>().onError(onError).post('/strict', () => {
      throw new HTTPException(415, { message: 'Unsupported Media Type' });
    });
    const response = await app.request('/strict', { method: 'POST', headers: { 'Accept-Language': 'nl' } });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: { code: 'unsupported_media_type', message: 'Stuur de inhoud als application/json.' },
    });
  });
});

describe('GET /healthz', () => {
  it('answers without a key', async () => {
    const response = await call('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('CORS', () => {
  it('answers a preflight from any origin and allows the headers the API needs', async () => {
    const response = await call('/v1/counts', {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
  });
});

describe('GET /v1/openapi.json', () => {
  it('documents every path and method, with bearer security, without a key', async () => {
    const response = await call('/v1/openapi.json');
    expect(response.status).toBe(200);
    const doc = await response.json<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { security?: unknown; responses: Record<string, unknown>; requestBody?: unknown }>
      >;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /healthz',
        'POST /v1/events',
        'POST /v1/usage',
        'GET /v1/notifications',
        'POST /v1/notifications/read',
        'POST /v1/notifications/{id}/ack',
        'POST /v1/notifications/{id}/resolve',
        'POST /v1/notifications/{id}/snooze',
        'GET /v1/members',
        'POST /v1/enroll',
        'GET /v1/counts',
        'GET /v1/stream',
        'POST /v1/stream/ticket',
        'GET /v1/settings',
        'PUT /v1/settings',
        'PUT /v1/tenants/{id}',
        'POST /v1/tenants/{id}/keys',
        'GET /v1/tenants/{id}/keys',
        'DELETE /v1/tenants/{id}/keys/{keyId}',
        'GET /v1/key',
        'PUT /v1/connector',
        'GET /v1/connector',
        'DELETE /v1/connector',
        'POST /v1/connector/poll',
        'GET /v1/quota/history',
        'GET /v1/email-address',
        'POST /v1/email-address',
        'POST /v1/channels',
        'GET /v1/channels',
        'GET /v1/channels/{id}',
        'PATCH /v1/channels/{id}',
        'DELETE /v1/channels/{id}',
        'POST /v1/channels/{id}/test',
        'POST /v1/channels/{id}/rotate-secret',
        'GET /v1/channels/{id}/deliveries',
        'POST /v1/io-events',
        'GET /v1/io-events',
        'DELETE /v1/io-events',
        'GET /io/{token}',
        'POST /io/{token}',
      ].sort(),
    );
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/v1/counts']!.get!.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/v1/events']!.post!.requestBody).toMatchObject({
      required: true,
      content: {
        'application/json': { schema: expect.any(Object) },
        'application/x-www-form-urlencoded': { schema: expect.any(Object) },
      },
    });
    expect(Object.keys(doc.paths['/v1/events']!.post!.responses)).toEqual(
      expect.arrayContaining(['202', '400', '401', '403', '413', '415']),
    );
    // Generated from the shared schemas: the event types and settings fields are all there.
    const text = JSON.stringify(doc);
    for (const word of [
      'campaign_failure',
      'web_services_quota',
      'dailyLimit',
      'digestHours',
      'nextCursor',
      'resetsAt',
    ])
      expect(text).toContain(word);
  });

  it('documents what the handlers of POST /v1/events and GET /v1/stream validate', async () => {
    type Operation = {
      parameters?: { name: string; in: string }[];
      requestBody?: { content: Record<string, { schema: unknown }> };
    };
    const doc = await (
      await call('/v1/openapi.json')
    ).json<{ paths: Record<string, Record<string, Operation>> }>();
    const events = doc.paths['/v1/events']!.post!;
    expect(events.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'idempotency-key', in: 'header' })]),
    );
    for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
      const schema = JSON.stringify(events.requestBody!.content[type]!.schema);
      for (const word of ['campaign_failure', 'linkedin', 'exhaustedLeads'])
        expect(schema, type).toContain(word);
    }
    expect(doc.paths['/v1/stream']!.get!.parameters).toEqual([
      expect.objectContaining({ name: 'ticket', in: 'query' }),
    ]);
  });

  it(
    'states the rules the handlers enforce: names without ' +
      'control characters, ranges of numbers written as text',
    async () => {
      type Operation = {
        parameters?: { name: string; description?: string }[];
        requestBody?: { content: Record<string, { schema: object }> };
      };
      const doc = await (
        await call('/v1/openapi.json')
      ).json<{ paths: Record<string, Record<string, Operation>> }>();
      const enroll = new Ajv({ strict: false }).compile(
        doc.paths['/v1/enroll']!.post!.requestBody!.content['application/json']!.schema,
      );
      for (const member of ['Anna Berg', 'Zoë 李 🙂']) expect(enroll({ member }), member).toBe(true);
      for (const member of ['a\nb', 'tab\there', 'c\u0085'])
        expect(enroll({ member }), JSON.stringify(member)).toBe(false);
      const limit = doc.paths['/v1/notifications']!.get!.parameters!.find((p) => p.name === 'limit');
      expect(limit?.description).toBe('A whole number from 1 to 100, in decimal digits.');
    },
  );
});
