import { runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';

import { quotaDayAt } from '../../worker/domain/quota-day';
import type { TenantParts } from '../../worker/tenant/parts';
import { WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { connectedTenant, sim } from './support/marketo';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('connector: a day at the default settings', () => {
  it('spends at most 2 % of a 50,000 daily quota', { timeout: 120_000 }, async () => {
    const { startMs, endMs } = quotaDayAt(Date.parse('2026-05-05T17:00:00Z'));
    const campaigns = Array.from({ length: 150 }, (_, i) => ({ id: 1 + i, name: `Campaign ${i}` }));
    const { stub, clientId } = await connectedTenant({ nowMs: startMs, campaigns });
    // What the alarm does all day: every wake-up runs the connector's part, which polls when due.
    let wakeUps = 0;
    for (let at = startMs; at < endMs; at += 60_000 * 5) {
      await runInDurableObject(stub, (object) =>
        (object as unknown as { parts: TenantParts }).parts.connector.onAlarm(at),
      );
      wakeUps += 1;
    }
    const report = await sim.report(clientId);
    const counts: Record<string, number> = {};
    for (const { kind } of report.calls) counts[kind] = (counts[kind] ?? 0) + 1;
    // 287 polls (the first is due 5 minutes after set-up): usage and errors each time, the last 7 days
    // once, campaigns every hour; identity calls are not counted by Marketo.
    expect(wakeUps).toBe(288);
    expect(counts).toEqual({
      identity: expect.any(Number),
      usage: 287,
      errors: 287,
      usage7: 1,
      campaigns: 24,
    });
    expect(report.restCalls).toBe(599);
    expect(report.restCalls / 50_000).toBeLessThanOrEqual(0.02);
    expect((await stub.getConnector(endMs - 1))?.status.callsToday).toBe(599);
  });
});
