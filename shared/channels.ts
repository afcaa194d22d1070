import { z } from 'zod';

import {
  CHANNEL_KINDS,
  CHANNEL_NAME_MAX,
  CLOCK_TIME,
  isTimeZone,
  MAX_CHANNEL_URL_LENGTH,
  MAX_EMAIL_RECIPIENTS,
} from './channel-limits';
import { NOTIFICATION_TYPES, NotificationType, Severity } from './notification-types';

/**
 * Outbound channels (DESIGN "Outbound channels"): where a tenant's notifications go beyond the
 * browser. The URL of a channel is a secret: it is accepted here and never answered. Kinds and
 * limits: ./channel-limits.ts.
 */
export const ChannelKind = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKind>;

export const CHANNEL_STATES = ['ok', 'failing', 'disabled'] as const;
export const ChannelState = z.enum(CHANNEL_STATES);
export type ChannelState = z.infer<typeof ChannelState>;

export const CHANNEL_MODES = ['immediate', 'digest'] as const;
export const ChannelMode = z.enum(CHANNEL_MODES);
export type ChannelMode = z.infer<typeof ChannelMode>;

/** A wall-clock time, 24-hour `HH:MM`. */
export const ClockTime = z.string().regex(CLOCK_TIME, 'a time as HH:MM (00:00 to 23:59)');
export type ClockTime = z.infer<typeof ClockTime>;

export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'an IANA time zone, e.g. Europe/Amsterdam')
  .describe('An IANA time zone, e.g. Europe/Amsterdam.');

/** Below-critical messages are held from `start` (inclusive) to `end` (exclusive), across midnight too. */
export const QuietHours = z.strictObject({ start: ClockTime, end: ClockTime, timeZone: TimeZone });
export type QuietHours = z.infer<typeof QuietHours>;

/** When a digest channel sends its daily message. */
export const DigestAt = z.strictObject({ time: ClockTime, timeZone: TimeZone });
export type DigestAt = z.infer<typeof DigestAt>;
export const DEFAULT_DIGEST_AT: DigestAt = { time: '09:00', timeZone: 'UTC' };

export const ChannelName = z
  .string()
  .trim()
  .min(1)
  .max(CHANNEL_NAME_MAX)
  .regex(/^[^\u0000-\u001f\u007f-\u009f]+$/, 'a name without control characters');

export const ChannelTypes = z
  .array(NotificationType)
  .min(1)
  .max(NOTIFICATION_TYPES.length)
  .refine((t) => new Set(t).size === t.length, 'types must be distinct')
  .meta({ uniqueItems: true });

export const ChannelRecipients = z
  .array(z.email().max(254))
  .min(1)
  .max(MAX_EMAIL_RECIPIENTS)
  .refine((t) => new Set(t.map((a) => a.toLowerCase())).size === t.length, 'addresses must be distinct')
  .meta({ uniqueItems: true });

export const ChannelUrl = z.string().min(1).max(MAX_CHANNEL_URL_LENGTH);

const settable = {
  name: ChannelName,
  /** slack, teams, webhook: where messages are posted (a secret; checked by checkChannelUrl). */
  url: ChannelUrl.optional(),
  /** email: the recipients. */
  to: ChannelRecipients.optional(),
  types: ChannelTypes.optional(),
  minSeverity: Severity.optional(),
  quietHours: QuietHours.nullable().optional(),
  mode: ChannelMode.optional(),
  digestAt: DigestAt.optional(),
  escalation: z.boolean().optional(),
  enabled: z.boolean().optional(),
};

/** `url` for every kind but email, `to` for email only. */
function kindFields(
  input: { kind: ChannelKind; url?: string | undefined; to?: string[] | undefined },
  ctx: z.core.$RefinementCtx,
) {
  if (input.kind === 'email') {
    if (input.to === undefined)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required for e-mail channels' });
    if (input.url !== undefined)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'is not used by e-mail channels' });
  } else {
    if (input.url === undefined)
      ctx.addIssue({ code: 'custom', path: ['url'], message: `is required for ${input.kind} channels` });
    if (input.to !== undefined)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'is only for e-mail channels' });
  }
}

export const ChannelCreate = z.strictObject({ kind: ChannelKind, ...settable }).superRefine(kindFields);
export type ChannelCreate = z.infer<typeof ChannelCreate>;

/** PATCH: changes what it names; the kind stays. */
export const ChannelPatch = z.strictObject({ ...settable, name: ChannelName.optional() });
export type ChannelPatch = z.infer<typeof ChannelPatch>;

export const Channel = z.object({
  id: z.string(),
  kind: ChannelKind,
  name: z.string(),
  /** The URL's scheme and host, `…` and its last 4 characters; null for e-mail. */
  target: z.string().nullable(),
  /** e-mail recipients; null for the other kinds. */
  to: z.array(z.string()).nullable(),
  types: z.array(NotificationType),
  minSeverity: Severity,
  quietHours: QuietHours.nullable(),
  mode: ChannelMode,
  digestAt: DigestAt,
  escalation: z.boolean(),
  enabled: z.boolean(),
  state: ChannelState,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Channel = z.infer<typeof Channel>;

/** POST /v1/channels and rotate-secret for webhooks: the signing secret, shown this once. */
export const ChannelWithSecret = Channel.extend({ secret: z.string().optional() });
export type ChannelWithSecret = z.infer<typeof ChannelWithSecret>;

export const ChannelList = z.object({ channels: z.array(Channel) });
export type ChannelList = z.infer<typeof ChannelList>;

export const DELIVERY_REASONS = ['notification', 'escalation', 'digest', 'summary', 'test'] as const;
export const DeliveryReason = z.enum(DELIVERY_REASONS);
export type DeliveryReason = z.infer<typeof DeliveryReason>;

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export const DeliveryState = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryState>;

export const Delivery = z.object({
  id: z.string(),
  notificationId: z.string().nullable(),
  reason: DeliveryReason,
  state: DeliveryState,
  attempts: z.int().min(0),
  lastStatus: z.int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryList = z.object({ deliveries: z.array(Delivery) });
export type DeliveryList = z.infer<typeof DeliveryList>;

/** POST /v1/channels/:id/test: 200 also when the receiver failed. */
export const ChannelTestResult = z.object({
  delivered: z.boolean(),
  status: z.int().nullable(),
  error: z.string().optional(),
});
export type ChannelTestResult = z.infer<typeof ChannelTestResult>;

/** The webhook signing secret: `whsec_` + standard base64 of 32 random bytes. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
export const WEBHOOK_SECRET_BYTES = 32;
