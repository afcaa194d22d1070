import { z } from 'zod';

/**
 * Marketo's answers as the connector reads them: a trust boundary, so every answer is parsed here.
 * Lenient where Adobe's own examples are (they omit members the definitions mark required), strict
 * on what the connector uses.
 */
export const IdentityAnswer = z.object({
  access_token: z.string().min(1).max(2000),
  expires_in: z
    .int()
    .min(0)
    .max(30 * 86_400),
  scope: z.string().max(320),
  token_type: z.string().optional(),
});

const MarketoErrorItem = z.object({
  code: z.union([z.string().max(20), z.int()]).transform(String),
  message: z.string().max(2000).optional(),
});

/** Every REST answer: HTTP 200 also for failures, with success:false and errors[]. */
export const Envelope = z.object({
  success: z.boolean(),
  errors: z.array(MarketoErrorItem).max(100).optional(),
  result: z.array(z.unknown()).max(10_000).optional(),
});

/** Adobe's page gives `date` as YYYY-MM-DD, its definition as date-time: both are accepted. */
const DayDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/)
  .transform((d) => d.slice(0, 10));
const Count = z.int().min(0).max(1_000_000_000);

export const UsageDay = z.object({
  date: DayDate,
  total: Count.optional(),
  users: z
    .array(z.object({ userId: z.string().max(320), count: Count }))
    .max(10_000)
    .optional(),
});
export type UsageDay = z.infer<typeof UsageDay>;

export const ErrorsDay = z.object({
  date: DayDate,
  total: Count.optional(),
  errors: z
    .array(z.object({ errorCode: z.union([z.string().max(20), z.int()]).transform(String), count: Count }))
    .max(1000)
    .optional(),
});
export type ErrorsDay = z.infer<typeof ErrorsDay>;

export const SmartCampaign = z.object({
  id: z.int(),
  name: z.string().max(1000),
  type: z.string().max(40),
  isActive: z.boolean(),
  status: z.string().max(40).optional(),
  computedUrl: z.string().max(2000).optional(),
});
export type SmartCampaign = z.infer<typeof SmartCampaign>;
