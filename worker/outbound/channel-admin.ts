import { MAX_CHANNELS } from '../../shared/channel-limits';
import { channelTarget } from '../../shared/channel-urls';
import {
  type Channel,
  type ChannelCreate,
  type ChannelList,
  type ChannelPatch,
  type ChannelWithSecret,
  DEFAULT_DIGEST_AT,
  type DeliveryList,
} from '../../shared/channels';
import { NOTIFICATION_TYPES } from '../../shared/notification-types';
import {
  channelCount,
  type ChannelFields,
  channelRow,
  channelRows,
  deleteChannel,
  fieldsOf,
  insertChannel,
  rotateSecret,
  toChannel,
  updateChannel,
} from '../store/channels';
import { listDeliveries } from '../store/deliveries';
import { sealChannelSecret, sealChannelUrl } from './channel-secrets';
import { nextDigestAt } from './digest-time';
import { newWebhookSecret } from './rendering';

/** After a rotation the old secret signs too for this long. */
export const OLD_SECRET_SIGNS_MS = 24 * 3_600_000;

export interface ChannelAdminHost {
  readonly sql: SqlStorage;
  transaction<T>(change: () => T): T;
  tenantId(): string;
  connectorKey(): string | undefined;
}

export type ChannelRefusal = { error: 'too_many_channels' | 'connector_key_missing' | 'not_webhook' };

/**
 * The admin routes' side of the channels: create, change, remove, rotate the webhook secret, list
 * deliveries. The URL comes already checked against the kind's hosts (routes/channels.ts); here it
 * is sealed before it is stored, and never leaves again but as `target`.
 */
export class ChannelAdmin {
  constructor(private readonly host: ChannelAdminHost) {}

  async create(
    input: ChannelCreate,
    origin: string,
    nowMs: number,
  ): Promise<ChannelWithSecret | ChannelRefusal> {
    const key = this.host.connectorKey();
    if (key === undefined && input.kind !== 'email') return { error: 'connector_key_missing' };
    if (channelCount(this.host.sql) >= MAX_CHANNELS) return { error: 'too_many_channels' };
    const id = crypto.randomUUID();
    const tenant = this.host.tenantId();
    const secret = input.kind === 'webhook' ? newWebhookSecret() : null;
    const sealedUrl = input.url === undefined ? null : await sealChannelUrl(input.url, key!, tenant, id);
    const sealedSecret = secret === null ? null : await sealChannelSecret(secret, key!, tenant, id);
    const digestAt = input.digestAt ?? DEFAULT_DIGEST_AT;
    const mode = input.mode ?? 'immediate';
    const fields: ChannelFields = {
      name: input.name,
      sealedUrl,
      target: input.url === undefined ? null : channelTarget(input.url),
      recipients: input.kind === 'email' ? (input.to ?? null) : null,
      types: input.types ?? [...NOTIFICATION_TYPES],
      minSeverity: input.minSeverity ?? 'warning',
      quietHours: input.quietHours ?? null,
      mode,
      digestAt,
      escalation: input.escalation ?? false,
      enabled: input.enabled ?? true,
      origin,
      nextDigestAt: mode === 'digest' ? nextDigestAt(digestAt, nowMs) : null,
    };
    return this.host.transaction(() => {
      // Counted again in the transaction: two creates at once never make a 21st.
      if (channelCount(this.host.sql) >= MAX_CHANNELS) return { error: 'too_many_channels' as const };
      const channel = toChannel(insertChannel(this.host.sql, id, input.kind, fields, sealedSecret, nowMs));
      return secret === null ? channel : { ...channel, secret };
    });
  }

  list(): ChannelList {
    return { channels: channelRows(this.host.sql).map(toChannel) };
  }

  get(id: string): Channel | null {
    const row = channelRow(this.host.sql, id);
    return row === null ? null : toChannel(row);
  }

  /** PATCH: what it names changes; `enabled: true` or a new URL re-enables a disabled channel. */
  async update(
    id: string,
    patch: ChannelPatch,
    origin: string,
    nowMs: number,
  ): Promise<Channel | ChannelRefusal | null> {
    const row = channelRow(this.host.sql, id);
    if (row === null) return null;
    const key = this.host.connectorKey();
    if (patch.url !== undefined && key === undefined) return { error: 'connector_key_missing' };
    const current = fieldsOf(row);
    const isEmail = row.kind === 'email';
    const sealedUrl =
      patch.url === undefined || isEmail
        ? current.sealedUrl
        : await sealChannelUrl(patch.url, key!, this.host.tenantId(), id);
    const mode = patch.mode ?? current.mode;
    const digestAt = patch.digestAt ?? current.digestAt;
    const scheduleChanged = patch.mode !== undefined || patch.digestAt !== undefined;
    const fields: ChannelFields = {
      name: patch.name ?? current.name,
      sealedUrl,
      target: patch.url === undefined || isEmail ? current.target : channelTarget(patch.url),
      recipients: isEmail ? (patch.to ?? current.recipients) : null,
      types: patch.types ?? current.types,
      minSeverity: patch.minSeverity ?? current.minSeverity,
      quietHours: patch.quietHours === undefined ? current.quietHours : patch.quietHours,
      mode,
      digestAt,
      escalation: patch.escalation ?? current.escalation,
      enabled: patch.enabled ?? current.enabled,
      origin,
      nextDigestAt:
        mode !== 'digest'
          ? null
          : scheduleChanged || current.nextDigestAt === null
            ? nextDigestAt(digestAt, nowMs)
            : current.nextDigestAt,
    };
    const reenable =
      patch.enabled === true || (patch.url !== undefined && !isEmail) || (isEmail && patch.to !== undefined);
    return this.host.transaction(() => {
      const updated = updateChannel(this.host.sql, id, fields, reenable, nowMs);
      return updated === null ? null : toChannel(updated);
    });
  }

  delete(id: string): boolean {
    return this.host.transaction(() => deleteChannel(this.host.sql, id));
  }

  async rotate(id: string, nowMs: number): Promise<ChannelWithSecret | ChannelRefusal | null> {
    const row = channelRow(this.host.sql, id);
    if (row === null) return null;
    if (row.kind !== 'webhook') return { error: 'not_webhook' };
    const key = this.host.connectorKey();
    if (key === undefined) return { error: 'connector_key_missing' };
    const secret = newWebhookSecret();
    const sealed = await sealChannelSecret(secret, key, this.host.tenantId(), id);
    return this.host.transaction(() => {
      const rotated = rotateSecret(this.host.sql, id, sealed, nowMs + OLD_SECRET_SIGNS_MS, nowMs);
      return rotated === null ? null : { ...toChannel(rotated), secret };
    });
  }

  deliveries(id: string, limit: number): DeliveryList | null {
    if (channelRow(this.host.sql, id) === null) return null;
    return { deliveries: listDeliveries(this.host.sql, id, limit) };
  }
}
