import { RpcTarget } from 'cloudflare:workers';
import type { EventsAccepted, MarketoEvent } from '../shared/events';
import type { Counts, MarkRead, Notification, NotificationPage, FeedQuery, QuotaState } from '../shared/notifications';
import type { Settings, SettingsPatch } from '../shared/settings';
import type { StreamTicket } from '../shared/tenant';
import type { ConnectorPut, ConnectorStatus, ConnectorView, QuotaHistory } from '../shared/connector';
import type { IoEventsState } from '../shared/io-events';
import type { ConnectorPutRefusal } from './connector/connector-host';
import type { StreamCapReached } from './sockets/stream-caps';
import type { TenantDurableObject } from './tenant-durable-object';

/** What a session answers for a key the tenant revoked: a value, as an RPC exception would be logged as uncaught. */
export type KeyRevoked = { error: 'key_revoked' };
const KEY_REVOKED: KeyRevoked = { error: 'key_revoked' };

export function isKeyRevoked(answer: unknown): answer is KeyRevoked {
  return typeof answer === 'object' && answer !== null && (answer as { error?: unknown }).error === 'key_revoked';
}

/**
 * The tenant's object as one key sees it, for the worker's routes: every call first checks that the
 * key was not revoked (KV may still answer for it elsewhere for a while) and notes its use. Routes
 * get it with one pipelined call, `stub.forKey(id).ingest(...)`, so the check costs no round trip.
 */
export class KeySession extends RpcTarget {
  readonly #tenant: TenantDurableObject;
  readonly #keyId: string;
  /** The member whose read state the key uses (read and admin keys; other keys read nothing). */
  readonly #member: string;

  constructor(tenant: TenantDurableObject, keyId: string, member: string) {
    super();
    this.#tenant = tenant;
    this.#keyId = keyId;
    this.#member = member;
  }

  /** Runs `call` on the tenant's object unless the key was revoked. */
  async #admitted<T>(call: (tenant: TenantDurableObject) => Promise<T>): Promise<T | KeyRevoked> {
    return this.#tenant.admitKey(this.#keyId) ? call(this.#tenant) : KEY_REVOKED;
  }

  ingest(events: MarketoEvent[]): Promise<EventsAccepted | KeyRevoked> {
    return this.#admitted((t) => t.ingest(events));
  }

  addUsage(calls: number): Promise<QuotaState | KeyRevoked> {
    return this.#admitted((t) => t.addUsage(calls));
  }

  list(query: FeedQuery): Promise<NotificationPage | { error: 'invalid_cursor' } | KeyRevoked> {
    return this.#admitted((t) => t.list(this.#member, query));
  }

  markRead(selection: MarkRead): Promise<{ updated: number } | KeyRevoked> {
    return this.#admitted((t) => t.markRead(this.#member, selection));
  }

  counts(): Promise<Counts | KeyRevoked> {
    return this.#admitted((t) => t.counts(this.#member));
  }

  /** A long poll; each key may have a few waiting at once. */
  countsAfterChange(knownTag: string, waitMs: number): Promise<Counts | StreamCapReached | KeyRevoked> {
    return this.#admitted((t) => t.countsAfterChangeFor(this.#keyId, this.#member, knownTag, waitMs));
  }

  getSettings(): Promise<Settings | KeyRevoked> {
    return this.#admitted((t) => t.getSettings());
  }

  updateSettings(patch: SettingsPatch): Promise<Settings | KeyRevoked> {
    return this.#admitted((t) => t.updateSettings(patch));
  }

  createTicket(): Promise<StreamTicket | StreamCapReached | KeyRevoked> {
    return this.#admitted((t) => t.createTicket(this.#keyId, this.#member));
  }

  /** "I'm on it", for every member to see. */
  acknowledge(id: string): Promise<Notification | { error: 'not_found' } | KeyRevoked> {
    return this.#admitted(async (t) => t.team.acknowledge(this.#member, id, Date.now()));
  }

  /** Resolved, and read for every member. */
  resolve(id: string): Promise<Notification | { error: 'not_found' } | KeyRevoked> {
    return this.#admitted(async (t) => t.team.resolve(this.#member, id, Date.now()));
  }

  /** Hidden from this member's unread until `untilMs` (checked by the route). */
  snooze(id: string, untilMs: number): Promise<Notification | { error: 'not_found' | 'read' } | KeyRevoked> {
    return this.#admitted((t) => t.team.snooze(this.#member, id, untilMs, Date.now()));
  }

  /** An enrolment with this (enroll) key, within its daily cap. */
  enrol(): Promise<{ allowed: boolean; limit: number } | KeyRevoked> {
    return this.#admitted(async (t) => t.team.enrol(this.#keyId, Date.now()));
  }

  /** When each member was last seen (admin). */
  membersSeen(): Promise<Record<string, string> | KeyRevoked> {
    return this.#admitted(async (t) => t.team.membersSeen());
  }

  putConnector(input: ConnectorPut): Promise<ConnectorView | ConnectorPutRefusal | KeyRevoked> {
    return this.#admitted((t) => t.putConnector(input));
  }

  getConnector(): Promise<ConnectorView | null | KeyRevoked> {
    return this.#admitted((t) => t.getConnector());
  }

  deleteConnector(): Promise<{ deleted: boolean } | KeyRevoked> {
    return this.#admitted((t) => t.deleteConnector());
  }

  pollConnector(): Promise<ConnectorStatus | null | KeyRevoked> {
    return this.#admitted((t) => t.pollConnector());
  }

  /** Marketo's own streams: see TenantDurableObject.registerIoEvents. */
  registerIoEvents(clientId: string, tokenHash: string): Promise<string | null | KeyRevoked> {
    return this.#admitted((t) => t.registerIoEvents(clientId, tokenHash));
  }

  ioEventsState(): Promise<IoEventsState | null | KeyRevoked> {
    return this.#admitted((t) => t.ioEventsState());
  }

  deleteIoEvents(): Promise<string | null | KeyRevoked> {
    return this.#admitted((t) => t.deleteIoEvents());
  }

  quotaHistory(): Promise<QuotaHistory | KeyRevoked> {
    return this.#admitted((t) => t.quotaHistory());
  }
}
