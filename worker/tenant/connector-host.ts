import {
  CONNECTOR_LIMITS,
  type ConnectorPut,
  type ConnectorStatus,
  type ConnectorView,
  type QuotaHistory,
} from '../../shared/connector';
import type { AccessToken } from '../connector/access-token';
import { forecastLimitAt } from '../connector/forecast';
import { connectorStatus, pollConnector } from '../connector/poll';
import { sealSecret } from '../connector/secret-box';
import { quotaDayAt, quotaDayDaysBefore } from '../domain/quota-day';
import { deleteBaseline } from '../store/campaign-baseline';
import { pruneConnectorCalls } from '../store/connector-calls';
import {
  deleteConnector,
  loadConnector,
  saveConnector,
  type StoredConnector,
} from '../store/connector-config';
import { deletePollState, INITIAL_POLL_STATE, loadPollState, savePollState } from '../store/connector-status';
import { quotaUsed } from '../store/quota';
import { pruneQuotaSamples, quotaSamples } from '../store/quota-samples';
import { lastKnownDays } from '../store/usage-facts';
import type { TenantContext } from './context';

/** A call to Marketo that has not answered by then has failed (a timeout). */
export const MARKETO_TIMEOUT_MS = 10_000;
/**
 * A whole poll, all its calls together, ends by then (`poll_deadline`): 6 calls' worth. A poll given a
 * shorter call timeout (tests) gets a deadline shorter in the same measure.
 */
export const POLL_DEADLINE_MS = 60_000;
const pollDeadlineFor = (timeoutMs: number) =>
  Math.round((timeoutMs * POLL_DEADLINE_MS) / MARKETO_TIMEOUT_MS);

export type { ConnectorPut };

export type ConnectorPutRefusal =
  | { error: 'connector_incomplete'; missing: ('restUrl' | 'clientId' | 'clientSecret')[] }
  | { error: 'connector_key_missing' }
  /** A restUrl on another origin without the clientSecret: the stored one is not sent to a new host. */
  | { error: 'secret_required' };

/** True when `next` names another origin than `stored` (both as checkRestUrl answers them). */
function movesOrigin(stored: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  try {
    return new URL(next).origin !== new URL(stored).origin;
  } catch {
    return true;
  }
}

/**
 * The connector's side of the tenant object: its RPC operations and its part of the alarm. Polls run one
 * at a time; the access token lives in memory only (an evicted object asks identity again, which Marketo
 * does not count).
 */
export class ConnectorHost {
  private token: AccessToken | null = null;
  private running: Promise<ConnectorStatus> | null = null;

  constructor(private readonly ctx: TenantContext) {}

  async put(input: ConnectorPut, nowMs: number): Promise<ConnectorView | ConnectorPutRefusal> {
    const current = loadConnector(this.ctx.sql);
    // The first PUT names the instance and its credentials; later ones change what they name.
    const missing =
      current === null
        ? (['restUrl', 'clientId', 'clientSecret'] as const).filter(
            (f) => input[f] === undefined || input[f] === null,
          )
        : [];
    if (missing.length > 0) return { error: 'connector_incomplete', missing };
    const moves = current !== null && movesOrigin(current.restUrl, input.restUrl);
    if (moves && input.clientSecret === undefined) return { error: 'secret_required' };
    const key = this.ctx.connectorKey();
    if (typeof input.clientSecret === 'string' && !key) return { error: 'connector_key_missing' };
    const sealedSecret =
      input.clientSecret === undefined
        ? (current?.sealedSecret ?? null)
        : input.clientSecret === null
          ? null
          : await sealSecret(input.clientSecret, key!, this.ctx.tenantId());
    const next: StoredConnector = {
      restUrl: input.restUrl ?? current!.restUrl,
      clientId: input.clientId ?? current!.clientId,
      sealedSecret,
      enabled: input.enabled ?? current?.enabled ?? true,
      pollMinutes: input.pollMinutes ?? current?.pollMinutes ?? CONNECTOR_LIMITS.pollMinutes.default,
      campaignsEveryMinutes:
        input.campaignsEveryMinutes ??
        current?.campaignsEveryMinutes ??
        CONNECTOR_LIMITS.campaignsEveryMinutes.default,
      maxDailyCalls: input.maxDailyCalls ?? current?.maxDailyCalls ?? CONNECTOR_LIMITS.maxDailyCalls.default,
    };
    const otherInstance =
      current === null || current.restUrl !== next.restUrl || current.clientId !== next.clientId;
    saveConnector(this.ctx.sql, next);
    if (otherInstance || input.clientSecret !== undefined) this.token = null;
    // Another instance starts over: its campaigns are a new baseline, its status unknown.
    if (otherInstance) deleteBaseline(this.ctx.sql);
    const state = otherInstance ? INITIAL_POLL_STATE : loadPollState(this.ctx.sql);
    const dueMs = state.pausedUntilMs ?? nowMs + next.pollMinutes * 60_000;
    // Set up and waiting for its first poll: running, not off.
    savePollState(this.ctx.sql, {
      ...state,
      state: state.state === 'off' ? 'ok' : state.state,
      nextPollAtMs: dueMs,
    });
    await this.schedule(nowMs, dueMs);
    return this.get(nowMs)!;
  }

  get(nowMs: number): ConnectorView | null {
    const stored = loadConnector(this.ctx.sql);
    if (stored === null) return null;
    const { sealedSecret, ...settings } = stored;
    return { ...settings, secretSet: sealedSecret !== null, status: this.status(stored, nowMs) };
  }

  delete(): boolean {
    const existed = loadConnector(this.ctx.sql) !== null;
    deleteConnector(this.ctx.sql);
    deletePollState(this.ctx.sql);
    deleteBaseline(this.ctx.sql);
    this.token = null;
    return existed;
  }

  /** Polls now (POST /v1/connector/poll): usage, errors and campaigns. Null when no connector is set. */
  async pollNow(nowMs: number, timeoutMs = MARKETO_TIMEOUT_MS): Promise<ConnectorStatus | null> {
    if (loadConnector(this.ctx.sql) === null) return null;
    return this.poll(nowMs, true, timeoutMs);
  }

  /** The alarm's part: a poll when one is due, and the connector's tables kept to a few days. */
  async onAlarm(nowMs: number): Promise<void> {
    const keptFrom = quotaDayDaysBefore(nowMs, 2);
    pruneConnectorCalls(this.ctx.sql, keptFrom);
    pruneQuotaSamples(this.ctx.sql, keptFrom);
    const state = loadPollState(this.ctx.sql);
    const config = loadConnector(this.ctx.sql);
    if (config === null || !config.enabled || state.nextPollAtMs === null) return;
    if (state.nextPollAtMs <= nowMs) await this.poll(nowMs, false, MARKETO_TIMEOUT_MS);
    else await this.schedule(nowMs, state.nextPollAtMs);
  }

  history(nowMs: number): QuotaHistory {
    const { day, endMs } = quotaDayAt(nowMs);
    const samples = quotaSamples(this.ctx.sql, day);
    const limit = this.ctx.settings.current().quota.dailyLimit;
    const forecastAtMs =
      quotaUsed(this.ctx.sql, day) >= limit ? null : forecastLimitAt(samples, limit, nowMs, endMs);
    return {
      today: samples.map((s) => ({ at: new Date(s.atMs).toISOString(), used: s.used })),
      days: lastKnownDays(this.ctx.sql) ?? [],
      forecastAt: forecastAtMs === null ? null : new Date(forecastAtMs).toISOString(),
    };
  }

  private status(stored: StoredConnector, nowMs: number): ConnectorStatus {
    const status = connectorStatus(this.ctx.sql, nowMs);
    return stored.enabled && stored.sealedSecret !== null
      ? status
      : { ...status, state: 'off', nextPollAt: null };
  }

  private poll(nowMs: number, force: boolean, timeoutMs: number): Promise<ConnectorStatus> {
    // One poll at a time: a second caller waits for the running one and gets its status.
    this.running ??= this.pollOnce(nowMs, force, timeoutMs).finally(() => (this.running = null));
    return this.running;
  }

  private async pollOnce(nowMs: number, force: boolean, timeoutMs: number): Promise<ConnectorStatus> {
    const { recorded, status } = await pollConnector({
      sql: this.ctx.sql,
      settings: this.ctx.settings.current(),
      tenant: this.ctx.tenantId(),
      connectorKey: this.ctx.connectorKey(),
      nowMs,
      timeoutMs,
      pollDeadlineMs: pollDeadlineFor(timeoutMs),
      tokens: { get: () => this.token, set: (token) => (this.token = token) },
      force,
      outbox: this.ctx.outbox.at(nowMs),
    });
    this.ctx.changes.publish(recorded, nowMs);
    await this.ctx.outbox.planDue();
    const next = loadPollState(this.ctx.sql).nextPollAtMs;
    if (next !== null) await this.schedule(nowMs, next);
    return status;
  }

  /**
   * The alarm is set on the real clock, `dueMs - nowMs` from now: tests that pass a fixed `nowMs` never
   * make it fire while they run.
   */
  private async schedule(nowMs: number, dueMs: number): Promise<void> {
    await this.ctx.alarms.plan('connectorPoll', Date.now() + Math.max(0, dueMs - nowMs));
  }
}
