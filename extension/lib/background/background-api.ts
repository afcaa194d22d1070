import type { Counts, MarkRead } from '../../../shared/notifications';
import { checkBackgroundWire } from '../wire/stream';
import type { BackgroundWire, BackgroundWireName } from '../wire/schemas';
import {
  call,
  createApi,
  request,
  workerClient,
  type Api,
  type ApiOptions,
  type ApiResult,
  type JsonResponse,
  type WorkerClient,
} from '../connection/api-client';
import type { Endpoint } from '../state/storage';

/** The background's client: the read API plus the stream ticket, the long poll and the team's actions. */
export type BackgroundApi = ReturnType<typeof backgroundCalls>;

/** A module of its own, so that the pages, which ask the background for these, do not load them. */
export function createBackgroundApi(
  connection: Endpoint | null | undefined,
  options: ApiOptions = {},
): ApiResult<BackgroundApi> {
  const read = createApi(connection, options);
  const worker = workerClient(connection, options);
  if (!read.ok) return read;
  if (!worker.ok) return worker;
  return { ok: true, value: backgroundCalls(read.value, worker.value.client) };
}

function backgroundCall<N extends BackgroundWireName>(send: () => Promise<JsonResponse>, schema: N): Promise<ApiResult<BackgroundWire[N]>> {
  return request(send, (body) => checkBackgroundWire(schema, body));
}

function backgroundCalls(read: Api, client: WorkerClient) {
  return {
    ...read,
    countsWhenChanged: (knownTag: string | null, waitSeconds: number, signal?: AbortSignal) =>
      countsWhenChanged(
        () =>
          client.v1.counts.$get(
            { header: knownTag === null ? {} : { 'if-none-match': knownTag, prefer: `wait=${waitSeconds}` } },
            { init: { signal } },
          ),
        knownTag,
      ),
    markRead: (selection: MarkRead) => backgroundCall(() => client.v1.notifications.read.$post({ json: selection }), 'MarkReadResult'),
    ticket: () => backgroundCall(() => client.v1.stream.ticket.$post(), 'StreamTicket'),
    acknowledge: (id: string) => backgroundCall(() => client.v1.notifications[':id'].ack.$post({ param: { id } }), 'Notification'),
    resolve: (id: string) => backgroundCall(() => client.v1.notifications[':id'].resolve.$post({ param: { id } }), 'Notification'),
    snooze: (id: string, until: string) =>
      backgroundCall(() => client.v1.notifications[':id'].snooze.$post({ param: { id }, json: { until } }), 'Notification'),
  };
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

