import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';

import { newWebhookSecret, outboundRequest, renderWebhookBody, signWebhook } from '../../../worker/outbound';
import { firstTypeCount, message, notificationMessage, NOW, SAMPLES, summaryMessage } from './fixtures';

const headersOf = (init: RequestInit) => init.headers as Record<string, string>;

describe('signed webhooks (Standard Webhooks, verified by the standardwebhooks package)', () => {
  it('sign a notification that the reference library verifies', async () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { url, init } = await outboundRequest('webhook', notificationMessage(SAMPLES.campaign_failure), {
      url: 'https://hooks.example.com/in',
      secrets: [secret],
      deliveryId: 'dl_1',
      nowMs: Date.now(),
    });
    expect(url).toBe('https://hooks.example.com/in');
    expect(init.method).toBe('POST');
    expect(init.redirect).toBe('manual');
    const headers = headersOf(init);
    expect(headers['webhook-id']).toBe('dl_1');
    const payload = new Webhook(secret).verify(init.body as string, headers) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(payload.type).toBe('notification.created');
    expect(payload.data).toMatchObject({
      id: 'n-campaign',
      type: 'campaign_failure',
      ackUrl: 'https://notifier.example.com/a/v1.token.mac',
    });
  });

  it('sign with the old and the new secret during a rotation: each verifies alone', async () => {
    const [oldSecret, newSecret, otherSecret] = [newWebhookSecret(), newWebhookSecret(), newWebhookSecret()];
    const nowMs = Date.now();
    const { init } = await outboundRequest('webhook', message('test'), {
      url: 'https://hooks.example.com/in',
      secrets: [newSecret, oldSecret],
      deliveryId: 'dl_2',
      nowMs,
    });
    const headers = headersOf(init);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(oldSecret).verify(init.body as string, headers)).toMatchObject({ type: 'test' });
    expect(new Webhook(newSecret).verify(init.body as string, headers)).toMatchObject({ type: 'test' });
    expect(() => new Webhook(otherSecret).verify(init.body as string, headers)).toThrow();
    // A changed body fails.
    expect(() =>
      new Webhook(newSecret).verify((init.body as string).replace('test', 'tesT'), headers),
    ).toThrow();
  });

  it('write the body as {type, timestamp, data}', async () => {
    const body = JSON.parse(renderWebhookBody(summaryMessage('digest', 120), NOW));
    expect(body.type).toBe('digest');
    expect(body.timestamp).toBe('2026-12-07T10:00:00.000Z');
    expect(body.data.count).toBe(120);
    expect(body.data.notifications).toHaveLength(50);
    expect(body.data.byType.campaign_failure).toBe(firstTypeCount(120));
    expect(Object.keys(body)).toEqual(['type', 'timestamp', 'data']);
  });

  it('sign exactly id.timestamp.body with the decoded secret', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const signature = await signWebhook(
      [secret],
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    // The example of the Standard Webhooks reference library's own tests.
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('send Slack and Teams as plain JSON posts', async () => {
    for (const kind of ['slack', 'teams'] as const) {
      const { init } = await outboundRequest(kind, message('test'), {
        url: 'https://hooks.slack.com/x',
        deliveryId: 'd',
        nowMs: NOW,
      });
      expect(headersOf(init)['content-type']).toBe('application/json');
      expect(headersOf(init)['webhook-signature']).toBeUndefined();
      expect(() => JSON.parse(init.body as string)).not.toThrow();
    }
  });
});
