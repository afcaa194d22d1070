import { describe, expect, it } from 'vitest';

import type { IoEvent } from '../../../worker/io-events/envelope';
import { parseEnvelope } from '../../../worker/io-events/envelope';
import { mapIoEvent } from '../../../worker/io-events/mapping';

const MUNCHKIN = '123-ABC-456';
const event = (type: string, data: Record<string, unknown>, time: string | null = null): IoEvent => ({
  eventId: 'e1',
  recipient: 'client',
  type,
  time,
  data: { munchkinId: MUNCHKIN, ...data },
});
const N = 'com.adobe.platform.marketo.notification.';
const A = 'com.adobe.platform.marketo.audit.user.';

describe('parseEnvelope: both of Adobe’s envelopes', () => {
  it('reads the single event of the data-streams page and the batch of the setup pages', () => {
    const single = {
      event_id: 'a',
      event: { type: `${N}campaign_abort`, data: { x: 1 } },
      recipient_client_id: 'c',
    };
    expect(parseEnvelope(single)).toEqual([
      { eventId: 'a', recipient: 'c', type: `${N}campaign_abort`, time: null, data: { x: 1 } },
    ]);
    const batch = [
      { eventid: 'b', event: { body: { type: 't', time: 'now', data: {} } }, recipientclientid: 'c' },
    ];
    expect(parseEnvelope(batch)).toEqual([
      { eventId: 'b', recipient: 'c', type: 't', time: 'now', data: {} },
    ]);
  });

  it.each([[], {}, null, 'x', [{ event: { type: 't' } }], [{ eventid: 'b', event: { body: { type: 1 } } }]])(
    'refuses %j',
    (value) => {
      expect(parseEnvelope(value)).toBeNull();
    },
  );
});

describe('mapIoEvent', () => {
  it('the audit stream’s zoneless time is UTC; the user goes with the event', () => {
    const mapped = mapIoEvent(
      event(
        `${A}smartcampaign`,
        { componentId: 5, eventAction: 'deactivate', userId: 'anna@example.com' },
        '2024-07-11 13:20:42.755',
      ),
      MUNCHKIN,
    );
    expect(mapped).toMatchObject({
      kind: 'event',
      event: {
        type: 'trigger_campaign_cleanup',
        occurredAt: '2024-07-11T13:20:42.755Z',
        user: 'anna@example.com',
        action: 'deactivated',
      },
    });
  });

  it('another Munchkin ID is mismatched; the same one in other case is not', () => {
    expect(mapIoEvent(event(`${N}campaign_failure`, { munchkinId: '999-XYZ-000' }), MUNCHKIN).kind).toBe(
      'mismatched',
    );
    const lower = event(`${N}campaign_failure`, {
      munchkinId: '123-abc-456',
      eventAction: { campaignId: 1 },
    });
    expect(mapIoEvent(lower, MUNCHKIN).kind).toBe('event');
  });

  it('web_services without dailyQuota, and a campaign event without a campaign, are unknown', () => {
    expect(
      mapIoEvent(event(`${N}web_services`, { subType: 'errors', eventAction: { percent: 90 } }), MUNCHKIN)
        .kind,
    ).toBe('unknown');
    expect(mapIoEvent(event(`${N}campaign_failure`, { eventAction: {} }), MUNCHKIN).kind).toBe('unknown');
    expect(mapIoEvent(event('com.example.other', {}), MUNCHKIN).kind).toBe('unknown');
  });

  it('the daily quota carries its percent and quota', () => {
    const quota = event(`${N}web_services`, {
      subType: 'dailyQuota',
      eventAction: { dailyQuota: 1000000, percent: 25 },
    });
    expect(mapIoEvent(quota, MUNCHKIN)).toEqual({ kind: 'quota', percent: 25, dailyQuota: 1000000 });
  });

  it.each([
    ['The sync user password expired', 'expired_credentials'],
    ['API limit exceeded', 'api_limit'],
    ['Insufficient access rights', 'permissions'],
    ['Sync is disabled', 'sync_disabled'],
    ['Something else', 'other'],
  ])('Salesforce sync failure “%s” is %s', (message, problem) => {
    const mapped = mapIoEvent(event(`${N}sfdc_sync_failure`, { eventAction: { message } }), MUNCHKIN);
    expect(mapped).toMatchObject({ kind: 'event', event: { type: 'crm_sync', crm: 'salesforce', problem } });
  });

  it('logins: failures by lower-cased user, successes and failures without a user counted', () => {
    const failure = (user?: string) =>
      event(`${A}login`, { eventAction: 'login failure', ...(user && { userId: user }) });
    expect(mapIoEvent(failure('Anna@Example.com'), MUNCHKIN)).toEqual({
      kind: 'login_failure',
      user: 'anna@example.com',
    });
    expect(mapIoEvent(failure(), MUNCHKIN).kind).toBe('counted');
    expect(
      mapIoEvent(event(`${A}login`, { eventAction: 'login success', userId: 'a@b.c' }), MUNCHKIN).kind,
    ).toBe('counted');
  });
});
