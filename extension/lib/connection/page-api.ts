import type { FeedQuery } from '../../../shared/notifications';
import { chosenLanguage } from '../i18n/chosen-language';
import type { Endpoint } from '../state/storage';
import type { Checked } from '../wire/json-schema';
import { checkWire, type PageWireName, type Wire } from '../wire/schemas';
import { type ConnectionProblem, problemFromStatus } from './connection-problem';
import { normalizeWorkerUrl } from './connection-url';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; problem: ConnectionProblem };

export interface ApiOptions {
  fetch?: typeof fetch;
  /** The language of the worker's messages; read per request, so a change applies at once. */
  language?: () => string | Promise<string>;
}

/** One request to the worker (a path under its base URL); a body goes as JSON. */
export type Send = (
  method: string,
  path: string,
  body?: unknown,
  init?: RequestInit & { headers?: Record<string, string> },
) => Promise<Response>;

/** How to reach the configured worker, or why it cannot be. */
export function connect(
  connection: Endpoint | null | undefined,
  options: ApiOptions = {},
): ApiResult<{ baseUrl: string; send: Send }> {
  if (!connection?.workerUrl || !connection.key) return { ok: false, problem: { kind: 'not_configured' } };
  const baseUrl = normalizeWorkerUrl(connection.workerUrl);
  if (!baseUrl) return { ok: false, problem: { kind: 'bad_url' } };
  const { key } = connection;
  const fetchImpl = options.fetch ?? fetch;
  const language = options.language ?? chosenLanguage;
  const send: Send = async (method, path, body, init = {}) =>
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
  return { ok: true, value: { baseUrl, send } };
}

/** Checks a body against one of the answers the popup reads too. */
export const answer =
  <N extends PageWireName>(name: N) =>
  (body: unknown): Checked<Wire[N]> =>
    checkWire(name, body);

/**
 * The part of the worker's API the popup uses (the options' part: ./api-client.ts; the background's
 * stream ticket, long poll, mark-read and team actions: lib/background/background-api.ts).
 */
export type PageApi = ReturnType<typeof pageMethods>;

export function pageMethods(baseUrl: string, send: Send) {
  const get = (path: string) => () => send('GET', path);
  return {
    baseUrl,
    key: () => call(get('/v1/key'), answer('KeyInfo')),
    counts: () => call(get('/v1/counts'), answer('Counts')),
    /** A status; what the query leaves out, the worker defaults. */
    notifications: (query: Pick<FeedQuery, 'status'> & Partial<FeedQuery>) => {
      const search = new URLSearchParams({ status: query.status, limit: String(query.limit ?? 50) });
      if (query.cursor) search.set('cursor', query.cursor);
      if (query.type) search.set('type', query.type);
      return call(get(`/v1/notifications?${search}`), answer('NotificationPage'));
    },
    quotaHistory: () => call(get('/v1/quota/history'), answer('QuotaHistory')),
  };
}

/** The popup's client of the worker, typed by the shared schemas and checked against them. */
export function createPageApi(
  connection: Endpoint | null | undefined,
  options: ApiOptions = {},
): ApiResult<PageApi> {
  const reach = connect(connection, options);
  return reach.ok ? { ok: true, value: pageMethods(reach.value.baseUrl, reach.value.send) } : reach;
}

/** What `call` needs of a response. */
export interface JsonResponse {
  ok: boolean;
  status: number;
  headers?: Headers;
  json(): Promise<unknown>;
}

/** One request: network failures, error statuses and unexpected bodies all become a ConnectionProblem. */
export async function call<T>(
  send: () => Promise<JsonResponse>,
  check: (body: unknown) => Checked<T>,
): Promise<ApiResult<T>> {
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
    const retryAfter = response.headers?.get('Retry-After');
    const problem = problemFromStatus(response.status, detail?.message, detail?.details, retryAfter);
    return { ok: false, problem };
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
