/**
 * KV layout of the tenants' e-mail addresses (both lower case):
 *   email-address:<address>  -> tenant id (looked up for every incoming mail)
 *   tenant-email:<tenant>    -> its current address
 * Rotating writes the new address before deleting the old one, so mail never finds no address.
 */
const addressKey = (address: string) => `email-address:${address.toLowerCase()}`;
const tenantKey = (tenant: string) => `tenant-email:${tenant}`;

const RANDOM_CHARS = 24;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 24 characters from [a-z0-9], without modulo bias. */
function randomPart(): string {
  let out = '';
  while (out.length < RANDOM_CHARS) {
    for (const byte of crypto.getRandomValues(new Uint8Array(RANDOM_CHARS * 2))) {
      if (byte < 252 && out.length < RANDOM_CHARS) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}

export function newAddress(tenant: string, domain: string): string {
  return `${tenant.toLowerCase()}.${randomPart()}@${domain.toLowerCase()}`;
}

export async function currentAddress(kv: KVNamespace, tenant: string): Promise<string | null> {
  return kv.get(tenantKey(tenant));
}

/** Creates the tenant's address, or replaces it: the previous one stops working. */
export async function rotateAddress(kv: KVNamespace, tenant: string, domain: string): Promise<string> {
  const previous = await currentAddress(kv, tenant);
  const address = newAddress(tenant, domain);
  await kv.put(addressKey(address), tenant);
  await kv.put(tenantKey(tenant), address);
  if (previous !== null) await kv.delete(addressKey(previous));
  return address;
}

/** The tenant an address belongs to, or null (unknown, or rotated away). */
export async function tenantOfAddress(kv: KVNamespace, address: string): Promise<string | null> {
  if (address.length > 254) return null;
  return kv.get(addressKey(address.trim()));
}
