// Marketo's quota day: it resets at midnight America/Chicago (DST-correct).

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Chicago',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Central calendar day of an instant, YYYY-MM-DD. */
export function centralDay(ms: number): string {
  return DAY_FORMAT.format(new Date(ms));
}

/** The Central days before `day`, newest first, `count` of them (calendar arithmetic on the date itself). */
export function daysBefore(day: string, count: number): string[] {
  const [y, m, d] = day.split('-').map(Number);
  const out: string[] = [];
  for (let i = 1; i <= count; i += 1)
    out.push(new Date(Date.UTC(y, m - 1, d - i)).toISOString().slice(0, 10));
  return out;
}

const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'America/Chicago',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Minutes since Central midnight, when Marketo's quota day began. */
export function centralMinutes(ms: number): number {
  const [hours, minutes] = TIME_FORMAT.format(new Date(ms)).split(':').map(Number);
  return hours * 60 + minutes;
}

/** 0 for Sunday to 6 for Saturday, of a YYYY-MM-DD day. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}
