import type { ConnectorStatus } from '../../shared/connector';
import { MAX_TOP_USERS } from '../../shared/connector';
import type { Settings } from '../../shared/settings';
import type { CampaignFacts } from '../domain/connector-facts';
import { quotaDayAt } from '../domain/quota-day';
import { applyEvent } from '../rules/apply-event';
import { applyQuotaSettings } from '../rules/quota-usage';
import { recordIfEnabled } from '../rules/record';
import { hasBaseline, loadBaseline, saveBaseline } from '../store/campaign-baseline';
import { addConnectorCall, connectorCalls } from '../store/connector-calls';
import { loadConnector, type StoredConnector } from '../store/connector-config';
import { loadPollState, type PollState, savePollState } from '../store/connector-status';
import type { Recorded } from '../store/notifications';
import { setQuotaUsage } from '../store/quota';
import { addQuotaSample, quotaSamples } from '../store/quota-samples';
import { resolve } from '../store/triage';
import { loadUsageFacts, saveUsageFacts, type UsageFacts } from '../store/usage-facts';
import type { AccessToken } from './access-token';
import { errorsByCode, newlyReachedCodes } from './api-errors';
import { campaignChanges } from './campaign-diff';
import { notifyCampaignChanges } from './campaign-notices';
import { forecastLimitAt } from './forecast';
import { ErrorsDay, SmartCampaign, UsageDay } from './marketo-answers';
import type { MarketoFailure, Outcome } from './marketo-call';
import { MarketoSession } from './marketo-session';
import { apiErrorsOccurrence, connectorOccurrence, forecastOccurrence } from './occurrences';
import { afterPoll } from './poll-outcome';
import { openSecret } from './secret-box';

export interface PollContext {
  sql: SqlStorage;
  settings: Settings;
  tenant: string;
  /** The worker secret CONNECTOR_KEY; without it no secret opens. */
  connectorKey: string | undefined;
  nowMs: number;
  /** One call's time. */
  timeoutMs: number;
  /** The whole poll's time, all its calls together. */
  pollDeadlineMs: number;
  /** The access token, kept by the tenant object between polls (memory only). */
  tokens: { get(): AccessToken | null; set(token: AccessToken | null): void };
  /** POST /v1/connector/poll: the campaigns too, whatever their schedule. */
  force: boolean;
  /** Writes the outbound deliveries of what the poll records (see ApplyContext). */
  outbox?: (recorded: Recorded) => void;
}

const CAMPAIGN_PAGE = 200;
/** 10,000 campaigns at most per run: 50 calls. */
const MAX_CAMPAIGN_PAGES = 50;

/** The status the routes answer, from what the poll keeps. */
export function connectorStatus(sql: SqlStorage, nowMs: number): ConnectorStatus {
  const state = loadPollState(sql);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    state: state.state,
    lastPollAt: iso(state.lastPollAtMs),
    nextPollAt: iso(state.nextPollAtMs),
    lastError: state.lastError,
    callsToday: connectorCalls(sql, quotaDayAt(nowMs).day),
    apiUser: state.apiUser,
  };
}

/** One poll: usage, the last 7 days once a day, errors, campaigns when due; then the status. */
export async function pollConnector(
  ctx: PollContext,
): Promise<{ recorded: Recorded[]; status: ConnectorStatus }> {
  const config = loadConnector(ctx.sql);
  const prev = loadPollState(ctx.sql);
  const { day, endMs } = quotaDayAt(ctx.nowMs);
  const recorded: Recorded[] = [];
  const done = (next: PollState) => {
    savePollState(ctx.sql, next);
    return { recorded, status: connectorStatus(ctx.sql, ctx.nowMs) };
  };
  if (config === null || !config.enabled || config.sealedSecret === null) {
    return done({ ...prev, state: 'off', nextPollAtMs: null });
  }
  // 607 or a spent budget: no call at all until the quota day resets.
  if (prev.pausedUntilMs !== null && prev.pausedUntilMs > ctx.nowMs)
    return done({ ...prev, state: 'paused', nextPollAtMs: prev.pausedUntilMs });
  let apiUser: string | null = null;
  const failure = await runSteps(ctx, config, day, endMs, recorded, (user) => (apiUser = user));
  // The steps keep their own marks (campaign run time); the transition starts from them.
  const current = loadPollState(ctx.sql);
  const transition = afterPoll(current, failure, {
    nowMs: ctx.nowMs,
    dayEndMs: endMs,
    pollMinutes: config.pollMinutes,
    apiUser,
  });
  if (failure?.kind === 'marketo' && failure.code === '607') {
    recorded.push(
      ...applyEvent(
        { sql: ctx.sql, settings: ctx.settings, nowMs: ctx.nowMs, outbox: ctx.outbox },
        { type: 'web_services_quota', errorCode: 607 },
      ),
    );
  }
  if (transition.recovered && current.failingNotificationId !== null) {
    // Read for every member: the connector resolves its own notification.
    resolve(ctx.sql, current.failingNotificationId, 'connector', ctx.nowMs);
  }
  let failingNotificationId = transition.next.failingNotificationId;
  const notice = transition.notify === null ? null : connectorOccurrence(transition.notify);
  const [made] = recordIfEnabled(ctx, notice, ctx.nowMs);
  if (made !== undefined) {
    recorded.push(made);
    failingNotificationId = made.notification.id;
  }
  return done({ ...transition.next, failingNotificationId });
}

async function runSteps(
  ctx: PollContext,
  config: StoredConnector,
  day: string,
  endMs: number,
  recorded: Recorded[],
  seenUser: (user: string) => void,
): Promise<MarketoFailure | null> {
  if (connectorCalls(ctx.sql, day) >= config.maxDailyCalls) return { kind: 'max_daily_calls' };
  const secret =
    ctx.connectorKey === undefined
      ? null
      : await openSecret(config.sealedSecret!, ctx.connectorKey, ctx.tenant);
  // A changed CONNECTOR_KEY: the stored secret no longer opens, as if Marketo refused it.
  if (secret === null) return { kind: 'secret_unreadable' };
  const session = new MarketoSession({
    restUrl: config.restUrl,
    clientId: config.clientId,
    clientSecret: secret,
    timeoutMs: ctx.timeoutMs,
    pollDeadline: AbortSignal.timeout(ctx.pollDeadlineMs),
    now: () => ctx.nowMs,
    tokens: ctx.tokens,
    takeCall: () => {
      if (connectorCalls(ctx.sql, day) >= config.maxDailyCalls) return false;
      addConnectorCall(ctx.sql, day);
      return true;
    },
  });
  const token = await session.token();
  if (!token.ok) return token.failure;
  seenUser(token.value.apiUser);
  const facts = loadUsageFacts(ctx.sql, day);
  const steps: (() => Promise<Outcome<void>>)[] = [
    () => usageStep(ctx, session, facts, day, endMs, recorded),
    () => (facts.days === null ? lastDaysStep(session, facts) : ok()),
    () => errorsStep(ctx, session, facts, day, recorded),
    () => (campaignsDue(ctx, config) ? campaignsStep(ctx, session, recorded) : ok()),
  ];
  for (const step of steps) {
    const outcome = await step();
    saveUsageFacts(ctx.sql, facts);
    if (!outcome.ok) return outcome.failure;
  }
  return null;
}

const ok = async (): Promise<Outcome<void>> => ({ ok: true, value: undefined });

async function usageStep(
  ctx: PollContext,
  session: MarketoSession,
  facts: UsageFacts,
  day: string,
  endMs: number,
  recorded: Recorded[],
): Promise<Outcome<void>> {
  const answer = await session.get('/rest/v1/stats/usage.json', UsageDay);
  if (!answer.ok) return answer;
  // Just after the reset Marketo may still report the day before: today's counter is not touched then.
  const today = answer.value.find((d) => d.date === day);
  if (today === undefined) return ok();
  const users = today.users ?? [];
  const total = today.total ?? users.reduce((sum, u) => sum + u.count, 0);
  facts.topUsers = [...users]
    .sort((a, b) => b.count - a.count || a.userId.localeCompare(b.userId))
    .slice(0, MAX_TOP_USERS);
  setQuotaUsage(ctx.sql, day, total);
  addQuotaSample(ctx.sql, day, ctx.nowMs, total);
  const apply = { sql: ctx.sql, settings: ctx.settings, nowMs: ctx.nowMs, outbox: ctx.outbox };
  recorded.push(...applyQuotaSettings(apply));
  const limit = ctx.settings.quota.dailyLimit;
  const forecastAtMs = forecastLimitAt(quotaSamples(ctx.sql, day), limit, ctx.nowMs, endMs);
  if (forecastAtMs !== null && !facts.forecastFired) {
    facts.forecastFired = true;
    const forecast = forecastOccurrence({ day, forecastAtMs, used: total, limit });
    recorded.push(...recordIfEnabled(ctx, forecast, ctx.nowMs));
  }
  return ok();
}

async function lastDaysStep(session: MarketoSession, facts: UsageFacts): Promise<Outcome<void>> {
  const answer = await session.get('/rest/v1/stats/usage/last7days.json', UsageDay);
  if (!answer.ok) return answer;
  facts.days = answer.value
    .map((d) => ({ date: d.date, total: d.total ?? (d.users ?? []).reduce((sum, u) => sum + u.count, 0) }))
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(-7);
  return ok();
}

async function errorsStep(
  ctx: PollContext,
  session: MarketoSession,
  facts: UsageFacts,
  day: string,
  recorded: Recorded[],
): Promise<Outcome<void>> {
  const answer = await session.get('/rest/v1/stats/errors.json', ErrorsDay);
  if (!answer.ok) return answer;
  const today = answer.value.find((d) => d.date === day);
  if (today === undefined) return ok();
  const byCode = errorsByCode(today.errors ?? []);
  const minCount = ctx.settings.apiErrors.minCount;
  const fresh = newlyReachedCodes(byCode, minCount, new Set(facts.apiErrorCodes));
  if (fresh.length === 0) return ok();
  facts.apiErrorCodes = [...facts.apiErrorCodes, ...fresh].sort();
  const occurrence = apiErrorsOccurrence(day, byCode, facts.apiErrorCodes, minCount);
  recorded.push(...recordIfEnabled(ctx, occurrence, ctx.nowMs));
  return ok();
}

function campaignsDue(ctx: PollContext, config: StoredConnector): boolean {
  const last = loadPollState(ctx.sql).lastCampaignsAtMs;
  return ctx.force || last === null || ctx.nowMs - last >= config.campaignsEveryMinutes * 60_000;
}

async function campaignsStep(
  ctx: PollContext,
  session: MarketoSession,
  recorded: Recorded[],
): Promise<Outcome<void>> {
  const campaigns: CampaignFacts[] = [];
  for (let page = 0; page < MAX_CAMPAIGN_PAGES; page += 1) {
    const answer = await session.get(
      `/rest/asset/v1/smartCampaigns.json?maxReturn=${CAMPAIGN_PAGE}&offset=${page * CAMPAIGN_PAGE}`,
      SmartCampaign,
    );
    if (!answer.ok) return answer;
    campaigns.push(
      ...answer.value.map((c) => ({
        id: c.id,
        name: c.name,
        type: c.type,
        isActive: c.isActive,
        status: c.status ?? null,
        url: c.computedUrl ?? null,
      })),
    );
    if (answer.value.length < CAMPAIGN_PAGE) break;
  }
  if (hasBaseline(ctx.sql)) {
    const apply = { sql: ctx.sql, settings: ctx.settings, nowMs: ctx.nowMs, outbox: ctx.outbox };
    recorded.push(...notifyCampaignChanges(apply, campaignChanges(loadBaseline(ctx.sql), campaigns)));
  }
  saveBaseline(ctx.sql, campaigns, ctx.nowMs);
  savePollState(ctx.sql, { ...loadPollState(ctx.sql), lastCampaignsAtMs: ctx.nowMs });
  return ok();
}
