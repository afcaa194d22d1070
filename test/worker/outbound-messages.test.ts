// The outbound renderers and acknowledge tokens as the worker runs them: in workerd, with its
// Intl, Web Crypto and the CONNECTOR_KEY binding. The unit project tests them in depth.
import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';

import { LANGUAGES } from '../../shared/languages';
import {
  ackTokenExpiry,
  newWebhookSecret,
  outboundRequest,
  renderAckPage,
  renderEmail,
  renderSlack,
  renderTeams,
  signAckToken,
  TEAMS_MAX_BYTES,
  teamsBytes,
  verifyAckToken,
} from '../../worker/outbound';
import { hugeNotification, notificationMessage, SAMPLES, summaryMessage } from '../unit/outbound/fixtures';

describe('outbound messages in workerd', () => {
  it('render in every language with workerd’s Intl, within the limits', () => {
    const titles = new Set<string>();
    for (const language of LANGUAGES) {
      const slack = renderSlack(summaryMessage('digest', 1000, { language }));
      expect(slack.blocks.length).toBeLessThanOrEqual(50);
      titles.add(slack.text);
      expect(
        teamsBytes(renderTeams(notificationMessage(hugeNotification(), { language }))),
      ).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
      expect(renderEmail(notificationMessage(SAMPLES.web_services_quota, { language })).text).toContain('40');
    }
    expect(titles.size).toBe(LANGUAGES.length);
    // Numbers as each language writes them.
    expect(renderSlack(summaryMessage('digest', 1000, { language: 'de' })).text).toContain('1.000');
  });

  it('sign webhooks that standardwebhooks verifies', async () => {
    const secret = newWebhookSecret();
    const { init } = await outboundRequest('webhook', notificationMessage(SAMPLES.connector), {
      url: 'https://hooks.example.com/in',
      secrets: [secret],
      deliveryId: 'dl_workerd',
      nowMs: Date.now(),
    });
    const event = new Webhook(secret).verify(init.body as string, init.headers as Record<string, string>);
    expect(event).toMatchObject({ type: 'notification.created', data: { id: 'n-connector' } });
  });

  it('make acknowledge tokens with the CONNECTOR_KEY binding', async () => {
    const now = Date.now();
    const payload = {
      tenantId: 'acme',
      notificationId: 'n-1',
      channelKind: 'teams' as const,
      expiresAtMs: ackTokenExpiry(now),
    };
    const token = await signAckToken(payload, env.CONNECTOR_KEY);
    expect(await verifyAckToken(token, env.CONNECTOR_KEY, now)).toEqual(payload);
    expect(await verifyAckToken(token, `${env.CONNECTOR_KEY}x`, now)).toBe('invalid');
    const page = renderAckPage({ language: 'ja', state: 'open', notification: SAMPLES.connector });
    expect(page.body).toContain('お名前');
  });
});
