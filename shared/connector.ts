import { z } from 'zod';

/** What PUT /v1/connector accepts; the design's ranges. */
export const CONNECTOR_LIMITS = {
  pollMinutes: { min: 1, max: 60, default: 5 },
  campaignsEveryMinutes: { min: 15, max: 1440, default: 60 },
  maxDailyCalls: { min: 1, max: 50_000, default: 1000 },
} as const;

/** Marketo's client secrets are 32 characters; anything far longer is not one. */
export const MAX_CLIENT_SECRET_LENGTH = 256;

const range = (r: { min: number; max: number }) => z.int().min(r.min).max(r.max);

/**
 * PUT /v1/connector: the first PUT names restUrl, clientId and clientSecret; a later one changes what it
 * names and keeps the rest. clientSecret is write-only; null removes it.
 */
export const ConnectorPut = z.strictObject({
  /** The REST endpoint of Admin > Web Services, e.g. https://123-ABC-456.mktorest.com (a trailing /rest is fine). */
  restUrl: z.string().min(1).max(300).optional(),
  clientId: z.string().min(1).max(200).optional(),
  clientSecret: z.string().min(1).max(MAX_CLIENT_SECRET_LENGTH).nullable().optional(),
  enabled: z.boolean().optional(),
  pollMinutes: range(CONNECTOR_LIMITS.pollMinutes).optional(),
  campaignsEveryMinutes: range(CONNECTOR_LIMITS.campaignsEveryMinutes).optional(),
  maxDailyCalls: range(CONNECTOR_LIMITS.maxDailyCalls).optional(),
});
export type ConnectorPut = z.infer<typeof ConnectorPut>;

export const CONNECTOR_STATES = ['ok', 'failing', 'paused', 'off'] as const;
export const ConnectorState = z.enum(CONNECTOR_STATES);
export type ConnectorState = z.infer<typeof ConnectorState>;

/**
 * A connector failure: a Marketo error code ("606"), or one of the worker's own codes for what Marketo's
 * answer could not say: identity_refused, unreachable, timeout, http_<status>, malformed, max_daily_calls.
 * Marketo's own message is cut to 500 characters and holds neither the client secret, the client id nor
 * the access token.
 */
export const ConnectorError = z.object({ code: z.string().max(40), message: z.string().max(500) });
export type ConnectorError = z.infer<typeof ConnectorError>;

export const ConnectorStatus = z.object({
  state: ConnectorState,
  lastPollAt: z.string().nullable(),
  nextPollAt: z.string().nullable(),
  lastError: ConnectorError.nullable(),
  /** REST calls the connector made this quota day (identity calls do not count). */
  callsToday: z.int().min(0),
  /** The identity answer's `scope`: the API-only user behind the client id. */
  apiUser: z.string().nullable(),
});
export type ConnectorStatus = z.infer<typeof ConnectorStatus>;

export const ConnectorSettings = z.object({
  restUrl: z.string(),
  clientId: z.string(),
  enabled: z.boolean(),
  pollMinutes: z.int(),
  campaignsEveryMinutes: z.int(),
  maxDailyCalls: z.int(),
});
export type ConnectorSettings = z.infer<typeof ConnectorSettings>;

/** GET /v1/connector: the settings without the secret. */
export const ConnectorView = ConnectorSettings.extend({ secretSet: z.boolean(), status: ConnectorStatus });
export type ConnectorView = z.infer<typeof ConnectorView>;

export const TopUser = z.object({ userId: z.string(), count: z.int() });
export type TopUser = z.infer<typeof TopUser>;
export const MAX_TOP_USERS = 3;

/** GET /v1/quota/history: the popup's chart. */
export const QuotaHistory = z.object({
  /** Today's poll samples, oldest first. */
  today: z.array(z.object({ at: z.string(), used: z.int() })),
  /** Marketo's last 7 days, oldest first. */
  days: z.array(z.object({ date: z.string(), total: z.int() })),
  /** When today's pace reaches the daily limit before the reset; null otherwise. */
  forecastAt: z.string().nullable(),
});
export type QuotaHistory = z.infer<typeof QuotaHistory>;
