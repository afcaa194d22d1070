import { env } from 'cloudflare:workers';
import { inject } from 'vitest';

import type { ChannelCreate, ChannelWithSecret, Delivery } from '../../../shared/channels';
import { MarketoEvent, type MarketoEventInput } from '../../../shared/events';

declare module 'vitest' {
  export interface ProvidedContext {
    outboundReceiverUrl: string;
  }
}

const TENANT = (env as unknown as Env).TENANT;
export type Stub = ReturnType<typeof TENANT.getByName>;

export const stubFor = (id: string) => TENANT.getByName(id);

/** A tenant object of its own per test, named like a tenant. */
export function newTenant(): { id: string; stub: Stub } {
  const digits = () => String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(3)), (b) =>
    String.fromCharCode(65 + (b % 26)),
  ).join('');
  const id = `${digits()}-${letters}-${digits()}`;
  return { id, stub: TENANT.getByName(id) };
}

/** The receiver of test/global/outbound-receiver.ts; `path(mode)` is a fresh path answering as `mode`. */
export const receiverUrl = () => inject('outboundReceiverUrl');
export const path = (mode: string) => `/${mode}/${crypto.randomUUID()}`;

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

export async function received(prefix: string): Promise<Received[]> {
  const res = await fetch(`${receiverUrl()}/_received?prefix=${encodeURIComponent(prefix)}`);
  return res.json<Received[]>();
}

/** The statuses a `/script/<name>` path answers in turn (then 200). */
export async function script(name: string, statuses: number[]): Promise<void> {
  await fetch(`${receiverUrl()}/_script/${name}`, { method: 'POST', body: JSON.stringify(statuses) });
}

/**
 * Test times lie in the future, so that the object's real alarm (which runs on the real clock)
 * never finds them due while a test drives the outbox with its own clock.
 */
export const NOW = Date.parse('2030-01-15T15:00:00Z');
export const SECOND = 1000;
export const MINUTE = 60_000;

export const events = (...inputs: MarketoEventInput[]) => inputs.map((i) => MarketoEvent.parse(i));
export const failure = (campaign: number | string, extra: Partial<MarketoEventInput> = {}) =>
  ({
    type: 'campaign_failure',
    campaign: { id: campaign, name: `C${campaign}` },
    error: { message: 'failed' },
    ...extra,
  }) as MarketoEventInput;
export const exhausted = (program: number) =>
  ({
    type: 'engagement_exhausted',
    program: { id: program, name: `P${program}` },
    stream: { name: 'S' },
    exhaustedLeads: 3,
  }) as MarketoEventInput;
export const cleanup = (campaign: number) =>
  ({
    type: 'trigger_campaign_cleanup',
    campaign: { id: campaign, name: `T${campaign}` },
    action: 'scheduled',
  }) as MarketoEventInput;

export const ORIGIN = 'https://worker.test';

export async function channel(
  stub: Stub,
  input: Partial<ChannelCreate> & { url?: string },
  nowMs = NOW,
): Promise<ChannelWithSecret> {
  const made = await stub.createChannel(
    { kind: 'webhook', name: 'Test', ...input } as ChannelCreate,
    ORIGIN,
    nowMs,
  );
  if ('error' in made) throw new Error(made.error);
  return made;
}

export async function deliveries(stub: Stub, channelId: string): Promise<Delivery[]> {
  const list = await stub.channelDeliveries(channelId, 100);
  if (list === null) throw new Error('no such channel');
  return list.deliveries;
}

/** A webhook body as sent. */
export const bodyOf = (r: Received) =>
  JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> };
