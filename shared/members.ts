import { z } from 'zod';

/**
 * A member is one person of the team: read and admin keys belong to one, and keys of the same
 * member share one read state. Names are shown to colleagues, so they are plain text on one line.
 */
export const MEMBER_NAME_MAX = 80;
export const MemberName = z
  .string()
  .trim()
  .min(1)
  .max(MEMBER_NAME_MAX)
  // No control characters (line breaks, tabs, escapes): a name is one line of text. The range
  // is Unicode's Cc written out, without the u flag, so that the OpenAPI document states it too.
  .regex(/^[^\u0000-\u001f\u007f-\u009f]+$/, 'a name without control characters');
export type MemberName = z.infer<typeof MemberName>;

/** Who acknowledged or resolved a notification, and when (ISO-8601); `via` the channel kind of an acknowledge link. */
export const Triage = z.object({
  member: z.string(),
  at: z.string(),
  via: z.enum(['slack', 'teams', 'webhook', 'email']).optional(),
});
export type Triage = z.infer<typeof Triage>;

/** A snooze lasts at most 7 days. */
export const MAX_SNOOZE_MS = 7 * 24 * 3_600_000;
/** Clocks of browser and worker differ a little: a week computed in the browser is still a week. */
export const SNOOZE_CLOCK_SKEW_MS = 5 * 60_000;

export const SnoozeBody = z.strictObject({
  /** Until when the notification is hidden from the caller's unread: in the future, at most 7 days ahead. */
  until: z.iso.datetime({ offset: true }),
});
export type SnoozeBody = z.infer<typeof SnoozeBody>;

/** Why a snooze time is refused, or null when it is fine. */
export function snoozeProblem(untilMs: number, nowMs: number): 'snooze_past' | 'snooze_too_long' | null {
  if (!Number.isFinite(untilMs) || untilMs <= nowMs) return 'snooze_past';
  if (untilMs > nowMs + MAX_SNOOZE_MS + SNOOZE_CLOCK_SKEW_MS) return 'snooze_too_long';
  return null;
}

/** An enroll key buys personal read keys: at most this many per enroll key per day (UTC). */
export const ENROLMENTS_PER_DAY = 100;

/**
 * Two names are the same member when they compare equal after NFKC, runs of white space made one
 * space, and case folding: ` Anna  Berg `, `ＡＮＮＡ BERG` and `anna berg` are one person.
 */
export function memberNameKey(name: string): string {
  const spaced = name.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  return spaced.toUpperCase().toLowerCase().normalize('NFKC');
}

/** Invisible characters (Unicode Cf: zero-width, bidi controls, soft hyphen, BOM): they make look-alikes. */
const FORMAT_CHARACTER = /\p{Cf}/u;
/** The name a key made without a member has (its own id): never one a person can enrol as. */
const KEY_ID_NAME = /^key_[a-z0-9_-]+$/;

/**
 * A name typed at enrolment: a MemberName without invisible characters, and not of the form of a
 * key id. (Admins name members with MemberName, so that a second key can join an existing member.)
 */
// Pure, like every schema built from `z` (extension/build/pure-schemas.ts): a chain that starts at
// another schema needs saying so, or the extension's bundles keep zod for it.
export const EnrolName = /* @__PURE__ */ MemberName.refine(
  (name) => !FORMAT_CHARACTER.test(name),
  'a name without invisible characters',
).refine((name) => !KEY_ID_NAME.test(memberNameKey(name)), 'a name, not a key id');

export const EnrollBody = z.strictObject({ member: EnrolName });
export type EnrollBody = z.infer<typeof EnrollBody>;

/** A personal read key; `key` is shown in this answer and never again. */
export const Enrolled = z.object({
  id: z.string(),
  key: z.string(),
  role: z.literal('read'),
  member: z.string(),
});
export type Enrolled = z.infer<typeof Enrolled>;

export const MemberKey = z.object({
  id: z.string(),
  role: z.enum(['read', 'admin']),
  label: z.string().nullable(),
  createdAt: z.string(),
});
export type MemberKey = z.infer<typeof MemberKey>;

export const Member = z.object({
  member: z.string(),
  keys: z.array(MemberKey),
  /** The last request of any of the member's keys (ISO-8601), null when none was seen yet. */
  lastSeenAt: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ members: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;
