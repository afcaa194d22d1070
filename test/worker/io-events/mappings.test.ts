import { beforeAll, describe, expect, it } from 'vitest';

import type { IoEventsState } from '../../../shared/io-events';
import type { Notification } from '../../../shared/notifications';
import { call, WARM_UP_TIMEOUT_MS, warmUp } from '../support/http';
import { type TenantWithKeys, tenantWithKeys } from '../support/tenants';
import { AUDIT, batchItem, deliver, NOTIFICATION, notifications, register, singleEvent } from './support';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

async function streamTenant(): Promise<TenantWithKeys & { token: string }> {
  const t = await tenantWithKeys();
  return { ...t, token: (await register(t.admin)).token };
}

async function state(admin: string): Promise<IoEventsState> {
  return (await call('/v1/io-events', { token: admin })).json<IoEventsState>();
}

async function only(read: string): Promise<Notification> {
  const items = await notifications(read);
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('the notification stream', () => {
  it('campaign failure (Adobe’s example pairs it with componentType campaign_abort): by type', async () => {
    const t = await streamTenant();
    const item = batchItem(
      `${NOTIFICATION}campaign_failure`,
      {
        componentType: 'campaign_abort',
        subType: 'user_campaign_abort',
        eventAction: { campaignId: 1234, userId: 'foo@bar.com' },
      },
      { munchkinId: t.tenant },
    );
    const response = await deliver(t.token, [item]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 1, duplicates: 0 });
    const n = await only(t.read);
    expect(n).toMatchObject({
      type: 'campaign_failure',
      severity: 'critical',
      data: { campaign: { id: 1234 }, error: { code: 'failure' }, user: 'foo@bar.com' },
    });
  });

  it('campaign abort, in the single envelope of Marketo’s data-streams page', async () => {
    const t = await streamTenant();
    const event = singleEvent(
      `${NOTIFICATION}campaign_abort`,
      {
        componentType: 'campaign_abort',
        subType: 'user_campaign_abort',
        eventAction: { campaignId: 77, userId: 'anna@example.com' },
      },
      { munchkinId: t.tenant },
    );
    expect((await deliver(t.token, event)).status).toBe(200);
    const n = await only(t.read);
    expect(n).toMatchObject({
      type: 'campaign_failure',
      data: { campaign: { id: 77, name: '77' }, error: { code: 'aborted' }, user: 'anna@example.com' },
    });
  });

  it('nurture exhausted becomes engagement_exhausted; both published spellings', async () => {
    for (const component of ['nurture', 'program_exhausted']) {
      const t = await streamTenant();
      const item = batchItem(
        `${NOTIFICATION}${component}`,
        {
          componentType: component,
          eventAction: {
            programId: 3001,
            programName: 'Onboarding engagement',
            streamName: 'Stream 1',
            exhaustedLeads: 128,
          },
        },
        { munchkinId: t.tenant },
      );
      expect((await deliver(t.token, [item])).status).toBe(200);
      const n = await only(t.read);
      expect(n, component).toMatchObject({
        type: 'engagement_exhausted',
        severity: 'warning',
        data: {
          program: { id: 3001, name: 'Onboarding engagement' },
          stream: { name: 'Stream 1' },
          exhaustedLeads: 128,
        },
      });
    }
  });

  it('Salesforce sync failure becomes crm_sync; both spellings', async () => {
    for (const component of ['salesforce_sync_failure', 'sfdc_sync_failure']) {
      const t = await streamTenant();
      const item = batchItem(
        `${NOTIFICATION}${component}`,
        { componentType: component, eventAction: { message: 'Sync user password expired' } },
        { munchkinId: t.tenant },
      );
      expect((await deliver(t.token, [item])).status).toBe(200);
      const n = await only(t.read);
      expect(n, component).toMatchObject({
        type: 'crm_sync',
        data: { kind: 'problem', crm: 'salesforce', problem: 'expired_credentials' },
      });
    }
  });

  it('web services daily quota: the percent goes through the thresholds (80, then 100 once)', async () => {
    const t = await streamTenant();
    const quota = (percent: number) =>
      batchItem(
        `${NOTIFICATION}web_services`,
        {
          componentType: 'web_services',
          subType: 'dailyQuota',
          eventAction: { dailyQuota: 1000000, percent, serviceNames: ['service'] },
        },
        { munchkinId: t.tenant },
      );
    expect((await deliver(t.token, [quota(25)])).status).toBe(200);
    expect(await notifications(t.read)).toHaveLength(0);
    await deliver(t.token, [quota(85)]);
    let items = await notifications(t.read);
    expect(items.map((n) => [n.type, n.type === 'web_services_quota' && n.data.threshold])).toEqual([
      ['web_services_quota', 80],
    ]);
    await deliver(t.token, [quota(100), quota(100)]);
    items = await notifications(t.read);
    expect(items.map((n) => n.type === 'web_services_quota' && n.data.threshold).sort()).toEqual([100, 80]);
    expect(items.find((n) => n.type === 'web_services_quota' && n.data.threshold === 100)).toMatchObject({
      severity: 'critical',
      count: 1,
    });
  });

  it('A/B test results (test_group or ab_test) become ab_test (info)', async () => {
    for (const component of ['test_group', 'ab_test']) {
      const t = await streamTenant();
      const item = batchItem(
        `${NOTIFICATION}${component}`,
        {
          componentType: component,
          eventAction: { programId: 501, programName: 'Subject line test', winner: 'Version B' },
        },
        { munchkinId: t.tenant },
      );
      expect((await deliver(t.token, [item])).status).toBe(200);
      const n = await only(t.read);
      expect(n, component).toMatchObject({
        type: 'ab_test',
        severity: 'info',
        data: { program: { name: 'Subject line test' }, winner: 'Version B' },
      });
    }
  });
});

describe('the user audit stream', () => {
  const audit = (
    component: string,
    eventAction: string,
    munchkinId: string,
    extra: Record<string, unknown> = {},
  ) =>
    batchItem(
      `${AUDIT}${component}`,
      {
        componentId: 1077,
        componentType: 'Smart Campaign',
        eventAction,
        userId: 'anna@example.com',
        ...extra,
      },
      { munchkinId },
    );

  it('a smart campaign deactivated by a user: trigger_campaign_cleanup with the user', async () => {
    const t = await streamTenant();
    expect(
      (
        await deliver(t.token, [
          audit('smartcampaign', 'deactivate', t.tenant, { componentName: 'Old webinar follow-up' }),
        ])
      ).status,
    ).toBe(200);
    const n = await only(t.read);
    expect(n).toMatchObject({
      type: 'trigger_campaign_cleanup',
      severity: 'info',
      data: {
        campaign: { id: 1077, name: 'Old webinar follow-up' },
        action: 'deactivated',
        user: 'anna@example.com',
      },
    });
  });

  it('a smart campaign aborted by a user: campaign_failure (aborted) with the user', async () => {
    const t = await streamTenant();
    await deliver(t.token, [audit('smartcampaign', 'abort', t.tenant)]);
    const n = await only(t.read);
    expect(n).toMatchObject({
      type: 'campaign_failure',
      data: { campaign: { id: 1077 }, error: { code: 'aborted' }, user: 'anna@example.com' },
    });
  });

  it('activations, approvals and successful logins are counted, not shown', async () => {
    const t = await streamTenant();
    const items = [
      audit('smartcampaign', 'activate', t.tenant),
      batchItem(
        `${AUDIT}email`,
        { componentId: 232459, componentType: 'Email', eventAction: 'approve', userId: 'user@marketo.com' },
        { munchkinId: t.tenant },
      ),
      batchItem(
        `${AUDIT}landingpage`,
        {
          componentId: 123321,
          componentType: 'Landing Page',
          eventAction: 'unapprove',
          userId: 'user@marketo.com',
        },
        { munchkinId: t.tenant },
      ),
      batchItem(
        `${AUDIT}login`,
        { componentType: 'Login', eventAction: 'login success', userId: 'user@marketo.com' },
        { munchkinId: t.tenant },
      ),
    ];
    expect(await (await deliver(t.token, items)).json()).toEqual({ received: 4, duplicates: 0 });
    expect(await notifications(t.read)).toHaveLength(0);
    const s = await state(t.admin);
    expect(s.byType).toEqual({
      [`${AUDIT}smartcampaign`]: 1,
      [`${AUDIT}email`]: 1,
      [`${AUDIT}landingpage`]: 1,
      [`${AUDIT}login`]: 1,
    });
    expect(s.unknown).toBe(0);
    expect(s.lastEventAt).not.toBeNull();
  });

  it('10 failed logins of one user in 10 minutes: login_failures; later ones raise its count', async () => {
    const t = await streamTenant();
    const failure = (user: string) =>
      batchItem(
        `${AUDIT}login`,
        { componentType: 'Login', eventAction: 'login failure', userId: user },
        { munchkinId: t.tenant },
      );
    for (let i = 0; i < 9; i++) await deliver(t.token, [failure('anna@example.com')]);
    await deliver(t.token, [failure('bob@example.com')]);
    expect(await notifications(t.read)).toHaveLength(0);
    await deliver(t.token, [failure('anna@example.com')]);
    let n = await only(t.read);
    expect(n).toMatchObject({
      type: 'login_failures',
      severity: 'warning',
      count: 1,
      data: { user: 'anna@example.com', failures: 10 },
    });
    await deliver(t.token, [failure('Anna@Example.com'), failure('anna@example.com')]);
    n = await only(t.read);
    expect(n).toMatchObject({ type: 'login_failures', count: 3, data: { failures: 12 } });
  });
});

describe('what is counted and not shown', () => {
  it('unknown types and another Munchkin ID', async () => {
    const t = await streamTenant();
    const items = [
      batchItem(`${NOTIFICATION}something_new`, { componentType: 'something_new' }, { munchkinId: t.tenant }),
      batchItem('com.example.other', {}, { munchkinId: t.tenant }),
      batchItem(
        `${NOTIFICATION}campaign_failure`,
        { eventAction: { campaignId: 5 } },
        { munchkinId: '999-ZZZ-999' },
      ),
    ];
    expect((await deliver(t.token, items)).status).toBe(200);
    expect(await notifications(t.read)).toHaveLength(0);
    const s = await state(t.admin);
    expect(s).toMatchObject({
      unknown: 2,
      mismatched: 1,
      byType: { [`${NOTIFICATION}something_new`]: 1, 'com.example.other': 1 },
    });
  });

  it('a disabled type shows nothing, but the event is still counted', async () => {
    const t = await streamTenant();
    await call('/v1/settings', {
      method: 'PUT',
      token: t.admin,
      json: { types: { ab_test: { enabled: false } } },
    });
    const item = batchItem(
      `${NOTIFICATION}ab_test`,
      { eventAction: { programId: 1, programName: 'P' } },
      { munchkinId: t.tenant },
    );
    expect((await deliver(t.token, [item])).status).toBe(200);
    expect(await notifications(t.read)).toHaveLength(0);
    expect((await state(t.admin)).byType).toEqual({ [`${NOTIFICATION}ab_test`]: 1 });
  });

  it('the events reach the counts like posted ones', async () => {
    const t = await streamTenant();
    await deliver(t.token, [
      batchItem(
        `${NOTIFICATION}campaign_failure`,
        { eventAction: { campaignId: 9 } },
        { munchkinId: t.tenant },
      ),
    ]);
    const counts = await (
      await call('/v1/counts', { token: t.read })
    ).json<{ unread: number; byType: Record<string, number> }>();
    expect(counts.unread).toBe(1);
    expect(counts.byType.campaign_failure).toBe(1);
  });
});
