/** base64url without padding (RFC 4648 section 5): keys, tickets and cursors travel in URLs and headers. */
export function toBase64Url(data: Uint8Array | string): string {
  let binary = '';
  if (typeof data === 'string') binary = data;
  else for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The binary string (one char per byte) of base64url text; throws on text that is not base64. */
export function fromBase64Url(text: string): string {
  return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
}
