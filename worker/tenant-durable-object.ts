import { DurableObject } from 'cloudflare:workers';
import type { EventsAccepted, MarketoEvent } from '../shared/events';
import { STREAM_CLOSE_CODES, type Counts, type MarkRead, type NotificationPage, type FeedQuery, type QuotaState } from '../shared/notifications';
import { mergeSettings, type Settings, type SettingsPatch } from '../shared/settings';
import type { StreamTicket } from '../shared/tenant';
import { KeySession } from './key-session';
import { quotaDayAt } from './rules/quota-day';
import { applyQuotaSettings, applyUsage } from './rules/apply-event';
import { applyEventBatch } from './rules/apply-batch';
import { applyEmail, type EmailDelivery } from './rules/apply-email';
import { CommitGroup } from './store/commit-group';
import { countsTag, tagMatches } from './http/etag';
import { MAX_COUNTS_WAIT_MS } from './http/prefer';
import { housekeep, RetentionGauge } from './store/housekeeping';
import { forgetKeyUsage, lastUsed, touchKey } from './store/key-usage';
import { tenantIdOf } from './store/meta';
import { listNotifications, type Recorded } from './store/notifications';
import { endSnoozes, markReadFor, nextSnoozeEnd } from './store/read-state';
import { memberTag } from './sockets/members';
import { TenantTeam } from './tenant-team';
import { quotaUsed } from './store/quota';
import { migrate } from './store/schema';
import { loadSettings, saveSettings } from './store/settings';
import { closeQuietly } from './sockets/broadcast';
import { isRevokedKey, rememberRevokedKey } from './store/revoked-keys';
import { consumeTicket, deleteKeyTickets, newTicket, saveTicket, TICKET_TTL_MS } from './store/tickets';
import { ChangeWaiters } from './sockets/change-waiters';
import { socketCapReached, ticketCapReached, WaitCounter, type StreamCapReached } from './sockets/stream-caps';
import type { TenantApi } from './tenant-api';
import { ConnectorHost, type ConnectorPut } from './connector/connector-host';
import type { IoEventsReceived, IoEventsState } from '../shared/io-events';
import type { IoEvent } from './io-events/envelope';
import { applyIoEvents } from './rules/apply-io-events';
import { deleteIoRegistration, ioRegistration, ioState, saveIoRegistration } from './store/io-events';

/** Housekeeping runs this soon after notifications were created, so retention holds within a minute. */
const HOUSEKEEPING_DELAY_MS = 30_000;
const DAY_MS = 24 * 3_600_000;

/** One tenant's feed, counters, rule state and live sockets. Named by the tenant's Munchkin ID. */
export class TenantDurableObject extends DurableObject<Env> implements TenantApi {
  private readonly sql: SqlStorage;
  private settingsCache: Settings | null = null;
  /** An alarm is set no later than this (the object's own view; null: none it knows of). */
  private housekeepingBy: number | null = null;
  private readonly retention = new RetentionGauge();
  private readonly waits = new WaitCounter();
  /** Writes of concurrent requests share one storage commit (see CommitGroup). */
  private readonly commits = new CommitGroup({ sync: () => this.ctx.storage.sync(), afterBatch: () => this.publishBatch() });
  /** Changes of the current batch not pushed yet; null when the batch changed nothing. */
  private unpublished: Recorded[] | null = null;
  /** GET /v1/counts requests waiting for a change (Prefer: wait), the fallback where WebSockets are blocked. */
  private readonly changeWaiters = new ChangeWaiters();
  /** Each member's counts, last-seen times, triage and pushes (KeySession calls it directly). */
  readonly team: TenantTeam;
  /** The Marketo connector: its RPC operations below, its poll in the alarm. */
  private readonly connector = new ConnectorHost({ sql: this.ctx.storage.sql, connectorKey: () => this.env.CONNECTOR_KEY, tenantId: () => tenantIdOf(this.ctx.id, this.sql),
    settings: () => this.settings(), publish: (recorded, nowMs) => this.team.publish(recorded, nowMs), alarmNoLaterThan: (atMs) => this.alarmNoLaterThan(atMs) });

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.storage.transactionSync(() => migrate(this.sql));
    this.team = new TenantTeam(ctx, {
      quotaState: (nowMs) => this.quotaState(nowMs),
      changed: () => this.changeWaiters.wakeAll(),
      alarmBy: (atMs) => this.alarmNoLaterThan(atMs),
    });
    // Answered by the runtime without waking the object, so idle sockets stay hibernated.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
  }

  async ingest(events: MarketoEvent[], nowMs = Date.now()): Promise<EventsAccepted> {
    const { accepted, duplicates, created } = await this.commits.run(() => {
      const outcome = this.ctx.storage.transactionSync(() => {
        const settings = this.settings();
        const batch = applyEventBatch({ sql: this.sql, settings, nowMs }, events);
        return { ...batch, created: this.retention.recorded(this.sql, settings, batch.recorded, nowMs) };
      });
      if (outcome.accepted > 0) this.publishAfterBatch(outcome.recorded);
      return outcome;
    });
    if (accepted > 0) await this.housekeepWithin(created > 0 ? HOUSEKEEPING_DELAY_MS : DAY_MS, nowMs);
    return { accepted, duplicates };
  }

  /** The object as the key `keyId` sees it: every call checks the key first (see KeySession). */
  forKey(keyId: string, member: string): KeySession {
    return new KeySession(this, keyId, member);
  }

  /** False for a revoked key; otherwise notes the use (to the minute) and answers true. */
  admitKey(keyId: string, nowMs = Date.now()): boolean {
    if (isRevokedKey(this.sql, keyId)) return false;
    touchKey(this.sql, keyId, nowMs);
    return true;
  }

  /** When each key was last used (ISO-8601), for those used since they were created. */
  async keysLastUsed(keyIds: string[]): Promise<Record<string, string>> {
    return Object.fromEntries([...lastUsed(this.sql, keyIds)].map(([id, at]) => [id, new Date(at).toISOString()]));
  }

  async ingestEmail(mail: EmailDelivery, nowMs = Date.now()): Promise<{ duplicate: boolean }> {
    const { duplicate, created } = await this.commits.run(() => {
      const outcome = this.ctx.storage.transactionSync(() => {
        const settings = this.settings();
        const applied = applyEmail({ sql: this.sql, settings, nowMs }, mail);
        return { ...applied, created: this.retention.recorded(this.sql, settings, applied.recorded, nowMs) };
      });
      this.publishAfterBatch(outcome.recorded);
      return outcome;
    });
    await this.housekeepWithin(created > 0 ? HOUSEKEEPING_DELAY_MS : DAY_MS, nowMs);
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
    if (updated > 0) this.team.publish([], nowMs, new Set([member]));
    return { updated };
  }

  async counts(member: string, nowMs = Date.now()): Promise<Counts> {
    this.team.seen(member, nowMs);
    return this.team.counts(member, nowMs);
  }

  /** countsAfterChange for a key, which may have only a few requests waiting at once. */
  async countsAfterChangeFor(keyId: string, member: string, knownTag: string, waitMs: number): Promise<Counts | StreamCapReached> {
    return this.waits.run(keyId, () => this.countsAfterChange(member, knownTag, waitMs));
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
    this.team.publish(recorded, nowMs);
    if (patch.retention !== undefined) await this.housekeepWithin(HOUSEKEEPING_DELAY_MS, nowMs);
    return saved;
  }

  async createTicket(keyId: string, member: string, nowMs = Date.now()): Promise<StreamTicket | { error: 'key_revoked' } | StreamCapReached> {
    if (isRevokedKey(this.sql, keyId)) return { error: 'key_revoked' };
    this.team.seen(member, nowMs);
    const capReached = ticketCapReached(this.ctx, this.sql, keyId, nowMs);
    if (capReached !== null) return capReached;
    const ticket = newTicket(tenantIdOf(this.ctx.id, this.sql));
    const expiresAtMs = nowMs + TICKET_TTL_MS;
    saveTicket(this.sql, ticket, keyId, member, expiresAtMs);
    await this.housekeepWithin(DAY_MS, nowMs);
    return { ticket, expiresAt: new Date(expiresAtMs).toISOString() };
  }

  async revokeKey(keyId: string, nowMs = Date.now()): Promise<{ closed: number }> {
    this.ctx.storage.transactionSync(() => {
      rememberRevokedKey(this.sql, keyId, nowMs);
      deleteKeyTickets(this.sql, keyId);
      forgetKeyUsage(this.sql, keyId);
    });
    const sockets = this.ctx.getWebSockets(keyId);
    for (const socket of sockets) closeQuietly(socket, STREAM_CLOSE_CODES.keyRevoked, 'key revoked');
    return { closed: sockets.length };
  }

  async putConnector(input: ConnectorPut, nowMs = Date.now()) { return this.connector.put(input, nowMs); }
  async getConnector(nowMs = Date.now()) { return this.connector.get(nowMs); }
  async deleteConnector() { return { deleted: this.connector.delete() }; }
  async pollConnector(nowMs = Date.now(), timeoutMs?: number) { return this.connector.pollNow(nowMs, timeoutMs); }
  async quotaHistory(nowMs = Date.now()) { return this.connector.history(nowMs); }

  /** Marketo's own streams (worker/io-events/): registration by token hash; answers the previous hash. */
  async registerIoEvents(clientId: string, tokenHash: string, nowMs = Date.now()): Promise<string | null> {
    const registration = { clientId, tokenHash };
    return this.ctx.storage.transactionSync(() => saveIoRegistration(this.sql, registration, nowMs));
  }
  async ioEventsState(): Promise<IoEventsState | null> {
    return ioState(this.sql);
  }
  async deleteIoEvents(): Promise<string | null> {
    return this.ctx.storage.transactionSync(() => deleteIoRegistration(this.sql));
  }
  /** The client id the deliveries to this token must name; null when the token is not the current one. */
  async ioEventsClient(tokenHash: string): Promise<string | null> {
    const registration = ioRegistration(this.sql);
    return registration?.tokenHash === tokenHash ? registration.clientId : null;
  }

  /** Verified events of Marketo's streams, through the rules of posted events; null: token rotated away. */
  async receiveIoEvents(
    tokenHash: string,
    events: IoEvent[],
    nowMs = Date.now(),
  ): Promise<IoEventsReceived | null> {
    const outcome = await this.commits.run(() => {
      const applied = this.ctx.storage.transactionSync(() => {
        if (ioRegistration(this.sql)?.tokenHash !== tokenHash) return null;
        const settings = this.settings();
        const munchkinId = tenantIdOf(this.ctx.id, this.sql);
        const io = applyIoEvents({ sql: this.sql, settings, nowMs }, munchkinId, events);
        return { ...io, created: this.retention.recorded(this.sql, settings, io.recorded, nowMs) };
      });
      if (applied !== null) this.publishAfterBatch(applied.recorded);
      return applied;
    });
    if (outcome === null) return null;
    const { received, duplicates, created } = outcome;
    if (received > 0) await this.housekeepWithin(created > 0 ? HOUSEKEEPING_DELAY_MS : DAY_MS, nowMs);
    return { received, duplicates };
  }

  /**
   * GET /v1/stream?ticket= (the route checked the upgrade): a one-use ticket buys a hibernatable
   * WebSocket. A refused ticket gets a bare 401, a socket over the caps a 429 with the cap reached
   * (StreamCapReached); the route answers both with its JSON error.
   */
  async fetch(request: Request): Promise<Response> {
    const ticket = new URL(request.url).searchParams.get('ticket');
    const nowMs = Date.now();
    const owner = ticket === null ? null : consumeTicket(this.sql, ticket, nowMs);
    if (owner === null) return new Response(null, { status: 401 });
    // Tickets were counted when issued; sockets are counted again here, as many tickets may open at once.
    const capReached = socketCapReached(this.ctx, owner.keyId);
    if (capReached !== null) return Response.json(capReached, { status: 429 });
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
   * Housekeeping (every table back to its bound, see housekeep), due within a minute of new
   * notifications and when anything next expires; while sockets are open, also at the quota reset,
   * when the sockets' quota goes back to 0 with the next resetsAt.
   */
  async alarm(): Promise<void> {
    const nowMs = Date.now();
    // Snoozes that ended are unread again: the counts pushed below show them.
    const { nextAtMs } = this.ctx.storage.transactionSync(() => {
      endSnoozes(this.sql, nowMs);
      return housekeep(this.sql, this.settings(), nowMs);
    });
    this.retention.reset();
    this.team.publish([], nowMs);
    this.housekeepingBy = null;
    if (nextAtMs !== null) await this.housekeepWithin(nextAtMs - nowMs, nowMs);
    const snoozeEnd = nextSnoozeEnd(this.sql);
    if (snoozeEnd !== null) await this.alarmNoLaterThan(snoozeEnd);
    await this.scheduleQuotaReset(nowMs);
    await this.connector.onAlarm(nowMs);
  }

  /** Collects what a job of the commit group changed; the group publishes once per batch. */
  private publishAfterBatch(recorded: Recorded[]): void {
    this.unpublished ??= [];
    this.unpublished.push(...recorded);
  }

  private publishBatch(): void {
    const recorded = this.unpublished;
    this.unpublished = null;
    if (recorded !== null) this.team.publish(recorded, Date.now());
  }

  /** Makes sure housekeeping runs within `delayMs`; one storage read at most per alarm it moves. */
  private async housekeepWithin(delayMs: number, nowMs: number): Promise<void> {
    const atMs = nowMs + delayMs;
    if (this.housekeepingBy !== null && this.housekeepingBy <= atMs) return;
    await this.alarmNoLaterThan(atMs);
    this.housekeepingBy = atMs;
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
    const topUsers = this.connector.topUsers(day);
    return { used: quotaUsed(this.sql, day), limit: this.settings().quota.dailyLimit, resetsAt: new Date(endMs).toISOString(), ...(topUsers && { topUsers }) };
  }
}
