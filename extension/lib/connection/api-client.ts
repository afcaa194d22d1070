import { hc } from 'hono/client';
import type { FeedQuery } from '../../../shared/notifications';
import type { AppType } from '../../../worker/app';
import { chosenLanguage } from '../i18n/chosen-language';
import { problemFromStatus, type ConnectionProblem } from './connection-problem';
import { normalizeWorkerUrl } from './connection-url';
import type { Endpoint } from '../state/storage';
import type { Checked } from '../wire/json-schema';
import { checkWire, type ReadWire, type WireName } from '../wire/schemas';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; problem: ConnectionProblem };

/**
 * What every part reads of the worker, typed by the worker's routes and checked against the shared
 * schemas; the background's calls are in lib/background/background-api.ts, the options' in ./admin-api.ts.
 */
export type Api = ReturnType<typeof readCalls>;
/** The typed Hono client of one worker and key. */
export type WorkerClient = ReturnType<typeof clientFor>;

export interface ApiOptions {
  fetch?: typeof fetch;
  /** The language of the worker's messages; read per request, so a change applies at once. */
  language?: () => string | Promise<string>;
}

export function createApi(connection: Endpoint | null | undefined, options: ApiOptions = {}): ApiResult<Api> {
  const client = workerClient(connection, options);
  return client.ok ? { ok: true, value: readCalls(client.value.baseUrl, client.value.client) } : client;
}

/** The typed client of the connection's worker, or why there is none. */
export function workerClient(
  connection: Endpoint | null | undefined,
  options: ApiOptions = {},
): ApiResult<{ baseUrl: string; client: WorkerClient }> {
  if (!connection?.workerUrl || !connection.key) return { ok: false, problem: { kind: 'not_configured' } };
  const baseUrl = normalizeWorkerUrl(connection.workerUrl);
  if (!baseUrl) return { ok: false, problem: { kind: 'bad_url' } };
  return { ok: true, value: { baseUrl, client: clientFor(baseUrl, connection.key, options.fetch ?? fetch, options.language ?? chosenLanguage) } };
}

function clientFor(baseUrl: string, key: string, fetchImpl: typeof fetch, language: () => string | Promise<string>) {
  return hc<AppType>(baseUrl, {
    // The worker writes its error messages in the language the options chose, not the browser's.
    headers: async () => ({ authorization: `Bearer ${key}`, 'accept-language': await language() }),
    // Bound so that the service worker's global fetch keeps its receiver.
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetchImpl(input, init),
  });
}

function readCalls(baseUrl: string, client: WorkerClient) {
  return {
    baseUrl,
    key: () => call(() => client.v1.key.$get(), 'KeyInfo'),
    counts: () => call(() => client.v1.counts.$get({ header: {} }), 'Counts'),
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
    quotaHistory: () => call(() => client.v1.quota.history.$get(), 'QuotaHistory'),
  };
}

/** What `request` needs of hc's typed response. */
export interface JsonResponse {
  ok: boolean;
  status: number;
  headers?: Headers;
  json(): Promise<unknown>;
}

/** One request, its answer checked against a read schema. */
export function call<N extends WireName>(send: () => Promise<JsonResponse>, schema: N): Promise<ApiResult<ReadWire[N]>> {
  return request(send, (body) => checkWire(schema, body));
}

/** One request: network failures, error statuses and unexpected bodies all become a ConnectionProblem. */
export async function request<T>(send: () => Promise<JsonResponse>, check: (body: unknown) => Checked<T>): Promise<ApiResult<T>> {
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
  const parsed = check(body);
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
