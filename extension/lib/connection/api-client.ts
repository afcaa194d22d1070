import { hc } from 'hono/client';
import type { ConnectorPut } from '../../../shared/connector';
import type { Counts, FeedQuery, MarkRead } from '../../../shared/notifications';
import type { SettingsPatch } from '../../../shared/settings';
import type { KeyCreate } from '../../../shared/tenant';
import type { AppType } from '../../../worker/app';
import { chosenLanguage } from '../i18n/chosen-language';
import { problemFromStatus, type ConnectionProblem } from './connection-problem';
import { normalizeWorkerUrl } from './connection-url';
import type { Connection } from '../state/storage';
import { checkWire, type Wire, type WireName } from '../wire/schemas';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; problem: ConnectionProblem };

/** The worker's read/admin API, typed by the worker's routes and checked against the shared schemas. */
export type Api = ReturnType<typeof createClientFor>;

export interface ApiOptions {
  fetch?: typeof fetch;
  /** The language of the worker's messages; read per request, so a change applies at once. */
  language?: () => string | Promise<string>;
}

export function createApi(connection: Connection | null, options: ApiOptions = {}): ApiResult<Api> {
  if (!connection?.workerUrl || !connection.key) return { ok: false, problem: { kind: 'not_configured' } };
  const baseUrl = normalizeWorkerUrl(connection.workerUrl);
  if (!baseUrl) return { ok: false, problem: { kind: 'bad_url' } };
  return { ok: true, value: createClientFor(baseUrl, connection.key, options.fetch ?? fetch, options.language ?? chosenLanguage) };
}

function createClientFor(baseUrl: string, key: string, fetchImpl: typeof fetch, language: () => string | Promise<string>) {
  const client = hc<AppType>(baseUrl, {
    // The worker writes its error messages in the language the options chose, not the browser's.
    headers: async () => ({ authorization: `Bearer ${key}`, 'accept-language': await language() }),
    // Bound so that the service worker's global fetch keeps its receiver.
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetchImpl(input, init),
  });
  return {
    baseUrl,
    key: () => call(() => client.v1.key.$get(), 'KeyInfo'),
    counts: () => call(() => client.v1.counts.$get({ header: {} }), 'Counts'),
    countsWhenChanged: (knownTag: string | null, waitSeconds: number, signal?: AbortSignal) =>
      countsWhenChanged(
        () =>
          client.v1.counts.$get(
            { header: knownTag === null ? {} : { 'if-none-match': knownTag, prefer: `wait=${waitSeconds}` } },
            { init: { signal } },
          ),
        knownTag,
      ),
    /** A status; what the query leaves out, the worker defaults. */
    notifications: (query: Pick<FeedQuery, 'status'> & Partial<FeedQuery>) =>
      call(
        () =>
          client.v1.notifications.$get({
            query: {
              status: query.status,
              limit: String(query.limit ?? 50),
              ...(query.cursor ? { cursor: query.cursor } : {}),
              ...(query.type ? { type: query.type } : {}),
            },
          }),
        'NotificationPage',
      ),
    markRead: (selection: MarkRead) => call(() => client.v1.notifications.read.$post({ json: selection }), 'MarkReadResult'),
    ticket: () => call(() => client.v1.stream.ticket.$post(), 'StreamTicket'),
    settings: () => call(() => client.v1.settings.$get(), 'Settings'),
    updateSettings: (patch: SettingsPatch) => call(() => client.v1.settings.$put({ json: patch }), 'Settings'),
    acknowledge: (id: string) => call(() => client.v1.notifications[':id'].ack.$post({ param: { id } }), 'Notification'),
    resolve: (id: string) => call(() => client.v1.notifications[':id'].resolve.$post({ param: { id } }), 'Notification'),
    snooze: (id: string, until: string) => call(() => client.v1.notifications[':id'].snooze.$post({ param: { id }, json: { until } }), 'Notification'),
    members: () => call(() => client.v1.members.$get(), 'MemberList'),
    createKey: (tenant: string, body: KeyCreate) => call(() => client.v1.tenants[':id'].keys.$post({ param: { id: tenant }, json: body }), 'KeyCreated'),
    /** With an enroll key as the connection's key: a personal read key for `member`. */
    enroll: (member: string) => call(() => client.v1.enroll.$post({ json: { member } }), 'Enrolled'),
    connector: () => call(() => client.v1.connector.$get(), 'ConnectorView'),
    putConnector: (body: ConnectorPut) => call(() => client.v1.connector.$put({ json: body }), 'ConnectorView'),
    pollConnector: () => call(() => client.v1.connector.poll.$post(), 'ConnectorStatus'),
    quotaHistory: () => call(() => client.v1.quota.history.$get(), 'QuotaHistory'),
    emailAddress: () => call(() => client.v1['email-address'].$get(), 'EmailAddress'),
    rotateEmailAddress: () => call(() => client.v1['email-address'].$post(), 'EmailAddress'),
    /** The tenant's keys (admin keys only), never a secret. */
    keys: (tenant: string) => call(() => client.v1.tenants[':id'].keys.$get({ param: { id: tenant } }), 'KeyList'),
    revokeKey: (tenant: string, keyId: string) =>
      call(() => client.v1.tenants[':id'].keys[':keyId'].$delete({ param: { id: tenant, keyId } }), 'NoContent'),
  };
}

/** What `call` needs of hc's typed response. */
interface JsonResponse {
  ok: boolean;
  status: number;
  headers?: Headers;
  json(): Promise<unknown>;
}

/** A long poll's answer: the new counts and their tag, or the known tag still holds. */
export type CountsChange = { changed: true; counts: Counts; tag: string | null } | { changed: false; tag: string };

/** GET /v1/counts with If-None-Match and Prefer: wait: 304 means unchanged, 200 brings the new counts. */
async function countsWhenChanged(send: () => Promise<JsonResponse>, knownTag: string | null): Promise<ApiResult<CountsChange>> {
  let response: JsonResponse;
  try {
    response = await send();
  } catch {
    return { ok: false, problem: { kind: 'unreachable' } };
  }
  const tag = response.headers?.get('ETag') ?? null;
  if (response.status === 304 && knownTag !== null) return { ok: true, value: { changed: false, tag: tag ?? knownTag } };
  const counts = await call(async () => response, 'Counts');
  return counts.ok ? { ok: true, value: { changed: true, counts: counts.value, tag } } : counts;
}

/** One request: network failures, error statuses and unexpected bodies all become a ConnectionProblem. */
async function call<N extends WireName>(send: () => Promise<JsonResponse>, schema: N): Promise<ApiResult<Wire[N]>> {
  let response: JsonResponse;
  try {
    response = await send();
  } catch {
    return { ok: false, problem: { kind: 'unreachable' } };
  }
  const body = await readJson(response);
  if (!response.ok) {
    const error = checkWire('ApiError', body);
    const detail = error.success ? error.data.error : undefined;
    return { ok: false, problem: problemFromStatus(response.status, detail?.message, detail?.details, response.headers?.get('Retry-After')) };
  }
  const parsed = checkWire(schema, body);
  if (!parsed.success) return { ok: false, problem: { kind: 'bad_response', status: response.status } };
  return { ok: true, value: parsed.data };
}

async function readJson(response: JsonResponse): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}
