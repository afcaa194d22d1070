import { describe, expect, it } from 'vitest';

import { needsNewToken, tokenFromIdentity, usableToken } from '../../../worker/connector/access-token';
import { apiErrorsSeverity, errorsByCode, newlyReachedCodes } from '../../../worker/connector/api-errors';
import { mayCall, nextBackoffMinutes, pollIntervalMinutes } from '../../../worker/connector/call-limits';
import { campaignChanges } from '../../../worker/connector/campaign-diff';
import { forecastLimitAt } from '../../../worker/connector/forecast';
import type { CampaignFacts } from '../../../worker/domain/connector-facts';

describe('access token', () => {
  it('is reused until a minute before it expires', () => {
    const token = tokenFromIdentity({ access_token: 't', expires_in: 3600, scope: 'api@x' }, 0);
    expect(token).toEqual({ value: 't', expiresAtMs: 3_600_000, apiUser: 'api@x' });
    expect(usableToken(token, 3_539_999)).toBe(token);
    expect(usableToken(token, 3_540_000)).toBeNull();
    expect(usableToken(null, 0)).toBeNull();
    expect([needsNewToken('601'), needsNewToken('602'), needsNewToken('603')]).toEqual([true, true, false]);
  });
});

describe('call limits', () => {
  it('doubles the interval on 606 and 615, at most an hour, and forgets it after a success', () => {
    expect(nextBackoffMinutes(null, 5, '606')).toBe(10);
    expect(nextBackoffMinutes(10, 5, '615')).toBe(20);
    expect(nextBackoffMinutes(40, 5, '606')).toBe(60);
    expect(nextBackoffMinutes(60, 5, '606')).toBe(60);
    expect(nextBackoffMinutes(20, 5, null)).toBeNull();
    expect(nextBackoffMinutes(20, 5, '611')).toBeNull();
    expect([pollIntervalMinutes(5, null), pollIntervalMinutes(5, 20)]).toEqual([5, 20]);
  });

  it('makes no call while paused or once maxDailyCalls is spent', () => {
    expect(mayCall({ callsToday: 0, maxDailyCalls: 10, pausedUntilMs: 1000 }, 999)).toEqual({
      ok: false,
      reason: 'paused',
    });
    expect(mayCall({ callsToday: 0, maxDailyCalls: 10, pausedUntilMs: 1000 }, 1000)).toEqual({ ok: true });
    expect(mayCall({ callsToday: 10, maxDailyCalls: 10, pausedUntilMs: null }, 0)).toEqual({
      ok: false,
      reason: 'max_daily_calls',
    });
    expect(mayCall({ callsToday: 9, maxDailyCalls: 10, pausedUntilMs: null }, 0)).toEqual({ ok: true });
  });
});

describe('forecast', () => {
  const min = 60_000;
  it('extends the last hour’s pace to the limit when that is before the reset', () => {
    const samples = [
      { atMs: 0, used: 1000 },
      { atMs: 30 * min, used: 4000 },
      { atMs: 60 * min, used: 7000 },
    ];
    // 6000 calls an hour; 3000 left: half an hour after the last sample.
    expect(forecastLimitAt(samples, 10_000, 60 * min, 24 * 60 * min)).toBe(90 * min);
    expect(forecastLimitAt(samples, 10_000, 60 * min, 80 * min)).toBeNull();
  });

  it('says nothing for a flat pace, a reached limit, or too short a span', () => {
    /** Two samples, `fromUsed` at 0 and `toUsed` at `toMs`, asked at `toMs` against a limit of 100. */
    const forecast = (fromUsed: number, toMs: number, toUsed: number) =>
      forecastLimitAt(
        [
          { atMs: 0, used: fromUsed },
          { atMs: toMs, used: toUsed },
        ],
        100,
        toMs,
        1e9,
      );
    expect(forecast(10, 30 * min, 10)).toBeNull();
    expect(forecast(10, 30 * min, 100)).toBeNull();
    expect(forecast(10, 4 * min, 50)).toBeNull();
    // Samples older than an hour do not count.
    expect(forecast(0, 120 * min, 10)).toBeNull();
  });
});

describe('api_errors', () => {
  it('folds codes, finds the ones that reach the minimum for the first time, and rates them', () => {
    const byCode = errorsByCode([
      { errorCode: '606', count: 15 },
      { errorCode: '606', count: 6 },
      { errorCode: '610', count: 3 },
    ]);
    expect(byCode).toEqual({ '606': 21, '610': 3 });
    expect(newlyReachedCodes(byCode, 20, new Set())).toEqual(['606']);
    expect(newlyReachedCodes(byCode, 20, new Set(['606']))).toEqual([]);
    expect(newlyReachedCodes(byCode, 3, new Set(['606']))).toEqual(['610']);
    expect(apiErrorsSeverity(['606', '610'])).toBe('warning');
    expect(apiErrorsSeverity(['606', '607'])).toBe('critical');
    expect(apiErrorsSeverity(['603'])).toBe('critical');
  });
});

describe('campaign baseline', () => {
  const c = (id: number, facts: Partial<CampaignFacts> = {}): CampaignFacts => ({
    id,
    name: `C${id}`,
    type: 'trigger',
    isActive: true,
    status: 'Active',
    url: null,
    ...facts,
  });
  const baseline = new Map(
    [
      c(1),
      c(2),
      c(3, { type: 'batch', isActive: false, status: 'Never Run' }),
      c(4, { isActive: false, status: 'Inactive' }),
    ].map((x) => [x.id, x]),
  );

  it('stays silent when nothing changed, and for new campaigns', () => {
    expect(campaignChanges(baseline, [...baseline.values(), c(9, { status: 'Invalid' })])).toEqual([]);
  });

  it('names a deactivated trigger campaign and a campaign turned Invalid', () => {
    const current = [
      c(1, { isActive: false, status: 'Inactive' }),
      c(2),
      c(3, { status: 'Invalid', type: 'batch', isActive: false }),
      c(4),
    ];
    expect(campaignChanges(baseline, current).map((x) => [x.kind, x.campaign.id])).toEqual([
      ['deactivated', 1],
      ['invalid', 3],
    ]);
  });
});
