/**
 * What an outbound channel may be, as plain values: the worker's schemas (./channels.ts) and the
 * options page's channel form both check by these. No zod here, so that the extension can import
 * them without the schemas.
 */
export const CHANNEL_KINDS = ['slack', 'teams', 'webhook', 'email'] as const;

export const MAX_CHANNELS = 20;
export const CHANNEL_NAME_MAX = 80;
export const MAX_EMAIL_RECIPIENTS = 10;
export const MAX_CHANNEL_URL_LENGTH = 2000;

/** A wall-clock time, 24-hour `HH:MM`. */
export const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** True when the runtime's Intl knows the IANA zone (e.g. Europe/Amsterdam). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
