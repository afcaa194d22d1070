import type { KeyRole } from '../../shared/tenant';
import { fetchWorker } from './openapi-responses';

/** The root token vitest.config.ts gives the worker. */
export const ROOT_TOKEN = 'test-root-token-of-forty-characters-0123';
const BASE = 'https://worker.test';

let tenantCounter = 0;

/** A fresh Munchkin ID per call, so that tests never share a tenant. */
export function uniqueTenantId(): string {
  tenantCounter += 1;
  const n = (Date.now() + tenantCounter * 7919) % 1_000_000;
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(3)), (b) => String.fromCharCode(65 + (b % 26))).join('');
  return `${String(Math.floor(n / 1000)).padStart(3, '0')}-${letters}-${String(n % 1000).padStart(3, '0')}`;
}

const randomAddress = () => `10.${Array.from(crypto.getRandomValues(new Uint8Array(3))).join('.')}`;

export interface CallOptions {
  method?: string;
  token?: string;
  /** Sent as JSON unless `raw` is given. */
  json?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
}

/** One request to the worker's own fetch handler (real KV and Durable Objects); the answer is checked against the OpenAPI document. */
export function call(path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  // Each call comes from its own address unless the test names one: failed root-token attempts count per address.
  if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', randomAddress());
  if (options.token !== undefined) headers.set('Authorization', `Bearer ${options.token}`);
  let body = options.raw;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  return fetchWorker(new Request(BASE + path, { method, headers, body }));
}

export async function createTenant(id = uniqueTenantId(), name?: string): Promise<string> {
  const response = await call(`/v1/tenants/${id}`, { method: 'PUT', token: ROOT_TOKEN, json: name ? { name } : {} });
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
  const [ingest, read, admin] = await Promise.all((['ingest', 'read', 'admin'] as const).map((r) => createKey(tenant, r)));
  return { tenant, ingest: ingest!.key, read: read!.key, admin: admin!.key };
}

export function postEvents(ingestKey: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call('/v1/events', { token: ingestKey, json: body, headers });
}

/** The JSON error body, checked for its shape. */
export async function errorOf(response: Response): Promise<{ code: string; message: string; details?: unknown }> {
  const body = await response.json<{ error?: { code: string; message: string; details?: unknown } }>();
  if (!body.error || typeof body.error.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not an error body: ${JSON.stringify(body)}`);
  }
  return body.error;
}

/** The first request loads the worker's modules, which can take seconds on a busy machine. */
export async function warmUp(): Promise<void> {
  await call('/healthz');
}
export const WARM_UP_TIMEOUT_MS = 60_000;
