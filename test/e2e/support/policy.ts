import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where Debian's Chromium reads mandatory policy (every *.json, merged); root only. */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** A manifest `key` of the test's own, and its extension id. */
export function testExtensionKey(): { key: string; id: string } {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return { key, id: extensionIdOf(key) };
}

/**
 * Writes a policy file for one extension (3rdparty, what storage.managed gives it) under a name of
 * this run's own. `remove()` deletes it, and the folders this call created if they are empty again;
 * it also runs when the process exits, so that a crashed run does not leave the policy behind.
 */
export function writeExtensionPolicy(
  extensionId: string,
  values: Record<string, unknown>,
): { path: string; remove: () => void } {
  // The folders missing now (deepest first), to take away again afterwards if nothing else is in them.
  const created: string[] = [];
  for (let dir = CHROMIUM_POLICY_DIR; !existsSync(dir); dir = dirname(dir)) created.push(dir);
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const path = join(
    CHROMIUM_POLICY_DIR,
    `marketo-notifier-e2e-${process.pid}-${randomBytes(4).toString('hex')}.json`,
  );
  writeFileSync(path, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: values } } }, null, 2));
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    process.off('exit', remove);
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
    for (const dir of created) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty (someone else's policy) or gone: left as it is.
      }
    }
  };
  process.on('exit', remove);
  return { path, remove };
}

/**
 * The extension id Chromium gives a manifest `key` (base64 DER of the public key): SHA-256 of the
 * DER bytes, first 16 bytes, hex digits 0-f written a-p. Computed here, apart from the extension's code.
 */
export function extensionIdOf(base64Key: string): string {
  const digest = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}
