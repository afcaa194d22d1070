import { browser } from '#imports';

import type { MarkRead, Notification } from '../../../shared/notifications';
import type { ApiResult } from '../connection/api-client';
import type { BackgroundStates } from './storage';

/** What pages and content scripts may ask the background, and what each answers. */
export interface RequestMap {
  /** Each connection's state, by connection id. */
  getState: { payload: Record<string, never>; response: BackgroundStates };
  /** Reconnect if needed and fetch fresh counts now, for every connection. */
  refresh: { payload: Record<string, never>; response: BackgroundStates };
  /** Marks read at the connection the notifications belong to. */
  markRead: {
    payload: { connectionId: string; selection: MarkRead };
    response: ApiResult<{ updated: number }>;
  };
  /**
   * Acknowledge, resolve, or snooze until `until` (ISO-8601) at that connection; answers the
   * notification as it is now.
   */
  triage: { payload: TriageRequest & { connectionId: string }; response: ApiResult<Notification> };
}

export type TriageRequest =
  { id: string; action: 'ack' | 'resolve' } | { id: string; action: 'snooze'; until: string };
export type RequestType = keyof RequestMap;

/** What the background pushes to content scripts and open pages. */
export interface PushMap {
  notificationArrived: { connectionId: string; notification: Notification };
  /** A notification's shared triage or the member's snooze changed: shown in place, never announced. */
  notificationUpdated: { connectionId: string; notification: Notification };
}
export type PushType = keyof PushMap;

const CHANNEL = 'marketo-notifier';

export type RequestMessage<K extends RequestType = RequestType> = {
  channel: typeof CHANNEL;
  type: K;
  payload: RequestMap[K]['payload'];
};
export type PushMessage<K extends PushType = PushType> = {
  channel: typeof CHANNEL;
  push: K;
  payload: PushMap[K];
};

export type RequestHandlers = {
  [K in RequestType]: (payload: RequestMap[K]['payload']) => Promise<RequestMap[K]['response']>;
};

export function requestMessage<K extends RequestType>(
  type: K,
  payload: RequestMap[K]['payload'],
): RequestMessage<K> {
  return { channel: CHANNEL, type, payload };
}

export function pushMessage<K extends PushType>(push: K, payload: PushMap[K]): PushMessage<K> {
  return { channel: CHANNEL, push, payload };
}

export function isRequestMessage(message: unknown, handlers: RequestHandlers): message is RequestMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<RequestMessage>;
  return m.channel === CHANNEL && typeof m.type === 'string' && Object.hasOwn(handlers, m.type);
}

export function isPushMessage<K extends PushType>(message: unknown, push: K): message is PushMessage<K> {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<PushMessage>;
  return m.channel === CHANNEL && m.push === push;
}

export async function sendToBackground<K extends RequestType>(
  type: K,
  payload: RequestMap[K]['payload'],
): Promise<RequestMap[K]['response']> {
  return (await browser.runtime.sendMessage(requestMessage(type, payload))) as RequestMap[K]['response'];
}

/** Dispatches typed requests; answers through sendResponse so that Chrome and Firefox behave alike. */
export function dispatchRequest(
  message: unknown,
  handlers: RequestHandlers,
  sendResponse: (response: unknown) => void,
): boolean {
  if (!isRequestMessage(message, handlers)) return false;
  const handler = handlers[message.type] as (payload: unknown) => Promise<unknown>;
  handler(message.payload).then(sendResponse, () => sendResponse(undefined));
  return true;
}

export function listenForRequests(handlers: RequestHandlers): void {
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) =>
    dispatchRequest(message, handlers, sendResponse),
  );
}

export function onPush<K extends PushType>(push: K, listener: (payload: PushMap[K]) => void): () => void {
  const handle = (message: unknown) => {
    if (isPushMessage(message, push)) listener(message.payload);
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
