/**
 * Intl formatters, made once per language and options: making one costs far more than using it,
 * and the popup formats two dates for each of its notifications.
 */
const formatters = new Map<string, unknown>();
function formatter<T>(kind: string, lang: string, options: object, make: () => T): T {
  const key = `${kind} ${lang} ${JSON.stringify(options)}`;
  let made = formatters.get(key) as T | undefined;
  if (made === undefined) formatters.set(key, (made = make()));
  return made;
}
const dateTimeFormat = (lang: string, options: Intl.DateTimeFormatOptions) =>
  formatter('date', lang, options, () => new Intl.DateTimeFormat(lang, options));
const numberFormat = (lang: string, options: Intl.NumberFormatOptions) =>
  formatter('number', lang, options, () => new Intl.NumberFormat(lang, options));

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minutes ago", "in 2 hours", "now": the largest whole unit, in the given language. */
export function relativeTime(iso: string, nowMs: number, lang: string): string {
  const seconds = Math.round((Date.parse(iso) - nowMs) / 1000);
  const format = formatter(
    'relative',
    lang,
    {},
    () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }),
  );
  if (!Number.isFinite(seconds)) return '';
  if (Math.abs(seconds) < 45) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** When the quota resets, in the user's time zone (or a given one), with the zone's name. */
export function formatResetTime(iso: string, lang: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormat(lang, {
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

/** A date and time for facts like "last activity". */
export function formatDateTime(iso: string, lang: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** From–to of two instants, written once where they share it (the day, when it is the same one). */
export function formatDateTimeRange(
  startIso: string,
  endIso: string,
  lang: string,
  timeZone?: string,
): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const format = dateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start)
    return formatList(
      [formatDateTime(startIso, lang, timeZone), formatDateTime(endIso, lang, timeZone)],
      lang,
    );
  return format.formatRange(start, end);
}

/** Quantities listed the way the language lists them ("Duplicate lead: 3, Field length mismatch: 2"). */
export function formatList(items: readonly string[], lang: string): string {
  return formatter('list', lang, {}, () => new Intl.ListFormat(lang, { type: 'unit', style: 'long' })).format(
    items,
  );
}

/** A whole percentage as the language writes it: 80 → "80%" in English, "80 %" in French. */
export function formatPercentValue(percent: number, lang: string): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** A calendar day (YYYY-MM-DD) as the language writes it; the day itself does not shift by time zone. */
export function formatDay(day: string, lang: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return dateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Share of the quota used, 0..1 (a zero limit counts as full when anything was used). */
export function quotaRatio(used: number, limit: number): number {
  if (limit <= 0) return used > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, used / limit));
}

export function formatPercent(used: number, limit: number, lang: string): string {
  const ratio = limit <= 0 ? quotaRatio(used, limit) : Math.max(0, used / limit);
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** `mn_…abcd`: enough to recognise a key, never enough to use it. */
export function maskKey(key: string): string {
  if (key.length <= 8) return '…';
  const prefix = key.startsWith('mn_') ? 'mn_' : '';
  return `${prefix}…${key.slice(-4)}`;
}
