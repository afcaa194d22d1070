/**
 * What the delivery side hands to the renderers: one outbound message, whatever its channel. The
 * renderers (./slack.ts, ./teams.ts, ./webhook.ts, ./email.ts) are pure: no storage, no clock but
 * the one they are given, no Durable Object.
 */
import type { Language } from '../../shared/languages';
import type { NotificationType } from '../../shared/notification-types';
import type { Notification } from '../../shared/notifications';

export const OUTBOUND_REASONS = ['notification', 'escalation', 'digest', 'summary', 'test'] as const;
export type OutboundReason = (typeof OUTBOUND_REASONS)[number];

export const WEBHOOK_TYPES = [
  'notification.created',
  'notification.reopened',
  'notification.escalated',
  'digest',
  'summary',
  'test',
] as const;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];

/** The channel kinds a message is rendered for (e-mail has its own renderer, no request). */
export type RequestKind = 'slack' | 'teams' | 'webhook';

/**
 * A notification as `GET /v1/notifications` shows it, plus the acknowledge link made for this
 * message's channel (./ack-token.ts). Notification is a union, hence a type, not an interface.
 */
export type OutboundNotification = Notification & { ackUrl: string };

/** What a digest or a summary lists: the counts, and at most 50 notifications (more are cut). */
export interface OutboundSummary {
  /** ISO 8601 instants: the period the digest or summary covers. */
  from: string;
  to: string;
  /** Notifications in the period, listed or not. */
  count: number;
  byType: Partial<Record<NotificationType, number>>;
  notifications: OutboundNotification[];
}

/** Notifications a digest or summary lists at most; the rest are counted in "and N more". */
export const MAX_LISTED = 50;

export interface OutboundMessage {
  reason: OutboundReason;
  webhookType: WebhookType;
  /** The tenant's language setting. */
  language: Language;
  tenantId: string;
  channelName: string;
  /** For `notification` and `escalation`. */
  notification?: OutboundNotification;
  /** Occurrences since the last message about it ("and 12 more times since the last message"). */
  repeats?: number;
  /** For `digest` and `summary`. */
  summary?: OutboundSummary;
}
