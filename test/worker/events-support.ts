import { expect } from 'vitest';
import type { MarketoEventInput } from '../../shared/events';
import { call } from './helpers';

/** One valid event of every type the design lists. */
export const ONE_OF_EACH: MarketoEventInput[] = [
  { type: 'campaign_failure', campaign: { id: 1001, name: 'Welcome' }, program: { id: 'P7', name: 'Onboarding' }, error: { code: 611, message: 'System error' }, errorCode: 611 },
  { type: 'crm_sync', crm: 'salesforce', problem: 'expired_credentials' },
  { type: 'crm_sync', crm: 'dynamics', problem: 'duplicate_lead', lead: { id: 42, email: 'lead@example.com' } },
  { type: 'engagement_exhausted', program: { id: 9, name: 'Nurture' }, stream: { name: 'Stream 1' }, exhaustedLeads: 120 },
  { type: 'facebook', problem: 'terms_not_accepted' },
  { type: 'trigger_campaign_cleanup', campaign: { id: 3, name: 'Old trigger' }, action: 'scheduled', lastActivityAt: '2026-01-01T00:00:00Z' },
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
