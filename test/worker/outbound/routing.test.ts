import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';

import {
  bodyOf,
  channel,
  cleanup,
  deliveries,
  events,
  exhausted,
  failure,
  MINUTE,
  newTenant,
  NOW,
  path,
  received,
  receiverUrl,
  SECOND,
} from '../support/outbound';

describe('routing by type and severity', () => {
  it('sends what matches the channel, signed as Standard Webhooks', async () => {
    const { stub } = newTenant();
    const to = path('ok');
    const made = await channel(stub, {
      url: receiverUrl() + to,
      types: ['campaign_failure', 'engagement_exhausted'],
      minSeverity: 'critical',
    });
    await stub.ingest(events(failure(1), exhausted(2), cleanup(3)), NOW);
    await stub.runOutbound(NOW);
    const got = await received(to);
    expect(got).toHaveLength(1);
    const verified = new Webhook(made.secret!).verify(got[0]!.body, got[0]!.headers) as {
      type: string;
      data: { type: string; ackUrl: string };
    };
    expect(verified).toMatchObject({ type: 'notification.created', data: { type: 'campaign_failure' } });
    expect(verified.data.ackUrl).toMatch(/^https:\/\/notifier\.test\/a\/v1\./);
    expect(got[0]!.headers['webhook-id']).toBe((await deliveries(stub, made.id))[0]!.id);
  });

  it('sends nothing to a switched-off channel, and only types it names', async () => {
    const { stub } = newTenant();
    const off = path('ok');
    const info = path('ok');
    await channel(stub, { url: receiverUrl() + off, enabled: false });
    await channel(stub, {
      url: receiverUrl() + info,
      types: ['trigger_campaign_cleanup'],
      minSeverity: 'info',
    });
    await stub.ingest(events(failure(1), cleanup(3)), NOW);
    await stub.runOutbound(NOW);
    expect(await received(off)).toHaveLength(0);
    expect((await received(info)).map((r) => bodyOf(r).data.type)).toEqual(['trigger_campaign_cleanup']);
  });
});

describe('quiet hours', () => {
  it('hold messages below critical and summarise them after the end; critical goes at once', async () => {
    const { stub } = newTenant();
    const to = path('ok');
    // 15:00 UTC lies within 14:00-16:00 in Lisbon (UTC+0 in January).
    const made = await channel(stub, {
      url: receiverUrl() + to,
      quietHours: { start: '14:00', end: '16:00', timeZone: 'Europe/Lisbon' },
    });
    await stub.ingest(events(exhausted(1), exhausted(2), failure(3)), NOW);
    await stub.runOutbound(NOW);
    expect((await received(to)).map((r) => bodyOf(r).type)).toEqual(['notification.created']);
    const summary = (await deliveries(stub, made.id)).find((d) => d.reason === 'summary')!;
    expect(summary).toMatchObject({ state: 'pending', nextAttemptAt: '2030-01-15T16:00:05.000Z' });
    await stub.runOutbound(Date.parse('2030-01-15T15:59:59Z'));
    expect(await received(to)).toHaveLength(1);
    await stub.runOutbound(Date.parse('2030-01-15T16:00:30Z'));
    const sent = (await received(to)).map(bodyOf);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({
      type: 'summary',
      data: { count: 2, byType: { engagement_exhausted: 2 } },
    });
  });
});

describe('digests', () => {
  it('send at digestAt what became unread in the last 24 hours, and nothing on an empty day', async () => {
    const { stub } = newTenant();
    const to = path('ok');
    const made = await channel(stub, {
      url: receiverUrl() + to,
      mode: 'digest',
      digestAt: { time: '09:00', timeZone: 'UTC' },
    });
    await stub.ingest(events(failure(1), exhausted(2)), NOW);
    await stub.runOutbound(NOW);
    expect(await received(to)).toHaveLength(0);
    await stub.runOutbound(Date.parse('2030-01-16T09:00:01Z'));
    const sent = (await received(to)).map(bodyOf);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      type: 'digest',
      data: { count: 2, byType: { campaign_failure: 1, engagement_exhausted: 1 } },
    });
    // The next day nothing became unread: no digest.
    await stub.runOutbound(Date.parse('2030-01-17T09:00:01Z'));
    expect(await received(to)).toHaveLength(1);
    expect((await deliveries(stub, made.id)).map((d) => d.reason)).toEqual(['digest']);
  });
});

describe('throttle', () => {
  it('spaces messages 1 s apart, sends 20 in 10 minutes at most, folds the rest into a summary', async () => {
    const { stub } = newTenant();
    const to = path('ok');
    const made = await channel(stub, { url: receiverUrl() + to });
    await stub.ingest(events(...Array.from({ length: 26 }, (_, i) => failure(i))), NOW);
    const planned = await deliveries(stub, made.id);
    expect(planned.filter((d) => d.reason === 'notification')).toHaveLength(20);
    const summary = planned.filter((d) => d.reason === 'summary');
    expect(summary).toHaveLength(1);
    expect(summary[0]!.nextAttemptAt).toBe(new Date(NOW + 10 * MINUTE).toISOString());
    const slots = planned
      .filter((d) => d.reason === 'notification')
      .map((d) => Date.parse(d.nextAttemptAt!))
      .sort();
    expect(slots[0]).toBe(NOW);
    expect(slots[19]).toBe(NOW + 19 * SECOND);
    // Within one second only one message goes.
    await stub.runOutbound(NOW);
    await stub.runOutbound(NOW + 500);
    expect(await received(to)).toHaveLength(1);
    for (let t = 1; t < 20; t++) await stub.runOutbound(NOW + t * SECOND);
    expect(await received(to)).toHaveLength(20);
    await stub.runOutbound(NOW + 10 * MINUTE);
    const sent = (await received(to)).map(bodyOf);
    expect(sent).toHaveLength(21);
    expect(sent[20]).toMatchObject({ type: 'summary', data: { count: 6, byType: { campaign_failure: 6 } } });
    // It lists the six folded notifications as they are when it goes.
    const listed = sent[20]!.data.notifications as { data: { campaign: { name: string } } }[];
    expect(listed.map((n) => n.data.campaign.name)).toEqual(['C20', 'C21', 'C22', 'C23', 'C24', 'C25']);
  });
  it('folds a burst over several requests into the one summary; a repeat within the hour adds nothing', async () => {
    const { stub } = newTenant();
    const to = path('ok');
    const made = await channel(stub, { url: receiverUrl() + to });
    await stub.ingest(events(...Array.from({ length: 22 }, (_, i) => failure(i))), NOW);
    await stub.ingest(events(failure(22), failure(23)), NOW + SECOND);
    await stub.ingest(events(failure(23), failure(24)), NOW + 2 * SECOND);
    const planned = await deliveries(stub, made.id);
    expect(planned.filter((d) => d.reason === 'notification')).toHaveLength(20);
    expect(planned.filter((d) => d.reason === 'summary')).toHaveLength(1);
    for (let t = 0; t < 20; t++) await stub.runOutbound(NOW + t * SECOND);
    await stub.runOutbound(NOW + 10 * MINUTE);
    const sent = (await received(to)).map(bodyOf);
    expect(sent).toHaveLength(21);
    // C23 came twice: the repeat rule holds the second one back.
    expect(sent[20]).toMatchObject({ type: 'summary', data: { count: 5, byType: { campaign_failure: 5 } } });
    const listed = sent[20]!.data.notifications as { data: { campaign: { name: string } } }[];
    expect(listed.map((n) => n.data.campaign.name)).toEqual(['C20', 'C21', 'C22', 'C23', 'C24']);
  });
});

describe('the repeat rule', () => {
  it('sends nothing for repeats of an open group within the hour; read and repeated, it goes', async () => {
    const { stub } = newTenant();
    const to = path('ok');
    const made = await channel(stub, { url: receiverUrl() + to });
    await stub.ingest(events(failure(1)), NOW);
    await stub.ingest(events(failure(1)), NOW + MINUTE);
    await stub.ingest(events(failure(1)), NOW + 2 * MINUTE);
    expect(await deliveries(stub, made.id)).toHaveLength(1);
    await stub.ingest(events(failure(1)), NOW + 61 * MINUTE);
    expect(await deliveries(stub, made.id)).toHaveLength(2);
    await stub.markRead('anna', { all: true }, NOW + 62 * MINUTE);
    await stub.ingest(events(failure(1)), NOW + 63 * MINUTE);
    const all = await deliveries(stub, made.id);
    expect(all).toHaveLength(3);
    for (let t = 0; t < 3; t++) await stub.runOutbound(NOW + 63 * MINUTE + t * SECOND);
    const types = (await received(to)).map((r) => bodyOf(r).type);
    expect(types).toEqual(['notification.created', 'notification.reopened', 'notification.reopened']);
    // Each message says what the notification was when it was written.
    expect((await received(to)).map((r) => bodyOf(r).data.count)).toEqual([1, 4, 5]);
  });
});

describe('e-mail channels', () => {
  it('send through the send_email binding from notifications@EMAIL_DOMAIN', async () => {
    const { stub } = newTenant();
    const made = await channel(stub, {
      kind: 'email',
      name: 'Ops mail',
      to: ['ops@example.com', 'oncall@example.org'],
      url: undefined,
    });
    expect(made).toMatchObject({
      kind: 'email',
      target: null,
      to: ['ops@example.com', 'oncall@example.org'],
    });
    await stub.ingest(events(failure(1)), NOW);
    await stub.runOutbound(NOW);
    expect(await deliveries(stub, made.id)).toMatchObject([
      { reason: 'notification', state: 'delivered', attempts: 1, lastStatus: 202 },
    ]);
  });
});
