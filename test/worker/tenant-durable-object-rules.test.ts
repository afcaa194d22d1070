import { describe, expect, it } from 'vitest';

import type { MarketoEventInput } from '../../shared/events';
import { type Notification, NotificationPage } from '../../shared/notifications';
import { events } from './support/events';
import { MEMBER } from './support/members';
import { newTenant, NOW, type TenantStub } from './support/tenant-object';

const HOUR = 3_600_000;

async function all(stub: TenantStub): Promise<Notification[]> {
  return NotificationPage.parse(await stub.list(MEMBER, { status: 'all', limit: 100 })).items;
}
const ofType = <T extends Notification['type']>(items: Notification[], type: T) =>
  items.filter((n): n is Extract<Notification, { type: T }> => n.type === type);

const linkedin = (outcome: 'failure' | 'success', target?: string, operation = 'send') =>
  ({ type: 'linkedin', operation, outcome, ...(target ? { target } : {}) }) as MarketoEventInput;

describe('linkedin rule', () => {
  it('notifies only after maxAttempts consecutive failures, repeats after that, resets on success', async () => {
    const stub = newTenant('rules');
    await stub.ingest(events(linkedin('failure', 'aud-1'), linkedin('failure', 'aud-1')), NOW);
    expect(await all(stub)).toHaveLength(0);
    await stub.ingest(events(linkedin('failure', 'aud-1')), NOW);
    let [n] = ofType(await all(stub), 'linkedin');
    expect(n).toMatchObject({
      severity: 'critical',
      count: 1,
      data: { operation: 'send', target: 'aud-1', attempts: 3 },
    });
    await stub.ingest(events(linkedin('failure', 'aud-1')), NOW + 1);
    [n] = ofType(await all(stub), 'linkedin');
    expect(n).toMatchObject({ count: 2, data: { attempts: 4 } });
    // A success resets the run: two failures are not enough again.
    await stub.ingest(
      events(linkedin('success', 'aud-1'), linkedin('failure', 'aud-1'), linkedin('failure', 'aud-1')),
      NOW + 2,
    );
    [n] = ofType(await all(stub), 'linkedin');
    expect(n).toMatchObject({ count: 2, data: { attempts: 4 } });
    await stub.ingest(events(linkedin('failure', 'aud-1')), NOW + 3);
    [n] = ofType(await all(stub), 'linkedin');
    expect(n).toMatchObject({ count: 3, data: { attempts: 3 } });
  });

  it('counts per operation and target; an absent target is its own key', async () => {
    const stub = newTenant('rules');
    await stub.ingest(
      events(
        linkedin('failure', 'a'),
        linkedin('failure', 'b'),
        linkedin('failure'),
        linkedin('failure', 'a', 'login'),
      ),
      NOW,
    );
    await stub.ingest(events(linkedin('failure', 'a'), linkedin('failure'), linkedin('failure')), NOW);
    const items = ofType(await all(stub), 'linkedin');
    expect(items).toHaveLength(1);
    expect(items[0]?.data).toEqual({ operation: 'send', attempts: 3 });
  });

  it('follows settings.linkedin.maxAttempts', async () => {
    const stub = newTenant('rules');
    await stub.updateSettings({ linkedin: { maxAttempts: 1 } });
    await stub.ingest(events(linkedin('failure', 'x')), NOW);
    expect(ofType(await all(stub), 'linkedin')).toHaveLength(1);
  });

  it('keeps counting failures while the type is disabled', async () => {
    const stub = newTenant('rules');
    await stub.updateSettings({ types: { linkedin: { enabled: false } } });
    await stub.ingest(
      events(linkedin('failure', 'x'), linkedin('failure', 'x'), linkedin('failure', 'x')),
      NOW,
    );
    expect(await all(stub)).toHaveLength(0);
    await stub.updateSettings({ types: { linkedin: { enabled: true } } });
    await stub.ingest(events(linkedin('failure', 'x')), NOW);
    expect(ofType(await all(stub), 'linkedin')[0]?.data.attempts).toBe(4);
  });
});

const dynamics = (problem: string, leadId?: number | string) =>
  ({
    type: 'crm_sync',
    crm: 'dynamics',
    problem,
    ...(leadId === undefined ? {} : { lead: { id: leadId } }),
  }) as MarketoEventInput;

describe('crm_sync rule', () => {
  it('puts Dynamics lead failures of one window into one digest', async () => {
    const stub = newTenant('rules');
    const windowStart = Date.parse('2026-05-05T00:00:00Z');
    const batch = [];
    for (let i = 0; i < 120; i++) batch.push(dynamics(i % 3 === 0 ? 'field_length' : 'duplicate_lead', i));
    batch.push(dynamics('other'));
    await stub.ingest(events(...batch.slice(0, 60)), windowStart + 1 * HOUR);
    await stub.markRead(MEMBER, { all: true });
    await stub.ingest(events(...batch.slice(60)), windowStart + 20 * HOUR);
    const [digest] = ofType(await all(stub), 'crm_sync');
    expect(digest).toMatchObject({ severity: 'warning', count: 121, readAt: null });
    expect(digest?.data).toMatchObject({
      kind: 'digest',
      crm: 'dynamics',
      windowStart: '2026-05-05T00:00:00.000Z',
      windowEnd: '2026-05-06T00:00:00.000Z',
      causes: { field_length: 40, duplicate_lead: 80, other: 1 },
    });
    if (digest?.data.kind !== 'digest') throw new Error('expected a digest');
    expect(digest.data.leads).toHaveLength(100);
    expect(digest.data.leads[0]).toBe(20);
    expect(digest.data.leads[99]).toBe(119);
    // The next window starts a new digest.
    await stub.ingest(events(dynamics('duplicate_lead', 500)), windowStart + 25 * HOUR);
    expect(ofType(await all(stub), 'crm_sync')).toHaveLength(2);
  });

  it('uses settings.dynamics.digestHours for the window', async () => {
    const stub = newTenant('rules');
    await stub.updateSettings({ dynamics: { digestHours: 6 } });
    const start = Date.parse('2026-05-05T00:00:00Z');
    await stub.ingest(events(dynamics('duplicate_lead', 1)), start + 1 * HOUR);
    await stub.ingest(events(dynamics('duplicate_lead', 2)), start + 5 * HOUR);
    await stub.ingest(events(dynamics('duplicate_lead', 3)), start + 7 * HOUR);
    const digests = ofType(await all(stub), 'crm_sync');
    expect(digests.map((d) => d.count).sort()).toEqual([1, 2]);
    expect(digests.map((d) => d.data.kind === 'digest' && d.data.windowStart).sort()).toEqual([
      '2026-05-05T00:00:00.000Z',
      '2026-05-05T06:00:00.000Z',
    ]);
  });

  it('makes other problems immediate, grouped per crm and problem, with their severity', async () => {
    const stub = newTenant('rules');
    await stub.ingest(
      events(
        { type: 'crm_sync', crm: 'salesforce', problem: 'expired_credentials', errorCode: 601 },
        { type: 'crm_sync', crm: 'salesforce', problem: 'expired_credentials', message: 'again' },
        { type: 'crm_sync', crm: 'salesforce', problem: 'api_limit' },
        dynamics('permissions'),
        dynamics('sync_disabled'),
        dynamics('api_limit'),
      ),
      NOW,
    );
    const items = ofType(await all(stub), 'crm_sync');
    const find = (crm: string, problem: string) =>
      items.find((n) => n.data.kind === 'problem' && n.data.crm === crm && n.data.problem === problem);
    expect(items).toHaveLength(5);
    expect(find('salesforce', 'expired_credentials')).toMatchObject({
      severity: 'critical',
      count: 2,
      data: { errorCode: 601, message: 'again' },
    });
    expect(find('salesforce', 'api_limit')?.severity).toBe('warning');
    expect(find('dynamics', 'permissions')?.severity).toBe('critical');
    expect(find('dynamics', 'sync_disabled')?.severity).toBe('critical');
    expect(find('dynamics', 'api_limit')?.severity).toBe('warning');
  });
});

describe('other rules', () => {
  it('keeps one engagement notification per program and stream with the latest lead count', async () => {
    const stub = newTenant('rules');
    const e = (stream: string, n: number) =>
      ({
        type: 'engagement_exhausted',
        program: { id: 9, name: 'Nurture' },
        stream: { name: stream },
        exhaustedLeads: n,
      }) as MarketoEventInput;
    await stub.ingest(events(e('Stream 1', 10), e('Stream 1', 4), e('Stream 2', 7)), NOW);
    const items = ofType(await all(stub), 'engagement_exhausted');
    expect(items).toHaveLength(2);
    expect(items.find((n) => n.data.stream.name === 'Stream 1')).toMatchObject({
      severity: 'warning',
      count: 2,
      data: { exhaustedLeads: 4 },
    });
  });

  it('groups facebook per problem as critical', async () => {
    const stub = newTenant('rules');
    await stub.ingest(
      events(
        { type: 'facebook', problem: 'terms_not_accepted' },
        { type: 'facebook', problem: 'terms_not_accepted' },
        { type: 'facebook', problem: 'app_removed' },
      ),
      NOW,
    );
    const items = ofType(await all(stub), 'facebook');
    expect(items.map((n) => [n.data.problem, n.count, n.severity]).sort()).toEqual([
      ['app_removed', 1, 'critical'],
      ['terms_not_accepted', 2, 'critical'],
    ]);
  });

  it('keeps one cleanup notification per campaign with the latest action', async () => {
    const stub = newTenant('rules');
    const c = (id: number, action: string, lastActivityAt?: string) =>
      ({
        type: 'trigger_campaign_cleanup',
        campaign: { id, name: `T${id}` },
        action,
        ...(lastActivityAt ? { lastActivityAt } : {}),
      }) as MarketoEventInput;
    await stub.ingest(
      events(
        c(1, 'scheduled', '2026-01-01T00:00:00Z'),
        c(1, 'deactivated', '2026-02-01T00:00:00Z'),
        c(2, 'scheduled'),
      ),
      NOW,
    );
    const items = ofType(await all(stub), 'trigger_campaign_cleanup');
    expect(items).toHaveLength(2);
    expect(items.find((n) => n.data.campaign.id === 1)).toMatchObject({
      severity: 'info',
      count: 2,
      data: { action: 'deactivated', lastActivityAt: '2026-02-01T00:00:00Z' },
    });
  });
});
