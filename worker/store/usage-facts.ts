import { z } from 'zod';

import { TopUser } from '../../shared/connector';
import { readMeta, writeMeta } from './meta';

const FACTS_KEY = 'usage_facts';

/** Marketo's own facts of one quota day, as the last poll read them; a new day starts empty. */
export const UsageFacts = z.object({
  day: z.string(),
  topUsers: z.array(TopUser),
  /** Error codes whose count reached apiErrors.minCount this day. */
  apiErrorCodes: z.array(z.string()),
  forecastFired: z.boolean(),
  /** last7days.json, fetched at the day's first poll. */
  days: z.array(z.object({ date: z.string(), total: z.int() })).nullable(),
});
export type UsageFacts = z.infer<typeof UsageFacts>;

const emptyDay = (day: string): UsageFacts => ({
  day,
  topUsers: [],
  apiErrorCodes: [],
  forecastFired: false,
  days: null,
});

export function loadUsageFacts(sql: SqlStorage, day: string): UsageFacts {
  const text = readMeta(sql, FACTS_KEY);
  const parsed = text === null ? null : UsageFacts.safeParse(JSON.parse(text));
  return parsed?.success && parsed.data.day === day ? parsed.data : emptyDay(day);
}

/** The last 7 days stay shown until the next day's fetch replaces them. */
export function lastKnownDays(sql: SqlStorage): UsageFacts['days'] {
  const text = readMeta(sql, FACTS_KEY);
  const parsed = text === null ? null : UsageFacts.safeParse(JSON.parse(text));
  return parsed?.success ? parsed.data.days : null;
}

export function saveUsageFacts(sql: SqlStorage, facts: UsageFacts): void {
  writeMeta(sql, FACTS_KEY, JSON.stringify(UsageFacts.parse(facts)));
}
