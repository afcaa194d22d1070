// The OpenAPI-driven request fuzz: for every operation of GET /v1/openapi.json, a few hundred
// requests with random or broken bodies, query strings, path parameters, content types and headers,
// sent with valid keys of each role (and the root token). No answer may be a 5xx; every error is the
// one JSON error shape; every status is one the document lists for the operation. The run is
// reproducible from its seed (printed on failure; replay with FUZZ_SEED=<seed>).
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

import { NotificationPage } from '../../shared/notifications';
import {
  bodyText,
  contentType,
  encodePart,
  extraHeaders,
  Fuzz,
  pathValue,
  prng,
  queryString,
  SchemaValues,
} from './openapi-fuzz-inputs';
import {
  type DocumentedOperation,
  documentedOperations,
  type OpenApiDocument,
  openApiDocument,
} from './openapi-operations';
import { postEvents } from './support/events';
import { call, ROOT_TOKEN, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { checkAgainstDocument } from './support/openapi';
import { createKey, createTenant } from './support/tenants';

const BASE = 'https://worker.test';
/** Requests per operation; with about 25 operations the run stays well under a minute in workerd. */
const REQUESTS_PER_OPERATION = 150;
/** Requests in flight at once. */
const PARALLEL = 10;

/** FUZZ_SEED of the environment of `vitest` (vitest.config.ts hands it to the worker's bindings). */
const envSeed = (env as unknown as { FUZZ_SEED?: string }).FUZZ_SEED;
const SEED =
  envSeed !== undefined && /^\d+$/.test(envSeed) ? Number(envSeed) : Math.floor(Math.random() * 2 ** 32);

const ROLES = ['ingest', 'read', 'admin', 'enroll'] as const;
/** A path parameter of the document, `{name}`. */
const PARAM = /\{([^}]+)\}/g;

let document: OpenApiDocument;
let operations: DocumentedOperation[];
/** The current operation's tenant (each has its own: lists stay short), and one of its notifications. */
let tenant: string;
let notificationId: string;

beforeAll(async () => {
  await warmUp();
  document = await openApiDocument();
  operations = await documentedOperations(document);
}, WARM_UP_TIMEOUT_MS);

async function freshTenant(): Promise<void> {
  tenant = await createTenant();
  const ingest = await createKey(tenant, 'ingest');
  await postEvents(ingest.key, { type: 'facebook', problem: 'app_removed' });
  const reader = await createKey(tenant, 'read');
  const feed = await call('/v1/notifications?status=all', { token: reader.key });
  const page = NotificationPage.parse(await feed.json());
  notificationId = page.items[0]!.id;
}

/** Keys of each role per operation: its requests stay within each key's rate limits (admin: 60 a minute). */
const KEYS_PER_ROLE = 3;

/**
 * Fresh keys for one operation, and which of them (and the root token) it lets in: those get most
 * requests, so that the fuzz reaches validation and the handlers rather than 403s.
 */
async function keysForOperation(operation: DocumentedOperation) {
  const roles = ROLES.flatMap((role) => Array<(typeof ROLES)[number]>(KEYS_PER_ROLE).fill(role));
  const made = await Promise.all([...roles, 'read' as const].map((role) => createKey(tenant, role)));
  const tokens = [...made.slice(0, roles.length).map((k) => k.key), ROOT_TOKEN];
  const sacrificial = made[roles.length]!.id;
  const fitting: string[] = [];
  const probe = fillProbe(operation, sacrificial);
  for (let i = 0; i < tokens.length; i += roles[i] === undefined ? 1 : KEYS_PER_ROLE) {
    const headers: Record<string, string> = { Authorization: `Bearer ${tokens[i]}` };
    headers['CF-Connecting-IP'] = '10.77.0.2';
    if (probe.body !== undefined) headers['Content-Type'] = 'application/json';
    const request = new Request(probe.url, { method: operation.method, headers, body: probe.body });
    const response = await exports.default.fetch(request);
    await response.body?.cancel();
    const group = tokens.slice(i, roles[i] === undefined ? i + 1 : i + KEYS_PER_ROLE);
    if (response.status !== 403 && response.status !== 401) fitting.push(...group);
  }
  return { tokens, fitting: fitting.length > 0 ? fitting : tokens, sacrificial };
}

/** Path parameters that name something that exists: the tenant, its notification, a key to revoke. */
function goodParams(operation: DocumentedOperation, sacrificialKeyId: string): Record<string, string> {
  return { id: operation.path.startsWith('/v1/tenants/') ? tenant : notificationId, keyId: sacrificialKeyId };
}

/** A plain request of the operation: valid path parameters and an empty JSON object as its body. */
function fillProbe(operation: DocumentedOperation, sacrificialKeyId: string) {
  const good = goodParams(operation, sacrificialKeyId);
  const path = operation.path.replace(PARAM, (_, name: string) => encodeURIComponent(good[name] ?? 'x'));
  return { url: BASE + path, body: Object.keys(operation.bodySchemas).length > 0 ? '{}' : undefined };
}

interface Sent {
  method: string;
  url: string;
  contentType: string | null;
  body: string | undefined;
  headers: Record<string, string>;
}

type OperationKeys = Awaited<ReturnType<typeof keysForOperation>>;

function build(fuzz: Fuzz, operation: DocumentedOperation, keys: OperationKeys): Sent {
  const { tokens, fitting, sacrificial: sacrificialKeyId } = keys;
  const values = new SchemaValues(fuzz, document.components.schemas);
  const good = goodParams(operation, sacrificialKeyId);
  const path = operation.path.replace(PARAM, (_, name: string) => encodePart(pathValue(fuzz, good[name])));
  const query = queryString(
    fuzz,
    values,
    operation.parameterSchemas.filter((p) => p.in === 'query'),
  );
  const headers = extraHeaders(fuzz);
  // Mostly a valid key of some role; sometimes none, or a broken Authorization header.
  const auth = fuzz.int(20);
  const broken = ['Bearer', 'Bearer  ', 'Basic eA==', 'bearer mn_x', `Bearer ${ROOT_TOKEN}x`];
  if (auth === 0) headers['Authorization'] = fuzz.pick(broken);
  else if (auth > 1) headers['Authorization'] = `Bearer ${fuzz.pick(auth > 4 ? fitting : tokens)}`;
  const documentedTypes = Object.keys(operation.bodySchemas);
  const withBody = documentedTypes.length > 0 ? fuzz.chance(0.95) : fuzz.chance(0.1);
  let body: string | undefined;
  let type: string | null = null;
  if (withBody && operation.method !== 'GET') {
    type = contentType(fuzz, documentedTypes);
    const schema = type === null ? undefined : operation.bodySchemas[type];
    const form = type?.startsWith('application/x-www-form-urlencoded') && fuzz.chance(0.7);
    body = form ? formBody(fuzz, values, schema) : bodyText(fuzz, values, schema);
  }
  return { method: operation.method, url: BASE + path + query, contentType: type, body, headers };
}

/** A form body from the schema's values (POST /v1/events takes forms), fields sometimes repeated. */
function formBody(fuzz: Fuzz, values: SchemaValues, schema: object | undefined): string {
  const value = values.value(schema as never);
  const form = new URLSearchParams();
  const add = (prefix: string, v: unknown) => {
    if (v === null || typeof v !== 'object') return form.append(prefix || 'value', String(v));
    for (const [k, inner] of Object.entries(v)) add(prefix ? `${prefix}.${k}` : k, inner);
  };
  add('', value);
  if (fuzz.chance(0.2)) form.append(fuzz.pick(['type', 'a.b', 'x[]', '']), 'dup');
  return form.toString();
}

const describeSent = (sent: Sent) =>
  `${sent.method} ${sent.url.slice(BASE.length, BASE.length + 300)} [${sent.contentType ?? 'no type'}] ` +
  `headers ${JSON.stringify(Object.keys(sent.headers))} ` +
  `body ${JSON.stringify(sent.body?.slice(0, 200) ?? null)}`;

/** `{"error":{"code","message"}}`, checked here by hand (the worker's schemas stay the worker's). */
function isErrorBody(body: unknown): boolean {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string' && error.message.length > 0;
}

/** Sends one request; answers its status and what is wrong with its answer, or null. */
async function send(sent: Sent): Promise<{ status: number; problem: string | null }> {
  const headers = new Headers(sent.headers);
  headers.set('CF-Connecting-IP', '10.77.0.1');
  if (sent.contentType !== null) headers.set('Content-Type', sent.contentType);
  const request = new Request(sent.url, { method: sent.method, headers, body: sent.body });
  const response = await exports.default.fetch(request);
  const status = response.status;
  try {
    if (status >= 500) {
      const text = (await response.clone().text()).slice(0, 300);
      return { status, problem: `${status}: ${describeSent(sent)} -> ${text}` };
    }
    await checkAgainstDocument({ method: sent.method, url: sent.url }, response);
    if (status >= 400 && !isErrorBody(JSON.parse(await response.clone().text()))) {
      return { status, problem: `not the error shape: ${describeSent(sent)}` };
    }
    return { status, problem: null };
  } catch (error) {
    return { status, problem: `${(error as Error).message.slice(0, 600)} for ${describeSent(sent)}` };
  } finally {
    await response.body?.cancel();
  }
}

describe(`OpenAPI-driven request fuzz (seed ${SEED})`, () => {
  it('answers every request without a 5xx, in the error shape, with a documented status', async () => {
    const problems: string[] = [];
    /** How often each status was answered, to show the fuzz gets past the key checks. */
    const statuses = new Map<number, number>();
    for (const [index, operation] of operations.entries()) {
      // One stream of random numbers per operation: a seed replays each operation alike.
      const fuzz = new Fuzz(prng(SEED + index * 7_919));
      await freshTenant();
      const keys = await keysForOperation(operation);
      const requests = Array.from({ length: REQUESTS_PER_OPERATION }, () => build(fuzz, operation, keys));
      for (let start = 0; start < requests.length; start += PARALLEL) {
        const answers = await Promise.all(requests.slice(start, start + PARALLEL).map(send));
        for (const { status, problem } of answers) {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (problem !== null) problems.push(problem);
        }
      }
    }
    expect(operations.length).toBeGreaterThan(20);
    // Requests got past the keys: validation refused some, and some succeeded.
    const seen = JSON.stringify([...statuses]);
    const succeeded = [...statuses].filter(([s]) => s >= 200 && s < 300).reduce((n, [, c]) => n + c, 0);
    expect(statuses.get(400) ?? 0, seen).toBeGreaterThan(500);
    expect(succeeded, seen).toBeGreaterThan(500);
    const replay = `seed ${SEED}: ${problems.length} problems; replay with FUZZ_SEED=${SEED}`;
    expect(problems.slice(0, 20), replay).toEqual([]);
    // About 30 s on an idle machine; the timeout leaves room for a busy one.
  }, 240_000);
});
