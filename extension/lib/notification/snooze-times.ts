/** The popup's snooze choices; the worker takes at most 7 days. */
export const SNOOZE_CHOICES = ['hour', 'tomorrow', 'week'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** When a snooze chosen at `now` ends: in an hour, tomorrow at 9:00 in the browser's time zone, or in a week. */
export function snoozeUntil(choice: SnoozeChoice, now: Date): Date {
  if (choice === 'hour') return new Date(now.getTime() + 3_600_000);
  // The worker allows a few minutes of clock difference on top of its 7 days.
  if (choice === 'week') return new Date(now.getTime() + 7 * 86_400_000);
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0, 0);
}
