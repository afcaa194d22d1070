import { describe, expect, it } from 'vitest';

import { type ChannelHealth, FAILING_AFTER, healthAfter } from '../../../worker/outbound/channel-health';
import { repeatSends } from '../../../worker/outbound/repeat-rule';
import { attemptOutcome, RETRY_DELAYS_MS, retryAfterMs } from '../../../worker/outbound/retry-policy';

const NOW = 1_800_000_000_000;

describe('the repeat rule', () => {
  it('sends on creation and on coming back unread, whatever the last message', () => {
    expect(repeatSends('created', null, NOW)).toBe(true);
    expect(repeatSends('reopened', NOW - 1000, NOW)).toBe(true);
  });

  it('sends nothing for a repeat of an open group within the hour, then sends again', () => {
    expect(repeatSends('repeat', NOW - 59 * 60_000, NOW)).toBe(false);
    expect(repeatSends('repeat', NOW - 60 * 60_000, NOW)).toBe(true);
    expect(repeatSends('repeat', null, NOW)).toBe(true);
  });
});

describe('the retry schedule', () => {
  const fail = { status: 500, retryAfter: null };

  it('waits 5 s, 1 min, 5 min, 30 min, 2 h, 6 h and 12 h, then fails', () => {
    const waits = [5_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000];
    expect([...RETRY_DELAYS_MS]).toEqual(waits);
    waits.forEach((wait, i) =>
      expect(attemptOutcome('webhook', fail, i + 1, NOW)).toEqual({
        state: 'pending',
        nextAttemptAt: NOW + wait,
      }),
    );
    expect(attemptOutcome('webhook', fail, 8, NOW)).toEqual({ state: 'failed', disable: false });
  });

  it('retries timeouts like 5xx, delivers on 2xx', () => {
    expect(attemptOutcome('teams', { status: null, retryAfter: null }, 1, NOW)).toEqual({
      state: 'pending',
      nextAttemptAt: NOW + 5000,
    });
    expect(attemptOutcome('teams', { status: 202, retryAfter: null }, 3, NOW)).toEqual({
      state: 'delivered',
    });
  });

  it("honours a 429's Retry-After in seconds or as a date, else the schedule", () => {
    expect(attemptOutcome('slack', { status: 429, retryAfter: '30' }, 1, NOW)).toEqual({
      state: 'pending',
      nextAttemptAt: NOW + 30_000,
    });
    const date = new Date(NOW + 120_000).toUTCString();
    expect(attemptOutcome('slack', { status: 429, retryAfter: date }, 1, NOW)).toEqual({
      state: 'pending',
      nextAttemptAt: NOW + 120_000,
    });
    expect(attemptOutcome('slack', { status: 429, retryAfter: null }, 2, NOW)).toEqual({
      state: 'pending',
      nextAttemptAt: NOW + 60_000,
    });
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs('999999999', NOW)).toBe(12 * 3_600_000);
  });

  it('disables on 410 and on Slack 403/404; another 4xx fails at once', () => {
    expect(attemptOutcome('webhook', { status: 410, retryAfter: null }, 1, NOW)).toEqual({
      state: 'failed',
      disable: true,
    });
    expect(attemptOutcome('slack', { status: 404, retryAfter: null }, 1, NOW)).toEqual({
      state: 'failed',
      disable: true,
    });
    expect(attemptOutcome('slack', { status: 403, retryAfter: null }, 1, NOW)).toEqual({
      state: 'failed',
      disable: true,
    });
    expect(attemptOutcome('webhook', { status: 404, retryAfter: null }, 1, NOW)).toEqual({
      state: 'failed',
      disable: false,
    });
    expect(attemptOutcome('teams', { status: 400, retryAfter: null }, 1, NOW)).toEqual({
      state: 'failed',
      disable: false,
    });
    expect(attemptOutcome('webhook', { status: 302, retryAfter: null }, 1, NOW)).toEqual({
      state: 'failed',
      disable: false,
    });
  });
});

describe('channel health', () => {
  const ok: ChannelHealth = { state: 'ok', consecutiveFailures: 0 };

  it('turns failing after 5 failures in a row, once', () => {
    let health: ChannelHealth = ok;
    const raised: (string | null)[] = [];
    for (let i = 0; i < FAILING_AFTER + 2; i++) {
      const next = healthAfter(health, 'failed');
      raised.push(next.raised);
      health = next;
    }
    expect(raised).toEqual([null, null, null, null, 'failing', null, null]);
    expect(health.state).toBe('failing');
  });

  it('recovers on a delivery, and a success resets the count', () => {
    expect(healthAfter({ state: 'failing', consecutiveFailures: 9 }, 'delivered')).toEqual({
      state: 'ok',
      consecutiveFailures: 0,
      raised: null,
      recovered: true,
    });
    const almost = healthAfter({ state: 'ok', consecutiveFailures: 4 }, 'delivered');
    expect(healthAfter(almost, 'failed').raised).toBeNull();
  });

  it('raises disabled once', () => {
    expect(healthAfter(ok, 'disabled')).toMatchObject({ state: 'disabled', raised: 'disabled' });
    expect(healthAfter({ state: 'disabled', consecutiveFailures: 1 }, 'disabled').raised).toBeNull();
  });
});
