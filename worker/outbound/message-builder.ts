import type { Notification } from '../../shared/notifications';
import type { Settings } from '../../shared/settings';
import type { ChannelRow } from '../store/channels';
import type { DeliveryPayload, DeliveryRow } from '../store/deliveries';
import { ackTokenExpiry, type OutboundMessage, type OutboundNotification, signAckToken } from './rendering';

export interface MessageSource {
  tenantId: string;
  settings: Settings;
  connectorKey: string | undefined;
  /** The var PUBLIC_URL; empty: the channel's own origin. */
  publicUrl: string | undefined;
}

/** `<worker>/a/<token>` for one notification and this channel's kind; empty without a key or an origin. */
async function ackUrl(
  source: MessageSource,
  channel: ChannelRow,
  notificationId: string,
  nowMs: number,
): Promise<string> {
  const base = (source.publicUrl || channel.origin || '').replace(/\/+$/, '');
  if (source.connectorKey === undefined || base === '') return '';
  const token = await signAckToken(
    {
      tenantId: source.tenantId,
      notificationId,
      channelKind: channel.kind,
      expiresAtMs: ackTokenExpiry(nowMs),
    },
    source.connectorKey,
  );
  return `${base}/a/${token}`;
}

async function withAck(
  source: MessageSource,
  channel: ChannelRow,
  n: Notification,
  nowMs: number,
): Promise<OutboundNotification> {
  return { ...n, ackUrl: await ackUrl(source, channel, n.id, nowMs) };
}

/** The message a delivery sends, from what its row fixed when it was written (`payload`, as sent). */
export async function buildMessage(
  source: MessageSource,
  channel: ChannelRow,
  row: Pick<DeliveryRow, 'reason' | 'webhook_type' | 'repeats'>,
  payload: DeliveryPayload,
  nowMs: number,
): Promise<OutboundMessage> {
  const message: OutboundMessage = {
    reason: row.reason,
    webhookType: row.webhook_type,
    language: source.settings.language,
    tenantId: source.tenantId,
    channelName: channel.name,
  };
  if ('notification' in payload) {
    message.notification = await withAck(source, channel, payload.notification, nowMs);
    if (row.repeats > 0) message.repeats = row.repeats;
  }
  if ('summary' in payload) {
    const s = payload.summary;
    message.summary = {
      from: new Date(s.from).toISOString(),
      to: new Date(s.to).toISOString(),
      count: s.count,
      byType: s.byType,
      notifications: await Promise.all(s.notifications.map((n) => withAck(source, channel, n, nowMs))),
    };
  }
  return message;
}
