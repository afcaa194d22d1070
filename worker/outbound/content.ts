/**
 * One outbound message as what a person reads, in the tenant's language, before any channel's
 * format: the renderers for Slack, Teams and e-mail draw this, so they all say the same thing.
 * Text from notification data is already display text (shared/display-text.ts) here; each
 * renderer still escapes it for its own markup.
 */
import { displayText } from '../../shared/display-text';
import type { Language } from '../../shared/languages';
import { marketoLink } from '../../shared/marketo-hosts';
import { NOTIFICATION_CATALOGS } from '../../shared/notification-text/catalogs';
import { describeNotification, type Fact } from '../../shared/notification-text/describe';
import { describeHeadline } from '../../shared/notification-text/headline';
import { createTranslator, type Translator } from '../../shared/notification-text/translator';
import type { NotificationKey } from '../../shared/notification-text/types';
import { NOTIFICATION_TYPES, type Severity } from '../../shared/notification-types';
import { OUTBOUND_CATALOGS, type OutboundKey } from './catalog';
import { MAX_LISTED, type OutboundMessage, type OutboundNotification } from './message';

export type { Fact } from '../../shared/notification-text/describe';
export type OutboundTranslator = Translator<NotificationKey | OutboundKey>;

export interface Link {
  label: string;
  url: string;
}

/** One notification of a digest or summary. */
export interface ListedItem {
  title: string;
  severity: Severity;
  /** "Critical · Campaign failures", with "×3" when it happened more than once. */
  context: string;
  ackUrl: string | null;
}

export interface MessageContent {
  tr: OutboundTranslator;
  /** The title of a notification, or the heading of a digest, summary or test. */
  heading: string;
  /** The worst severity it is about (a notification's own; a summary's worst listed), for colours. */
  severity: Severity | null;
  /** The line above or below the heading: severity and type, or a summary's period. */
  context: string;
  /** Why it is sent again: escalation, reopened, repeats since the last message. */
  notices: string[];
  facts: Fact[];
  /** Marketo error codes explained, one line each. */
  errorCodes: string[];
  /** The acknowledge link first, then Marketo's. */
  links: Link[];
  /** A test message's text. */
  body: string | null;
  byType: Fact[];
  items: ListedItem[];
  /** Notifications a summary counts but does not list. */
  notListed: number;
  footer: string;
}

const translators = new Map<Language, OutboundTranslator>();

export function outboundTranslator(language: Language): OutboundTranslator {
  let tr = translators.get(language);
  if (!tr) {
    tr = createTranslator(language, { ...NOTIFICATION_CATALOGS[language], ...OUTBOUND_CATALOGS[language] });
    translators.set(language, tr);
  }
  return tr;
}

/** Only http(s) links are drawn; the acknowledge link is the worker's own, but checked all the same. */
export function webLink(url: string | undefined): string | null {
  if (url === undefined || url.length > 2000) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** An instant in the tenant's language, in UTC (the worker knows no reader's time zone). */
export function formatInstant(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return displayText(iso);
  const options = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } as const;
  return `${new Intl.DateTimeFormat(language, options).format(date)} UTC`;
}

function severityAndType(n: OutboundNotification, tr: OutboundTranslator): string {
  return `${tr.t(`severity.${n.severity}`)} · ${tr.t(`type.${n.type}`)}`;
}

/** "I'm on it / Resolve": one link to the acknowledge page, which has both buttons. */
export function ackLabel(tr: OutboundTranslator): string {
  return `${tr.t('team.ack')} / ${tr.t('team.resolve')}`;
}

function footer(m: OutboundMessage): string {
  return `Marketo Notifier · ${displayText(m.tenantId)} · ${displayText(m.channelName)}`;
}

function empty(m: OutboundMessage, tr: OutboundTranslator): MessageContent {
  return {
    tr,
    heading: '',
    severity: null,
    context: '',
    notices: [],
    facts: [],
    errorCodes: [],
    links: [],
    body: null,
    byType: [],
    items: [],
    notListed: 0,
    footer: footer(m),
  };
}

function notificationContent(
  m: OutboundMessage,
  n: OutboundNotification,
  tr: OutboundTranslator,
): MessageContent {
  const description = describeNotification(n, tr);
  const notices: string[] = [];
  if (m.reason === 'escalation') notices.push(tr.t('out.escalation'));
  if (m.webhookType === 'notification.reopened') notices.push(tr.t('out.reopened'));
  if (m.repeats !== undefined && m.repeats > 0) notices.push(tr.t('out.repeats', { count: m.repeats }));
  const facts: Fact[] = [...description.facts];
  if (n.count > 1) facts.push({ label: tr.t('out.occurrences'), value: tr.number(n.count) });
  facts.push({ label: tr.t('out.firstAt'), value: formatInstant(n.firstAt, tr.lang) });
  if (n.lastAt !== n.firstAt)
    facts.push({ label: tr.t('out.lastAt'), value: formatInstant(n.lastAt, tr.lang) });
  const links: Link[] = [];
  const ack = webLink(n.ackUrl);
  if (ack) links.push({ label: ackLabel(tr), url: ack });
  const marketo = marketoLink(n.data.url);
  if (marketo) links.push({ label: tr.t('popup.openInMarketo'), url: marketo });
  return {
    ...empty(m, tr),
    heading: description.title,
    severity: n.severity,
    context: severityAndType(n, tr),
    notices,
    facts,
    errorCodes: description.errorCodes.map(
      (code) => `${code.label}: ${[code.meaning, code.retry].filter(Boolean).join(' ')}`,
    ),
    links,
  };
}

function summaryContent(m: OutboundMessage, tr: OutboundTranslator): MessageContent {
  const summary = m.summary ?? { from: '', to: '', count: 0, byType: {}, notifications: [] };
  const listed = summary.notifications.slice(0, MAX_LISTED);
  const items = listed.map((n): ListedItem => {
    const times = n.count > 1 ? ` · ×${tr.number(n.count)}` : '';
    return {
      title: describeHeadline(n, tr).title,
      severity: n.severity,
      context: severityAndType(n, tr) + times,
      ackUrl: webLink(n.ackUrl),
    };
  });
  const byType = NOTIFICATION_TYPES.flatMap((type) => {
    const count = summary.byType[type] ?? 0;
    return count > 0 ? [{ label: tr.t(`type.${type}`), value: tr.number(count) }] : [];
  });
  const worst =
    (['critical', 'warning', 'info'] as const).find((s) => listed.some((n) => n.severity === s)) ?? null;
  const count = Math.max(summary.count, listed.length);
  return {
    ...empty(m, tr),
    heading: tr.t(m.reason === 'digest' ? 'out.digestTitle' : 'out.summaryTitle', { count }),
    severity: worst,
    context: `${tr.t('out.period')}: ${formatInstant(summary.from, tr.lang)} – ${formatInstant(summary.to, tr.lang)}`,
    byType,
    items,
    notListed: count - items.length,
  };
}

export function messageContent(m: OutboundMessage): MessageContent {
  const tr = outboundTranslator(m.language);
  if ((m.reason === 'notification' || m.reason === 'escalation') && m.notification) {
    return notificationContent(m, m.notification, tr);
  }
  if (m.reason === 'digest' || m.reason === 'summary') return summaryContent(m, tr);
  if (m.reason !== 'test') throw new Error(`An outbound message for ${m.reason} needs its notification.`);
  return {
    ...empty(m, tr),
    heading: tr.t('out.testTitle'),
    // The line above the heading names the channel being tested.
    context: displayText(m.channelName),
    body: tr.t('out.testBody', { channel: displayText(m.channelName) }),
  };
}

/** The plain one-line text of a message: Slack's notification fallback, the start of an e-mail. */
export function plainHeadline(content: MessageContent): string {
  const severity =
    content.severity && content.items.length === 0 ? `${content.tr.t(`severity.${content.severity}`)}: ` : '';
  return severity + content.heading;
}

/** Text cut to at most `max` UTF-16 units, ending with an ellipsis when cut; never half a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
