import type { ConnectorPut } from '../../../shared/connector';
import type { Counts, FeedQuery, MarkRead } from '../../../shared/notifications';
import type { SettingsPatch } from '../../../shared/settings';
import type { KeyCreate } from '../../../shared/tenant';
import { chosenLanguage } from '../i18n/chosen-language';
import { problemFromStatus, type ConnectionProblem } from './connection-problem';
import { normalizeWorkerUrl } from './connection-url';
import type { Connection } from '../state/storage';
import { checkWire, type Wire, type WireName } from '../wire/schemas';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; problem: ConnectionProblem };

/** The worker's read/admin API: plain fetch, bodies typed by the shared schemas, answers checked against them. */
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
  /** One request to the worker; a body goes as JSON. */
  const send = async (method: string, path: string, body?: unknown, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    fetchImpl(`${baseUrl}${path}`, {
      ...init,
      method,
      // The worker writes its error messages in the language the options chose, not the browser's.
      headers: {
        ...init.headers,
        authorization: `Bearer ${key}`,
        'accept-language': await language(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const get = (path: string) => () => send('GET', path);
  const post = (path: string, body?: unknown) => () => send('POST', path, body);
  const item = (id: string) => `/v1/notifications/${encodeURIComponent(id)}`;
  const tenantKeys = (tenant: string) => `/v1/tenants/${encodeURIComponent(tenant)}/keys`;
  return {
    baseUrl,
    key: () => call(get('/v1/key'), 'KeyInfo'),
    counts: () => call(get('/v1/counts'), 'Counts'),
    countsWhenChanged: (knownTag: string | null, waitSeconds: number, signal?: AbortSignal) =>
      countsWhenChanged(
        () =>
          send('GET', '/v1/counts', undefined, {
            headers: knownTag === null ? {} : { 'if-none-match': knownTag, prefer: `wait=${waitSeconds}` },
            signal,
          }),
        knownTag,
      ),
    /** A status; what the query leaves out, the worker defaults. */
    notifications: (query: Pick<FeedQuery, 'status'> & Partial<FeedQuery>) => {
      const search = new URLSearchParams({ status: query.status, limit: String(query.limit ?? 50) });
      if (query.cursor) search.set('cursor', query.cursor);
      if (query.type) search.set('type', query.type);
      return call(get(`/v1/notifications?${search}`), 'NotificationPage');
    },
    markRead: (selection: MarkRead) => call(post('/v1/notifications/read', selection), 'MarkReadResult'),
    ticket: () => call(post('/v1/stream/ticket'), 'StreamTicket'),
    settings: () => call(get('/v1/settings'), 'Settings'),
    updateSettings: (patch: SettingsPatch) => call(() => send('PUT', '/v1/settings', patch), 'Settings'),
    acknowledge: (id: string) => call(post(`${item(id)}/ack`), 'Notification'),
    resolve: (id: string) => call(post(`${item(id)}/resolve`), 'Notification'),
    snooze: (id: string, until: string) => call(post(`${item(id)}/snooze`, { until }), 'Notification'),
    members: () => call(get('/v1/members'), 'MemberList'),
    createKey: (tenant: string, body: KeyCreate) => call(post(tenantKeys(tenant), body), 'KeyCreated'),
    /** With an enroll key as the connection's key: a personal read key for `member`. */
    enroll: (member: string) => call(post('/v1/enroll', { member }), 'Enrolled'),
    connector: () => call(get('/v1/connector'), 'ConnectorView'),
    putConnector: (body: ConnectorPut) => call(() => send('PUT', '/v1/connector', body), 'ConnectorView'),
    pollConnector: () => call(post('/v1/connector/poll'), 'ConnectorStatus'),
    quotaHistory: () => call(get('/v1/quota/history'), 'QuotaHistory'),
    emailAddress: () => call(get('/v1/email-address'), 'EmailAddress'),
    rotateEmailAddress: () => call(post('/v1/email-address'), 'EmailAddress'),
    /** The tenant's keys (admin keys only), never a secret. */
    keys: (tenant: string) => call(get(tenantKeys(tenant)), 'KeyList'),
    revokeKey: (tenant: string, keyId: string) =>
      call(() => send('DELETE', `${tenantKeys(tenant)}/${encodeURIComponent(keyId)}`), 'NoContent'),
  };
}

/** What `call` needs of a response. */
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
