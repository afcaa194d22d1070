import { beforeAll, describe, expect, it } from 'vitest';

import { expectNothingStored, ONE_OF_EACH, postEvents } from './support/events';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { fetchWorker } from './support/openapi';
import { tenantWithKeys } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('POST /v1/events: invalid input changes nothing', () => {
  const INVALID: [string, unknown, (string | number)[]][] = [
    ['an unknown type', { type: 'email_bounce' }, ['type']],
    ['an unknown field', { type: 'facebook', problem: 'app_removed', severity: 'info' }, []],
    [
      'an unknown nested field',
      { type: 'crm_sync', crm: 'salesforce', problem: 'api_limit', lead: { id: 1, phone: '1' } },
      ['lead'],
    ],
    ['a missing field', { type: 'campaign_failure', campaign: { id: 1, name: 'A' } }, ['error']],
    ['a wrong enum value', { type: 'crm_sync', crm: 'hubspot', problem: 'api_limit' }, ['crm']],
    ['a bad date', { type: 'facebook', problem: 'app_removed', occurredAt: 'yesterday' }, ['occurredAt']],
    [
      'zero exhausted leads',
      {
        type: 'engagement_exhausted',
        program: { id: 1, name: 'P' },
        stream: { name: 'S' },
        exhaustedLeads: 0,
      },
      ['exhaustedLeads'],
    ],
    ['an http url', { type: 'facebook', problem: 'app_removed', url: 'http://app.marketo.com/x' }, ['url']],
    ['a JSON array', [{ type: 'facebook', problem: 'app_removed' }], []],
    ['a JSON string', 'facebook', []],
    ['an empty batch', { events: [] }, ['events']],
  ];

  it.each(INVALID)('rejects %s with 400 invalid_input and the field path', async (_name, body, path) => {
    const t = await tenantWithKeys();
    const response = await postEvents(t.ingest, body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_input');
    expect(error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path, message: expect.any(String) })]),
    );
    await expectNothingStored(t.read);
  });

  it('rejects a batch of 101 events', async () => {
    const t = await tenantWithKeys();
    const events = Array.from({ length: 101 }, () => ({ type: 'facebook', problem: 'app_removed' }));
    const response = await postEvents(t.ingest, { events });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details).toEqual([expect.objectContaining({ path: ['events'] })]);
    await expectNothingStored(t.read);
  });

  it('stores nothing of a batch with one bad event and names its index', async () => {
    const t = await tenantWithKeys();
    const events = [
      ONE_OF_EACH[0],
      ONE_OF_EACH[4],
      { type: 'facebook', problem: 'unknown_problem' },
      ONE_OF_EACH[1],
    ];
    const response = await postEvents(t.ingest, { events });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.details).toEqual([expect.objectContaining({ path: ['events', 2, 'problem'] })]);
    await expectNothingStored(t.read);
  });

  it('answers 400 invalid_json for broken JSON, an empty JSON body and bad UTF-8', async () => {
    const t = await tenantWithKeys();
    const bodies: BodyInit[] = [
      '{"type": "facebook",',
      '',
      new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    ];
    for (const raw of bodies) {
      const response = await call('/v1/events', {
        token: t.ingest,
        raw,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_json');
    }
    await expectNothingStored(t.read);
  });

  it('answers 400 for no body at all: the body is required, as the document says', async () => {
    const t = await tenantWithKeys();
    const response = await call('/v1/events', { token: t.ingest, method: 'POST' });
    expect(response.status).toBe(400);
    await expectNothingStored(t.read);
  });

  it('answers 415 for other content types and for a body without one', async () => {
    const t = await tenantWithKeys();
    const json = JSON.stringify({ type: 'facebook', problem: 'app_removed' });
    for (const contentType of [
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/xml',
      undefined,
    ]) {
      // A Blob without a type: the request carries no Content-Type unless one is set here.
      const response = await call('/v1/events', {
        token: t.ingest,
        raw: new Blob([json]),
        headers: contentType ? { 'Content-Type': contentType } : {},
      });
      expect(response.status, String(contentType)).toBe(415);
      expect((await errorOf(response)).code).toBe('unsupported_media_type');
    }
    await expectNothingStored(t.read);
  });

  it('rejects form fields that do not describe one object', async () => {
    const t = await tenantWithKeys();
    for (const raw of [
      'type=facebook&problem=app_removed&problem=terms_not_accepted',
      'type=campaign_failure&campaign=x&campaign.name=y',
      'type=facebook&__proto__.x=1&problem=app_removed',
    ]) {
      const response = await call('/v1/events', {
        token: t.ingest,
        raw,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_input');
    }
    await expectNothingStored(t.read);
  });
});

describe('POST /v1/events: body size', () => {
  const oversized = () =>
    JSON.stringify({ type: 'facebook', problem: 'app_removed', message: 'x'.repeat(70 * 1024) });

  it('answers 413 when Content-Length is over 64 KiB', async () => {
    const t = await tenantWithKeys();
    const response = await call('/v1/events', {
      token: t.ingest,
      raw: oversized(),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload_too_large');
    await expectNothingStored(t.read);
  });

  it('answers 413 for a chunked body without Content-Length once 64 KiB were read', async () => {
    const t = await tenantWithKeys();
    const bytes = new TextEncoder().encode(oversized());
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const request = new Request('https://worker.test/v1/events', {
      method: 'POST',
      body: stream,
      headers: { Authorization: `Bearer ${t.ingest}`, 'Content-Type': 'application/json' },
    });
    expect(request.headers.get('Content-Length')).toBeNull();
    const response = await fetchWorker(request);
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload_too_large');
    await expectNothingStored(t.read);
  });

  it('reads an oversized upload to its end before answering, so the 413 is not lost to a reset', async () => {
    const t = await tenantWithKeys();
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const chunks = 40; // 2.5 MiB
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === chunks) return controller.close();
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    const request = new Request('https://worker.test/v1/events', {
      method: 'POST',
      body: stream,
      headers: { Authorization: `Bearer ${t.ingest}`, 'Content-Type': 'application/json' },
    });
    const response = await fetchWorker(request);
    expect(response.status).toBe(413);
    expect(pulled).toBe(chunks);
    await expectNothingStored(t.read);
  });
});
