import { describe, expect, it } from 'vitest';

import { openSecret, sealSecret } from '../../../worker/connector/secret-box';

/** The sealed text with one whole character of the ciphertext changed: always a different byte. */
function tamper(sealed: string): string {
  const at = sealed.length - 8;
  return sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
}

describe('secret box', () => {
  it('seals so that only the same key and tenant open it, and never shows the secret', async () => {
    const sealed = await sealSecret('s3cr3t-value', 'key-one', '123-ABC-456');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/);
    expect(sealed).not.toContain('s3cr3t');
    expect(await openSecret(sealed, 'key-one', '123-ABC-456')).toBe('s3cr3t-value');
    expect(await openSecret(sealed, 'key-two', '123-ABC-456')).toBeNull();
    expect(await openSecret(sealed, 'key-one', '999-XYZ-999')).toBeNull();
    expect(await openSecret(tamper(sealed), 'key-one', '123-ABC-456')).toBeNull();
    expect(await openSecret('garbage', 'key-one', '123-ABC-456')).toBeNull();
  });

  it('uses a new nonce each time', async () => {
    expect(await sealSecret('x', 'k', 't')).not.toBe(await sealSecret('x', 'k', 't'));
  });
});
