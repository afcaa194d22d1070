/**
 * Microsoft Teams through a Workflows flow ("When a Teams webhook request is received"): the
 * message wrapper around an Adaptive Card 1.4 (1.5 is reported to fail there), under 28 KB
 * (Teams refuses larger ones), links as Action.OpenUrl. TextBlocks and facts are read as
 * Markdown by Teams: data has its Markdown characters escaped, so it never makes a link.
 */
import { cut, type MessageContent, messageContent, plainHeadline } from './content';
import type { OutboundMessage } from './message';

type CardElement = Record<string, unknown> & { type: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.4';
  body: CardElement[];
  actions?: { type: 'Action.OpenUrl'; title: string; url: string }[];
  msteams?: { width: 'Full' };
  fallbackText?: string;
}

export interface TeamsPayload {
  type: 'message';
  attachments: [
    { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard },
  ];
}

/** Under Teams' 28 KB, with room for the request's own overhead. */
export const TEAMS_MAX_BYTES = 27 * 1024;

/** Markdown that Teams reads in a TextBlock or a fact: emphasis, links, lists. */
export function escapeTeamsMarkdown(text: string): string {
  return text.replace(/[\\*_[\]~`]/g, '\\$&').replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
}

const COLOURS = { critical: 'Attention', warning: 'Warning', info: 'Accent' } as const;

const text = (value: string, extra: Record<string, unknown> = {}): CardElement => ({
  type: 'TextBlock',
  text: escapeTeamsMarkdown(value),
  wrap: true,
  ...extra,
});

export const teamsBytes = (payload: TeamsPayload): number =>
  new TextEncoder().encode(JSON.stringify(payload)).length;

function card(c: MessageContent, factLimit: number, itemCount: number): AdaptiveCard {
  const body: CardElement[] = [
    text(c.context, {
      size: 'Small',
      weight: 'Bolder',
      color: c.severity ? COLOURS[c.severity] : 'Default',
      spacing: 'None',
    }),
    text(cut(c.heading, 1000), { size: 'Large', weight: 'Bolder' }),
  ];
  for (const notice of c.notices) body.push(text(notice, { weight: 'Bolder', color: 'Attention' }));
  if (c.body) body.push(text(c.body));
  if (c.facts.length > 0) {
    const facts = c.facts.map((f) => ({
      title: escapeTeamsMarkdown(f.label),
      value: escapeTeamsMarkdown(cut(f.value, factLimit)),
    }));
    body.push({ type: 'FactSet', facts });
  }
  for (const line of c.errorCodes) body.push(text(line, { size: 'Small', isSubtle: true }));
  if (c.byType.length > 0) {
    body.push(text(c.tr.t('out.byType'), { weight: 'Bolder' }));
    body.push({
      type: 'FactSet',
      facts: c.byType.map((f) => ({ title: escapeTeamsMarkdown(f.label), value: f.value })),
    });
  }
  for (const item of c.items.slice(0, itemCount)) {
    const container: CardElement = {
      type: 'Container',
      separator: true,
      items: [
        text(cut(item.title, 300), { weight: 'Bolder' }),
        text(item.context, { size: 'Small', isSubtle: true, spacing: 'None' }),
      ],
    };
    if (item.ackUrl)
      container.selectAction = { type: 'Action.OpenUrl', title: c.tr.t('team.ack'), url: item.ackUrl };
    body.push(container);
  }
  const notListed = c.notListed + Math.max(0, c.items.length - itemCount);
  if (notListed > 0) body.push(text(c.tr.t('out.notListed', { count: notListed }), { isSubtle: true }));
  body.push(text(c.footer, { size: 'Small', isSubtle: true }));
  const result: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    msteams: { width: 'Full' },
    fallbackText: cut(plainHeadline(c), 500),
  };
  if (c.links.length > 0)
    result.actions = c.links.map((l) => ({ type: 'Action.OpenUrl', title: l.label, url: l.url }));
  return result;
}

const wrap = (content: AdaptiveCard): TeamsPayload => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }],
});

/**
 * The card, made smaller until it fits: a summary drops listed notifications from its end (they
 * join "and N more"); a notification's facts are cut shorter.
 */
export function renderTeams(m: OutboundMessage): TeamsPayload {
  const c = messageContent(m);
  let items = c.items.length;
  let factLimit = 2000;
  for (;;) {
    const payload = wrap(card(c, factLimit, items));
    const size = teamsBytes(payload);
    if (size <= TEAMS_MAX_BYTES || (items === 0 && factLimit <= 50)) return payload;
    if (items > 0)
      items = Math.max(0, items - Math.max(1, Math.ceil(((size - TEAMS_MAX_BYTES) / size) * items)));
    else factLimit = Math.floor(factLimit / 2);
  }
}
