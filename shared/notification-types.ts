import { z } from 'zod';

/** Every notification type the product knows, in display order. */
export const NOTIFICATION_TYPES = [
  'campaign_failure',
  'crm_sync',
  'engagement_exhausted',
  'facebook',
  'trigger_campaign_cleanup',
  'linkedin',
  'web_services_quota',
] as const;
export const NotificationType = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof NotificationType>;

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/** Lower is worse: used to pick the badge colour. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
