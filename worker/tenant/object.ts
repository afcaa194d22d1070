import { DurableObject } from 'cloudflare:workers';

import type { ChannelCreate, ChannelPatch } from '../../shared/channels';
import type { ConnectorPut } from '../../shared/connector';
import type { MarketoEvent } from '../../shared/events';
import type { FeedQuery, MarkRead } from '../../shared/notifications';
import type { SettingsPatch } from '../../shared/settings';
import { quotaDayAt } from '../domain/quota-day';
import type { IoEvent } from '../io-events/envelope';
import type { ChannelKind } from '../outbound/rendering';
import type { EmailDelivery } from '../rules/apply-email';
import { closeQuietly } from '../sockets/broadcast';
import { socketCapReached } from '../sockets/stream-caps';
import { housekeep } from '../store/housekeeping';
import { endSnoozes, nextSnoozeEnd } from '../store/read-state';
import { migrate } from '../store/schema';
import { consumeTicket } from '../store/tickets';
import { TenantContext } from './context';
import { KeySession } from './key-session';
import { type TenantParts, tenantParts } from './parts';

/**
 * One tenant's feed, counters, rule state and live sockets, named by the tenant's Munchkin ID.
 * Routes reach it through `forKey` (KeySession); the methods below it serve the e-mail handler,
 * the key routes and tests with a fixed clock (`nowMs`; callers in the worker never pass it).
 */
export class TenantDurableObject extends DurableObject<Env> {
  private readonly tenant: TenantContext;
  private readonly parts: TenantParts;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.transactionSync(() => migrate(ctx.storage.sql));
    this.tenant = new TenantContext(ctx, env);
    this.parts = tenantParts(this.tenant);
    // Deliveries committed before the process died are sent by the alarm: make sure one is set.
    void ctx.blockConcurrencyWhile(() => this.parts.outbound.planNext());
    // Answered by the runtime without waking the object, so idle sockets stay hibernated.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
  }

  /** The object as the key `keyId` sees it: every call checks the key first (see KeySession). */
  forKey(keyId: string, member: string, enrolledBy: string | null = null): KeySession {
    return new KeySession(this.parts, keyId, member, enrolledBy);
  }

  /** False for a revoked key; otherwise notes the use (for routes that need no session). */
  admitKey(keyId: string, nowMs = Date.now()) {
    return this.parts.keys.admit(keyId, nowMs);
  }

  async keysLastUsed(keyIds: string[]) {
    return this.parts.keys.lastUsed(keyIds);
  }

  async revokeKey(keyId: string, nowMs = Date.now()) {
    return this.parts.keys.revoke(keyId, nowMs);
  }

  ingestEmail(mail: EmailDelivery, nowMs = Date.now()) {
    return this.parts.ingest.email(mail, nowMs);
  }

  /** Marketo's own streams, for the receiving URL (no key): the client id its token must name. */
  async ioEventsClient(tokenHash: string) {
    return this.parts.ioEvents.client(tokenHash);
  }

  /** Verified deliveries of Marketo's own streams; null when the token is no longer the current one. */
  receiveIoEvents(tokenHash: string, events: IoEvent[], nowMs = Date.now()) {
    return this.parts.ioEvents.receive(tokenHash, events, nowMs);
  }

  // The operations of a key session, with the member given and the clock fixed (tests).
  ingest(events: MarketoEvent[], nowMs = Date.now()) {
    return this.parts.ingest.events(events, nowMs);
  }
  addUsage(calls: number, nowMs = Date.now()) {
    return this.parts.ingest.usage(calls, nowMs);
  }
  async list(member: string, query: FeedQuery, nowMs = Date.now()) {
    return this.parts.feed.list(member, query, nowMs);
  }
  async markRead(member: string, selection: MarkRead, nowMs = Date.now()) {
    return this.parts.feed.markRead(member, selection, nowMs);
  }
  async counts(member: string, nowMs = Date.now()) {
    return this.parts.feed.counts(member, nowMs);
  }
  countsAfterChange(member: string, knownTag: string, waitMs: number) {
    return this.parts.feed.countsAfterChange(member, knownTag, waitMs);
  }
  async getSettings() {
    return this.parts.settings.get();
  }
  updateSettings(patch: SettingsPatch, nowMs = Date.now()) {
    return this.parts.settings.update(patch, nowMs);
  }
  createTicket(keyId: string, member: string, nowMs = Date.now(), enrolledBy: string | null = null) {
    return this.parts.keys.ticket(keyId, member, nowMs, enrolledBy);
  }
  putConnector(input: ConnectorPut, nowMs = Date.now()) {
    return this.parts.connector.put(input, nowMs);
  }
  async getConnector(nowMs = Date.now()) {
    return this.parts.connector.get(nowMs);
  }
  async deleteConnector() {
    return { deleted: this.parts.connector.delete() };
  }
  pollConnector(nowMs = Date.now(), timeoutMs?: number) {
    return this.parts.connector.pollNow(nowMs, timeoutMs);
  }
  async quotaHistory(nowMs = Date.now()) {
    return this.parts.connector.history(nowMs);
  }
  createChannel(input: ChannelCreate, origin: string, nowMs = Date.now()) {
    return this.parts.outbound.create(input, origin, nowMs);
  }
  async listChannels() {
    return this.parts.outbound.list();
  }
  async getChannel(id: string) {
    return this.parts.outbound.get(id);
  }
  updateChannel(id: string, patch: ChannelPatch, origin: string, nowMs = Date.now()) {
    return this.parts.outbound.update(id, patch, origin, nowMs);
  }
  async channelDeliveries(id: string, limit: number) {
    return this.parts.outbound.deliveries(id, limit);
  }
  /** The outbound part of the alarm at a given time (tests drive the outbox with their own clock). */
  runOutbound(nowMs = Date.now()) {
    return this.parts.outbound.onAlarm(nowMs);
  }

  /** An acknowledge link's page (GET /a/<token>; the route verified the token). */
  async ackView(notificationId: string) {
    return this.parts.outbound.ackView(notificationId);
  }
  /** An acknowledge link's form (POST /a/<token>): acknowledged or resolved as `name (via kind)`. */
  async ackVia(
    notificationId: string,
    name: string,
    action: 'ack' | 'resolve',
    via: ChannelKind,
    nowMs = Date.now(),
  ) {
    return this.parts.outbound.ackVia(notificationId, name, action, via, nowMs);
  }
  async registerIoEvents(clientId: string, tokenHash: string, nowMs = Date.now()) {
    return this.parts.ioEvents.register(clientId, tokenHash, nowMs);
  }
  async ioEventsState() {
    return this.parts.ioEvents.state();
  }
  async deleteIoEvents() {
    return this.parts.ioEvents.delete();
  }

  /**
   * GET /v1/stream?ticket= (the route checked the upgrade): a one-use ticket buys a hibernatable
   * WebSocket. A refused ticket gets a bare 401, a socket over the caps a 429 with the cap reached
   * (StreamCapReached); the route answers both with its JSON error.
   */
  async fetch(request: Request): Promise<Response> {
    const ticket = new URL(request.url).searchParams.get('ticket');
    const nowMs = Date.now();
    const owner = ticket === null ? null : consumeTicket(this.tenant.sql, ticket, nowMs);
    if (owner === null) return new Response(null, { status: 401 });
    // Tickets were counted when issued; sockets are counted again here, as many tickets may open at once.
    const capReached = socketCapReached(this.tenant.sockets, owner.keyId, owner.enrolledBy);
    if (capReached !== null) return Response.json(capReached, { status: 429 });
    const { 0: client, 1: server } = new WebSocketPair();
    const { keyId, member, enrolledBy } = owner;
    const socketOwner = enrolledBy === null ? { keyId, member } : { keyId, member, enrolledBy };
    this.tenant.sockets.accept(server, socketOwner);
    server.send(JSON.stringify({ kind: 'counts', counts: this.parts.team.counts(owner.member, nowMs) }));
    await this.planQuotaReset(nowMs);
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

  /** Does what is due (see AlarmReason), then plans each reason again. */
  async alarm(): Promise<void> {
    const nowMs = Date.now();
    const { sql, alarms } = this.tenant;
    // Snoozes that ended are unread again: the counts pushed below show them.
    const { nextAtMs } = this.ctx.storage.transactionSync(() => {
      endSnoozes(sql, nowMs);
      return housekeep(sql, this.tenant.settings.current(), nowMs);
    });
    this.tenant.retention.reset();
    this.tenant.changes.publish([], nowMs);
    alarms.fired();
    if (nextAtMs !== null) await alarms.plan('housekeeping', nextAtMs);
    const snoozeEnd = nextSnoozeEnd(sql);
    if (snoozeEnd !== null) await alarms.plan('snoozeEnd', snoozeEnd);
    await this.planQuotaReset(nowMs);
    // A slow Marketo and a slow receiver do not wait for each other.
    await Promise.all([this.parts.connector.onAlarm(nowMs), this.parts.outbound.onAlarm(nowMs)]);
  }

  /** While sockets are open, wakes the object when the quota day ends (midnight America/Chicago). */
  private async planQuotaReset(nowMs: number): Promise<void> {
    if (this.tenant.sockets.count() === 0) return;
    await this.tenant.alarms.plan('quotaReset', quotaDayAt(nowMs).endMs);
  }
}
