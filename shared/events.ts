import { z } from 'zod';

/** Ids are strings or integers (Marketo uses both). Form bodies send digits as text. */
export const ExternalId = z.union([z.string().min(1).max(200), z.int().nonnegative()]);
export type ExternalId = z.infer<typeof ExternalId>;

/** An integer, also when a form-encoded body sends it as digits. */
const intFrom = (min: number, max: number) =>
  z.union([
    z.int().min(min).max(max),
    z
      .string()
      .regex(/^\d{1,10}$/)
      .meta({ description: `An integer from ${min} to ${max}, as decimal digits` })
      .transform(Number)
      .pipe(z.int().min(min).max(max)),
  ]);

export const ErrorCode = intFrom(100, 9999);
const Text = z.string().max(2000);
const Name = z.string().min(1).max(255);

/**
 * Makes a retry of the same event a no-op. A string or an integer, kept as text:
 * 42 and "42" name the same event (a form body sends it as text anyway).
 */
export const EventId = ExternalId.transform((id) => String(id));

const Common = {
  id: EventId.optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  errorCode: ErrorCode.optional(),
  message: Text.optional(),
  /** A link to the asset in Marketo; the extension shows it only for Marketo hosts. */
  url: z
    .url({ protocol: /^https$/ })
    .max(2000)
    .meta({ pattern: '^https://', description: 'An https URL' })
    .optional(),
  /** The Marketo user who did it (Marketo's own streams name them: "deactivated by anna@example.com"). */
  user: z.string().min(1).max(320).optional(),
};

const Ref = z.strictObject({ id: ExternalId, name: Name });

export const CampaignFailureEvent = z.strictObject({
  ...Common,
  type: z.literal('campaign_failure'),
  campaign: Ref,
  program: Ref.optional(),
  error: z.strictObject({ code: z.union([ExternalId]).optional(), message: Text.min(1) }),
});

export const CRMS = ['salesforce', 'dynamics'] as const;
export const CRM_PROBLEMS = [
  'expired_credentials',
  'api_limit',
  'permissions',
  'sync_disabled',
  'duplicate_lead',
  'field_length',
  'other',
] as const;
export const CrmProblem = z.enum(CRM_PROBLEMS);
export type CrmProblem = z.infer<typeof CrmProblem>;
export const Crm = z.enum(CRMS);
export type Crm = z.infer<typeof Crm>;

export const CrmSyncEvent = z.strictObject({
  ...Common,
  type: z.literal('crm_sync'),
  crm: Crm,
  problem: CrmProblem,
  lead: z.strictObject({ id: ExternalId, email: z.email().max(320).optional() }).optional(),
});

export const EngagementExhaustedEvent = z.strictObject({
  ...Common,
  type: z.literal('engagement_exhausted'),
  program: Ref,
  stream: z.strictObject({ name: Name }),
  exhaustedLeads: intFrom(1, 100_000_000),
});

export const FACEBOOK_PROBLEMS = ['terms_not_accepted', 'app_removed'] as const;
export const FacebookEvent = z.strictObject({
  ...Common,
  type: z.literal('facebook'),
  problem: z.enum(FACEBOOK_PROBLEMS),
});

export const CLEANUP_ACTIONS = ['scheduled', 'deactivated'] as const;
export const TriggerCampaignCleanupEvent = z.strictObject({
  ...Common,
  type: z.literal('trigger_campaign_cleanup'),
  campaign: Ref,
  action: z.enum(CLEANUP_ACTIONS),
  lastActivityAt: z.iso.datetime({ offset: true }).optional(),
});

export const LINKEDIN_OPERATIONS = ['create_audience', 'login', 'send'] as const;
export const LinkedinOperation = z.enum(LINKEDIN_OPERATIONS);
export const LinkedinEvent = z.strictObject({
  ...Common,
  type: z.literal('linkedin'),
  operation: LinkedinOperation,
  target: z.string().min(1).max(255).optional(),
  outcome: z.enum(['failure', 'success']),
});

/** The daily quota was reached, e.g. an integration got error 607. */
export const WebServicesQuotaEvent = z.strictObject({
  ...Common,
  type: z.literal('web_services_quota'),
});

export const MarketoEvent = z.discriminatedUnion('type', [
  CampaignFailureEvent,
  CrmSyncEvent,
  EngagementExhaustedEvent,
  FacebookEvent,
  TriggerCampaignCleanupEvent,
  LinkedinEvent,
  WebServicesQuotaEvent,
]);
/** What an integration sends (numbers may arrive as digits). */
export type MarketoEventInput = z.input<typeof MarketoEvent>;
/** The event after validation: numbers are numbers. */
export type MarketoEvent = z.output<typeof MarketoEvent>;

export const MAX_BATCH = 100;
export const MAX_BODY_BYTES = 64 * 1024;
/** A form-encoded body (a Marketo webhook) names at most this many fields, each of at most this many dotted parts. */
export const MAX_FORM_FIELDS = 200;
export const MAX_FORM_NAME_SEGMENTS = 8;

export const EventBatch = z.strictObject({ events: z.array(MarketoEvent).min(1).max(MAX_BATCH) });
/** One event, or `{events: [...]}`: all or nothing. */
export const EventsBody = z.union([EventBatch, MarketoEvent]);

export const EventsAccepted = z.object({ accepted: z.int(), duplicates: z.int() });
export type EventsAccepted = z.infer<typeof EventsAccepted>;

export const UsageBody = z.strictObject({ calls: z.int().min(1).max(1_000_000) });
