// Tenants and their keys, made through the worker's routes with the root token.
import type { KeyRole } from '../../../shared/tenant';
import { call, ROOT_TOKEN } from './http';

let tenantCounter = 0;

/** A fresh Munchkin ID per call, so that tests never share a tenant. */
export function uniqueTenantId(): string {
  tenantCounter += 1;
  const n = (Date.now() + tenantCounter * 7919) % 1_000_000;
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(3)), (b) =>
    String.fromCharCode(65 + (b % 26)),
  ).join('');
  return `${String(Math.floor(n / 1000)).padStart(3, '0')}-${letters}-${String(n % 1000).padStart(3, '0')}`;
}

export async function createTenant(id = uniqueTenantId(), name?: string): Promise<string> {
  const response = await call(`/v1/tenants/${id}`, {
    method: 'PUT',
    token: ROOT_TOKEN,
    json: name ? { name } : {},
  });
  if (response.status !== 201 && response.status !== 200) throw new Error(`tenant ${id}: ${response.status}`);
  return id;
}

export interface CreatedKey {
  id: string;
  key: string;
  role: KeyRole;
}

export async function createKey(tenant: string, role: KeyRole, token = ROOT_TOKEN): Promise<CreatedKey> {
  const response = await call(`/v1/tenants/${tenant}/keys`, { token, json: { role } });
  if (response.status !== 201) throw new Error(`key for ${tenant}: ${response.status}`);
  return response.json<CreatedKey>();
}

export interface TenantWithKeys {
  tenant: string;
  ingest: string;
  read: string;
  admin: string;
}

/** A new tenant with one key of every role. */
export async function tenantWithKeys(): Promise<TenantWithKeys> {
  const tenant = await createTenant();
  const [ingest, read, admin] = await Promise.all(
    (['ingest', 'read', 'admin'] as const).map((r) => createKey(tenant, r)),
  );
  return { tenant, ingest: ingest!.key, read: read!.key, admin: admin!.key };
}
