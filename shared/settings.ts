import { z } from 'zod';

import { type Language, LANGUAGES } from './languages';
import { NOTIFICATION_TYPES, type NotificationType, Severity } from './notification-types';

const TypeSettings = z.strictObject({ enabled: z.boolean() });

const Thresholds = z
  .array(z.int().min(1).max(100))
  .min(1)
  .max(10)
  .refine((t) => new Set(t).size === t.length, 'thresholds must be distinct')
  // The refinement as JSON Schema states it, for the OpenAPI document and the extension's checks.
  .meta({ uniqueItems: true });

const typesShape = Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, TypeSettings])) as Record<
  NotificationType,
  typeof TypeSettings
>;

/**
 * Escalation: a notification at or above minSeverity that nobody acknowledged or resolved
 * afterMinutes after it became unread goes once to the channels marked for escalation.
 */
export const Escalation = z.strictObject({ afterMinutes: z.int().min(1).max(1440), minSeverity: Severity });
export type Escalation = z.infer<typeof Escalation>;
export const DEFAULT_ESCALATION: Escalation = { afterMinutes: 30, minSeverity: 'critical' };

export const Settings = z.strictObject({
  types: z.strictObject(typesShape),
  quota: z.strictObject({ dailyLimit: z.int().min(1).max(1_000_000_000), thresholds: Thresholds }),
  linkedin: z.strictObject({ maxAttempts: z.int().min(1).max(100) }),
  dynamics: z.strictObject({ digestHours: z.int().min(1).max(168) }),
  /** The connector's api_errors: a code fires once its count today reaches minCount. */
  apiErrors: z.strictObject({ minCount: z.int().min(1).max(1_000_000) }),
  /** The tenant keeps at most this many notifications, none older than `days` (by lastAt). */
  retention: z.strictObject({
    maxNotifications: z.int().min(100).max(1_000_000),
    days: z.int().min(1).max(3650),
  }),
  /** What outbound messages (Slack, Teams, webhooks, e-mail, acknowledge pages) are written in. */
  language: z.enum(LANGUAGES),
  /** null: off. */
  escalation: Escalation.nullable(),
});
export type Settings = z.infer<typeof Settings>;

/** A partial document for PUT: what it omits is kept. */
export const SettingsPatch = z.strictObject({
  types: z.strictObject(typesShape).partial().optional(),
  quota: Settings.shape.quota.partial().optional(),
  linkedin: Settings.shape.linkedin.partial().optional(),
  dynamics: Settings.shape.dynamics.partial().optional(),
  apiErrors: Settings.shape.apiErrors.partial().optional(),
  retention: Settings.shape.retention.partial().optional(),
  language: Settings.shape.language.optional(),
  /** null turns escalation off; an object changes what it names (over the defaults when it was off). */
  escalation: Escalation.partial().nullable().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  types: Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, { enabled: true }])) as Settings['types'],
  quota: { dailyLimit: 50_000, thresholds: [80, 100] },
  linkedin: { maxAttempts: 3 },
  dynamics: { digestHours: 24 },
  apiErrors: { minCount: 20 },
  retention: { maxNotifications: 10_000, days: 90 },
  language: 'en' satisfies Language,
  escalation: null,
};

export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  return {
    types: { ...current.types, ...patch.types },
    quota: { ...current.quota, ...patch.quota },
    linkedin: { ...current.linkedin, ...patch.linkedin },
    dynamics: { ...current.dynamics, ...patch.dynamics },
    apiErrors: { ...current.apiErrors, ...patch.apiErrors },
    retention: { ...current.retention, ...patch.retention },
    language: patch.language ?? current.language,
    escalation: mergeEscalation(current.escalation, patch.escalation),
  };
}

function mergeEscalation(current: Escalation | null, patch: SettingsPatch['escalation']): Escalation | null {
  if (patch === undefined) return current;
  if (patch === null) return null;
  return { ...(current ?? DEFAULT_ESCALATION), ...patch };
}
