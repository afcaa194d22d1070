import { DurableObject } from 'cloudflare:workers';
import type { EventsAccepted, MarketoEvent } from '../shared/events';
import { ENROLMENTS_PER_DAY } from '../shared/members';
import { STREAM_CLOSE_CODES, type Counts, type MarkRead, type Notification, type NotificationPage, type FeedQuery, type QuotaState } from '../shared/notifications';
import { mergeSettings, type Settings, type SettingsPatch } from '../shared/settings';
import type { StreamTicket } from '../shared/tenant';
import { quotaDayAt, quotaDayDaysBefore } from './rules/quota-day';
import { applyQuotaSettings, applyUsage } from './rules/apply-event';
import { applyEventBatch } from './rules/apply-batch';
import { applyEmail, type EmailDelivery } from './rules/apply-email';
import { CommitGroup } from './store/commit-group';
import { countsTag, tagMatches } from './http/etag';
import { MAX_COUNTS_WAIT_MS } from './http/prefer';
import { EVENT_ID_RETENTION_MS, oldestSeenEventMs, pruneSeenEvents } from './store/idempotency';
import { countEnrolment, pruneEnrolments } from './store/enrolments';
import { lastSeen } from './store/members';
import { listNotifications, notificationFor, type Recorded } from './store/notifications';
import { endSnoozes, markReadFor, nextSnoozeEnd, snoozeFor, stateRow, type Concerned } from './store/read-state';
import { acknowledge, resolve } from './store/triage';
import { memberTag } from './sockets/members';
import { TenantTeam } from './tenant-team';
import { ChangeWaiters } from './sockets/change-waiters';
import { pruneQuotaDays, quotaUsed } from './store/quota';
import { migrate } from './store/schema';
import { loadSettings, saveSettings } from './store/settings';
import { closeQuietly } from './sockets/broadcast';
import { isRevokedKey, rememberRevokedKey } from './store/revoked-keys';
import { consumeTicket, deleteKeyTickets, newTicket, pruneTickets, saveTicket, ticketTenant, TICKET_TTL_MS } from './store/tickets';
import type { TenantApi } from './tenant-api';

const PRUNE_INTERVAL_MS = 24 * 3_600_000;
/** Quota days kept after they end, for a look back; older ones are pruned. */
const QUOTA_DAYS_KEPT = 8;

/** One tenant's feed, counters, rule state and live sockets. Named by the tenant's Munchkin ID. */
export class TenantDurableObject extends DurableObject<Env> implements TenantApi {
  private readonly sql: SqlStorage;
  private settingsCache: Settings | null = null;
  private pruneScheduled = false;
  /** Writes of concurrent requests share one storage commit (see CommitGroup). */
  private readonly commits = new CommitGroup({ sync: () => this.ctx.storage.sync(), afterBatch: () => this.publishBatch() });
  /** Changes of the current batch not pushed yet; null when the batch changed nothing. */
  private unpublished: Recorded[] | null = null;
  /** GET /v1/counts requests waiting for a change (Prefer: wait), the fallback where WebSockets are blocked. */
  private readonly changeWaiters = new ChangeWaiters();
  /** Each member's counts, last-seen times and pushes. */
  private readonly team: TenantTeam;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.storage.transactionSync(() => migrate(this.sql));
    this.team = new TenantTeam(ctx, (nowMs) => this.quotaState(nowMs));
    // Answered by the runtime without waking the object, so idle sockets stay hibernated.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
  }

  async ingest(events: MarketoEvent[], nowMs = Date.now()): Promise<EventsAccepted> {
    const { accepted, duplicates } = await this.commits.run(() => {
      const outcome = this.ctx.storage.transactionSync(() => applyEventBatch({ sql: this.sql, settings: this.settings(), nowMs }, events));
      if (outcome.accepted > 0) this.publishAfterBatch(outcome.recorded);
      return outcome;
    });
    await this.schedulePrune();
    return { accepted, duplicates };
  }

  async ingestEmail(mail: EmailDelivery, nowMs = Date.now()): Promise<{ duplicate: boolean }> {
    const { duplicate } = await this.commits.run(() => {
      const outcome = this.ctx.storage.transactionSync(() => applyEmail({ sql: this.sql, settings: this.settings(), nowMs }, mail));
      this.publishAfterBatch(outcome.recorded);
      return outcome;
    });
    await this.schedulePrune();
    return { duplicate };
  }

  async addUsage(calls: number, nowMs = Date.now()): Promise<QuotaState> {
    const safeCalls = Number.isSafeInteger(calls) && calls > 0 ? calls : 0;
    return this.commits.run(() => {
      const { recorded } = this.ctx.storage.transactionSync(() =>
        applyUsage({ sql: this.sql, settings: this.settings(), nowMs }, safeCalls),
      );
      this.publishAfterBatch(recorded);
      return this.quotaState(nowMs);
    });
  }

  async list(member: string, query: FeedQuery, nowMs = Date.now()): Promise<NotificationPage | { error: 'invalid_cursor' }> {
    this.team.seen(member, nowMs);
    return listNotifications(this.sql, query, member, nowMs);
  }

  async markRead(member: string, selection: MarkRead, nowMs = Date.now()): Promise<{ updated: number }> {
    this.team.seen(member, nowMs);
    const updated = this.ctx.storage.transactionSync(() => markReadFor(this.sql, member, selection, nowMs));
    if (updated > 0) this.publish([], nowMs, new Set([member]));
    return { updated };
  }

  async acknowledge(member: string, id: string, nowMs = Date.now()): Promise<Notification | { error: 'not_found' }> {
    return this.triage(member, id, nowMs, 'all', () => acknowledge(this.sql, id, member, nowMs)) as Promise<Notification | { error: 'not_found' }>;
  }

  async resolve(member: string, id: string, nowMs = Date.now()): Promise<Notification | { error: 'not_found' }> {
    return this.triage(member, id, nowMs, 'all', () => resolve(this.sql, id, member, nowMs)) as Promise<Notification | { error: 'not_found' }>;
  }

  async snooze(member: string, id: string, untilMs: number, nowMs = Date.now()): Promise<Notification | { error: 'not_found' | 'read' }> {
    const outcome = await this.triage(member, id, nowMs, new Set([member]), () => {
      const row = stateRow(this.sql, id);
      return row === undefined ? 'not_found' : snoozeFor(this.sql, member, row, untilMs, nowMs) || 'read';
    });
    if (!('error' in outcome)) await this.alarmNoLaterThan(untilMs);
    return outcome;
  }

  /** One triage change in a transaction, pushed to the members it concerns; answers the caller's view. */
  private async triage(
    member: string,
    id: string,
    nowMs: number,
    concerned: Concerned,
    change: () => boolean | 'not_found' | 'read',
  ): Promise<Notification | { error: 'not_found' | 'read' }> {
    this.team.seen(member, nowMs);
    const outcome = this.ctx.storage.transactionSync(change);
    if (outcome !== true) return { error: outcome === false ? 'not_found' : outcome };
    this.publish([], nowMs, concerned, [id]);
    return notificationFor(this.sql, id, member, nowMs)!;
  }

  async enrol(enrollKeyId: string, nowMs = Date.now()): Promise<{ allowed: boolean; limit: number }> {
    const day = new Date(nowMs).toISOString().slice(0, 10);
    const { allowed } = this.ctx.storage.transactionSync(() => countEnrolment(this.sql, enrollKeyId, day, ENROLMENTS_PER_DAY));
    await this.schedulePrune();
    return { allowed, limit: ENROLMENTS_PER_DAY };
  }

  async membersSeen(): Promise<Record<string, string>> {
    return lastSeen(this.sql);
  }

  async counts(member: string, nowMs = Date.now()): Promise<Counts> {
    this.team.seen(member, nowMs);
    return this.team.counts(member, nowMs);
  }

  async countsAfterChange(member: string, knownTag: string, waitMs: number): Promise<Counts> {
    this.team.seen(member, Date.now());
    const deadline = Date.now() + Math.min(waitMs, MAX_COUNTS_WAIT_MS);
    for (;;) {
      const counts = this.team.counts(member, Date.now());
      const remainingMs = deadline - Date.now();
      if (!tagMatches([knownTag], countsTag(counts)) || remainingMs <= 0) return counts;
      await this.changeWaiters.next(remainingMs);
    }
  }

  async getSettings(): Promise<Settings> {
    return this.settings();
  }

  async updateSettings(patch: SettingsPatch, nowMs = Date.now()): Promise<Settings> {
    const { saved, recorded } = this.ctx.storage.transactionSync(() => {
      const saved = saveSettings(this.sql, mergeSettings(this.settings(), patch));
      return { saved, recorded: applyQuotaSettings({ sql: this.sql, settings: saved, nowMs }) };
    });
    this.settingsCache = saved;
    // The daily limit is part of the counts the sockets show.
    this.publish(recorded, nowMs);
    return saved;
  }

  async createTicket(keyId: string, member: string, nowMs = Date.now()): Promise<StreamTicket | { error: 'key_revoked' }> {
    if (isRevokedKey(this.sql, keyId)) return { error: 'key_revoked' };
    this.team.seen(member, nowMs);
    const ticket = newTicket(ticketTenant(this.sql, this.ctx.id));
    const expiresAtMs = nowMs + TICKET_TTL_MS;
    saveTicket(this.sql, ticket, keyId, member, expiresAtMs);
    await this.schedulePrune();
    return { ticket, expiresAt: new Date(expiresAtMs).toISOString() };
  }

  async revokeKey(keyId: string, nowMs = Date.now()): Promise<{ closed: number }> {
    this.ctx.storage.transactionSync(() => {
      rememberRevokedKey(this.sql, keyId, nowMs);
      deleteKeyTickets(this.sql, keyId);
    });
    const sockets = this.ctx.getWebSockets(keyId);
    for (const socket of sockets) closeQuietly(socket, STREAM_CLOSE_CODES.keyRevoked, 'key revoked');
    return { closed: sockets.length };
  }

  /**
   * GET /v1/stream?ticket= (the route checked the upgrade): a one-use ticket buys a hibernatable
   * WebSocket. A refused ticket gets a bare 401, which the route answers with its JSON error.
   */
  async fetch(request: Request): Promise<Response> {
    const ticket = new URL(request.url).searchParams.get('ticket');
    const nowMs = Date.now();
    const owner = ticket === null ? null : consumeTicket(this.sql, ticket, nowMs);
    if (owner === null) return new Response(null, { status: 401 });
    const { 0: client, 1: server } = new WebSocketPair();
    // Tagged with the key, so that revoking the key finds its sockets (getWebSockets(keyId)), and with its member.
    this.ctx.acceptWebSocket(server, [owner.keyId, memberTag(owner.member)]);
    server.send(JSON.stringify({ kind: 'counts', counts: this.team.counts(owner.member, nowMs) }));
    await this.scheduleQuotaReset(nowMs);
    return new Response(null, { status: 101, webSocket: client });
  }

  async webSocketMessage(): Promise<void> {
    // Clients only listen; "ping" is answered by the auto-response without waking the object.
  }

  async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    closeQuietly(ws, code, reason);
  }

  async webSocketError(ws: WebSocket): Promise<void> {
    closeQuietly(ws, 1011, 'error');
  }

  /**
   * Due at the prune time or, while sockets are open, at the quota reset, whichever comes first.
   * Prunes event ids older than the retention, used or expired tickets and old quota days, and
   * pushes the counts: at the reset, the sockets' quota goes back to 0 with the next resetsAt.
   */
  async alarm(): Promise<void> {
    const nowMs = Date.now();
    // Snoozes that ended are unread again: the counts pushed below show them.
    this.ctx.storage.transactionSync(() => {
      pruneSeenEvents(this.sql, nowMs);
      pruneTickets(this.sql, nowMs);
      pruneQuotaDays(this.sql, quotaDayDaysBefore(nowMs, QUOTA_DAYS_KEPT));
      pruneEnrolments(this.sql, new Date(nowMs).toISOString().slice(0, 10));
      endSnoozes(this.sql, nowMs);
    });
    this.publish([], nowMs);
    const snoozeEnd = nextSnoozeEnd(this.sql);
    if (snoozeEnd !== null) await this.alarmNoLaterThan(snoozeEnd);
    this.pruneScheduled = false;
    const oldest = oldestSeenEventMs(this.sql);
    // Nothing expires before the oldest id does; a day apart at least, however the ids are spread.
    if (oldest !== null) await this.schedulePrune(Math.max(oldest + EVENT_ID_RETENTION_MS, nowMs + PRUNE_INTERVAL_MS));
    await this.scheduleQuotaReset(nowMs);
  }

  /** Collects what a job of the commit group changed; the group publishes once per batch. */
  private publishAfterBatch(recorded: Recorded[]): void {
    this.unpublished ??= [];
    this.unpublished.push(...recorded);
  }

  private publishBatch(): void {
    const recorded = this.unpublished;
    this.unpublished = null;
    if (recorded !== null) this.publish(recorded, Date.now());
  }

  private async schedulePrune(atMs = Date.now() + PRUNE_INTERVAL_MS): Promise<void> {
    if (this.pruneScheduled) return;
    await this.alarmNoLaterThan(atMs);
    this.pruneScheduled = true;
  }

  /** While sockets are open, wakes the object when the quota day ends (midnight America/Chicago). */
  private async scheduleQuotaReset(nowMs: number): Promise<void> {
    if (this.ctx.getWebSockets().length === 0) return;
    await this.alarmNoLaterThan(quotaDayAt(nowMs).endMs);
  }

  /** One alarm serves both purposes: it is moved earlier, never later. */
  private async alarmNoLaterThan(atMs: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > atMs) await this.ctx.storage.setAlarm(atMs);
  }

  private settings(): Settings {
    this.settingsCache ??= loadSettings(this.sql);
    return this.settingsCache;
  }


  private quotaState(nowMs: number): QuotaState {
    const { day, endMs } = quotaDayAt(nowMs);
    return { used: quotaUsed(this.sql, day), limit: this.settings().quota.dailyLimit, resetsAt: new Date(endMs).toISOString() };
  }

  /** Wakes waiting counts requests, and pushes to the sockets of the members concerned (TenantTeam.publish). */
  private publish(recorded: Recorded[], nowMs: number, concerned: Concerned = 'all', updated: string[] = []): void {
    this.changeWaiters.wakeAll();
    this.team.publish(recorded, nowMs, concerned, updated);
  }
}
