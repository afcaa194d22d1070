import type { NotificationType } from '../../../shared/notification-types';
import { type Notification, Notification as NotificationSchema } from '../../../shared/notifications';
import type {
  OutboundMessage,
  OutboundNotification,
  OutboundReason,
  WebhookType,
} from '../../../worker/outbound';

export const NOW = Date.parse('2026-12-07T10:00:00.000Z');
export const ACK_URL = 'https://notifier.example.com/a/v1.token.mac';

const base = {
  count: 3,
  firstAt: '2026-12-07T08:00:00.000Z',
  lastAt: '2026-12-07T09:30:00.000Z',
  readAt: null,
};

/** One notification of every type, each with the facts its type carries; checked by the shared schema. */
export const SAMPLES: Record<NotificationType, Notification> = {
  campaign_failure: {
    ...base,
    id: 'n-campaign',
    type: 'campaign_failure',
    severity: 'critical',
    data: {
      campaign: { id: 1001, name: 'Welcome & <Onboarding>' },
      program: { id: 2002, name: 'Q4 Nurture' },
      error: { code: 611, message: 'System error' },
      errorCode: 611,
      url: 'https://app-ab12.marketo.com/#SC1001A1',
    },
  },
  crm_sync: {
    ...base,
    id: 'n-crm',
    type: 'crm_sync',
    severity: 'warning',
    data: {
      kind: 'digest',
      crm: 'dynamics',
      windowStart: '2026-12-07T08:00:00.000Z',
      windowEnd: '2026-12-07T09:00:00.000Z',
      causes: { duplicate_lead: 3, field_length: 2 },
      leads: ['1', '2', '3'],
    },
  },
  engagement_exhausted: {
    ...base,
    id: 'n-engagement',
    type: 'engagement_exhausted',
    severity: 'warning',
    data: { program: { id: 7, name: 'Nurture' }, stream: { name: 'Stream 1' }, exhaustedLeads: 42 },
  },
  facebook: {
    ...base,
    id: 'n-facebook',
    type: 'facebook',
    severity: 'critical',
    data: { problem: 'app_removed' },
  },
  trigger_campaign_cleanup: {
    ...base,
    id: 'n-cleanup',
    type: 'trigger_campaign_cleanup',
    severity: 'info',
    data: {
      campaign: { id: 5, name: 'Old trigger' },
      action: 'scheduled',
      lastActivityAt: '2026-06-01T00:00:00.000Z',
    },
  },
  linkedin: {
    ...base,
    id: 'n-linkedin',
    type: 'linkedin',
    severity: 'critical',
    data: { operation: 'send', target: 'Matched audience', attempts: 4 },
  },
  web_services_quota: {
    ...base,
    id: 'n-quota',
    type: 'web_services_quota',
    severity: 'warning',
    data: { day: '2026-12-07', threshold: 80, used: 40_000, limit: 50_000 },
  },
  api_errors: {
    ...base,
    id: 'n-api',
    type: 'api_errors',
    severity: 'warning',
    data: { day: '2026-12-07', byCode: { '606': 41, '615': 3 }, total: 44, reached: ['606'], minCount: 10 },
  },
  connector: {
    ...base,
    id: 'n-connector',
    type: 'connector',
    severity: 'critical',
    data: { code: 'timeout' },
  },
  marketo_email: {
    ...base,
    id: 'n-email',
    type: 'marketo_email',
    severity: 'info',
    data: {
      source: 'email',
      subject: 'Your export is ready',
      from: 'noreply@marketo.com',
      excerpt: 'Line one\nLine two',
    },
  },
  channel: {
    ...base,
    id: 'n-channel',
    type: 'channel',
    severity: 'critical',
    data: {
      channelId: 'c1',
      name: 'Ops Slack',
      kind: 'slack',
      state: 'failing',
      status: 500,
      error: 'rollup_error',
    },
  },
  ab_test: {
    ...base,
    id: 'n-ab-test',
    type: 'ab_test',
    severity: 'info',
    data: {
      program: { name: 'Spring <Launch> & Co' },
      test: 'Subject line',
      winner: 'Variant B',
      user: 'anna@example.com',
    },
  },
  login_failures: {
    ...base,
    id: 'n-login',
    type: 'login_failures',
    severity: 'warning',
    data: { user: 'anna@example.com', day: '2026-12-07', failures: 12 },
  },
};

for (const sample of Object.values(SAMPLES)) NotificationSchema.parse(sample);

/** How many of a summary of `count` (see summaryMessage) are of the first type, campaign_failure. */
export const firstTypeCount = (count: number) => Math.ceil(count / Object.keys(SAMPLES).length);

export const outbound = (n: Notification, ackUrl = ACK_URL): OutboundNotification => ({ ...n, ackUrl });

export function message(reason: OutboundReason, extra: Partial<OutboundMessage> = {}): OutboundMessage {
  const webhookType: Record<OutboundReason, WebhookType> = {
    notification: 'notification.created',
    escalation: 'notification.escalated',
    digest: 'digest',
    summary: 'summary',
    test: 'test',
  };
  return {
    reason,
    webhookType: webhookType[reason],
    language: 'en',
    tenantId: 'acme',
    channelName: 'Ops alerts',
    ...extra,
  };
}

export const notificationMessage = (n: Notification, extra: Partial<OutboundMessage> = {}) =>
  message('notification', { notification: outbound(n), ...extra });

/** A summary of `count` notifications, the first 50 listed (what the delivery side passes). */
export function summaryMessage(
  reason: 'digest' | 'summary',
  count: number,
  extra: Partial<OutboundMessage> = {},
) {
  const types = Object.values(SAMPLES);
  const all = Array.from({ length: count }, (_, i) => {
    const sample = types[i % types.length]!;
    return outbound({ ...sample, id: `n-${i}` } as Notification, `${ACK_URL}${i}`);
  });
  const byType: Partial<Record<NotificationType, number>> = {};
  for (const n of all) byType[n.type] = (byType[n.type] ?? 0) + 1;
  const summary = {
    from: '2026-12-06T09:00:00.000Z',
    to: '2026-12-07T09:00:00.000Z',
    count,
    byType,
    notifications: all.slice(0, 50),
  };
  return message(reason, { summary, ...extra });
}

/** A notification whose every text is far past every limit. */
export function hugeNotification(): Notification {
  const long = (word: string, times: number) =>
    Array.from({ length: times }, (_, i) => `${word}${i}`).join(' ');
  return {
    ...base,
    id: 'n-huge',
    type: 'campaign_failure',
    severity: 'critical',
    data: {
      campaign: { id: 1, name: `Campaign ${long('name&<>', 400)}` },
      program: { id: 2, name: long('program', 2000) },
      error: { message: long('error<b>', 3000) },
      message: long('message', 5000),
      url: 'https://app-ab12.marketo.com/#SC1A1',
    },
  };
}
