// Marketo's quota day: it resets at midnight America/Chicago (DST-correct).

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Central calendar day of an instant, YYYY-MM-DD. */
export function centralDay(ms: number): string {
  return DAY_FORMAT.format(new Date(ms));
}

/** The Central days before `day`, newest first, `count` of them (calendar arithmetic on the date itself). */
export function daysBefore(day: string, count: number): string[] {
  const [y, m, d] = day.split('-').map(Number);
  const out: string[] = [];
  for (let i = 1; i <= count; i += 1) out.push(new Date(Date.UTC(y, m - 1, d - i)).toISOString().slice(0, 10));
  return out;
}
