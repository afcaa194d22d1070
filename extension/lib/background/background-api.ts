import type { Counts, MarkRead } from '../../../shared/notifications';
import { type Api, type ApiOptions, type ApiResult, createApi } from '../connection/api-client';
import { answer, call, connect, type JsonResponse, type Send } from '../connection/page-api';
import type { Endpoint } from '../state/storage';
import type { BackgroundWireName } from '../wire/schemas';
import { checkBackgroundWire } from '../wire/stream';

/** The background's client: the whole API plus the stream ticket, the long poll and the team's actions. */
export type BackgroundApi = Api & ReturnType<typeof backgroundMethods>;

/** A module of its own, so that the pages, which ask the background for these, do not load them. */
export function createBackgroundApi(
  connection: Endpoint | null | undefined,
  options: ApiOptions = {},
): ApiResult<BackgroundApi> {
  const api = createApi(connection, options);
  const reach = connect(connection, options);
  if (!api.ok) return api;
  if (!reach.ok) return reach;
  return { ok: true, value: { ...api.value, ...backgroundMethods(reach.value.send) } };
}

/** Checks a body against one of the answers only the background reads. */
const backgroundAnswer =
  <N extends BackgroundWireName>(name: N) =>
  (body: unknown) =>
    checkBackgroundWire(name, body);

function backgroundMethods(send: Send) {
  const post = (path: string, body?: unknown) => () => send('POST', path, body);
  const item = (id: string) => `/v1/notifications/${encodeURIComponent(id)}`;
  return {
    countsWhenChanged: (knownTag: string | null, waitSeconds: number, signal?: AbortSignal) =>
      countsWhenChanged(
        () =>
          send('GET', '/v1/counts', undefined, {
            headers: knownTag === null ? {} : { 'if-none-match': knownTag, prefer: `wait=${waitSeconds}` },
            signal,
          }),
        knownTag,
      ),
    markRead: (selection: MarkRead) =>
      call(post('/v1/notifications/read', selection), backgroundAnswer('MarkReadResult')),
    ticket: () => call(post('/v1/stream/ticket'), backgroundAnswer('StreamTicket')),
    acknowledge: (id: string) => call(post(`${item(id)}/ack`), backgroundAnswer('Notification')),
    resolve: (id: string) => call(post(`${item(id)}/resolve`), backgroundAnswer('Notification')),
    snooze: (id: string, until: string) =>
      call(post(`${item(id)}/snooze`, { until }), backgroundAnswer('Notification')),
  };
}

/** A long poll's answer: the new counts and their tag, or the known tag still holds. */
export type CountsChange =
  { changed: true; counts: Counts; tag: string | null } | { changed: false; tag: string };

/** GET /v1/counts with If-None-Match and Prefer: wait: 304 means unchanged, 200 brings the new counts. */
async function countsWhenChanged(
  send: () => Promise<JsonResponse>,
  knownTag: string | null,
): Promise<ApiResult<CountsChange>> {
  let response: JsonResponse;
  try {
    response = await send();
  } catch {
    return { ok: false, problem: { kind: 'unreachable' } };
  }
  const tag = response.headers?.get('ETag') ?? null;
  if (response.status === 304 && knownTag !== null) {
    return { ok: true, value: { changed: false, tag: tag ?? knownTag } };
  }
  const counts = await call(async () => response, answer('Counts'));
  return counts.ok ? { ok: true, value: { changed: true, counts: counts.value, tag } } : counts;
}
