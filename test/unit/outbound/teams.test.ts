import { describe, expect, it } from 'vitest';

import type { Notification } from '../../../shared/notifications';
import { renderTeams, TEAMS_MAX_BYTES, teamsBytes } from '../../../worker/outbound';
import { escapeTeamsMarkdown } from '../../../worker/outbound/teams';
import { hugeNotification, notificationMessage, outbound, SAMPLES, summaryMessage } from './fixtures';

const LIMIT = 28 * 1024;

describe('Teams messages', () => {
  it('wrap an Adaptive Card 1.4 as a Workflows message, links as Action.OpenUrl', () => {
    const payload = renderTeams(notificationMessage(SAMPLES.campaign_failure));
    expect(payload).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null }],
    });
    expect(payload.attachments).toHaveLength(1);
    const card = payload.attachments[0].content;
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.4');
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'I’m on it / Resolve',
        url: 'https://notifier.example.com/a/v1.token.mac',
      },
      { type: 'Action.OpenUrl', title: 'Open in Marketo', url: 'https://app-ab12.marketo.com/#SC1001A1' },
    ]);
    expect(JSON.stringify(card.body)).toContain('"title":"Program","value":"Q4 Nurture"');
  });

  it('keep a huge notification under 28 KB', () => {
    const payload = renderTeams(notificationMessage(hugeNotification()));
    expect(teamsBytes(payload)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(TEAMS_MAX_BYTES).toBeLessThan(LIMIT);
    expect(payload.attachments[0].content.actions?.[0]?.url).toBe(
      'https://notifier.example.com/a/v1.token.mac',
    );
  });

  it('drop listed notifications from a summary until the card fits, and count them', () => {
    // Long names in a script of three bytes a character: 50 listed would be far over 28 KB.
    const long = {
      ...SAMPLES.campaign_failure,
      data: { ...SAMPLES.campaign_failure.data, campaign: { id: 1, name: '失敗'.repeat(200) } },
    };
    const m = summaryMessage('summary', 1000);
    m.summary!.notifications = m.summary!.notifications.map((n, i) =>
      outbound({ ...long, id: `x${i}` } as Notification, n.ackUrl),
    );
    const payload = renderTeams(m);
    const size = teamsBytes(payload);
    expect(size).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    const body = payload.attachments[0].content.body;
    const listed = body.filter((e) => e.type === 'Container').length;
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(50);
    expect(JSON.stringify(body)).toContain(
      `And ${(1000 - listed).toLocaleString('en')} more, not listed here`,
    );
    // Each listed one opens its acknowledge page.
    const first = body.find((e) => e.type === 'Container') as {
      selectAction?: { type: string; url: string };
    };
    expect(first.selectAction).toMatchObject({
      type: 'Action.OpenUrl',
      url: 'https://notifier.example.com/a/v1.token.mac0',
    });
  });

  it('keep a summary of 1,000 notifications under 28 KB', () => {
    expect(teamsBytes(renderTeams(summaryMessage('digest', 1000)))).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
  });

  it('escape Markdown from data, so a name makes no link', () => {
    expect(escapeTeamsMarkdown('[click](https://evil.example) *bold* _it_')).toBe(
      '\\[click\\](https://evil.example) \\*bold\\* \\_it\\_',
    );
    const n = {
      ...SAMPLES.linkedin,
      data: { ...SAMPLES.linkedin.data, target: '[x](https://evil.example)' },
    } as Notification;
    expect(JSON.stringify(renderTeams(notificationMessage(n)))).not.toContain('"[x](https');
  });
});
