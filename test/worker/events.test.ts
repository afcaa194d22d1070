import { beforeAll, describe, expect, it } from 'vitest';

import { expectNothingStored, feedOf, ONE_OF_EACH, postEvents } from './support/events';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { tenantWithKeys } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('POST /v1/events: accepted input', () => {
  it.each(ONE_OF_EACH.map((e) => [`${e.type}${'crm' in e ? ` (${e.crm})` : ''}`, e] as const))(
    'accepts a %s event (202)',
    async (_name, event) => {
      const t = await tenantWithKeys();
      const response = await postEvents(t.ingest, event);
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });
    },
  );

  it('accepts a batch of every type and stores their notifications', async () => {
    const t = await tenantWithKeys();
    const response = await postEvents(t.ingest, { events: ONE_OF_EACH });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: ONE_OF_EACH.length, duplicates: 0 });
    const types = new Set((await feedOf(t.read)).map((n) => n.type));
    // LinkedIn waits for repeated failures; every other type makes a notification at once.
    expect([...types].sort()).toEqual(
      [
        'campaign_failure',
        'crm_sync',
        'engagement_exhausted',
        'facebook',
        'trigger_campaign_cleanup',
        'web_services_quota',
      ].sort(),
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
    const events = Array.from({ length: 100 }, (_, i) => ({
      type: 'facebook',
      problem: 'app_removed',
      id: `e${i}`,
      message: 'x'.repeat(560),
    }));
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
    const response = await call('/v1/events', {
      token: t.ingest,
      raw: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(202);
    const [notification] = await feedOf(t.read);
    expect(notification).toMatchObject({
      type: 'campaign_failure',
      data: {
        campaign: { id: '7', name: 'Welcome mail' },
        errorCode: 602,
        error: { message: 'Token expired' },
      },
    });
  });
});

describe('POST /v1/events: form fields a webhook token left empty', () => {
  const postForm = (
    ingestKey: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) =>
    call('/v1/events', {
      token: ingestKey,
      raw: new URLSearchParams(fields).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    });

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
    const lead = await postForm(t.ingest, {
      type: 'crm_sync',
      crm: 'dynamics',
      problem: 'duplicate_lead',
      'lead.id': '42',
      'lead.email': '',
    });
    expect(lead.status).toBe(202);
    const noLead = await postForm(t.ingest, {
      type: 'crm_sync',
      crm: 'salesforce',
      problem: 'permissions',
      'lead.id': '',
      'lead.email': '',
    });
    expect(noLead.status).toBe(202);
    const feed = await feedOf(t.read);
    const failure = feed.find((n) => n.type === 'campaign_failure');
    expect(failure?.data).toEqual({
      campaign: { id: '7', name: 'Welcome' },
      error: { message: 'Token expired' },
    });
    expect(feed.find((n) => n.type === 'crm_sync' && n.data.kind === 'digest')?.data).toMatchObject({
      leads: ['42'],
    });
    // An empty id is no id: the Idempotency-Key header names the event, no contradiction.
    const again = await postForm(
      t.ingest,
      { type: 'facebook', problem: 'app_removed', id: '' },
      { 'Idempotency-Key': 'form-1' },
    );
    expect(await again.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('still names a required field that was left empty (400)', async () => {
    const t = await tenantWithKeys();
    const cases: [Record<string, string>, (string | number)[]][] = [
      [
        { type: 'campaign_failure', 'campaign.id': '7', 'campaign.name': '', 'error.message': 'x' },
        ['campaign', 'name'],
      ],
      [
        { type: 'campaign_failure', 'campaign.id': '', 'campaign.name': '', 'error.message': 'x' },
        ['campaign'],
      ],
      [
        {
          type: 'engagement_exhausted',
          'program.id': '1',
          'program.name': 'P',
          'stream.name': 'S',
          exhaustedLeads: '',
        },
        ['exhaustedLeads'],
      ],
      [
        {
          type: 'campaign_failure',
          'campaign.id': '7',
          'campaign.name': 'W',
          'program.id': '',
          'program.name': 'Half',
          'error.message': 'x',
        },
        ['program', 'id'],
      ],
    ];
    for (const [fields, path] of cases) {
      const response = await postForm(t.ingest, fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect((await errorOf(response)).details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path })]),
      );
    }
    await expectNothingStored(t.read);
  });

  it('keeps an empty value in a JSON body an error: only forms drop them', async () => {
    const t = await tenantWithKeys();
    const response = await postEvents(t.ingest, {
      type: 'campaign_failure',
      campaign: { id: 7, name: 'W' },
      program: { id: '', name: '' },
      error: { message: 'x' },
    });
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
    expect(await (await postEvents(t.ingest, { ...event, id: '42' })).json()).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    expect(
      await (
        await postEvents(t.ingest, {
          events: [
            { ...event, id: 42 },
            { ...event, id: 43 },
          ],
        })
      ).json(),
    ).toEqual({ accepted: 1, duplicates: 1 });
    const form = await call('/v1/events', {
      token: t.ingest,
      raw: 'type=facebook&problem=app_removed&id=43',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(await form.json()).toEqual({ accepted: 0, duplicates: 1 });
    // The header names the same event as an integer id in the body.
    const withHeader = await postEvents(t.ingest, { ...event, id: 44 }, { 'Idempotency-Key': '44' });
    expect(await withHeader.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(await (await postEvents(t.ingest, event, { 'Idempotency-Key': '44' })).json()).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    const [notification] = await feedOf(t.read);
    expect(notification).toMatchObject({ count: 3 });
  });

  it('rejects an id that is neither a string nor a non-negative integer', async () => {
    const t = await tenantWithKeys();
    for (const id of [4.5, -1, '', true, { n: 1 }]) {
      const response = await postEvents(t.ingest, { type: 'facebook', problem: 'app_removed', id });
      expect(response.status, JSON.stringify(id)).toBe(400);
      expect((await errorOf(response)).details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: ['id'] })]),
      );
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
