import { RpcTarget } from 'cloudflare:workers';

import type {
  Channel,
  ChannelCreate,
  ChannelList,
  ChannelPatch,
  ChannelTestResult,
  ChannelWithSecret,
  DeliveryList,
} from '../../shared/channels';
import type { ConnectorPut, ConnectorStatus, ConnectorView, QuotaHistory } from '../../shared/connector';
import type { EventsAccepted, MarketoEvent } from '../../shared/events';
import type { IoEventsState } from '../../shared/io-events';
import type {
  Counts,
  FeedQuery,
  MarkRead,
  Notification,
  NotificationPage,
  QuotaState,
} from '../../shared/notifications';
import type { Settings, SettingsPatch } from '../../shared/settings';
import type { StreamTicket } from '../../shared/tenant';
import type { ChannelRefusal } from '../outbound/channel-admin';
import type { StreamCapReached } from '../sockets/stream-caps';
import type { ConnectorPutRefusal } from './connector-host';
import type { TenantParts } from './parts';
import type { EnrolOutcome } from './team';

/** What a session answers for a revoked key: a value, as an RPC exception would be logged as uncaught. */
export type KeyRevoked = { error: 'key_revoked' };
const KEY_REVOKED: KeyRevoked = { error: 'key_revoked' };

export function isKeyRevoked(answer: unknown): answer is KeyRevoked {
  if (typeof answer !== 'object' || answer === null) return false;
  return (answer as { error?: unknown }).error === 'key_revoked';
}

/**
 * The tenant's object as one key sees it: the only surface the worker's routes call. Every call
 * first checks that the key was not revoked (KV may still answer for it elsewhere for a while) and
 * notes its use. Routes get it with one pipelined call, `stub.forKey(id).ingest(...)`, so the check
 * costs no round trip. Expected failures come back as values, so that routes map them to 4xx.
 */
export class KeySession extends RpcTarget {
  readonly #parts: TenantParts;
  readonly #keyId: string;
  /** The member whose read state the key uses (read and admin keys; other keys read nothing). */
  readonly #member: string;
  /** The enroll key that bought the key, if one did (its sockets count against that enrolment too). */
  readonly #enrolledBy: string | null;

  constructor(parts: TenantParts, keyId: string, member: string, enrolledBy: string | null = null) {
    super();
    this.#parts = parts;
    this.#keyId = keyId;
    this.#member = member;
    this.#enrolledBy = enrolledBy;
  }

  /** Runs `call` on the tenant's parts unless the key was revoked. */
  async #admitted<T>(call: (parts: TenantParts, nowMs: number) => T | Promise<T>): Promise<T | KeyRevoked> {
    const nowMs = Date.now();
    return this.#parts.keys.admit(this.#keyId, nowMs) ? call(this.#parts, nowMs) : KEY_REVOKED;
  }

  ingest(events: MarketoEvent[]): Promise<EventsAccepted | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.ingest.events(events, nowMs));
  }

  addUsage(calls: number): Promise<QuotaState | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.ingest.usage(calls, nowMs));
  }

  list(query: FeedQuery): Promise<NotificationPage | { error: 'invalid_cursor' } | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.feed.list(this.#member, query, nowMs));
  }

  markRead(selection: MarkRead): Promise<{ updated: number } | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.feed.markRead(this.#member, selection, nowMs));
  }

  counts(): Promise<Counts | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.feed.counts(this.#member, nowMs));
  }

  /** A long poll; each key may have a few waiting at once. */
  countsAfterChange(knownTag: string, waitMs: number): Promise<Counts | StreamCapReached | KeyRevoked> {
    return this.#admitted((t) => t.feed.countsAfterChangeFor(this.#keyId, this.#member, knownTag, waitMs));
  }

  getSettings(): Promise<Settings | KeyRevoked> {
    return this.#admitted((t) => t.settings.get());
  }

  updateSettings(patch: SettingsPatch): Promise<Settings | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.settings.update(patch, nowMs));
  }

  createTicket(): Promise<StreamTicket | StreamCapReached | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.keys.ticket(this.#keyId, this.#member, nowMs, this.#enrolledBy));
  }

  /** "I'm on it", for every member to see. */
  acknowledge(id: string): Promise<Notification | { error: 'not_found' } | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.triage.acknowledge(this.#member, id, nowMs));
  }

  /** Resolved, and read for every member. */
  resolve(id: string): Promise<Notification | { error: 'not_found' } | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.triage.resolve(this.#member, id, nowMs));
  }

  /** Hidden from this member's unread until `untilMs` (checked by the route). */
  snooze(id: string, untilMs: number): Promise<Notification | { error: 'not_found' | 'read' } | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.triage.snooze(this.#member, id, untilMs, nowMs));
  }

  /** An enrolment with this (enroll) key, within its daily cap, of a name (memberNameKey) not taken yet. */
  enrol(nameKey: string, newKeyId: string): Promise<EnrolOutcome | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.team.enrol(this.#keyId, nameKey, newKeyId, nowMs));
  }

  /** When each member was last seen (admin). */
  membersSeen(): Promise<Record<string, string> | KeyRevoked> {
    return this.#admitted((t) => t.team.membersSeen());
  }

  /** Stores the connector (restUrl already checked against MARKETO_HOSTS); the secret is sealed here. */
  putConnector(input: ConnectorPut): Promise<ConnectorView | ConnectorPutRefusal | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.connector.put(input, nowMs));
  }

  getConnector(): Promise<ConnectorView | null | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.connector.get(nowMs));
  }

  deleteConnector(): Promise<{ deleted: boolean } | KeyRevoked> {
    return this.#admitted((t) => ({ deleted: t.connector.delete() }));
  }

  /** Polls Marketo now; null when no connector is set. A failure of Marketo is in the status. */
  pollConnector(): Promise<ConnectorStatus | null | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.connector.pollNow(nowMs));
  }

  /** Marketo's own streams: registers (or rotates) the URL's token hash; answers the previous one. */
  registerIoEvents(clientId: string, tokenHash: string): Promise<string | null | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.ioEvents.register(clientId, tokenHash, nowMs));
  }

  ioEventsState(): Promise<IoEventsState | null | KeyRevoked> {
    return this.#admitted((t) => t.ioEvents.state());
  }

  /** Stops receiving; answers the token hash to forget, null when nothing was registered. */
  deleteIoEvents(): Promise<string | null | KeyRevoked> {
    return this.#admitted((t) => t.ioEvents.delete());
  }

  quotaHistory(): Promise<QuotaHistory | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.connector.history(nowMs));
  }

  /** A new channel; its URL was checked against the kind's hosts by the route, and is sealed here. */
  createChannel(
    input: ChannelCreate,
    origin: string,
  ): Promise<ChannelWithSecret | ChannelRefusal | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.outbound.create(input, origin, nowMs));
  }

  listChannels(): Promise<ChannelList | KeyRevoked> {
    return this.#admitted((t) => t.outbound.list());
  }

  getChannel(id: string): Promise<Channel | null | KeyRevoked> {
    return this.#admitted((t) => t.outbound.get(id));
  }

  updateChannel(
    id: string,
    patch: ChannelPatch,
    origin: string,
  ): Promise<Channel | ChannelRefusal | null | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.outbound.update(id, patch, origin, nowMs));
  }

  deleteChannel(id: string): Promise<boolean | KeyRevoked> {
    return this.#admitted((t) => t.outbound.delete(id));
  }

  testChannel(id: string): Promise<ChannelTestResult | null | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.outbound.test(id, nowMs));
  }

  rotateChannelSecret(id: string): Promise<ChannelWithSecret | ChannelRefusal | null | KeyRevoked> {
    return this.#admitted((t, nowMs) => t.outbound.rotate(id, nowMs));
  }

  channelDeliveries(id: string, limit: number): Promise<DeliveryList | null | KeyRevoked> {
    return this.#admitted((t) => t.outbound.deliveries(id, limit));
  }
}
