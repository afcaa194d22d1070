// Marketo events: built for the tenant object, posted to the ingest route, read back from the feed.
import { expect } from 'vitest';

import { MarketoEvent, type MarketoEventInput } from '../../../shared/events';
import { call } from './http';

/** Events as the ingest route hands them to the tenant object (parsed by the shared schema). */
export const events = (...inputs: MarketoEventInput[]) => inputs.map((i) => MarketoEvent.parse(i));

export const campaignFailure = (campaignId: number, code: number, extra: Partial<MarketoEventInput> = {}) =>
  ({
    type: 'campaign_failure',
    campaign: { id: campaignId, name: `C${campaignId}` },
    error: { code, message: 'failed' },
    ...extra,
  }) as MarketoEventInput;

export function postEvents(
  ingestKey: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return call('/v1/events', { token: ingestKey, json: body, headers });
}

/** One valid event of every type the design lists. */
export const ONE_OF_EACH: MarketoEventInput[] = [
  {
    type: 'campaign_failure',
    campaign: { id: 1001, name: 'Welcome' },
    program: { id: 'P7', name: 'Onboarding' },
    error: { code: 611, message: 'System error' },
    errorCode: 611,
  },
  { type: 'crm_sync', crm: 'salesforce', problem: 'expired_credentials' },
  {
    type: 'crm_sync',
    crm: 'dynamics',
    problem: 'duplicate_lead',
    lead: { id: 42, email: 'lead@example.com' },
  },
  {
    type: 'engagement_exhausted',
    program: { id: 9, name: 'Nurture' },
    stream: { name: 'Stream 1' },
    exhaustedLeads: 120,
  },
  { type: 'facebook', problem: 'terms_not_accepted' },
  {
    type: 'trigger_campaign_cleanup',
    campaign: { id: 3, name: 'Old trigger' },
    action: 'scheduled',
    lastActivityAt: '2026-01-01T00:00:00Z',
  },
  { type: 'linkedin', operation: 'send', target: 'Audience A', outcome: 'failure' },
  { type: 'web_services_quota', errorCode: 607, occurredAt: '2026-05-05T15:00:00+02:00' },
];

/** Every notification of the tenant, as the feed answers it. */
export async function feedOf(readKey: string) {
  const response = await call('/v1/notifications?status=all', { token: readKey });
  expect(response.status).toBe(200);
  return (await response.json<{ items: { type: string; data: Record<string, unknown> }[] }>()).items;
}

/** The refused request left no trace: no notification, no unread count. */
export async function expectNothingStored(readKey: string) {
  expect(await feedOf(readKey)).toEqual([]);
  expect((await (await call('/v1/counts', { token: readKey })).json<{ unread: number }>()).unread).toBe(0);
}
