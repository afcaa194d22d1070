import { z } from 'zod';

import { CLEANUP_ACTIONS, Crm, CrmProblem, ExternalId, FACEBOOK_PROBLEMS, LinkedinOperation } from './events';
import { Triage } from './members';
import { NOTIFICATION_TYPES, NotificationType, SEVERITIES, Severity } from './notification-types';

/**
 * A notification holds facts, never display text: the extension renders them in the user's language.
 * Fields an event may carry through to every notification it makes or repeats (latest wins).
 */
const Carried = {
  errorCode: z.int().optional(),
  message: z.string().optional(),
  url: z.string().optional(),
  /** Set when a Marketo notification e-mail made or repeated it (shared/email.ts: EmailOrigin). */
  source: z.literal('email').optional(),
  subject: z.string().optional(),
  excerpt: z.string().optional(),
};
const Ref = z.object({ id: ExternalId, name: z.string() });

/** The Marketo user who did it, when Marketo's own streams say so ("deactivated by anna@example.com"). */
const ByUser = { user: z.string().optional() };

/** The connector's campaign changes: a trigger campaign deactivated, a campaign turned Invalid. */
export const CAMPAIGN_CHANGE_KINDS = ['deactivated', 'invalid'] as const;
export const CampaignChangeKind = z.enum(CAMPAIGN_CHANGE_KINDS);
export type CampaignChangeKind = z.infer<typeof CampaignChangeKind>;
/** A poll notifies at most this many campaign changes; the last of them counts the rest (`more`). */
export const MAX_CAMPAIGN_NOTIFICATIONS_PER_POLL = 20;
/** The changes of the same poll that got no notification of their own: how many, of which kinds. */
export const MoreCampaignChanges = z.object({
  total: z.int().min(1),
  byKind: z.partialRecord(CampaignChangeKind, z.int().min(1)),
});
export type MoreCampaignChanges = z.infer<typeof MoreCampaignChanges>;

export const CampaignFailureData = z.object({
  ...Carried,
  ...ByUser,
  campaign: Ref,
  program: Ref.optional(),
  error: z.object({ code: ExternalId.optional(), message: z.string() }),
  more: MoreCampaignChanges.optional(),
});

/** Dynamics lead failures that go into one digest notification per window. */
export const DIGEST_CAUSES = ['duplicate_lead', 'field_length', 'other'] as const;
export const DigestCause = z.enum(DIGEST_CAUSES);
export type DigestCause = z.infer<typeof DigestCause>;
export const MAX_DIGEST_LEADS = 100;

export const CrmProblemData = z.object({
  ...Carried,
  kind: z.literal('problem'),
  crm: Crm,
  problem: CrmProblem,
});
export const CrmDigestData = z.object({
  ...Carried,
  kind: z.literal('digest'),
  crm: z.literal('dynamics'),
  windowStart: z.string(),
  windowEnd: z.string(),
  /** Failed leads per cause in this window. */
  causes: z.partialRecord(DigestCause, z.int()),
  /** The last 100 lead ids, oldest first. */
  leads: z.array(ExternalId).max(MAX_DIGEST_LEADS),
});
export const CrmSyncData = z.discriminatedUnion('kind', [CrmProblemData, CrmDigestData]);

export const EngagementExhaustedData = z.object({
  ...Carried,
  program: Ref,
  stream: z.object({ name: z.string() }),
  /** Latest number of leads that ran out of content. */
  exhaustedLeads: z.int(),
});
export const FacebookData = z.object({ ...Carried, problem: z.enum(FACEBOOK_PROBLEMS) });
export const TriggerCampaignCleanupData = z.object({
  ...Carried,
  ...ByUser,
  campaign: Ref,
  action: z.enum(CLEANUP_ACTIONS),
  lastActivityAt: z.string().optional(),
  more: MoreCampaignChanges.optional(),
});
export const LinkedinData = z.object({
  ...Carried,
  operation: LinkedinOperation,
  target: z.string().optional(),
  /** Consecutive failures when the notification was made or repeated. */
  attempts: z.int(),
});
export const WebServicesQuotaData = z.object({
  ...Carried,
  /** The quota day (America/Chicago) as YYYY-MM-DD. */
  day: z.string(),
  /** Percent of the daily limit; 100 also when error 607 was reported, and for the forecast. */
  threshold: z.int(),
  used: z.int(),
  limit: z.int(),
  /** The connector's forecast: today's pace over the last hour reaches the limit at `forecastAt`, before the reset. */
  kind: z.literal('forecast').optional(),
  forecastAt: z.string().optional(),
});

/** Marketo's own count of today's API errors (stats/errors.json), one notification per quota day. */
export const ApiErrorsData = z.object({
  ...Carried,
  day: z.string(),
  /** Today's errors per Marketo error code, e.g. {"606": 41}. */
  byCode: z.record(z.string(), z.int()),
  total: z.int(),
  /** The codes whose count reached `minCount` today. */
  reached: z.array(z.string()),
  minCount: z.int(),
});

/** The connector cannot poll Marketo: `code` is a Marketo error code or the connector's own (see ConnectorError). */
export const ConnectorData = z.object({ ...Carried, code: z.string() });
/** An A/B test (Marketo's "test group") has a result, from Marketo's notification stream. */
export const AbTestData = z.object({
  ...Carried,
  ...ByUser,
  program: z.object({ name: z.string() }).optional(),
  test: z.string().optional(),
  winner: z.string().optional(),
});
/** One user's failed logins (Marketo's user audit stream): `failures` that quota day so far. */
export const LoginFailuresData = z.object({
  ...Carried,
  user: z.string(),
  day: z.string(),
  failures: z.int(),
});
/** A mail that matched no seed type: its subject, sender and the start of its text. */
export const MarketoEmailData = z.object({
  ...Carried,
  source: z.literal('email'),
  subject: z.string(),
  from: z.string(),
  excerpt: z.string(),
});

/** An outbound channel that turned failing or disabled; read by itself after its next good delivery. */
export const ChannelData = z.object({
  ...Carried,
  channelId: z.string(),
  name: z.string(),
  kind: z.enum(['slack', 'teams', 'webhook', 'email']),
  state: z.enum(['failing', 'disabled']),
  /** The last HTTP status; null after a timeout or a network failure. */
  status: z.int().nullable(),
  error: z.string().nullable(),
});

const base = {
  id: z.string(),
  severity: Severity,
  count: z.int().min(1),
  firstAt: z.string(),
  lastAt: z.string(),
  /** When the caller's member read it (a resolved one counts as read); null while unread for them. */
  readAt: z.string().nullable(),
  /** Shared triage, the same for every member; a repeat of the group clears both. */
  ack: Triage.nullable().optional(),
  resolved: Triage.nullable().optional(),
  /** Until when the caller's member snoozed it; null when not snoozed. */
  snoozedUntil: z.string().nullable().optional(),
};

export const Notification = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('campaign_failure'), data: CampaignFailureData }),
  z.object({ ...base, type: z.literal('crm_sync'), data: CrmSyncData }),
  z.object({ ...base, type: z.literal('engagement_exhausted'), data: EngagementExhaustedData }),
  z.object({ ...base, type: z.literal('facebook'), data: FacebookData }),
  z.object({ ...base, type: z.literal('trigger_campaign_cleanup'), data: TriggerCampaignCleanupData }),
  z.object({ ...base, type: z.literal('linkedin'), data: LinkedinData }),
  z.object({ ...base, type: z.literal('web_services_quota'), data: WebServicesQuotaData }),
  z.object({ ...base, type: z.literal('api_errors'), data: ApiErrorsData }),
  z.object({ ...base, type: z.literal('connector'), data: ConnectorData }),
  z.object({ ...base, type: z.literal('marketo_email'), data: MarketoEmailData }),
  z.object({ ...base, type: z.literal('channel'), data: ChannelData }),
  z.object({ ...base, type: z.literal('ab_test'), data: AbTestData }),
  z.object({ ...base, type: z.literal('login_failures'), data: LoginFailuresData }),
]);
export type Notification = z.infer<typeof Notification>;
export type NotificationOf<T extends NotificationType> = Extract<Notification, { type: T }>;
export type NotificationData<T extends NotificationType> = NotificationOf<T>['data'];

/** A query parameter given empty (`?type=`, what a URL template leaves) counts as absent. */
const orAbsent = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);

/** A number in a query string: decimal digits only (no `0x10`, `1e1`, sign, point or spaces). */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,9}$/, 'decimal digits')
    // A query string is text: the document states the range the handler enforces in words.
    .describe(`A whole number from ${min} to ${max}, in decimal digits.`)
    .transform(Number)
    .pipe(z.int().min(min).max(max));

export const FeedQuery = z.strictObject({
  status: orAbsent(z.enum(['unread', 'all']).default('unread')),
  type: orAbsent(NotificationType.optional()),
  limit: orAbsent(queryInt(1, 100).default(50)),
  cursor: orAbsent(z.string().min(1).max(200).optional()),
});
export type FeedQuery = z.output<typeof FeedQuery>;

export const NotificationPage = z.object({ items: z.array(Notification), nextCursor: z.string().nullable() });
export type NotificationPage = z.infer<typeof NotificationPage>;

export const MarkRead = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(100)).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkRead = z.infer<typeof MarkRead>;
export const MarkReadResult = z.object({ updated: z.int() });

export const QuotaState = z.object({
  used: z.int(),
  limit: z.int(),
  /** Next midnight America/Chicago, as an ISO-8601 UTC instant. */
  resetsAt: z.string(),
  /** The largest API users of today as the connector last read them from Marketo (at most 3). */
  topUsers: z
    .array(z.object({ userId: z.string(), count: z.int() }))
    .max(3)
    .optional(),
});
export type QuotaState = z.infer<typeof QuotaState>;

export const Counts = z.object({
  unread: z.int(),
  byType: z.record(NotificationType, z.int()),
  bySeverity: z.record(Severity, z.int()),
  quota: QuotaState,
});
export type Counts = z.infer<typeof Counts>;
/** The unread part of the counts, what the tenant's counters hold. */
export type UnreadCounts = Omit<Counts, 'quota'>;

export const emptyCounts = (quota: QuotaState): Counts => ({
  unread: 0,
  byType: Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, 0])) as Counts['byType'],
  bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Counts['bySeverity'],
  quota,
});

/** The stream's own close codes (4000-4999), besides the standard ones. */
export const STREAM_CLOSE_CODES = {
  /** The key that opened the stream was revoked; a new ticket for it is refused too. */
  keyRevoked: 4401,
} as const;

/** What the stream pushes. */
export const StreamMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('counts'), counts: Counts }),
  z.object({ kind: z.literal('notification'), notification: Notification }),
  /** A notification's shared triage changed (acknowledged, resolved, snoozed): shown in place, never announced. */
  z.object({ kind: z.literal('update'), notification: Notification }),
]);
export type StreamMessage = z.infer<typeof StreamMessage>;
