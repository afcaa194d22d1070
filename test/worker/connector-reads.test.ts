import { beforeAll, describe, expect, it } from 'vitest';

import { WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { connectedTenant, sim } from './support/marketo';

const NOON = Date.parse('2026-05-05T17:00:00Z');
const MIN = 60_000;
const MiB = 1024 * 1024;

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

/** What the simulated Marketo got to send of its huge answers before the worker hung up. */
async function streamed(clientId: string) {
  return (await sim.report(clientId)).calls.flatMap((c) => (c.stream ? [c.stream] : []));
}

describe('connector: Marketo’s answers are read up to a limit', () => {
  it.each([
    ['a huge answer', 200, 'too_large'],
    ['a huge error page', 500, 'http_500'],
  ])('%s ends the poll cleanly, unread past the limit, and the next poll works', async (_, status, code) => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON });
    await sim.replay(clientId, { on: 'usage', fault: 'huge', bytes: 256 * MiB, status });
    expect(await stub.pollConnector(NOON)).toMatchObject({ state: 'ok', lastError: { code } });
    const [stream] = await streamed(clientId);
    // The answer is generated while it is sent: the worker stopped it far before its end.
    expect(stream!.bytes).toBe(256 * MiB);
    expect(stream!.sent).toBeLessThan(48 * MiB);
    expect(await stub.pollConnector(NOON + MIN)).toMatchObject({ state: 'ok', lastError: null });
    expect((await stub.getConnector())!.status.lastPollAt).toBe(new Date(NOON + MIN).toISOString());
  });
});

describe('connector: a poll has a deadline over all its calls', () => {
  it('stops a poll whose calls answer in time but take too long together', { timeout: 30_000 }, async () => {
    // 2,400 campaigns: 3 calls and 13 pages. At 400 ms each they take 6.4 s; with calls of at most
    // 500 ms the poll has 3 s (60 s for 10 s calls).
    const campaigns = Array.from({ length: 2400 }, (_, i) => ({ id: 7000 + i, name: `Campaign ${i}` }));
    const { stub, clientId } = await connectedTenant({ nowMs: NOON, campaigns });
    await sim.replay(clientId, { on: 'rest', fault: 'slow', delayMs: 400, times: 16 });
    const started = Date.now();
    const status = await stub.pollConnector(NOON, 500);
    const tookMs = Date.now() - started;
    expect(status).toMatchObject({ state: 'ok', lastError: { code: 'poll_deadline' } });
    expect(tookMs).toBeGreaterThanOrEqual(2_900);
    expect(tookMs).toBeLessThan(4_500);
    const calls = (await sim.report(clientId)).calls.filter((c) => c.kind !== 'identity');
    // The call under way when the deadline came was dropped; no other started.
    expect(calls.length).toBeGreaterThanOrEqual(6);
    expect(calls.length).toBeLessThan(11);
    expect(status!.callsToday).toBe(calls.length);
    // With 10 s calls the poll has 60 s: the same slow Marketo is polled whole.
    const next = await stub.pollConnector(NOON + MIN);
    expect(next).toMatchObject({ state: 'ok', lastError: null });
  });
});
