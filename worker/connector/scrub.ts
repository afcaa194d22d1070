/** Marketo's error texts are stored and answered (lastError): at most this long. */
export const MAX_MARKETO_TEXT = 500;

const REDACTED = '[redacted]';

/** The forms a value takes when a host quotes the request back: as sent in a query, or decoded. */
function formsOf(value: string): string[] {
  const query = new URLSearchParams({ v: value }).toString().slice(2);
  return [...new Set([value, encodeURIComponent(value), query])].sort((a, b) => b.length - a.length);
}

/**
 * A text Marketo (or whatever answers at restUrl) gave, made fit to keep: every form of each of the
 * `confidential` values (client secret, client id, access token) replaced, then cut to 500 characters.
 * Replaced before the cut, so that no cut leaves part of a value behind.
 */
export function scrubMarketoText(text: string, confidential: readonly (string | null | undefined)[]): string {
  let scrubbed = text;
  for (const value of confidential) {
    if (!value) continue;
    for (const form of formsOf(value)) scrubbed = scrubbed.split(form).join(REDACTED);
  }
  return scrubbed.length > MAX_MARKETO_TEXT ? scrubbed.slice(0, MAX_MARKETO_TEXT) : scrubbed;
}
