import { DurableObject } from 'cloudflare:workers';
import type { EventsAccepted, MarketoEvent } from '../shared/events';
import { STREAM_CLOSE_CODES, type Counts, type MarkRead, type NotificationPage, type FeedQuery, type QuotaState } from '../shared/notifications';
import { mergeSettings, type Settings, type SettingsPatch } from '../shared/settings';
import type { StreamTicket } from '../shared/tenant';
import { quotaDayAt, quotaDayDaysBefore } from './rules/quota-day';
import { applyQuotaSettings, applyUsage } from './rules/apply-event';
import { applyEventBatch } from './rules/apply-batch';
import { applyEmail, type EmailDelivery } from './rules/apply-email';
import { CommitGroup } from './store/commit-group';
import { countsTag, tagMatches } from './http/etag';
import { MAX_COUNTS_WAIT_MS } from './http/prefer';
import { readUnreadCounts } from './store/counters';
import { EVENT_ID_RETENTION_MS, oldestSeenEventMs, pruneSeenEvents } from './store/idempotency';
import { readMeta, writeMeta } from './store/meta';
import { listNotifications, markNotificationsRead, type Recorded } from './store/notifications';
import { pruneQuotaDays, quotaUsed } from './store/quota';
import { migrate } from './store/schema';
import { loadSettings, saveSettings } from './store/settings';
import { broadcastChange, closeQuietly } from './sockets/broadcast';
import { ChangeWaiters } from './sockets/change-waiters';
import { isRevokedKey, rememberRevokedKey } from './store/revoked-keys';
import { consumeTicket, deleteKeyTickets, newTicket, pruneTickets, saveTicket, TICKET_TTL_MS } from './store/tickets';
import type { TenantApi } from './tenant-api';

const PRUNE_INTERVAL_MS = 24 * 3_600_000;
/** Quota days kept after they end, for a look back; older ones are pruned. */
const QUOTA_DAYS_KEPT = 8;
const TENANT_ID_KEY = 'tenant_id';

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

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    migrate(this.sql);
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

  async list(query: FeedQuery): Promise<NotificationPage | { error: 'invalid_cursor' }> {
    return listNotifications(this.sql, query);
  }

  async markRead(selection: MarkRead): Promise<{ updated: number }> {
    const nowMs = Date.now();
    const updated = this.ctx.storage.transactionSync(() => markNotificationsRead(this.sql, selection, nowMs));
    if (updated > 0) this.publish([], nowMs);
    return { updated };
  }

  async counts(nowMs = Date.now()): Promise<Counts> {
    return this.countsNow(nowMs);
  }

  async countsAfterChange(knownTag: string, waitMs: number): Promise<Counts> {
    const deadline = Date.now() + Math.min(waitMs, MAX_COUNTS_WAIT_MS);
    for (;;) {
      const counts = this.countsNow(Date.now());
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

  async createTicket(keyId: string, nowMs = Date.now()): Promise<StreamTicket | { error: 'key_revoked' }> {
    if (isRevokedKey(this.sql, keyId)) return { error: 'key_revoked' };
    const ticket = newTicket(this.tenantId());
    const expiresAtMs = nowMs + TICKET_TTL_MS;
    saveTicket(this.sql, ticket, keyId, expiresAtMs);
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
    const keyId = ticket === null ? null : consumeTicket(this.sql, ticket, nowMs);
    if (keyId === null) return new Response(null, { status: 401 });
    const { 0: client, 1: server } = new WebSocketPair();
    // Tagged with the key, so that revoking the key finds its sockets (getWebSockets(keyId)).
    this.ctx.acceptWebSocket(server, [keyId]);
    server.send(JSON.stringify({ kind: 'counts', counts: await this.counts(nowMs) }));
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
    this.ctx.storage.transactionSync(() => {
      pruneSeenEvents(this.sql, nowMs);
      pruneTickets(this.sql, nowMs);
      pruneQuotaDays(this.sql, quotaDayDaysBefore(nowMs, QUOTA_DAYS_KEPT));
    });
    this.publish([], nowMs);
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

  /** Unread totals from the kept counters, and today's quota. */
  private countsNow(nowMs: number): Counts {
    return { ...readUnreadCounts(this.sql), quota: this.quotaState(nowMs) };
  }

  private quotaState(nowMs: number): QuotaState {
    const { day, endMs } = quotaDayAt(nowMs);
    return { used: quotaUsed(this.sql, day), limit: this.settings().quota.dailyLimit, resetsAt: new Date(endMs).toISOString() };
  }

  /** The object is named by the tenant id; kept in storage too in case the name is not exposed. */
  private tenantId(): string {
    const name = this.ctx.id.name;
    if (name !== undefined) {
      if (readMeta(this.sql, TENANT_ID_KEY) !== name) writeMeta(this.sql, TENANT_ID_KEY, name);
      return name;
    }
    return readMeta(this.sql, TENANT_ID_KEY) ?? this.ctx.id.toString();
  }

  /** Pushes surfaced notifications, then the new counts, to every socket; wakes waiting counts requests. */
  private publish(recorded: Recorded[], nowMs: number): void {
    this.changeWaiters.wakeAll();
    const surfaced = recorded.filter((r) => r.surfaced).map((r) => r.notification);
    broadcastChange(this.ctx.getWebSockets(), surfaced, () => this.countsNow(nowMs));
  }
}

