import { beforeAll, describe, expect, it } from 'vitest';

import { EnrollBody, Enrolled, MemberList } from '../../shared/members';
import { Counts, Notification, NotificationPage } from '../../shared/notifications';
import { postEvents } from './support/events';
import { call, errorOf, ROOT_TOKEN, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { createTenant } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

const failure = (campaignId: number) => ({
  type: 'campaign_failure',
  campaign: { id: campaignId, name: `C${campaignId}` },
  error: { message: 'failed' },
});

async function keyFor(tenant: string, role: string, member?: string): Promise<string> {
  const response = await call(`/v1/tenants/${tenant}/keys`, {
    token: ROOT_TOKEN,
    json: { role, ...(member ? { member } : {}) },
  });
  expect(response.status).toBe(201);
  return (await response.json<{ key: string }>()).key;
}

/** A tenant with an ingest key, an admin key, and read keys of two members. */
async function team() {
  const tenant = await createTenant();
  const [ingest, admin, anna, ben] = await Promise.all([
    keyFor(tenant, 'ingest'),
    keyFor(tenant, 'admin', 'Admin'),
    keyFor(tenant, 'read', 'Anna Berg'),
    keyFor(tenant, 'read', 'Ben Okafor'),
  ]);
  return { tenant, ingest, admin, anna, ben };
}

const counts = async (key: string) => Counts.parse(await (await call('/v1/counts', { token: key })).json());
async function feed(key: string, status: 'unread' | 'all' = 'unread') {
  const response = await call(`/v1/notifications?status=${status}`, { token: key });
  expect(response.status).toBe(200);
  return NotificationPage.parse(await response.json()).items;
}
async function triage(key: string, id: string, action: 'ack' | 'resolve' | 'snooze', json?: unknown) {
  return call(`/v1/notifications/${encodeURIComponent(id)}/${action}`, {
    token: key,
    ...(json === undefined ? { method: 'POST' } : { json }),
  });
}

describe('read state per member', () => {
  it('one member marks all read, and the other one’s counts are unchanged', async () => {
    const t = await team();
    await postEvents(t.ingest, {
      events: [failure(1), failure(2), { type: 'facebook', problem: 'app_removed' }],
    });
    const mark = await call('/v1/notifications/read', { token: t.anna, json: { all: true } });
    expect(await mark.json()).toEqual({ updated: 3 });
    expect((await counts(t.anna)).unread).toBe(0);
    expect(await feed(t.anna)).toHaveLength(0);
    const ben = await counts(t.ben);
    expect(ben).toMatchObject({
      unread: 3,
      byType: { campaign_failure: 2, facebook: 1 },
      bySeverity: { critical: 3 },
    });
    expect((await feed(t.ben)).every((n) => n.readAt === null)).toBe(true);
    // Anna sees her own read time; Ben's view is untouched.
    expect((await feed(t.anna, 'all')).every((n) => n.readAt !== null)).toBe(true);
  });

  it('keys of the same member share one state', async () => {
    const t = await team();
    const annaAgain = await keyFor(t.tenant, 'read', 'Anna Berg');
    await postEvents(t.ingest, { events: [failure(1), failure(2)] });
    const [first] = await feed(t.anna);
    await call('/v1/notifications/read', { token: annaAgain, json: { ids: [first!.id] } });
    expect((await counts(t.anna)).unread).toBe(1);
    expect((await counts(t.ben)).unread).toBe(2);
  });
});

describe('shared triage', () => {
  it('acknowledge is visible to both; resolve clears both; a repeat reopens for both', async () => {
    const t = await team();
    await postEvents(t.ingest, { events: [failure(1), failure(2)] });
    const [n] = await feed(t.anna);
    const acked = await triage(t.anna, n!.id, 'ack');
    expect(acked.status).toBe(200);
    expect(Notification.parse(await acked.json()).ack).toMatchObject({ member: 'Anna Berg' });
    for (const key of [t.anna, t.ben]) {
      const seen = (await feed(key)).find((x) => x.id === n!.id)!;
      expect(seen.ack?.member).toBe('Anna Berg');
      expect(Date.parse(seen.ack!.at)).toBeGreaterThan(Date.now() - 60_000);
      expect(seen.readAt).toBeNull();
    }
    const resolved = await triage(t.ben, n!.id, 'resolve');
    expect(Notification.parse(await resolved.json())).toMatchObject({
      resolved: { member: 'Ben Okafor' },
      ack: { member: 'Anna Berg' },
    });
    for (const key of [t.anna, t.ben]) {
      expect((await counts(key)).unread).toBe(1);
      expect((await feed(key)).map((x) => x.id)).not.toContain(n!.id);
      expect((await feed(key, 'all')).find((x) => x.id === n!.id)!.readAt).not.toBeNull();
    }
    // The same campaign fails again: unread for both, triage cleared.
    const campaign = n!.type === 'campaign_failure' ? Number(n!.data.campaign.id) : NaN;
    await postEvents(t.ingest, failure(campaign));
    for (const key of [t.anna, t.ben]) {
      expect((await counts(key)).unread).toBe(2);
      const back = (await feed(key)).find((x) => x.id === n!.id)!;
      expect(back).toMatchObject({ count: 2, readAt: null, ack: null, resolved: null });
    }
  });

  it('a repeat makes a notification one member read unread for that member again', async () => {
    const t = await team();
    await postEvents(t.ingest, failure(7));
    await call('/v1/notifications/read', { token: t.anna, json: { all: true } });
    await postEvents(t.ingest, failure(7));
    expect((await counts(t.anna)).unread).toBe(1);
    expect((await counts(t.ben)).unread).toBe(1);
  });

  it('snooze hides a notification from one member only, and ends on time', async () => {
    const t = await team();
    await postEvents(t.ingest, { events: [failure(1), failure(2)] });
    const [n] = await feed(t.anna);
    const untilMs = Date.now() + 2_000;
    const snoozed = await triage(t.anna, n!.id, 'snooze', { until: new Date(untilMs).toISOString() });
    expect(snoozed.status).toBe(200);
    expect(Notification.parse(await snoozed.json()).snoozedUntil).toBe(new Date(untilMs).toISOString());
    expect((await counts(t.anna)).unread).toBe(1);
    expect((await feed(t.anna)).map((x) => x.id)).not.toContain(n!.id);
    expect((await counts(t.ben)).unread).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, untilMs - Date.now() + 50));
    expect((await counts(t.anna)).unread).toBe(2);
    expect((await feed(t.anna)).find((x) => x.id === n!.id)).toMatchObject({
      readAt: null,
      snoozedUntil: null,
    });
  }, 30_000);

  it('refuses a snooze in the past, beyond 7 days, of a read notification, and unknown or foreign ids', async () => {
    const t = await team();
    const other = await team();
    await postEvents(t.ingest, failure(1));
    await postEvents(other.ingest, failure(1));
    const [n] = await feed(t.anna);
    const [foreign] = await feed(other.anna);
    const at = (ms: number) => ({ until: new Date(Date.now() + ms).toISOString() });
    for (const [body, key] of [
      [at(-1000), 'snooze_past'],
      [at(8 * 86_400_000), 'snooze_too_long'],
    ] as const) {
      const response = await triage(t.anna, n!.id, 'snooze', body);
      expect(response.status, key).toBe(400);
      expect(await errorOf(response)).toMatchObject({
        code: 'invalid_input',
        details: [{ path: ['until'] }],
      });
    }
    expect((await triage(t.anna, n!.id, 'snooze', { until: 'tomorrow' })).status).toBe(400);
    expect((await triage(t.anna, n!.id, 'snooze', { until: at(60_000).until, extra: 1 })).status).toBe(400);
    for (const action of ['ack', 'resolve', 'snooze'] as const) {
      for (const id of ['no-such-id', foreign!.id]) {
        const response = await triage(t.anna, id, action, action === 'snooze' ? at(60_000) : undefined);
        expect(response.status, `${action} ${id}`).toBe(404);
        expect((await errorOf(response)).code).toBe('not_found');
      }
    }
    // Nothing changed for the other tenant.
    expect((await feed(other.anna))[0]).toMatchObject({ ack: null, resolved: null, snoozedUntil: null });
    await call('/v1/notifications/read', { token: t.anna, json: { ids: [n!.id] } });
    const read = await triage(t.anna, n!.id, 'snooze', at(60_000));
    expect(read.status).toBe(409);
    expect((await errorOf(read)).code).toBe('conflict');
  });
});

describe('members and enrolment', () => {
  it.each(['', '   ', 'x'.repeat(81), '\u0007\u0008', 'Anna\nBerg'])(
    'refuses the member name %j',
    async (member) => {
      const t = await team();
      const key = await call(`/v1/tenants/${t.tenant}/keys`, {
        token: ROOT_TOKEN,
        json: { role: 'read', member },
      });
      expect(key.status).toBe(400);
      const error = await errorOf(key);
      expect(error.code).toBe('invalid_input');
      expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['member'] })]));
      const enroll = await keyFor(t.tenant, 'enroll');
      const enrolled = await call('/v1/enroll', { token: enroll, json: { member } });
      expect(enrolled.status).toBe(400);
      expect(EnrollBody.safeParse({ member }).success).toBe(false);
    },
  );

  it('refuses a member on an ingest or enroll key', async () => {
    const tenant = await createTenant();
    for (const role of ['ingest', 'enroll']) {
      const response = await call(`/v1/tenants/${tenant}/keys`, {
        token: ROOT_TOKEN,
        json: { role, member: 'Anna' },
      });
      expect(response.status).toBe(400);
    }
  });

  it(
    'enrols a person with an enroll key; the personal key ' +
      'reads as that member, the enroll key reads nothing',
    async () => {
      const t = await team();
      await postEvents(t.ingest, failure(1));
      const enrollKey = await keyFor(t.tenant, 'enroll');
      const response = await call('/v1/enroll', { token: enrollKey, json: { member: '  Carla Díaz  ' } });
      expect(response.status).toBe(201);
      const enrolled = Enrolled.parse(await response.json());
      expect(enrolled).toMatchObject({ role: 'read', member: 'Carla Díaz' });
      const own = await call('/v1/key', { token: enrolled.key });
      expect(await own.json()).toMatchObject({ id: enrolled.id, role: 'read', member: 'Carla Díaz' });
      expect((await counts(enrolled.key)).unread).toBe(1);
      const refusals = [
        call('/v1/counts', { token: enrollKey }),
        call('/v1/notifications', { token: enrollKey }),
        call('/v1/key', { token: enrollKey }),
        call('/v1/stream/ticket', { token: enrollKey, method: 'POST' }),
        call('/v1/members', { token: enrollKey }),
        call('/v1/events', { token: enrollKey, json: failure(2) }),
        call(`/v1/tenants/${t.tenant}/keys`, { token: enrollKey, json: { role: 'read' } }),
      ];
      for (const refused of await Promise.all(refusals)) {
        expect(refused.status).toBe(403);
        expect((await errorOf(refused)).code).toBe('forbidden');
      }
      // Only an enroll key enrols.
      expect((await call('/v1/enroll', { token: t.admin, json: { member: 'Dan' } })).status).toBe(403);
      expect((await call('/v1/enroll', { json: { member: 'Dan' } })).status).toBe(401);
    },
  );

  it('enrols at most 100 people per enroll key per day, then answers 429 with Retry-After', async () => {
    const t = await team();
    const enrollKey = await keyFor(t.tenant, 'enroll');
    const other = await keyFor(t.tenant, 'enroll');
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          call('/v1/enroll', { token: enrollKey, json: { member: `Person ${batch * 10 + i}` } }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    }
    const over = await call('/v1/enroll', { token: enrollKey, json: { member: 'One too many' } });
    expect(over.status).toBe(429);
    expect((await errorOf(over)).code).toBe('rate_limited');
    const retryAfter = Number(over.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    // Another enroll key of the tenant has its own count.
    expect((await call('/v1/enroll', { token: other, json: { member: 'Still fine' } })).status).toBe(201);
  }, 60_000);

  it('lists members named like properties of Object.prototype with their own last-seen times', async () => {
    const t = await team();
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
    const made = await Promise.all(names.map(async (m) => [m, await keyFor(t.tenant, 'read', m)] as const));
    const keys = Object.fromEntries(made);
    await counts(keys['__proto__']!);
    const { members } = MemberList.parse(await (await call('/v1/members', { token: t.admin })).json());
    const seen = Object.fromEntries(members.map((m) => [m.member, m.lastSeenAt] as const));
    expect(seen['constructor']).toBeNull();
    expect(seen['toString']).toBeNull();
    expect(seen['hasOwnProperty']).toBeNull();
    const proto = members.find((m) => m.member === '__proto__');
    expect(Date.parse(String(proto?.lastSeenAt))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lists members with their keys and when they were last seen (admin only)', async () => {
    const t = await team();
    const annaAgain = await keyFor(t.tenant, 'read', 'Anna Berg');
    const legacy = await keyFor(t.tenant, 'read');
    await counts(t.anna);
    const response = await call('/v1/members', { token: t.admin });
    expect(response.status).toBe(200);
    const text = await response.text();
    const { members } = MemberList.parse(JSON.parse(text));
    expect(members.map((m) => m.member)).toEqual(
      expect.arrayContaining(['Admin', 'Anna Berg', 'Ben Okafor']),
    );
    expect(members).toHaveLength(4);
    const anna = members.find((m) => m.member === 'Anna Berg')!;
    expect(anna.keys).toHaveLength(2);
    expect(anna.keys.every((k) => k.role === 'read')).toBe(true);
    expect(Date.parse(anna.lastSeenAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(members.find((m) => m.member === 'Ben Okafor')!.lastSeenAt).toBeNull();
    // A key made without a member is its own member.
    const own = members.find((m) => m.keys.length === 1 && m.member === m.keys[0]!.id);
    expect(own).toBeDefined();
    for (const secret of [t.anna, t.ben, t.admin, annaAgain, legacy, t.ingest])
      expect(text).not.toContain(secret);
    expect((await call('/v1/members', { token: t.anna })).status).toBe(403);
  });
});
