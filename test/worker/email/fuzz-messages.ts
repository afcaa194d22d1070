/**
 * Malformed and random MIME messages from a seeded generator (the same 1,000 every run). Their
 * text never spells a notification type's name (letters come from a small alphabet without CJK),
 * so each one must end refused or as a `marketo_email`.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: Random, max: number) => Math.floor(r() * (max + 1));

const ALPHABET =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ' +
  '.,;:!?-_=+/\\<>&#@"\'()[]{}%*\t\u00e9\u00f6\u00df\u20ac\ud83d\ude00';
function words(r: Random, max: number): string {
  let out = '';
  const n = int(r, max);
  for (let i = 0; i < n; i++) out += ALPHABET[int(r, ALPHABET.length - 1)];
  return out;
}

/** Letters that grow when percent-encoded or encoded as UTF-8 (up to 12 bytes each); no CJK. */
const NON_ASCII = ['é', 'ö', 'ß', '€', 'ł', 'Ω', '\u0301', '\u200b', '\u{1f600}'];
export function nonAscii(r: Random, max: number): string {
  let out = '';
  const n = int(r, max);
  for (let i = 0; i < n; i++) out += pick(r, NON_ASCII);
  return out;
}

/** A long link to a Marketo host whose path (or fragment) is all non-ASCII. */
export function longMarketoLink(r: Random, max = 2_000): string {
  const host = pick(r, ['app-ab12', 'engage-x9']);
  return `https://${host}.marketo.com/${pick(r, ['', '#', '?q='])}${nonAscii(r, max)}`;
}

export function utf8Base64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''));
}

const CHARSETS = [
  'utf-8',
  'iso-8859-1',
  'x-unknown-charset',
  'utf-16',
  'gb18030',
  '',
  '"utf-8',
  'shift_jis',
  'koi8-r',
];
const ENCODINGS = ['7bit', '8bit', 'quoted-printable', 'base64', 'x-uuencode', 'binary', 'BASE64 ', ''];
const TYPES = [
  'text/plain',
  'text/html',
  'multipart/alternative',
  'multipart/mixed',
  'message/rfc822',
  'application/octet-stream',
  'text/',
  '/',
  'multipart/',
];

function header(r: Random): string {
  return pick(r, [
    () => `Subject: ${words(r, 80)}`,
    () => `Subject: =?${pick(r, CHARSETS)}?${pick(r, ['B', 'Q', 'X', ''])}?${words(r, 60)}?=`,
    () => `From: ${words(r, 30)}`,
    () => `From: "${words(r, 10)}" <${words(r, 10)}@${words(r, 8)}>`,
    () => `Message-ID: <${words(r, 40)}>`,
    () => `Message-ID: ${words(r, 300)}`,
    () => `Date: ${words(r, 30)}`,
    () => `Content-Type: ${pick(r, TYPES)}; charset=${pick(r, CHARSETS)}; boundary="${words(r, 20)}"`,
    () => `Content-Transfer-Encoding: ${pick(r, ENCODINGS)}`,
    () => `${words(r, 20)}: ${words(r, 200)}`,
    () => ` ${words(r, 100)}`,
    () => `X-Long: ${'a'.repeat(int(r, 20_000))}`,
    () => `Subject: ${nonAscii(r, 3_000)}`,
    () => `Subject: =?utf-8?B?${utf8Base64(nonAscii(r, 1_500))}?=`,
    () => `From: "${nonAscii(r, 500)}" <${nonAscii(r, 400)}@${words(r, 8)}.example>`,
  ])();
}

function body(r: Random, depth: number): string {
  return pick(r, [
    () => words(r, 2_000),
    () =>
      `<html><body>${words(r, 200)}<script>${words(r, 50)}<p>${words(r, 200)}` +
      `<a href="javascript:${words(r, 20)}">${words(r, 20)}</a><!--${words(r, 100)}</body>`,
    () => btoaSafe(words(r, 500)) + pick(r, ['', '===', '!!!', '\r\n=']),
    () => `${words(r, 100)}=${pick(r, ['', 'Z', 'C3', '\r\n', 'G1'])}${words(r, 100)}=`,
    () => multipart(r, depth + 1),
    () =>
      Array.from(
        { length: int(r, 400) },
        () => `<${pick(r, ['a', 'p', 'div', 'script', '!--', '!x', '/td'])} `,
      ).join(''),
    () => `${words(r, 50)} ${longMarketoLink(r)} ${words(r, 50)}`,
    () => `<html><body><a href="${longMarketoLink(r)}">${nonAscii(r, 20)}</a></body></html>`,
  ])();
}

function multipart(r: Random, depth: number): string {
  if (depth > 40) return words(r, 50);
  const boundary = words(r, 12) || 'b';
  const parts = Array.from({ length: int(r, 4) }, () => {
    const headers = Array.from({ length: int(r, 3) }, () => header(r)).join('\r\n');
    return (
      `--${boundary}\r\nContent-Type: ${pick(r, TYPES)}; ` +
      `boundary="${boundary}${depth}"\r\n${headers}\r\n\r\n${body(r, depth)}\r\n`
    );
  });
  return (
    `Content-Type: multipart/${pick(r, ['mixed', 'alternative', 'related'])}; ` +
    `boundary="${boundary}"\r\n\r\n${parts.join('')}${pick(r, [`--${boundary}--`, '', `--${boundary}`])}`
  );
}

function btoaSafe(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text).slice(0, 3000)));
}

/** One message: random bytes, a header soup, or a broken MIME tree. */
export function fuzzMessage(r: Random): Uint8Array {
  const kind = int(r, 9);
  if (kind === 0) return new Uint8Array(int(r, 4_000)).map(() => int(r, 255));
  const headers = Array.from({ length: int(r, 12) }, () => header(r));
  if (kind === 1) return new TextEncoder().encode(headers.join(pick(r, ['\r\n', '\n', '\r', ''])));
  if (kind === 2) return new TextEncoder().encode(`${headers.join('\r\n')}\r\n${multipart(r, 0)}`);
  if (kind === 3) return new TextEncoder().encode(nested(int(r, 300)));
  return new TextEncoder().encode(`${headers.join('\r\n')}\r\n\r\n${body(r, 0)}`);
}

/** Multipart inside multipart, deeper than the parser's limit. */
function nested(depth: number): string {
  let message = 'text';
  for (let i = 0; i < depth; i++)
    message = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${message}\r\n--b${i}--\r\n`;
  return `Subject: deep\r\n${message}`;
}
