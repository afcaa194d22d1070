import { MAX_CHANNELS } from '../../shared/channel-limits';
import type { Settings } from '../../shared/settings';
import { groupKey } from '../rules/occurrence';
import {
  type ChannelRow,
  channelRow,
  channelRows,
  setChannelHealth,
  setNextDigest,
  toChannel,
} from '../store/channels';
import {
  type DeliveryRow,
  dueDeliveries,
  failPending,
  insertDelivery,
  MAX_LISTED,
  nextDeliveryAt,
  payloadToSend,
  recordAttempt,
  type SummaryPayload,
} from '../store/deliveries';
import {
  type NotificationRow,
  type Recorded,
  recordOccurrence,
  toNotification,
} from '../store/notifications';
import { nextEscalationAt, takeDueEscalations } from '../store/outbound-state';
import { resolve } from '../store/triage';
import { healthAfter } from './channel-health';
import { openChannelUrl, openSigningSecrets } from './channel-secrets';
import { DIGEST_PERIOD_MS, nextDigestAt } from './digest-time';
import { buildMessage, type MessageSource } from './message-builder';
import { enqueueDeliveries, enqueueEscalation } from './outbox';
import { type OutboundMessage, outboundRequest, renderEmail } from './rendering';
import { attemptOutcome } from './retry-policy';
import { atLeast } from './routing';
import { SEND_TIMEOUT_MS, sendHttp, type SendResult, shortError, withTimeout } from './send';

/** What outbound delivery needs of the tenant object. */
export interface OutboundHost {
  readonly sql: SqlStorage;
  transaction<T>(change: () => T): T;
  settings(): Settings;
  tenantId(): string;
  connectorKey(): string | undefined;
  /** The send_email binding and EMAIL_DOMAIN. */
  email(): { binding: SendEmail | undefined; domain: string };
  /** The var PUBLIC_URL. */
  publicUrl(): string | undefined;
  /** Pushes what changed to the members' sockets. */
  publish(recorded: Recorded[], updated: string[], nowMs: number): void;
}

/** Who resolves a channel's own notification after its next good delivery. */
const CHANNEL_MEMBER = 'outbound';

/**
 * The alarm's outbound work: due escalations and digests become deliveries, then every channel's
 * earliest due delivery is attempted, all channels at once (a slow receiver holds up only its own
 * channel, for at most the timeout). Nothing here throws out of the alarm.
 */
export class OutboundDispatcher {
  constructor(private readonly host: OutboundHost) {}

  /** Does what is due; answers when outbound work is next due (null: nothing planned). */
  async run(nowMs: number): Promise<number | null> {
    this.host.transaction(() => {
      this.escalate(nowMs);
      this.digests(nowMs);
    });
    const due = dueDeliveries(this.host.sql, nowMs, MAX_CHANNELS);
    await Promise.all(due.map((row) => this.attempt(row, nowMs).catch(() => undefined)));
    return this.nextDueAt();
  }

  nextDueAt(): number | null {
    const sql = this.host.sql;
    const digests = channelRows(sql)
      .filter((c) => c.mode === 'digest' && c.next_digest_at !== null)
      .map((c) => c.next_digest_at!);
    const due = [nextDeliveryAt(sql), nextEscalationAt(sql), ...digests].filter(
      (at): at is number => at !== null,
    );
    return due.length === 0 ? null : Math.min(...due);
  }

  /** Sends a message now as a `test` delivery: not retried, outside the throttle and health. */
  async test(
    channelId: string,
    nowMs: number,
  ): Promise<{ delivered: boolean; status: number | null; error?: string } | null> {
    const row = this.host.transaction(() => {
      if (channelRow(this.host.sql, channelId) === null) return null;
      return insertDelivery(
        this.host.sql,
        {
          channelId,
          notificationId: null,
          reason: 'test',
          webhookType: 'test',
          payload: { test: true },
          atMs: null,
        },
        nowMs,
      );
    });
    if (row === null) return null;
    const result = await this.send(row);
    if (result === null) return null;
    const delivered = result.status !== null && result.status >= 200 && result.status < 300;
    this.host.transaction(() =>
      recordAttempt(
        this.host.sql,
        row,
        {
          state: delivered ? 'delivered' : 'failed',
          status: result.status,
          error: result.error,
          nextAttemptAt: null,
        },
        Date.now(),
      ),
    );
    return {
      delivered,
      status: result.status,
      ...(delivered || result.error === null ? {} : { error: result.error }),
    };
  }

  private source(): MessageSource {
    return {
      tenantId: this.host.tenantId(),
      settings: this.host.settings(),
      connectorKey: this.host.connectorKey(),
      publicUrl: this.host.publicUrl(),
    };
  }

  /** Escalations due now: to the escalation channels, unless acknowledged or resolved meanwhile. */
  private escalate(nowMs: number): void {
    const sql = this.host.sql;
    const settings = this.host.settings();
    for (const id of takeDueEscalations(sql, nowMs)) {
      const row = sql.exec<NotificationRow>('SELECT * FROM notifications WHERE id = ?', id).toArray()[0];
      if (
        row === undefined ||
        row.ack_at !== null ||
        row.resolved_at !== null ||
        settings.escalation === null
      )
        continue;
      const n = toNotification(row);
      if (atLeast(n.severity, settings.escalation.minSeverity)) enqueueEscalation(sql, n, nowMs);
    }
  }

  /** Digest channels at their time: what became unread in the last 24 hours; none on an empty day. */
  private digests(nowMs: number): void {
    const sql = this.host.sql;
    for (const row of channelRows(sql)) {
      if (row.mode !== 'digest' || row.next_digest_at === null || row.next_digest_at > nowMs) continue;
      const channel = toChannel(row);
      setNextDigest(sql, row.id, nextDigestAt(channel.digestAt, nowMs));
      if (!channel.enabled || channel.state === 'disabled') continue;
      const from = nowMs - DIGEST_PERIOD_MS;
      const rows = sql
        .exec<NotificationRow>('SELECT * FROM notifications WHERE last_at > ? ORDER BY last_at DESC', from)
        .toArray()
        .map(toNotification)
        .filter((n) => channel.types.includes(n.type) && atLeast(n.severity, channel.minSeverity));
      if (rows.length === 0) continue;
      const byType: SummaryPayload['byType'] = {};
      for (const n of rows) byType[n.type] = (byType[n.type] ?? 0) + 1;
      const summary: SummaryPayload = {
        from,
        to: nowMs,
        count: rows.length,
        byType,
        notifications: rows.slice(0, MAX_LISTED),
      };
      insertDelivery(
        sql,
        {
          channelId: row.id,
          notificationId: null,
          reason: 'digest',
          webhookType: 'digest',
          payload: { summary },
          atMs: nowMs,
        },
        nowMs,
      );
    }
  }

  /** One attempt of a due delivery, and what follows from it; the clock goes on from `clockMs`. */
  private async attempt(row: DeliveryRow, clockMs: number): Promise<void> {
    const result = await this.send(row);
    if (result === null) return;
    const nowMs = Math.max(clockMs, Date.now());
    const published: Recorded[] = [];
    const updated: string[] = [];
    this.host.transaction(() => {
      const sql = this.host.sql;
      const channel = channelRow(sql, row.channel_id);
      if (channel === null) return;
      const outcome = attemptOutcome(channel.kind, result, row.attempts + 1, nowMs);
      recordAttempt(
        sql,
        row,
        {
          state: outcome.state,
          status: result.status,
          error: result.error,
          nextAttemptAt: outcome.state === 'pending' ? outcome.nextAttemptAt : null,
        },
        nowMs,
      );
      const disabled = outcome.state === 'failed' && outcome.disable;
      const verdict = outcome.state === 'delivered' ? 'delivered' : disabled ? 'disabled' : 'failed';
      const health = healthAfter(
        { state: channel.state, consecutiveFailures: channel.consecutive_failures },
        verdict,
      );
      setChannelHealth(sql, channel.id, health.state, health.consecutiveFailures);
      if (disabled) failPending(sql, channel.id, 'channel disabled');
      if (health.raised !== null) {
        const recorded = this.raise(channel, health.raised, result, nowMs);
        if (recorded !== null) published.push(recorded);
      }
      if (health.recovered) {
        const id = this.recover(channel, nowMs);
        if (id !== null) updated.push(id);
      }
    });
    if (published.length > 0 || updated.length > 0) this.host.publish(published, updated, nowMs);
  }

  /** Sends a delivery's message; null when its channel is gone. Never throws. */
  private async send(row: DeliveryRow): Promise<SendResult | null> {
    const channel = channelRow(this.host.sql, row.channel_id);
    if (channel === null) return null;
    const nowMs = Date.now();
    try {
      const payload = payloadToSend(this.host.sql, row.payload);
      const message = await buildMessage(this.source(), channel, row, payload, nowMs);
      if (channel.kind === 'email') return await this.sendEmail(channel, message);
      const tenant = this.host.tenantId();
      const url = await openChannelUrl(channel, this.host.connectorKey(), tenant);
      if (url === null) return { status: null, retryAfter: null, error: 'url_unreadable' };
      const secrets =
        channel.kind === 'webhook'
          ? await openSigningSecrets(channel, this.host.connectorKey(), tenant, nowMs)
          : undefined;
      if (secrets !== undefined && secrets.length === 0)
        return { status: null, retryAfter: null, error: 'secret_unreadable' };
      const request = await outboundRequest(channel.kind, message, {
        url,
        secrets,
        deliveryId: row.id,
        nowMs,
      });
      return await sendHttp(request.url, request.init);
    } catch {
      return { status: null, retryAfter: null, error: 'render_failed' };
    }
  }

  private async sendEmail(channel: ChannelRow, message: OutboundMessage): Promise<SendResult> {
    const { binding, domain } = this.host.email();
    if (binding === undefined || domain === '')
      return { status: null, retryAfter: null, error: 'email_not_set_up' };
    const content = renderEmail(message);
    const to = JSON.parse(channel.recipients ?? '[]') as string[];
    try {
      const sent = await withTimeout(SEND_TIMEOUT_MS, () =>
        binding.send({ from: `notifications@${domain}`, to, ...content }),
      );
      if (sent === 'timeout') return { status: null, retryAfter: null, error: 'timeout' };
      return { status: 202, retryAfter: null, error: null };
    } catch (error) {
      return {
        status: null,
        retryAfter: null,
        error: shortError(error instanceof Error ? error.message : String(error)) ?? 'email_failed',
      };
    }
  }

  /** The channel's `channel` notification (critical), surfaced to the members and to the other channels. */
  private raise(
    channel: ChannelRow,
    state: 'failing' | 'disabled',
    result: SendResult,
    nowMs: number,
  ): Recorded | null {
    const settings = this.host.settings();
    if (!settings.types.channel.enabled) return null;
    const recorded = recordOccurrence(
      this.host.sql,
      {
        type: 'channel',
        groupKey: groupKey('channel', channel.id),
        severity: 'critical',
        data: {
          channelId: channel.id,
          name: channel.name,
          kind: channel.kind,
          state,
          status: result.status,
          error: result.error,
        },
      },
      nowMs,
    );
    enqueueDeliveries(this.host.sql, settings, [recorded], nowMs);
    return recorded;
  }

  /** After a good delivery: the channel's open `channel` notification is resolved (read for everyone). */
  private recover(channel: ChannelRow, nowMs: number): string | null {
    const open = this.host.sql
      .exec<{ id: string }>(
        'SELECT id FROM notifications WHERE group_key = ? AND resolved_at IS NULL',
        groupKey('channel', channel.id),
      )
      .toArray()[0];
    if (open === undefined) return null;
    resolve(this.host.sql, open.id, CHANNEL_MEMBER, nowMs);
    return open.id;
  }
}
