/// <reference types="vite/client" />
/** The .eml fixtures as their bytes (the files are ASCII or UTF-8, as a mail server hands them over). */
const files = import.meta.glob('../email/fixtures/*.eml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const FIXTURE_NAMES = Object.keys(files).map((path) =>
  path.replace(/^\.\.\/email\/fixtures\/|\.eml$/g, ''),
);

export function fixture(name: string): Uint8Array {
  const text = files[`../email/fixtures/${name}.eml`];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return new TextEncoder().encode(text);
}

/** A fixture with its Message-ID (and optionally more) replaced, e.g. to send it again as a new mail. */
export function fixtureWith(
  name: string,
  messageId: string,
  replace: (text: string) => string = (t) => t,
): Uint8Array {
  const text = new TextDecoder()
    .decode(fixture(name))
    .replace(/^Message-ID: <[^>]*>/m, `Message-ID: <${messageId}>`);
  return new TextEncoder().encode(replace(text));
}
