import type { EmailDelivery } from './rules/apply-email';
import type { EventsAccepted, MarketoEvent } from '../shared/events';
import type { Counts, MarkRead, Notification, NotificationPage, FeedQuery, QuotaState } from '../shared/notifications';
import type { Settings, SettingsPatch } from '../shared/settings';
import type { StreamTicket } from '../shared/tenant';
import type { ConnectorPut, ConnectorStatus, ConnectorView, QuotaHistory } from '../shared/connector';
import type { ConnectorPutRefusal } from './connector/connector-host';
import type { StreamCapReached } from './sockets/stream-caps';

/**
 * What the worker's routes may ask of a tenant's Durable Object (RPC).
 * `nowMs` exists for tests with a fixed clock; routes never pass it.
 * Expected failures come back as values, not exceptions, so that routes can map them to 4xx.
 */
export interface TenantApi {
  /** Idempotent by event id; all events of one call are applied in one transaction. */
  ingest(events: MarketoEvent[], nowMs?: number): Promise<EventsAccepted>;
  /** One notification e-mail; a mail already seen (same mailKey) is a duplicate and changes nothing. */
  ingestEmail(mail: EmailDelivery, nowMs?: number): Promise<{ duplicate: boolean }>;
  /** Adds API calls to today's quota counter (America/Chicago day) and fires thresholds. */
  addUsage(calls: number, nowMs?: number): Promise<QuotaState>;
  /** The feed as `member` sees it (their read marks and snoozes). */
  list(member: string, query: FeedQuery, nowMs?: number): Promise<NotificationPage | { error: 'invalid_cursor' }>;
  /** Marks read for `member` only; pushed to that member's sockets. */
  markRead(member: string, selection: MarkRead, nowMs?: number): Promise<{ updated: number }>;
  /** The member's unread counts and today's quota. */
  counts(member: string, nowMs?: number): Promise<Counts>;
  /**
   * The counts once their tag (countsTag) no longer matches `knownTag` (weakly: W/ aside), or the unchanged counts after
   * `waitMs` (at most MAX_COUNTS_WAIT_MS): a long poll for clients whose network blocks WebSockets.
   */
  countsAfterChange(member: string, knownTag: string, waitMs: number): Promise<Counts>;
  getSettings(): Promise<Settings>;
  /** Also fires quota thresholds that today's usage already crosses under the new settings. */
  updateSettings(patch: SettingsPatch, nowMs?: number): Promise<Settings>;
  /**
   * A one-use ticket valid 60 s for GET /v1/stream, for the key `keyId`; the ticket starts with the tenant id
   * and a dot. The socket it opens belongs to that key. None beyond the stream caps (STREAM_LIMITS).
   */
  createTicket(
    keyId: string,
    member: string,
    nowMs?: number,
    enrolledBy?: string | null,
  ): Promise<StreamTicket | { error: 'key_revoked' } | StreamCapReached>;
  /**
   * The key was revoked: its open sockets are closed (code STREAM_CLOSE_CODES.keyRevoked), its unused
   * tickets deleted, and it gets no new ticket.
   */
  revokeKey(keyId: string, nowMs?: number): Promise<{ closed: number }>;
  /** Stores the connector (restUrl already checked against MARKETO_HOSTS); the secret is sealed here. */
  putConnector(input: ConnectorPut, nowMs?: number): Promise<ConnectorView | ConnectorPutRefusal>;
  getConnector(nowMs?: number): Promise<ConnectorView | null>;
  deleteConnector(): Promise<{ deleted: boolean }>;
  /** Polls Marketo now; null when no connector is set. A failure of Marketo is in the status. */
  pollConnector(nowMs?: number, timeoutMs?: number): Promise<ConnectorStatus | null>;
  quotaHistory(nowMs?: number): Promise<QuotaHistory>;
}
