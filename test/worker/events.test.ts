import { beforeAll, describe, expect, it } from 'vitest';
import type { MarketoEventInput } from '../../shared/events';
import { call, errorOf, postEvents, tenantWithKeys, warmUp, WARM_UP_TIMEOUT_MS } from './helpers';
import { fetchWorker } from './openapi-responses';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

/** One valid event of every type the design lists. */
const ONE_OF_EACH: MarketoEventInput[] = [
  { type: 'campaign_failure', campaign: { id: 1001, name: 'Welcome' }, program: { id: 'P7', name: 'Onboarding' }, error: { code: 611, message: 'System error' }, errorCode: 611 },
  { type: 'crm_sync', crm: 'salesforce', problem: 'expired_credentials' },
  { type: 'crm_sync', crm: 'dynamics', problem: 'duplicate_lead', lead: { id: 42, email: 'lead@example.com' } },
  { type: 'engagement_exhausted', program: { id: 9, name: 'Nurture' }, stream: { name: 'Stream 1' }, exhaustedLeads: 120 },
  { type: 'facebook', problem: 'terms_not_accepted' },
  { type: 'trigger_campaign_cleanup', campaign: { id: 3, name: 'Old trigger' }, action: 'scheduled', lastActivityAt: '2026-01-01T00:00:00Z' },
  { type: 'linkedin', operation: 'send', target: 'Audience A', outcome: 'failure' },
  { type: 'web_services_quota', errorCode: 607, occurredAt: '2026-05-05T15:00:00+02:00' },
];

async function feedOf(readKey: string) {
  const response = await call('/v1/notifications?status=all', { token: readKey });
  expect(response.status).toBe(200);
  return (await response.json<{ items: { type: string; data: Record<string, unknown> }[] }>()).items;
}

async function expectNothingStored(readKey: string) {
  expect(await feedOf(readKey)).toEqual([]);
  expect((await (await call('/v1/counts', { token: readKey })).json<{ unread: number }>()).unread).toBe(0);
}

describe('POST /v1/events: accepted input', () => {
  it.each(ONE_OF_EACH.map((e) => [`${e.type}${'crm' in e ? ` (${e.crm})` : ''}`, e] as const))('accepts a %s event (202)', async (_name, event) => {
    const t = await tenantWithKeys();
    const response = await postEvents(t.ingest, event);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('accepts a batch of every type and stores their notifications', async () => {
    const t = await tenantWithKeys();
    const response = await postEvents(t.ingest, { events: ONE_OF_EACH });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: ONE_OF_EACH.length, duplicates: 0 });
    const types = new Set((await feedOf(t.read)).map((n) => n.type));
    // LinkedIn waits for repeated failures; every other type makes a notification at once.
    expect([...types].sort()).toEqual(
      ['campaign_failure', 'crm_sync', 'engagement_exhausted', 'facebook', 'trigger_campaign_cleanup', 'web_services_quota'].sort(),
    );
  });

  it('accepts JSON with a charset and a body just under 64 KiB', async () => {
    const t = await tenantWithKeys();
    const charset = await call('/v1/events', {
      token: t.ingest,
      raw: JSON.stringify({ type: 'facebook', problem: 'app_removed' }),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
    expect(charset.status).toBe(202);
    const events = Array.from({ length: 100 }, (_, i) => ({ type: 'facebook', problem: 'app_removed', id: `e${i}`, message: 'x'.repeat(560) }));
    const body = JSON.stringify({ events });
    expect(body.length).toBeGreaterThan(60 * 1024);
    expect(body.length).toBeLessThanOrEqual(64 * 1024);
    const big = await postEvents(t.ingest, { events });
    expect(big.status).toBe(202);
    expect(await big.json()).toEqual({ accepted: 100, duplicates: 0 });
  });

  it('accepts a form-encoded event with dotted names, numbers as digits', async () => {
    const t = await tenantWithKeys();
    const form = new URLSearchParams({
      type: 'campaign_failure',
      'campaign.id': '7',
      'campaign.name': 'Welcome mail',
      'error.message': 'Token expired',
      errorCode: '602',
    });
    const response = await call('/v1/events', { token: t.ingest, raw: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(202);
    const [notification] = await feedOf(t.read);
    expect(notification).toMatchObject({ type: 'campaign_failure', data: { campaign: { id: '7', name: 'Welcome mail' }, errorCode: 602, error: { message: 'Token expired' } } });
  });
});

describe('POST /v1/events: form fields a webhook token left empty', () => {
  const postForm = (ingestKey: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    call('/v1/events', { token: ingestKey, raw: new URLSearchParams(fields).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } });

  it('drops empty values and the objects they leave empty, and accepts the rest', async () => {
    const t = await tenantWithKeys();
    const response = await postForm(t.ingest, {
      type: 'campaign_failure',
      id: '',
      occurredAt: '',
      errorCode: '',
      message: '',
      'campaign.id': '7',
      'campaign.name': 'Welcome',
      'program.id': '',
      'program.name': '',
      'error.code': '',
      'error.message': 'Token expired',
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });
    const lead = await postForm(t.ingest, { type: 'crm_sync', crm: 'dynamics', problem: 'duplicate_lead', 'lead.id': '42', 'lead.email': '' });
    expect(lead.status).toBe(202);
    const noLead = await postForm(t.ingest, { type: 'crm_sync', crm: 'salesforce', problem: 'permissions', 'lead.id': '', 'lead.email': '' });
    expect(noLead.status).toBe(202);
    const feed = await feedOf(t.read);
    const failure = feed.find((n) => n.type === 'campaign_failure');
    expect(failure?.data).toEqual({ campaign: { id: '7', name: 'Welcome' }, error: { message: 'Token expired' } });
    expect(feed.find((n) => n.type === 'crm_sync' && n.data.kind === 'digest')?.data).toMatchObject({ leads: ['42'] });
    // An empty id is no id: the Idempotency-Key header names the event, no contradiction.
    const again = await postForm(t.ingest, { type: 'facebook', problem: 'app_removed', id: '' }, { 'Idempotency-Key': 'form-1' });
    expect(await again.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('still names a required field that was left empty (400)', async () => {
    const t = await tenantWithKeys();
    const cases: [Record<string, string>, (string | number)[]][] = [
      [{ type: 'campaign_failure', 'campaign.id': '7', 'campaign.name': '', 'error.message': 'x' }, ['campaign', 'name']],
      [{ type: 'campaign_failure', 'campaign.id': '', 'campaign.name': '', 'error.message': 'x' }, ['campaign']],
      [{ type: 'engagement_exhausted', 'program.id': '1', 'program.name': 'P', 'stream.name': 'S', exhaustedLeads: '' }, ['exhaustedLeads']],
      [{ type: 'campaign_failure', 'campaign.id': '7', 'campaign.name': 'W', 'program.id': '', 'program.name': 'Half', 'error.message': 'x' }, ['program', 'id']],
    ];
    for (const [fields, path] of cases) {
      const response = await postForm(t.ingest, fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect((await errorOf(response)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    await expectNothingStored(t.read);
  });

  it('keeps an empty value in a JSON body an error: only forms drop them', async () => {
    const t = await tenantWithKeys();
    const response = await postEvents(t.ingest, { type: 'campaign_failure', campaign: { id: 7, name: 'W' }, program: { id: '', name: '' }, error: { message: 'x' } });
    expect(response.status).toBe(400);
    await expectNothingStored(t.read);
  });
});

describe('POST /v1/events: idempotency', () => {
  it('makes a replay with the same Idempotency-Key a no-op', async () => {
    const t = await tenantWithKeys();
    const event = { type: 'campaign_failure', campaign: { id: 1, name: 'A' }, error: { message: 'x' } };
    const first = await postEvents(t.ingest, event, { 'Idempotency-Key': 'retry-1' });
    expect(await first.json()).toEqual({ accepted: 1, duplicates: 0 });
    const replay = await postEvents(t.ingest, event, { 'Idempotency-Key': 'retry-1' });
    expect(replay.status).toBe(202);
    expect(await replay.json()).toEqual({ accepted: 0, duplicates: 1 });
    const [notification] = await feedOf(t.read);
    expect(notification).toMatchObject({ count: 1 });
  });

  it('treats a repeated event id in the body the same way', async () => {
    const t = await tenantWithKeys();
    const event = { id: 'evt-9', type: 'facebook', problem: 'app_removed' };
    await postEvents(t.ingest, event);
    const replay = await postEvents(t.ingest, { events: [event, { ...event, id: 'evt-10' }] });
    expect(await replay.json()).toEqual({ accepted: 1, duplicates: 1 });
  });

  it('accepts an integer id and treats 42 and "42" as the same event', async () => {
    const t = await tenantWithKeys();
    const event = { type: 'facebook', problem: 'app_removed' };
    const first = await postEvents(t.ingest, { ...event, id: 42 });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(await (await postEvents(t.ingest, { ...event, id: '42' })).json()).toEqual({ accepted: 0, duplicates: 1 });
    expect(await (await postEvents(t.ingest, { events: [{ ...event, id: 42 }, { ...event, id: 43 }] })).json()).toEqual({ accepted: 1, duplicates: 1 });
    const form = await call('/v1/events', { token: t.ingest, raw: 'type=facebook&problem=app_removed&id=43', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(await form.json()).toEqual({ accepted: 0, duplicates: 1 });
    // The header names the same event as an integer id in the body.
    const withHeader = await postEvents(t.ingest, { ...event, id: 44 }, { 'Idempotency-Key': '44' });
    expect(await withHeader.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(await (await postEvents(t.ingest, event, { 'Idempotency-Key': '44' })).json()).toEqual({ accepted: 0, duplicates: 1 });
    const [notification] = await feedOf(t.read);
    expect(notification).toMatchObject({ count: 3 });
  });

  it('rejects an id that is neither a string nor a non-negative integer', async () => {
    const t = await tenantWithKeys();
    for (const id of [4.5, -1, '', true, { n: 1 }]) {
      const response = await postEvents(t.ingest, { type: 'facebook', problem: 'app_removed', id });
      expect(response.status, JSON.stringify(id)).toBe(400);
      expect((await errorOf(response)).details).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['id'] })]));
    }
    await expectNothingStored(t.read);
  });

  it('rejects the header with a batch, or with a different id in the body (400)', async () => {
    const t = await tenantWithKeys();
    const event = { type: 'facebook', problem: 'app_removed' };
    const batch = await postEvents(t.ingest, { events: [event] }, { 'Idempotency-Key': 'k1' });
    expect(batch.status).toBe(400);
    expect((await errorOf(batch)).code).toBe('invalid_input');
    const differs = await postEvents(t.ingest, { ...event, id: 'a' }, { 'Idempotency-Key': 'b' });
    expect(differs.status).toBe(400);
    const tooLong = await postEvents(t.ingest, event, { 'Idempotency-Key': 'k'.repeat(201) });
    expect(tooLong.status).toBe(400);
    await expectNothingStored(t.read);
  });
});

describe('POST /v1/events: invalid input changes nothing', () => {
  const INVALID: [string, unknown, (string | number)[]][] = [
    ['an unknown type', { type: 'email_bounce' }, ['type']],
    ['an unknown field', { type: 'facebook', problem: 'app_removed', severity: 'info' }, []],
    ['an unknown nested field', { type: 'crm_sync', crm: 'salesforce', problem: 'api_limit', lead: { id: 1, phone: '1' } }, ['lead']],
    ['a missing field', { type: 'campaign_failure', campaign: { id: 1, name: 'A' } }, ['error']],
    ['a wrong enum value', { type: 'crm_sync', crm: 'hubspot', problem: 'api_limit' }, ['crm']],
    ['a bad date', { type: 'facebook', problem: 'app_removed', occurredAt: 'yesterday' }, ['occurredAt']],
    ['zero exhausted leads', { type: 'engagement_exhausted', program: { id: 1, name: 'P' }, stream: { name: 'S' }, exhaustedLeads: 0 }, ['exhaustedLeads']],
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
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.any(String) })]));
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
    const events = [ONE_OF_EACH[0], ONE_OF_EACH[4], { type: 'facebook', problem: 'unknown_problem' }, ONE_OF_EACH[1]];
    const response = await postEvents(t.ingest, { events });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.details).toEqual([expect.objectContaining({ path: ['events', 2, 'problem'] })]);
    await expectNothingStored(t.read);
  });

  it('answers 400 invalid_json for broken JSON, an empty JSON body and bad UTF-8', async () => {
    const t = await tenantWithKeys();
    const bodies: BodyInit[] = ['{"type": "facebook",', '', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])];
    for (const raw of bodies) {
      const response = await call('/v1/events', { token: t.ingest, raw, headers: { 'Content-Type': 'application/json' } });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_json');
    }
    await expectNothingStored(t.read);
  });

  it('answers 415 for other content types and for a body without one', async () => {
    const t = await tenantWithKeys();
    const json = JSON.stringify({ type: 'facebook', problem: 'app_removed' });
    for (const contentType of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml', undefined]) {
      // A Blob without a type: the request carries no Content-Type unless one is set here.
      const response = await call('/v1/events', { token: t.ingest, raw: new Blob([json]), headers: contentType ? { 'Content-Type': contentType } : {} });
      expect(response.status, String(contentType)).toBe(415);
      expect((await errorOf(response)).code).toBe('unsupported_media_type');
    }
    await expectNothingStored(t.read);
  });

  it('rejects form fields that do not describe one object', async () => {
    const t = await tenantWithKeys();
    for (const raw of ['type=facebook&problem=app_removed&problem=terms_not_accepted', 'type=campaign_failure&campaign=x&campaign.name=y', 'type=facebook&__proto__.x=1&problem=app_removed']) {
      const response = await call('/v1/events', { token: t.ingest, raw, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_input');
    }
    await expectNothingStored(t.read);
  });
});

describe('POST /v1/events: body size', () => {
  const oversized = () => JSON.stringify({ type: 'facebook', problem: 'app_removed', message: 'x'.repeat(70 * 1024) });

  it('answers 413 when Content-Length is over 64 KiB', async () => {
    const t = await tenantWithKeys();
    const response = await call('/v1/events', { token: t.ingest, raw: oversized(), headers: { 'Content-Type': 'application/json' } });
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
