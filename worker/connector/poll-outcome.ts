import type { ConnectorError } from '../../shared/connector';
import type { PollState } from '../store/connector-status';
import { nextBackoffMinutes, pollIntervalMinutes } from './call-limits';
import type { MarketoFailure } from './marketo-call';

/** Passing faults (HTTP 5xx, 611, a garbled answer) make the state failing only after this many polls in a row. */
export const PASSING_FAULTS_BEFORE_FAILING = 3;

/** How a poll's failure is handled. */
export type FailureClass = 'backoff' | 'quota' | 'budget' | 'hard' | 'passing';

export function classify(failure: MarketoFailure): FailureClass {
  switch (failure.kind) {
    case 'marketo':
      if (failure.code === '606' || failure.code === '615') return 'backoff';
      if (failure.code === '607') return 'quota';
      // Access denied, or a token Marketo refuses even when new: the set-up is wrong.
      if (failure.code === '603' || failure.code === '601' || failure.code === '602') return 'hard';
      return 'passing';
    case 'max_daily_calls':
      return 'budget';
    case 'identity_refused':
    case 'secret_unreadable':
    case 'unreachable':
    case 'timeout':
      return 'hard';
    case 'http':
    case 'malformed':
    case 'too_large':
    // Each call answered in time, the poll as a whole did not: a slow Marketo, not a wrong set-up.
    // falls through
    case 'poll_deadline':
      return 'passing';
  }
}

/** The failure as status text: Marketo's code and message, or the worker's own code. Never a URL. */
export function describeFailure(failure: MarketoFailure): ConnectorError {
  switch (failure.kind) {
    case 'marketo':
      return { code: failure.code, message: failure.message };
    case 'identity_refused':
      return {
        code: 'identity_refused',
        message: `Marketo's identity service refused the client id and secret (HTTP ${failure.status}).`,
      };
    case 'http':
      return { code: `http_${failure.status}`, message: `Marketo answered HTTP ${failure.status}.` };
    case 'timeout':
      return { code: 'timeout', message: 'Marketo did not answer in time.' };
    case 'unreachable':
      return { code: 'unreachable', message: 'The REST endpoint could not be reached.' };
    case 'malformed':
      return { code: 'malformed', message: 'Marketo’s answer could not be read.' };
    case 'too_large':
      return { code: 'too_large', message: 'Marketo’s answer was larger than 4 MiB.' };
    case 'poll_deadline':
      return { code: 'poll_deadline', message: 'The poll did not finish in time (60 s over all its calls).' };
    case 'max_daily_calls':
      return { code: 'max_daily_calls', message: 'The connector made its maxDailyCalls calls today.' };
    case 'secret_unreadable':
      return {
        code: 'secret_unreadable',
        message: 'The stored client secret does not open with this CONNECTOR_KEY; enter it again.',
      };
  }
}

export interface Transition {
  next: PollState;
  /** Make the `connector` notification (state turned failing). */
  notify: string | null;
  /** Mark the current `connector` notification read (a good poll after a failure). */
  recovered: boolean;
}

/** The state after a poll: `failure` null for a good one. `dayEndMs`: when the quota day resets. */
export function afterPoll(
  prev: PollState,
  failure: MarketoFailure | null,
  ctx: { nowMs: number; dayEndMs: number; pollMinutes: number; apiUser: string | null },
): Transition {
  const base: PollState = {
    ...prev,
    lastPollAtMs: ctx.nowMs,
    apiUser: ctx.apiUser ?? prev.apiUser,
    pausedUntilMs: null,
  };
  const at = (minutes: number) => ctx.nowMs + minutes * 60_000;
  if (failure === null) {
    const next = {
      ...base,
      state: 'ok' as const,
      lastError: null,
      backoffMinutes: null,
      failuresInRow: 0,
      failingNotificationId: null,
    };
    return {
      next: { ...next, nextPollAtMs: at(ctx.pollMinutes) },
      notify: null,
      recovered: prev.failingNotificationId !== null,
    };
  }
  const lastError = describeFailure(failure);
  const kind = classify(failure);
  if (kind === 'quota' || kind === 'budget') {
    return {
      next: { ...base, state: 'paused', lastError, pausedUntilMs: ctx.dayEndMs, nextPollAtMs: ctx.dayEndMs },
      notify: null,
      recovered: false,
    };
  }
  if (kind === 'backoff') {
    const backoffMinutes = nextBackoffMinutes(prev.backoffMinutes, ctx.pollMinutes, lastError.code);
    const state = prev.state === 'failing' ? 'failing' : 'ok';
    return {
      next: {
        ...base,
        state,
        lastError,
        backoffMinutes,
        nextPollAtMs: at(pollIntervalMinutes(ctx.pollMinutes, backoffMinutes)),
      },
      notify: null,
      recovered: false,
    };
  }
  const failuresInRow = prev.failuresInRow + 1;
  const failing =
    kind === 'hard' || failuresInRow >= PASSING_FAULTS_BEFORE_FAILING || prev.state === 'failing';
  const next: PollState = {
    ...base,
    state: failing ? 'failing' : prev.state === 'off' || prev.state === 'paused' ? 'ok' : prev.state,
    lastError,
    failuresInRow,
    nextPollAtMs: at(pollIntervalMinutes(ctx.pollMinutes, prev.backoffMinutes)),
  };
  // One notification per failure: only the poll that turns the state failing makes it.
  return {
    next,
    notify: failing && prev.failingNotificationId === null ? lastError.code : null,
    recovered: false,
  };
}
