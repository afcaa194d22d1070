/**
 * Slack incoming webhooks: `{text, blocks}`, Block Kit within Slack's limits (50 blocks, section
 * text 3,000 characters, header 150), `text` the fallback a notification shows. Links are mrkdwn
 * links in a section, not buttons: a URL button still posts an interaction to the app, which an
 * incoming webhook's app does not answer (Slack then shows a warning beside the button).
 */
import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';

import { cut, type MessageContent, messageContent, plainHeadline } from './content';
import type { OutboundMessage } from './message';

export interface SlackPayload {
  text: string;
  blocks: KnownBlock[];
}

export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextText: 3000,
  text: 40_000,
};

/** Slack's mrkdwn control characters, escaped as Slack asks: data never makes a link or a mention. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** mrkdwn cut to `max` without leaving half an entity (`&am…`) or half a link (`<https://…`). */
export function cutMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = cut(text, max).slice(0, -1);
  kept = kept.replace(/&[a-z]{0,4}$/, '');
  const open = kept.lastIndexOf('<');
  if (open > kept.lastIndexOf('>')) kept = kept.slice(0, open);
  return `${kept}…`;
}

/** A link in mrkdwn: the URL with `&`, `<`, `>` escaped and `|` encoded, the label escaped. */
export function mrkdwnLink(url: string, label: string): string {
  return `<${escapeMrkdwn(url).replace(/\|/g, '%7C')}|${escapeMrkdwn(label)}>`;
}

const SEVERITY_MARK = {
  critical: ':red_circle:',
  warning: ':large_orange_circle:',
  info: ':large_blue_circle:',
} as const;

const header = (text: string): HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: cut(text, SLACK_LIMITS.headerText) || '…', emoji: false },
});
const section = (mrkdwn: string): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: cutMrkdwn(mrkdwn, SLACK_LIMITS.sectionText) },
});
const context = (mrkdwn: string): ContextBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: cutMrkdwn(mrkdwn, SLACK_LIMITS.contextText) }],
});

/** Lines packed into as few sections as fit, each line whole (a longer one is cut on its own). */
function packLines(lines: string[], maxBlocks: number): { blocks: SectionBlock[]; packed: number } {
  const blocks: SectionBlock[] = [];
  let current = '';
  let packed = 0;
  for (const line of lines) {
    const fitted = cutMrkdwn(line, SLACK_LIMITS.sectionText);
    if (current !== '' && current.length + 1 + fitted.length > SLACK_LIMITS.sectionText) {
      if (blocks.length + 1 >= maxBlocks) break;
      blocks.push(section(current));
      current = '';
    }
    current = current === '' ? fitted : `${current}\n${fitted}`;
    packed += 1;
  }
  if (current !== '') blocks.push(section(current));
  return { blocks, packed };
}

function notificationBlocks(c: MessageContent): KnownBlock[] {
  const blocks: KnownBlock[] = [header(c.heading)];
  const mark = c.severity ? `${SEVERITY_MARK[c.severity]} ` : '';
  blocks.push(context(`${mark}*${escapeMrkdwn(c.context)}*`));
  if (c.notices.length > 0) blocks.push(section(c.notices.map((n) => `*${escapeMrkdwn(n)}*`).join('\n')));
  if (c.body) blocks.push(section(escapeMrkdwn(c.body)));
  // Each fact gets its share of the section, so that a huge one leaves room for the others.
  const share = Math.max(200, Math.floor(SLACK_LIMITS.sectionText / Math.max(1, c.facts.length)) - 40);
  const facts = c.facts.map((f) => `*${escapeMrkdwn(f.label)}:* ${cutMrkdwn(escapeMrkdwn(f.value), share)}`);
  if (facts.length > 0) blocks.push(section(facts.join('\n')));
  if (c.errorCodes.length > 0) blocks.push(section(c.errorCodes.map(escapeMrkdwn).join('\n')));
  if (c.links.length > 0)
    blocks.push(section(c.links.map((l) => mrkdwnLink(l.url, l.label)).join('   ·   ')));
  blocks.push(context(escapeMrkdwn(c.footer)));
  return blocks;
}

function summaryBlocks(c: MessageContent): KnownBlock[] {
  const head: KnownBlock[] = [header(c.heading), context(escapeMrkdwn(c.context))];
  if (c.byType.length > 0) {
    const lines = c.byType.map((f) => `• ${escapeMrkdwn(f.label)}: *${escapeMrkdwn(f.value)}*`);
    head.push(section(`*${escapeMrkdwn(c.tr.t('out.byType'))}*\n${lines.join('\n')}`));
  }
  if (c.items.length > 0) head.push({ type: 'divider' });
  const lines = c.items.map((item) => {
    const title = escapeMrkdwn(cut(item.title, 300));
    const linked = item.ackUrl ? mrkdwnLink(item.ackUrl, cut(item.title, 300)) : title;
    return `${SEVERITY_MARK[item.severity]} ${linked}  _${escapeMrkdwn(item.context)}_`;
  });
  // Room left: the blocks so far, "and N more" and the footer.
  const { blocks, packed } = packLines(lines, SLACK_LIMITS.blocks - head.length - 2);
  const notListed = c.notListed + (c.items.length - packed);
  const tail: KnownBlock[] = [];
  if (notListed > 0) tail.push(section(`_${escapeMrkdwn(c.tr.t('out.notListed', { count: notListed }))}_`));
  tail.push(context(escapeMrkdwn(c.footer)));
  return [...head, ...blocks, ...tail];
}

export function renderSlack(m: OutboundMessage): SlackPayload {
  const c = messageContent(m);
  const blocks = m.reason === 'digest' || m.reason === 'summary' ? summaryBlocks(c) : notificationBlocks(c);
  return { text: cutMrkdwn(escapeMrkdwn(plainHeadline(c)), SLACK_LIMITS.text), blocks };
}
