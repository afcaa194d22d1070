import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { daysBefore } from '../../../scripts/lib/marketo-sim/clock';
import {
  type MarketoSimulator,
  type SimulatedAnswer,
  startMarketoSimulator,
} from '../../../scripts/lib/marketo-sim/server';
import { conformanceErrors } from './swagger';

let sim: MarketoSimulator;
const answers: { kind: string; answer: SimulatedAnswer }[] = [];
let counter = 0;

beforeAll(async () => {
  sim = await startMarketoSimulator({ onAnswer: (kind, answer) => answers.push({ kind, answer }) });
});

afterAll(async () => {
  // Every JSON answer with HTTP 200 that any test provoked, against Adobe's definitions.
  const checked = answers.filter(
    ({ kind, answer }) => kind !== 'unknown' && answer.status === 200 && answer.body !== undefined,
  );
  expect(checked.length).toBeGreaterThan(20);
  for (const { kind, answer } of checked)
    expect(conformanceErrors(kind, answer.body), JSON.stringify(answer.body)).toEqual([]);
  await sim.close();
});

function newInstance(extra: Record<string, unknown> = {}) {
  counter += 1;
  const clientId = `client-${counter}-${Date.now()}`;
  const instance = sim.addInstance({
    clientId,
    clientSecret: 'sim-secret',
    apiUser: 'notifier@example.com',
    users: { 'etl@example.com': 300, 'crm@example.com': 120 },
    errors: { '606': 4 },
    campaigns: Array.from({ length: 205 }, (_, i) => ({
      id: 2000 + i,
      name: `Campaign ${i}`,
      isActive: i % 3 === 0,
    })),
    ...extra,
  });
  return { clientId, instance };
}

async function token(clientId: string, secret = 'sim-secret') {
  const res = await fetch(
    `${sim.url}/identity/oauth/token?grant_type=client_credentials&client_id=${clientId}&client_secret=${secret}`,
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function get(path: string, accessToken: string) {
  const res = await fetch(sim.url + path, { headers: { Authorization: `Bearer ${accessToken}` } });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

describe('simulated Marketo', () => {
  it('says plainly that it is a simulation', async () => {
    const res = await fetch(sim.url + '/');
    expect(res.headers.get('x-simulation')).toMatch(/simulated Marketo/);
    expect(((await res.json()) as { notice: string }).notice).toMatch(
      /simulated Marketo.*not Adobe Marketo Engage/,
    );
  });

  it('issues a token, gives the same one while it lives, and refuses wrong credentials', async () => {
    const { clientId } = newInstance();
    const first = await token(clientId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      token_type: 'bearer',
      scope: 'notifier@example.com',
      expires_in: 3600,
    });
    expect((await token(clientId)).body.access_token).toBe(first.body.access_token);
    expect(await token(clientId, 'wrong')).toEqual({
      status: 401,
      body: { error: 'unauthorized', error_description: 'Bad client credentials' },
    });
  });

  it('serves usage, errors and last 7 days, and counts its own calls per API user', async () => {
    const { clientId, instance } = newInstance();
    const { access_token } = (await token(clientId)).body as { access_token: string };
    const usage = (await get('/rest/v1/stats/usage.json', access_token)).json();
    expect(usage.result[0].date).toBe(instance.day());
    expect(usage.result[0].total).toBe(421);
    expect(usage.result[0].users).toContainEqual({ userId: 'notifier@example.com', count: 1 });
    const errors = (await get('/rest/v1/stats/errors.json', access_token)).json();
    expect(errors.result[0]).toMatchObject({ total: 4, errors: [{ errorCode: '606', count: 4 }] });
    const week = (await get('/rest/v1/stats/usage/last7days.json', access_token)).json();
    expect(week.result).toHaveLength(7);
    expect(instance.report().usage.total).toBe(423);
  });

  it("makes the last 7 days at today's pace: today's users over a full day, weekends lighter", async () => {
    // Central noon of Tuesday 5 May 2026: today's 300 + 120 calls are half a day's.
    const { clientId } = newInstance({ nowMs: Date.parse('2026-05-05T17:00:00Z') });
    const { access_token } = (await token(clientId)).body as { access_token: string };
    const week = (await get('/rest/v1/stats/usage/last7days.json', access_token)).json().result;
    expect(week.map((d: { date: string }) => d.date)).toEqual([
      '2026-04-28',
      '2026-04-29',
      '2026-04-30',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
    ]);
    for (const day of week) {
      const weekend = day.date === '2026-05-02' || day.date === '2026-05-03';
      const full = weekend ? 0.4 * 840 : 840;
      expect(day.total, day.date).toBeGreaterThanOrEqual(Math.floor(full * 0.9));
      expect(day.total, day.date).toBeLessThanOrEqual(Math.ceil(full * 1.1));
      const ids = day.users.map((u: { userId: string }) => u.userId);
      expect(ids).toEqual(['etl@example.com', 'crm@example.com']);
      expect(day.total).toBe(day.users.reduce((sum: number, u: { count: number }) => sum + u.count, 0));
      // The same split between the users as today's.
      expect(day.users[0].count / day.total).toBeCloseTo(300 / 420, 1);
    }
  });

  it('follows a given working day, and a day it counted itself', async () => {
    const dailyUsers = { 'etl@example.com': 20_000, 'crm@example.com': 8_000 };
    const { clientId, instance } = newInstance({ dailyUsers });
    const yesterday = daysBefore(instance.day(), 1)[0]!;
    instance.addUsage('etl@example.com', 5, yesterday);
    const { access_token } = (await token(clientId)).body as { access_token: string };
    const week = (await get('/rest/v1/stats/usage/last7days.json', access_token)).json().result;
    expect(week[6]).toEqual({ date: yesterday, total: 5, users: [{ userId: 'etl@example.com', count: 5 }] });
    for (const day of week.slice(0, 6)) {
      expect(day.total, day.date).toBeGreaterThanOrEqual(0.4 * 0.9 * 28_000);
    }
    expect(Math.max(...week.map((d: { total: number }) => d.total))).toBeGreaterThanOrEqual(0.9 * 28_000);
  });

  it('pages smart campaigns by maxReturn and offset, ending with an empty page', async () => {
    const { clientId } = newInstance();
    const { access_token } = (await token(clientId)).body as { access_token: string };
    const first = (
      await get('/rest/asset/v1/smartCampaigns.json?maxReturn=200&offset=0', access_token)
    ).json();
    const second = (
      await get('/rest/asset/v1/smartCampaigns.json?maxReturn=200&offset=200', access_token)
    ).json();
    const third = (
      await get('/rest/asset/v1/smartCampaigns.json?maxReturn=200&offset=400', access_token)
    ).json();
    expect([first.result.length, second.result.length]).toEqual([200, 5]);
    expect(third).toMatchObject({
      success: true,
      warnings: ['No assets found for the given search criteria.'],
    });
    expect(third.result).toBeUndefined();
  });

  it('answers 601 without a token and 602 once the token expired', async () => {
    const { clientId, instance } = newInstance({ tokenTtlSeconds: 60 });
    const { access_token } = (await token(clientId)).body as { access_token: string };
    expect((await get('/rest/v1/stats/usage.json', 'nope')).json().errors).toEqual([
      { code: '601', message: 'Access token invalid' },
    ]);
    instance.fixedNowMs = Date.now() + 61_000;
    expect((await get('/rest/v1/stats/usage.json', access_token)).json()).toMatchObject({
      success: false,
      errors: [{ code: '602' }],
    });
    const renewed = (await token(clientId)).body.access_token;
    expect(renewed).not.toBe(access_token);
  });

  it.each(['601', '602', '603', '606', '607', '611', '615'])(
    'replays error %s as HTTP 200 with success:false, not counted as a call',
    async (code) => {
      const { clientId, instance } = newInstance();
      const { access_token } = (await token(clientId)).body as { access_token: string };
      instance.queue({ on: 'usage', fault: code });
      const res = await get('/rest/v1/stats/usage.json', access_token);
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ success: false, errors: [{ code }] });
      expect(instance.report().usage.total).toBe(420);
      // The replay is spent: the next call succeeds, unless the token went away with a 601/602.
      const next = (await get('/rest/v1/stats/usage.json', access_token)).json();
      expect(next.success).toBe(code !== '601' && code !== '602');
    },
  );

  it('replays a campaigns error in the Asset API envelope', async () => {
    const { clientId, instance } = newInstance();
    const { access_token } = (await token(clientId)).body as { access_token: string };
    instance.queue({ on: 'campaigns', fault: '606', times: 2 });
    for (let i = 0; i < 2; i += 1)
      expect((await get('/rest/asset/v1/smartCampaigns.json', access_token)).json().errors[0].code).toBe(
        '606',
      );
    expect((await get('/rest/asset/v1/smartCampaigns.json', access_token)).json().success).toBe(true);
  });

  it(
    'replays HTTP 500 and 502, malformed JSON, success:false ' +
      'without errors, a refused identity and a timeout',
    async () => {
      const { clientId, instance } = newInstance();
      const { access_token } = (await token(clientId)).body as { access_token: string };
      instance.queue({ on: 'usage', fault: 'http500' });
      instance.queue({ on: 'usage', fault: 'http502' });
      instance.queue({ on: 'usage', fault: 'malformed' });
      instance.queue({ on: 'usage', fault: 'success_false' });
      expect((await get('/rest/v1/stats/usage.json', access_token)).status).toBe(500);
      expect((await get('/rest/v1/stats/usage.json', access_token)).status).toBe(502);
      const malformed = await get('/rest/v1/stats/usage.json', access_token);
      expect(() => malformed.json()).toThrow();
      expect((await get('/rest/v1/stats/usage.json', access_token)).json()).toMatchObject({
        success: false,
        errors: [],
      });
      instance.queue({ on: 'identity', fault: 'refused' });
      expect((await token(clientId)).status).toBe(401);
      instance.queue({ on: 'usage', fault: 'timeout', delayMs: 300 });
      const started = Date.now();
      await expect(
        fetch(`${sim.url}/rest/v1/stats/usage.json`, {
          headers: { Authorization: `Bearer ${access_token}` },
        }),
      ).rejects.toThrow();
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    },
  );

  it('is driven over HTTP too: instances, replays, usage, errors and campaign changes', async () => {
    const clientId = `http-${Date.now()}`;
    const put = await fetch(`${sim.url}/__sim/instances/${clientId}`, {
      method: 'PUT',
      body: JSON.stringify({
        clientSecret: 's',
        apiUser: 'api@example.com',
        campaigns: [{ id: 7, name: 'Seven' }],
      }),
    });
    expect(put.status).toBe(201);
    await fetch(`${sim.url}/__sim/instances/${clientId}/errors`, {
      method: 'POST',
      body: JSON.stringify({ '606': 25 }),
    });
    await fetch(`${sim.url}/__sim/instances/${clientId}/usage`, {
      method: 'POST',
      body: JSON.stringify({ 'etl@example.com': 99 }),
    });
    await fetch(`${sim.url}/__sim/instances/${clientId}/campaigns/7`, {
      method: 'POST',
      body: JSON.stringify({ isActive: false, status: 'Invalid' }),
    });
    await fetch(`${sim.url}/__sim/instances/${clientId}/replays`, {
      method: 'POST',
      body: JSON.stringify({ replays: [{ on: 'errors', fault: '615' }] }),
    });
    const { access_token } = (await token(clientId, 's')).body as { access_token: string };
    expect((await get('/rest/v1/stats/errors.json', access_token)).json().errors[0].code).toBe('615');
    const errors = (await get('/rest/v1/stats/errors.json', access_token)).json();
    expect(errors.result[0].errors).toEqual(
      expect.arrayContaining([
        { errorCode: '606', count: 25 },
        { errorCode: '615', count: 1 },
      ]),
    );
    const campaigns = (await get('/rest/asset/v1/smartCampaigns.json', access_token)).json();
    expect(campaigns.result[0]).toMatchObject({ id: 7, isActive: false, status: 'Invalid' });
    const report = (await (await fetch(`${sim.url}/__sim/instances/${clientId}`)).json()) as {
      usage: { total: number };
    };
    expect(report.usage.total).toBe(101);
  });
});

describe('conformance checker', () => {
  it('refuses an answer that drifts from the definition', () => {
    expect(conformanceErrors('usage', { requestId: 'x', success: true, result: [{ total: 1 }] })).not.toEqual(
      [],
    );
    expect(
      conformanceErrors('identity', { access_token: 't', token_type: 'mac', expires_in: 1, scope: 'u' }),
    ).not.toEqual([]);
    expect(
      conformanceErrors('campaigns', {
        success: true,
        result: [{ id: 1, name: 'Adobe example without required fields' }],
      }),
    ).not.toEqual([]);
  });

  it("accepts Adobe's own example of daily usage", () => {
    const example = {
      requestId: '5f7f#17d7d8f2b6f',
      success: true,
      errors: [],
      warnings: [],
      result: [{ date: '2015-10-17', total: 1120, users: [{ userId: 'some.body@yahoo.com', count: 200 }] }],
    };
    expect(conformanceErrors('usage', example)).toEqual([]);
  });
});
