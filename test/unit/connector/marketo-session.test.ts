import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type MarketoSimulator, startMarketoSimulator } from '../../../scripts/lib/marketo-sim/server';
import type { AccessToken } from '../../../worker/connector/access-token';
import { SmartCampaign, UsageDay } from '../../../worker/connector/marketo-answers';
import { requestToken } from '../../../worker/connector/marketo-call';
import { MarketoSession } from '../../../worker/connector/marketo-session';

let sim: MarketoSimulator;
beforeAll(async () => {
  sim = await startMarketoSimulator();
});
afterAll(() => sim.close());

let n = 0;
function setUp(budget = 100) {
  n += 1;
  const clientId = `session-${n}`;
  const instance = sim.addInstance({
    clientId,
    clientSecret: 'secret',
    apiUser: 'api@example.com',
    users: { 'etl@example.com': 5 },
    campaigns: [{ id: 1, name: 'One' }],
  });
  let token: AccessToken | null = null;
  let calls = 0;
  const session = new MarketoSession({
    restUrl: sim.url,
    clientId,
    clientSecret: 'secret',
    timeoutMs: 500,
    now: () => Date.now(),
    tokens: { get: () => token, set: (t) => (token = t) },
    takeCall: () => (calls < budget ? ((calls += 1), true) : false),
  });
  return { instance, session, calls: () => calls };
}

describe('Marketo session against the simulated Marketo', () => {
  it('reuses one token and counts every REST call', async () => {
    const { instance, session, calls } = setUp();
    const usage = await session.get('/rest/v1/stats/usage.json', UsageDay);
    await session.get('/rest/v1/stats/usage.json', UsageDay);
    expect(usage).toMatchObject({ ok: true, value: [{ total: 6 }] });
    expect(instance.report().identityCalls).toBe(1);
    expect(calls()).toBe(2);
  });

  it.each(['601', '602'])('gets one new token and retries once on %s', async (code) => {
    const { instance, session, calls } = setUp();
    await session.get('/rest/v1/stats/usage.json', UsageDay);
    instance.queue({ on: 'usage', fault: code });
    expect((await session.get('/rest/v1/stats/usage.json', UsageDay)).ok).toBe(true);
    expect(instance.report().identityCalls).toBe(2);
    expect(calls()).toBe(3);
  });

  it('gives up after the one retry', async () => {
    const { instance, session } = setUp();
    instance.queue({ on: 'usage', fault: '601', times: 2 });
    expect(await session.get('/rest/v1/stats/usage.json', UsageDay)).toEqual({
      ok: false,
      failure: { kind: 'marketo', code: '601', message: 'Access token invalid' },
    });
  });

  it('maps every failure to a value', async () => {
    const { instance, session } = setUp();
    const cases: [string, unknown][] = [
      ['606', { kind: 'marketo', code: '606', message: "Max rate limit '100' exceeded with in '20' secs" }],
      ['http500', { kind: 'http', status: 500 }],
      ['http502', { kind: 'http', status: 502 }],
      ['malformed', { kind: 'malformed' }],
      ['success_false', { kind: 'marketo', code: 'unknown', message: '' }],
      ['timeout', { kind: 'timeout' }],
    ];
    for (const [fault, failure] of cases) {
      instance.queue({ on: 'campaigns', fault, delayMs: 2_000 });
      expect(await session.get('/rest/asset/v1/smartCampaigns.json', SmartCampaign)).toEqual({
        ok: false,
        failure,
      });
    }
    expect(await session.get('/rest/asset/v1/smartCampaigns.json', SmartCampaign)).toMatchObject({
      ok: true,
      value: [{ id: 1, name: 'One', type: 'trigger', isActive: true }],
    });
  });

  it('refuses wrong credentials and an unreachable host without saying more', async () => {
    expect(await requestToken(sim.url, 'nobody', 'x', 500)).toEqual({
      ok: false,
      failure: { kind: 'identity_refused', status: 401 },
    });
    expect(await requestToken('http://127.0.0.1:1', 'nobody', 'x', 500)).toEqual({
      ok: false,
      failure: { kind: 'unreachable' },
    });
  });

  it('makes no call once the budget is spent', async () => {
    const { instance, session } = setUp(1);
    await session.get('/rest/v1/stats/usage.json', UsageDay);
    expect(await session.get('/rest/v1/stats/usage.json', UsageDay)).toEqual({
      ok: false,
      failure: { kind: 'max_daily_calls' },
    });
    expect(instance.report().restCalls).toBe(1);
  });
});
