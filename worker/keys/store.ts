import type { z } from 'zod';

import { hasMember, KeyRecord, type KeyRole, Tenant } from '../../shared/tenant';
import { generateKey, generateKeyId, sha256Hex } from './tokens';

/**
 * KV layout:
 *   tenant:<id>               -> Tenant
 *   key:<sha256 hex>          -> KeyRecord (looked up on every request)
 *   tenant-key:<tenant>:<id>  -> sha256 hex (so a key id can be revoked without the key), with the
 *                                KeyRecord as metadata (so one list call describes a tenant's keys)
 */
export type { KeyRecord };

/**
 * The member whose read state a key uses: its own, or the key's id for keys made without one. Null
 * for ingest and enroll keys.
 */
export function memberOf(record: KeyRecord): string | null {
  return hasMember(record.role) ? (record.member ?? record.id) : null;
}

const tenantKey = (id: string) => `tenant:${id}`;
const hashKey = (hash: string) => `key:${hash}`;
const indexKey = (tenant: string, keyId: string) => `tenant-key:${tenant}:${keyId}`;

/** A record read back is checked like any input: one that does not fit its schema counts as absent. */
async function readRecord<S extends z.ZodType>(
  kv: KVNamespace,
  key: string,
  schema: S,
): Promise<z.output<S> | null> {
  const parsed = schema.safeParse(await kv.get(key, 'json'));
  return parsed.success ? parsed.data : null;
}

export async function readTenant(kv: KVNamespace, id: string): Promise<Tenant | null> {
  return readRecord(kv, tenantKey(id), Tenant);
}

/** Creates the tenant unless it exists; `created` says which. */
export async function ensureTenant(
  kv: KVNamespace,
  id: string,
  name: string | undefined,
): Promise<{ tenant: Tenant; created: boolean }> {
  const existing = await readTenant(kv, id);
  if (existing) return { tenant: existing, created: false };
  const tenant: Tenant = { id, name: name ?? null, createdAt: new Date().toISOString() };
  await kv.put(tenantKey(id), JSON.stringify(tenant));
  return { tenant, created: true };
}

export async function createKey(
  kv: KVNamespace,
  tenant: string,
  role: KeyRole,
  label: string | undefined,
  member?: string,
  /** For enrolment: the id chosen beforehand (the tenant's object took the name for it), the enroll key. */
  enrolment: { id: string; enrolledBy: string } | null = null,
): Promise<{ record: KeyRecord; key: string }> {
  const key = generateKey();
  const hash = await sha256Hex(key);
  const id = enrolment?.id ?? generateKeyId();
  const record: KeyRecord = { id, tenant, role, label: label ?? null, createdAt: new Date().toISOString() };
  if (hasMember(role)) record.member = member ?? id;
  if (enrolment !== null) record.enrolledBy = enrolment.enrolledBy;
  await kv.put(hashKey(hash), JSON.stringify(record));
  await kv.put(indexKey(tenant, record.id), hash, { metadata: record });
  return { record, key };
}

/** The tenant's keys, oldest first. Keys made before the index carried metadata cost one read each. */
export async function listKeys(kv: KVNamespace, tenant: string): Promise<KeyRecord[]> {
  const records: KeyRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list({ prefix: indexKey(tenant, ''), cursor });
    for (const { name, metadata } of page.keys) {
      const listed = KeyRecord.safeParse(metadata);
      const record = listed.success ? listed.data : await recordOfIndex(kv, name);
      if (record !== null) records.push(record);
    }
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor !== undefined);
  return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

async function recordOfIndex(kv: KVNamespace, name: string): Promise<KeyRecord | null> {
  const hash = await kv.get(name);
  return hash === null ? null : readRecord(kv, hashKey(hash), KeyRecord);
}

export async function findKey(kv: KVNamespace, key: string): Promise<KeyRecord | null> {
  return readRecord(kv, hashKey(await sha256Hex(key)), KeyRecord);
}

/** Deletes the key record first, so the key stops working even if the index delete fails. */
export async function revokeKey(kv: KVNamespace, tenant: string, keyId: string): Promise<boolean> {
  const hash = await kv.get(indexKey(tenant, keyId));
  if (hash === null) return false;
  await kv.delete(hashKey(hash));
  await kv.delete(indexKey(tenant, keyId));
  return true;
}
