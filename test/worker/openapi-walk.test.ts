// Every route of the OpenAPI document, asked with keys over their rate limits and with other inputs
// that produce errors: each answer's status must be one the document lists for the operation (and
// its body the documented schema). The limits are used up through the same bindings the worker uses.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

import { MAX_BODY_BYTES } from '../../shared/events';
import { type DocumentedOperation, documentedOperations, fillPath } from './openapi-operations';
import { ROOT_TOKEN, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { checkAgainstDocument } from './support/openapi';
import { type CreatedKey, createKey, createTenant } from './support/tenants';

const workerEnv = env as unknown as Env;
const BASE = 'https://worker.test';

/** Uses up a limiter's minute for one bucket, 100 counts at a time (the local limiter is fastest so). */
async function useUp(limiter: RateLimit, key: string, limit: number): Promise<void> {
  for (let counted = 0; counted < limit; counted += 100) {
    await Promise.all(Array.from({ length: Math.min(100, limit - counted) }, () => limiter.limit({ key })));
  }
}

/** Every limiter a key of each role can meet (its own role's, and read: admin keys read too), used up. */
async function useUpLimits(): Promise<void> {
  const { limited, limitedAddress } = setup;
  await useUp(workerEnv.INGEST_LIMITER, limited.ingest.id, 6_000);
  await useUp(workerEnv.READ_LIMITER, limited.read.id, 300);
  await useUp(workerEnv.READ_LIMITER, limited.admin.id, 300);
  await useUp(workerEnv.ADMIN_LIMITER, limited.admin.id, 60);
  await useUp(workerEnv.READ_LIMITER, limited.enroll.id, 300);
  await useUp(workerEnv.ROOT_FAILURE_LIMITER, limitedAddress, 10);
}

const minuteOf = (ms: number) => Math.floor(ms / 60_000);

interface Setup {
  tenant: string;
  other: string;
  keys: Record<'ingest' | 'read' | 'admin' | 'enroll', CreatedKey>;
  limited: Record<'ingest' | 'read' | 'admin' | 'enroll', CreatedKey>;
  revoked: CreatedKey;
  foreignAdmin: CreatedKey;
  limitedAddress: string;
}

let setup: Setup;
let operations: DocumentedOperation[];
const ROLES = ['ingest', 'read', 'admin', 'enroll'] as const;

beforeAll(async () => {
  await warmUp();
  const [tenant, other] = await Promise.all([createTenant(), createTenant()]);
  const made = async () => {
    const pairs = await Promise.all(ROLES.map(async (r) => [r, await createKey(tenant, r)] as const));
    return Object.fromEntries(pairs) as Setup['keys'];
  };
  const [keys, limited] = [await made(), await made()];
  const [revoked, foreignAdmin] = [await createKey(tenant, 'read'), await createKey(other, 'admin')];
  const revoke = await exports.default.fetch(
    new Request(`${BASE}/v1/tenants/${tenant}/keys/${revoked.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${ROOT_TOKEN}` },
    }),
  );
  expect(revoke.status).toBe(204);
  const limitedAddress = `192.0.2.${Math.floor(Math.random() * 250)}`;
  setup = { tenant, other, keys, limited, revoked, foreignAdmin, limitedAddress };
  operations = await documentedOperations();
}, WARM_UP_TIMEOUT_MS);

function pathOf(operation: DocumentedOperation): string {
  return fillPath(operation, { id: setup.tenant, keyId: setup.keys.read.id });
}

interface Answer {
  status: number;
  problem: string | null;
}

interface Variant {
  name: string;
  token?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  contentType?: string;
}

/** Sends one request; answers why its answer breaks the document, or null. */
async function ask(operation: DocumentedOperation, variant: Variant): Promise<Answer> {
  const headers = new Headers(variant.headers);
  const octet = () => Math.floor(Math.random() * 250);
  if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', `10.9.${octet()}.${octet()}`);
  if (variant.token !== undefined) headers.set('Authorization', `Bearer ${variant.token}`);
  const hasBody = operation.bodyTypes.length > 0 && operation.method !== 'GET';
  const body = hasBody ? (variant.body ?? '{}') : undefined;
  if (body !== undefined) headers.set('Content-Type', variant.contentType ?? 'application/json');
  const request = new Request(BASE + pathOf(operation), { method: operation.method, headers, body });
  const asked = { method: request.method, url: request.url };
  const response = await exports.default.fetch(request);
  try {
    await checkAgainstDocument(asked, response);
    return { status: response.status, problem: null };
  } catch (error) {
    return { status: response.status, problem: `${variant.name}: ${(error as Error).message}` };
  } finally {
    await response.body?.cancel();
  }
}

/** Asks each operation with keys of each role over their limits, and a wrong root token over its limit. */
async function walkLimited(): Promise<{ problems: string[]; unlimited: string[] }> {
  const problems: string[] = [];
  const unlimited: string[] = [];
  for (const operation of operations) {
    const statuses: number[] = [];
    for (const role of ROLES) {
      const variant = { name: `${role} key over its limit`, token: setup.limited[role].key };
      const answer = await ask(operation, variant);
      statuses.push(answer.status);
      if (answer.problem) problems.push(answer.problem);
    }
    const guess = {
      name: 'wrong root token from a limited address',
      token: 'guess',
      headers: { 'CF-Connecting-IP': setup.limitedAddress },
    };
    const root = await ask(operation, guess);
    statuses.push(root.status);
    if (root.problem) problems.push(root.problem);
    if (operation.secured && !statuses.includes(429)) unlimited.push(`${operation.method} ${operation.path}`);
  }
  return { problems, unlimited };
}

describe('every route of the OpenAPI document', () => {
  it('answers keys over their limits with documented statuses, and 429 where a key is needed', async () => {
    // The limiters count in clock minutes: the walk runs again if a minute ended meanwhile.
    for (let attempt = 0; attempt < 3; attempt++) {
      // Using the limits up takes seconds: start early in a minute.
      const left = 60_000 - (Date.now() % 60_000);
      if (left < 25_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
      const started = minuteOf(Date.now());
      await useUpLimits();
      const outcome = await walkLimited();
      if (minuteOf(Date.now()) !== started) continue;
      expect(outcome.problems).toEqual([]);
      // Every route behind a key has a limit that a key over it meets.
      expect(outcome.unlimited).toEqual([]);
      return;
    }
    throw new Error('every attempt straddled a minute boundary');
  }, 90_000);

  it('answers other error-producing inputs only with documented statuses', async () => {
    const problems: string[] = [];
    const big = JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) });
    for (const operation of operations) {
      const variants: Variant[] = [
        { name: 'no key' },
        { name: 'a malformed header', headers: { Authorization: 'Basic abc' } },
        { name: 'an unknown key', token: 'mn_' + 'A'.repeat(43) },
        { name: 'a revoked key', token: setup.revoked.key },
        { name: 'an admin key of another tenant', token: setup.foreignAdmin.key },
        ...ROLES.flatMap((role) => {
          const token = setup.keys[role].key;
          return [
            { name: `a ${role} key`, token, body: '{"unexpected":true}' },
            { name: `a ${role} key, text body`, token, body: 'hello', contentType: 'text/plain' },
            { name: `a ${role} key, broken JSON`, token, body: '{"a":' },
            { name: `a ${role} key, body too large`, token, body: big },
          ];
        }),
        { name: 'the root token', token: ROOT_TOKEN },
      ];
      for (const variant of variants) {
        const answer = await ask(operation, variant);
        if (answer.problem) problems.push(answer.problem);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
