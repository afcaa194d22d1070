/**
 * The HTTP request for a Slack, Teams or webhook delivery, headers included; the delivery side
 * adds its timeout signal and sends it. Redirects are not followed: a receiver that redirects
 * has answered (a 3xx), it does not choose where the worker posts next.
 */
import type { OutboundMessage, RequestKind } from './message';
import { renderSlack } from './slack';
import { renderTeams } from './teams';
import { renderWebhookBody, signWebhook } from './webhook';

export interface OutboundRequestOptions {
  url: string;
  /** Webhook signing secrets, newest first; during a rotation the old one signs too. */
  secrets?: string[];
  /** The delivery's id: the `webhook-id` header, the same on every retry. */
  deliveryId: string;
  nowMs: number;
}

export const OUTBOUND_USER_AGENT = 'MarketoNotifier/1';

export async function outboundRequest(
  kind: RequestKind,
  m: OutboundMessage,
  opts: OutboundRequestOptions,
): Promise<{ url: string; init: RequestInit }> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': OUTBOUND_USER_AGENT,
  };
  let body: string;
  if (kind === 'slack') body = JSON.stringify(renderSlack(m));
  else if (kind === 'teams') body = JSON.stringify(renderTeams(m));
  else {
    body = renderWebhookBody(m, opts.nowMs);
    const timestamp = Math.floor(opts.nowMs / 1000);
    headers['webhook-id'] = opts.deliveryId;
    headers['webhook-timestamp'] = String(timestamp);
    headers['webhook-signature'] = await signWebhook(opts.secrets ?? [], opts.deliveryId, timestamp, body);
  }
  return { url: opts.url, init: { method: 'POST', headers, body, redirect: 'manual' } };
}
