import { displayText } from '../display-text';
import { formatDateTime, formatDateTimeRange, formatDay, formatList, formatPercentValue } from '../format';
import type { CampaignChangeKind, MoreCampaignChanges, Notification, NotificationOf } from '../notifications';
import { describeHeadline, type ErrorCodeExplanation, failedLeads, quotaReportedUsedUp } from './headline';
import type { NotificationTranslator as Translator } from './translator';

export { type ErrorCodeExplanation, explainErrorCode } from './headline';

export interface Fact {
  label: string;
  value: string;
}

/**
 * A notification's facts as display text in the reader's language (the worker stores facts only):
 * the extension's popup and the worker's outbound messages describe a notification alike.
 */
export interface Description {
  title: string;
  facts: Fact[];
  /**
   * The Marketo error codes it carries, explained: the event's `errorCode`, and a campaign's own
   * error code when Marketo documents it.
   */
  errorCodes: ErrorCodeExplanation[];
  message: string | null;
}

/** What the popup lists under a notification's title (./headline.ts makes the title). */
type FactLister<T extends Notification['type']> = (n: NotificationOf<T>, tr: Translator) => Fact[];

/** A fact's text keeps its line breaks (an e-mail's excerpt, a message) but no invisible characters. */
const fact = (label: string, value: string | number | undefined, tr: Translator): Fact[] => {
  const text = typeof value === 'number' ? tr.number(value) : displayText(value ?? '', { multiline: true });
  return text === '' ? [] : [{ label, value: text }];
};

/** The kinds of campaign change, as the popup names them. */
const CHANGE_KINDS = {
  deactivated: 'cleanup.deactivated',
  invalid: 'campaign.invalid',
} as const satisfies Record<CampaignChangeKind, string>;

/** The same poll's changes without a notification of their own: "and 9,980 more (Deactivated: 9,980)". */
function moreFacts(more: MoreCampaignChanges | undefined, tr: Translator): Fact[] {
  if (more === undefined) return [];
  const kinds = (Object.keys(CHANGE_KINDS) as CampaignChangeKind[])
    .filter((kind) => (more.byKind[kind] ?? 0) > 0)
    .map((kind) => {
      const count = more.byKind[kind] ?? 0;
      return tr.t('fact.causeCount', { cause: tr.t(CHANGE_KINDS[kind]), count });
    });
  const count = tr.t('fact.moreValue', { count: more.total });
  const value =
    kinds.length === 0 ? count : tr.t('fact.moreKinds', { more: count, kinds: formatList(kinds, tr.lang) });
  return fact(tr.t('fact.moreChanges'), value, tr);
}

const FACTS: { [T in Notification['type']]: FactLister<T> } = {
  campaign_failure: ({ data }, tr) => [
    ...fact(tr.t('fact.campaign'), data.campaign.name, tr),
    ...fact(tr.t('fact.program'), data.program?.name, tr),
    ...fact(
      tr.t('fact.error'),
      data.error.code === undefined
        ? data.error.message
        : tr.t('fact.errorWithCode', { message: data.error.message, code: String(data.error.code) }),
      tr,
    ),
    ...fact(tr.t('fact.user'), data.user, tr),
    ...moreFacts(data.more, tr),
  ],
  crm_sync: ({ data }, tr) => {
    const crm = tr.t(`crm.${data.crm}`);
    if (data.kind === 'problem')
      return [
        ...fact(tr.t('fact.crm'), crm, tr),
        ...fact(tr.t('fact.problem'), tr.t(`problem.${data.problem}`), tr),
      ];
    const causes = Object.entries(data.causes)
      .filter(([, n]) => (n ?? 0) > 0)
      .map(([cause, n]) =>
        tr.t('fact.causeCount', {
          cause: tr.t(`problem.${cause as keyof typeof data.causes}`),
          count: n ?? 0,
        }),
      );
    return [
      ...fact(tr.t('fact.crm'), crm, tr),
      ...fact(tr.t('fact.failedLeads'), failedLeads(data), tr),
      ...fact(tr.t('fact.causes'), formatList(causes, tr.lang), tr),
      ...fact(tr.t('fact.window'), formatDateTimeRange(data.windowStart, data.windowEnd, tr.lang), tr),
    ];
  },
  engagement_exhausted: ({ data }, tr) => [
    ...fact(tr.t('fact.stream'), data.stream.name, tr),
    ...fact(tr.t('fact.program'), data.program.name, tr),
    ...fact(tr.t('fact.exhaustedLeads'), data.exhaustedLeads, tr),
  ],
  facebook: ({ data }, tr) => fact(tr.t('fact.problem'), tr.t(`facebook.${data.problem}`), tr),
  trigger_campaign_cleanup: ({ data }, tr) => [
    ...fact(tr.t('fact.campaign'), data.campaign.name, tr),
    ...fact(tr.t('fact.action'), byUser(tr.t(`cleanup.${data.action}`), data.user, tr), tr),
    ...fact(
      tr.t('fact.lastActivity'),
      data.lastActivityAt && formatDateTime(data.lastActivityAt, tr.lang),
      tr,
    ),
    ...moreFacts(data.more, tr),
  ],
  linkedin: ({ data }, tr) => [
    ...fact(tr.t('fact.operation'), tr.t(`linkedin.${data.operation}`), tr),
    ...fact(tr.t('fact.target'), data.target, tr),
    ...fact(tr.t('fact.attempts'), data.attempts, tr),
  ],
  web_services_quota: ({ data }, tr) => {
    const day = fact(tr.t('fact.day'), formatDay(data.day, tr.lang), tr);
    const usage = fact(
      tr.t('fact.usage'),
      tr.t('fact.usageValue', { used: data.used, limit: data.limit }),
      tr,
    );
    if (data.kind === 'forecast' && data.forecastAt !== undefined)
      return [
        ...day,
        ...usage,
        ...fact(tr.t('fact.forecastAt'), formatDateTime(data.forecastAt, tr.lang), tr),
      ];
    // The title says Marketo reported the quota used up; the counter's own figure would contradict it.
    if (quotaReportedUsedUp(data))
      return [...day, ...fact(tr.t('fact.usage'), tr.t('fact.usageReported'), tr)];
    return [
      ...day,
      ...fact(tr.t('fact.threshold'), formatPercentValue(data.threshold, tr.lang), tr),
      ...usage,
    ];
  },
  api_errors: ({ data }, tr) => {
    const byCode = Object.entries(data.byCode)
      .sort(([, a], [, b]) => b - a)
      .map(([code, count]) => tr.t('fact.causeCount', { cause: code, count }));
    return [
      ...fact(tr.t('fact.day'), formatDay(data.day, tr.lang), tr),
      ...fact(tr.t('fact.errorsByCode'), formatList(byCode, tr.lang), tr),
      ...fact(tr.t('fact.minCount'), tr.t('fact.minCountValue', { count: data.minCount }), tr),
    ];
  },
  connector: ({ data }, tr) => fact(tr.t('fact.connectorProblem'), connectorProblem(data.code, tr), tr),
  marketo_email: ({ data }, tr) => fact(tr.t('fact.from'), data.from, tr),
  channel: ({ data }, tr) =>
    fact(
      tr.t('fact.channelError'),
      [data.status, data.error].filter((v) => v !== null).join(' ') || undefined,
      tr,
    ),
  ab_test: ({ data }, tr) => [
    ...fact(tr.t('fact.test'), data.test, tr),
    ...fact(tr.t('fact.winner'), data.winner, tr),
  ],
  login_failures: ({ data }, tr) => fact(tr.t('fact.failuresToday'), data.failures, tr),
};

/** "Deactivated by anna@example.com" when Marketo's user audit stream named who did it. */
function byUser(action: string, user: string | undefined, tr: Translator): string {
  return user === undefined ? action : tr.t('fact.actionBy', { action, user });
}

/** The connector's own failure codes, or Marketo's (explained from the shared catalog below the facts). */
export function connectorProblem(code: string, tr: Translator): string {
  const http = /^http_(\d{3})$/.exec(code);
  if (http) return tr.t('connector.http', { status: http[1]! });
  switch (code) {
    case 'identity_refused':
    case 'unreachable':
    case 'timeout':
    case 'malformed':
    case 'secret_unreadable':
    case 'max_daily_calls':
    case 'too_large':
    case 'poll_deadline':
      return tr.t(`connector.${code}`);
    default:
      return tr.t('connector.marketo', { code: displayText(code) });
  }
}

/** What a Marketo e-mail said, as plain text: its subject and the start of its text. */
function emailFacts(data: Notification['data'], tr: Translator): Fact[] {
  if (data.source !== 'email') return [];
  return [...fact(tr.t('fact.subject'), data.subject, tr), ...fact(tr.t('fact.excerpt'), data.excerpt, tr)];
}

export function describeNotification(notification: Notification, tr: Translator): Description {
  const lister = FACTS[notification.type] as FactLister<Notification['type']>;
  const { message } = notification.data;
  return {
    ...describeHeadline(notification, tr),
    facts: [
      ...lister(notification as never, tr),
      ...emailFacts(notification.data, tr),
      ...fact(tr.t('fact.message'), message, tr),
    ],
    message: message === undefined ? null : displayText(message, { multiline: true }),
  };
}
