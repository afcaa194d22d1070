import { z } from 'zod';

/**
 * The seven seed types, the sections of Adobe's "Notification Types" page in its order (the
 * glossary of the catalogs and the names Marketo's e-mails carry).
 */
export const SEED_TYPES = [
  'campaign_failure',
  'crm_sync',
  'engagement_exhausted',
  'facebook',
  'trigger_campaign_cleanup',
  'linkedin',
  'web_services_quota',
] as const;
export type SeedType = (typeof SEED_TYPES)[number];

/** Every notification type the product knows, in display order. */
export const NOTIFICATION_TYPES = [
  ...SEED_TYPES,
  'api_errors',
  'connector',
  /** A Marketo notification e-mail that matched no seed type, kept as it came (DESIGN: e-mails). */
  'marketo_email',
  /** An outbound channel turned failing or disabled (DESIGN: outbound channels). */
  'channel',
  /** From Marketo's own streams (Adobe I/O Events): an A/B test's result, and repeated failed logins. */
  'ab_test',
  'login_failures',
] as const;
export const NotificationType = z.enum(NOTIFICATION_TYPES);

/** Types only the Marketo connector makes, from what it reads in Marketo: no event carries them. */
export const CONNECTOR_TYPES = ['api_errors', 'connector'] as const satisfies readonly NotificationType[];
export const isConnectorType = (type: NotificationType): boolean =>
  (CONNECTOR_TYPES as readonly NotificationType[]).includes(type);
export type NotificationType = z.infer<typeof NotificationType>;

/** Types only Marketo's own streams (Adobe I/O Events) make: no posted event carries them. */
export const STREAM_TYPES = ['ab_test', 'login_failures'] as const satisfies readonly NotificationType[];
export const isStreamType = (type: NotificationType): boolean =>
  (STREAM_TYPES as readonly NotificationType[]).includes(type);

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/**
 * The severities a type's notifications can have (the design's type table). The worker's rules are
 * typed against it (SeverityOf), the badge reads it to pick a colour.
 */
export const TYPE_SEVERITIES = {
  campaign_failure: ['critical'],
  crm_sync: ['critical', 'warning'],
  engagement_exhausted: ['warning'],
  facebook: ['critical'],
  trigger_campaign_cleanup: ['info'],
  linkedin: ['critical'],
  web_services_quota: ['critical', 'warning'],
  api_errors: ['critical', 'warning'],
  connector: ['critical'],
  marketo_email: ['info'],
  channel: ['critical'],
  ab_test: ['info'],
  login_failures: ['warning'],
} as const satisfies Record<NotificationType, readonly Severity[]>;
export type SeverityOf<T extends NotificationType> = (typeof TYPE_SEVERITIES)[T][number];

/** Lower is worse: used to pick the badge colour. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
