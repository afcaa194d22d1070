/**
 * The public half of the key pair that fixes the extension's id (manifest `key`), so that browser
 * policy can name the extension before it is installed. The private half is not kept: unpacked and
 * policy-installed builds need only this one; a store listing gets its own id from the store.
 */
export const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA44vqYE3IpP+LAER+GfR6byCHnXs8fUUveLbsemfNf5t5ugRpYpA2wn' +
  'Ile0SQDRuduN8frA82s1yqoQHt+jn2eAdyP6cSFfXxVOWV9/lGvz7VChQfHEUGnHbFfEHdcKUKMPAjWTNLy7Wl4SykEz4USt5E' +
  'y99MyBZMdAECeVcPknT4hLLgCt3qA3sNHU6SGcUFWJBPIhsBk0U+gSeJt+aqhyQdahz3mzF7GnBMJwC+4ELWqHjrlpBjPxJcey' +
  'JXbfriDBkTmvuTCngUckbAELdoXNEqAs7o4LSBYkz/bBBgzsKEt/YiZjWvvG7vzCghAhlamHKt8YKCwOYftKjNMA+OZwIDAQAB';

/** The Chromium extension id that MANIFEST_KEY gives (the README's policy examples use it). */
export const CHROMIUM_EXTENSION_ID = 'ahahgcfffnkolcloajgjpodbeblfmaej';

/** Firefox names extensions by this id instead (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'marketo-notifier@marketo-notifier.dev';

/** Chromium's rule: the first 128 bits of SHA-256 over the key's DER bytes, as hex digits 0-f written a-p. */
export async function extensionIdFromKey(base64Der: string): Promise<string> {
  const der = Uint8Array.from(atob(base64Der), (c) => c.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
  return Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .replace(/[0-9a-f]/g, (d) => String.fromCharCode(97 + parseInt(d, 16)));
}
