import { beforeAll, describe, expect, it } from 'vitest';

import { STREAM_LIMITS } from '../../shared/limits';
import { Enrolled } from '../../shared/members';
import { StreamTicket } from '../../shared/tenant';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { openSocket, openStream, ticketOf } from './support/streams';
import { createKey, createTenant } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

/** Sockets all keys enrolled through one enroll key may hold together. */
const PER_ENROLMENT = 100;
/** The ordinary read limit per minute, which the keys of one enrolment also share. */
const READ_LIMIT = 300;

let enrolled = 0;
async function enrolKeys(enrollKey: string, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    enrolled += 1;
    const response = await call('/v1/enroll', { token: enrollKey, json: { member: `Person ${enrolled}` } });
    expect(response.status).toBe(201);
    keys.push(Enrolled.parse(await response.json()).key);
  }
  return keys;
}

describe('keys enrolled through one enroll key', () => {
  it(`hold at most ${PER_ENROLMENT} sockets together; other keys of the tenant still connect`, async () => {
    const tenant = await createTenant();
    const [enroll, otherEnroll] = [await createKey(tenant, 'enroll'), await createKey(tenant, 'enroll')];
    const perKey = STREAM_LIMITS.socketsPerKey;
    const keys = await enrolKeys(enroll.key, PER_ENROLMENT / perKey + 1);
    const early = StreamTicket.parse(await (await ticketOf(keys.at(-1)!)).json()).ticket;
    const sockets: WebSocket[] = [];
    for (const key of keys.slice(0, -1)) {
      sockets.push(...(await Promise.all(Array.from({ length: perKey }, () => openSocket(key)))));
    }
    expect(sockets).toHaveLength(PER_ENROLMENT);
    const last = keys.at(-1)!;
    const refused = await ticketOf(last);
    expect(refused.status).toBe(429);
    const error = await errorOf(refused);
    expect(error.code).toBe('too_many_streams');
    expect(error.message).toContain(String(PER_ENROLMENT));
    // A ticket taken while there was room opens nothing once the enrolment is full.
    expect((await openStream(early)).status).toBe(429);
    // Keys of another enrolment, and keys an admin made, are not held by this cap.
    const [outside] = await enrolKeys(otherEnroll.key, 1);
    sockets.push(await openSocket(outside!));
    sockets.push(await openSocket((await createKey(tenant, 'read')).key));
    // One socket of the enrolment closes: there is room again.
    const closed = new Promise((resolve) => sockets[0]!.addEventListener('close', resolve, { once: true }));
    sockets[0]!.close(1000, 'done');
    await closed;
    await expect.poll(async () => (await ticketOf(last)).status, { timeout: 5_000 }).toBe(200);
    for (const socket of sockets.slice(1)) socket.close(1000, 'done');
  }, 60_000);
});

const minuteOf = (ms: number) => Math.floor(ms / 60_000);

describe('keys enrolled through one enroll key share one read limit', () => {
  it(`answer 429 after ${READ_LIMIT} requests in a minute, each under its own limit`, async () => {
    const tenant = await createTenant();
    for (let tries = 0; tries < 3; tries++) {
      const [enroll, otherEnroll] = [await createKey(tenant, 'enroll'), await createKey(tenant, 'enroll')];
      const keys = await enrolKeys(enroll.key, 3);
      const [outside] = await enrolKeys(otherEnroll.key, 1);
      // Start early in a clock minute (the limiter's window).
      const left = 60_000 - (Date.now() % 60_000);
      if (left < 30_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
      const started = minuteOf(Date.now());
      const statuses: number[] = [];
      for (let sent = 0; sent < READ_LIMIT; sent += 30) {
        const batch = await Promise.all(
          Array.from({ length: 30 }, (_, i) => call('/v1/settings', { token: keys[(sent + i) % 3]! })),
        );
        statuses.push(...batch.map((r) => r.status));
      }
      const over = await Promise.all(keys.map((key) => call('/v1/settings', { token: key })));
      const elsewhere = await call('/v1/settings', { token: outside! });
      if (minuteOf(Date.now()) !== started) continue;
      expect(statuses.filter((s) => s === 200)).toHaveLength(READ_LIMIT);
      for (const response of over) {
        expect(response.status).toBe(429);
        expect((await errorOf(response)).code).toBe('rate_limited');
        expect(Number(response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
      }
      expect(elsewhere.status).toBe(200);
      return;
    }
    throw new Error('every attempt straddled a minute boundary');
  }, 150_000);
});
