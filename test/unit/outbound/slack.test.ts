import type { KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';

import type { Notification } from '../../../shared/notifications';
import { renderSlack, SLACK_LIMITS, type SlackPayload } from '../../../worker/outbound';
import { escapeMrkdwn } from '../../../worker/outbound/slack';
import {
  firstTypeCount,
  hugeNotification,
  message,
  notificationMessage,
  SAMPLES,
  summaryMessage,
} from './fixtures';

/** Every text of a message against Slack's Block Kit limits. */
function expectWithinLimits(payload: SlackPayload) {
  expect(payload.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  expect(payload.text.length).toBeGreaterThan(0);
  expect(payload.text.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
  for (const block of payload.blocks) {
    if (block.type === 'header') {
      expect(block.text.text.length).toBeGreaterThan(0);
      expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    }
    if (block.type === 'section')
      expect((block as SectionBlock).text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (block.type === 'context') {
      for (const element of block.elements)
        if ('text' in element) expect(element.text.length).toBeLessThanOrEqual(3000);
    }
  }
}

const sectionTexts = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) => (b.type === 'section' ? [b.text!.text] : []));

describe('Slack messages', () => {
  it('keep a huge notification within Block Kit limits, cut with an ellipsis', () => {
    const payload = renderSlack(notificationMessage(hugeNotification()));
    expectWithinLimits(payload);
    const header = payload.blocks[0]!;
    expect(header.type).toBe('header');
    if (header.type === 'header') {
      expect(header.text.text).toHaveLength(SLACK_LIMITS.headerText);
      expect(header.text.text.endsWith('…')).toBe(true);
    }
    // Cut text never leaves half an entity behind.
    for (const text of sectionTexts(payload.blocks)) expect(text).not.toMatch(/&[a-z]{0,3}…/);
    // The links still come through after the cut facts.
    expect(JSON.stringify(payload.blocks)).toContain('https://notifier.example.com/a/v1.token.mac');
  });

  it('fold a summary of 1,000 notifications into at most 50 blocks, counting what is not listed', () => {
    const payload = renderSlack(summaryMessage('summary', 1000));
    expectWithinLimits(payload);
    const all = JSON.stringify(payload.blocks);
    expect(payload.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Summary: 1,000 notifications' },
    });
    const listed = (all.match(/https:\/\/notifier\.example\.com\/a\/v1\.token\.mac\d+/g) ?? []).length;
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThanOrEqual(50);
    expect(all).toContain(`And ${(1000 - listed).toLocaleString('en')} more, not listed here`);
    expect(all).toContain(`Campaign failures: *${firstTypeCount(1000)}*`);
  });

  it('escape mrkdwn control characters from data: no link, mention or markup comes from a name', () => {
    const payload = renderSlack(notificationMessage(SAMPLES.campaign_failure));
    const all = sectionTexts(payload.blocks).join('\n') + payload.text;
    expect(all).toContain('Welcome &amp; &lt;Onboarding&gt;');
    expect(all).not.toContain('<Onboarding>');
    expect(escapeMrkdwn('<!channel> & <https://evil.example|x>')).toBe(
      '&lt;!channel&gt; &amp; &lt;https://evil.example|x&gt;',
    );
  });

  it('carry the title, severity, facts, the Marketo link and the acknowledge link', () => {
    const payload = renderSlack(notificationMessage(SAMPLES.campaign_failure, { repeats: 12 }));
    const all = JSON.stringify(payload);
    expect(payload.text).toBe('Critical: Campaign “Welcome &amp; &lt;Onboarding&gt;” failed');
    expect(all).toContain('*Critical · Campaign failures*');
    expect(all).toContain('*Program:* Q4 Nurture');
    expect(all).toContain('And 12 more times since the last message');
    expect(all).toContain('<https://notifier.example.com/a/v1.token.mac|I’m on it / Resolve>');
    expect(all).toContain('<https://app-ab12.marketo.com/#SC1001A1|Open in Marketo>');
  });

  it('link to Marketo only when the link is a Marketo host', () => {
    const data = { ...SAMPLES.campaign_failure.data, url: 'https://evil.example/#x' };
    const all = JSON.stringify(
      renderSlack(notificationMessage({ ...SAMPLES.campaign_failure, data } as Notification)),
    );
    expect(all).not.toContain('evil.example');
    expect(all).not.toContain('Open in Marketo');
  });

  it('say that nobody is on it in an escalation, and draw a test message', () => {
    const escalation = renderSlack(
      message('escalation', { notification: { ...SAMPLES.facebook, ackUrl: 'https://w.example/a/t' } }),
    );
    expect(JSON.stringify(escalation)).toContain('Nobody is on it yet');
    const test = renderSlack(message('test'));
    expect(test.text).toBe('Test message from Marketo Notifier');
    expect(JSON.stringify(test)).toContain('The channel “Ops alerts” is set up');
    // Every context line has text: no empty bold (`**`) in a test message.
    expect(test.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '*Ops alerts*' }] });
  });
});
