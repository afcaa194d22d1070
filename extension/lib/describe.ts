import { marketoError, QUOTA_REACHED_ERROR } from '../../shared/marketo-errors';
import type { Notification, NotificationData, NotificationOf } from '../../shared/notifications';
import { formatDateTime, formatDateTimeRange, formatDay, formatList, formatPercentValue } from './format';
import type { MessageKey, Translator } from './i18n';

export interface Fact {
  label: string;
  value: string;
}

export interface ErrorCodeExplanation {
  code: number;
  label: string;
  meaning: string;
  retry: string;
}

/** A notification's facts as display text in the user's language (the worker sends facts only). */
export interface Description {
  title: string;
  facts: Fact[];
  /** The Marketo error codes it carries, explained: the event's `errorCode`, and a campaign's own error code when Marketo documents it. */
  errorCodes: ErrorCodeExplanation[];
  message: string | null;
}

type Describer<T extends Notification['type']> = (n: NotificationOf<T>, tr: Translator) => { title: string; facts: Fact[] };

const fact = (label: string, value: string | number | undefined, tr: Translator): Fact[] =>
  value === undefined || value === '' ? [] : [{ label, value: typeof value === 'number' ? tr.number(value) : value }];

/** Error 607 says the quota is used up, even when the worker's own counter saw fewer calls. */
export function quotaReportedUsedUp(data: NotificationData<'web_services_quota'>): boolean {
  return data.errorCode === QUOTA_REACHED_ERROR && data.used < data.limit;
}

const DESCRIBERS: { [T in Notification['type']]: Describer<T> } = {
  campaign_failure: ({ data }, tr) => ({
    title: tr.t('title.campaign_failure', { campaign: data.campaign.name }),
    facts: [
      ...fact(tr.t('fact.campaign'), data.campaign.name, tr),
      ...fact(tr.t('fact.program'), data.program?.name, tr),
      ...fact(
        tr.t('fact.error'),
        data.error.code === undefined ? data.error.message : tr.t('fact.errorWithCode', { message: data.error.message, code: String(data.error.code) }),
        tr,
      ),
    ],
  }),
  crm_sync: ({ data }, tr) => {
    const crm = tr.t(`crm.${data.crm}`);
    if (data.kind === 'problem') {
      const problem = tr.t(`problem.${data.problem}`);
      return { title: tr.t('title.crm_problem', { crm, problem }), facts: [...fact(tr.t('fact.crm'), crm, tr), ...fact(tr.t('fact.problem'), problem, tr)] };
    }
    const failed = Object.values(data.causes).reduce((sum, n) => sum + (n ?? 0), 0);
    const causes = Object.entries(data.causes)
      .filter(([, n]) => (n ?? 0) > 0)
      .map(([cause, n]) => tr.t('fact.causeCount', { cause: tr.t(`problem.${cause as keyof typeof data.causes}`), count: n ?? 0 }));
    return {
      title: tr.t('title.crm_digest', { crm, count: failed }),
      facts: [
        ...fact(tr.t('fact.crm'), crm, tr),
        ...fact(tr.t('fact.failedLeads'), failed, tr),
        ...fact(tr.t('fact.causes'), formatList(causes, tr.lang), tr),
        ...fact(tr.t('fact.window'), formatDateTimeRange(data.windowStart, data.windowEnd, tr.lang), tr),
      ],
    };
  },
  engagement_exhausted: ({ data }, tr) => ({
    title: tr.t('title.engagement_exhausted', { stream: data.stream.name }),
    facts: [
      ...fact(tr.t('fact.stream'), data.stream.name, tr),
      ...fact(tr.t('fact.program'), data.program.name, tr),
      ...fact(tr.t('fact.exhaustedLeads'), data.exhaustedLeads, tr),
    ],
  }),
  facebook: ({ data }, tr) => {
    const problem = tr.t(`facebook.${data.problem}`);
    return { title: tr.t('title.facebook', { problem }), facts: fact(tr.t('fact.problem'), problem, tr) };
  },
  trigger_campaign_cleanup: ({ data }, tr) => ({
    title: tr.t(data.action === 'scheduled' ? 'title.cleanup_scheduled' : 'title.cleanup_deactivated', { campaign: data.campaign.name }),
    facts: [
      ...fact(tr.t('fact.campaign'), data.campaign.name, tr),
      ...fact(tr.t('fact.action'), tr.t(`cleanup.${data.action}`), tr),
      ...fact(tr.t('fact.lastActivity'), data.lastActivityAt && formatDateTime(data.lastActivityAt, tr.lang), tr),
    ],
  }),
  linkedin: ({ data }, tr) => {
    const operation = tr.t(`linkedin.${data.operation}`);
    return {
      title: tr.t('title.linkedin', { operation }),
      facts: [
        ...fact(tr.t('fact.operation'), operation, tr),
        ...fact(tr.t('fact.target'), data.target, tr),
        ...fact(tr.t('fact.attempts'), data.attempts, tr),
      ],
    };
  },
  web_services_quota: ({ data }, tr) => {
    const day = fact(tr.t('fact.day'), formatDay(data.day, tr.lang), tr);
    if (data.kind === 'forecast' && data.forecastAt !== undefined) {
      const time = formatDateTime(data.forecastAt, tr.lang);
      return {
        title: tr.t('title.web_services_quota_forecast', { time }),
        facts: [...day, ...fact(tr.t('fact.usage'), tr.t('fact.usageValue', { used: data.used, limit: data.limit }), tr), ...fact(tr.t('fact.forecastAt'), time, tr)],
      };
    }
    // "Calls used 0 of 50,000" next to "quota used up" would contradict itself: say what Marketo said.
    if (quotaReportedUsedUp(data)) {
      return { title: tr.t('title.web_services_quota_reported'), facts: [...day, ...fact(tr.t('fact.usage'), tr.t('fact.usageReported'), tr)] };
    }
    return {
      title: tr.t('title.web_services_quota', { percent: formatPercentValue(data.threshold, tr.lang) }),
      facts: [
        ...day,
        ...fact(tr.t('fact.threshold'), formatPercentValue(data.threshold, tr.lang), tr),
        ...fact(tr.t('fact.usage'), tr.t('fact.usageValue', { used: data.used, limit: data.limit }), tr),
      ],
    };
  },
  api_errors: ({ data }, tr) => {
    const byCode = Object.entries(data.byCode)
      .sort(([, a], [, b]) => b - a)
      .map(([code, count]) => tr.t('fact.causeCount', { cause: code, count }));
    return {
      title: tr.t('title.api_errors', { count: data.total }),
      facts: [
        ...fact(tr.t('fact.day'), formatDay(data.day, tr.lang), tr),
        ...fact(tr.t('fact.errorsByCode'), formatList(byCode, tr.lang), tr),
        ...fact(tr.t('fact.minCount'), tr.t('fact.minCountValue', { count: data.minCount }), tr),
      ],
    };
  },
  connector: ({ data }, tr) => ({ title: tr.t('title.connector'), facts: fact(tr.t('fact.connectorProblem'), connectorProblem(data.code, tr), tr) }),
  marketo_email: ({ data }, tr) => ({ title: tr.t('title.marketo_email'), facts: fact(tr.t('fact.from'), data.from, tr) }),
};

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
      return tr.t(`connector.${code}`);
    default:
      return tr.t('connector.marketo', { code });
  }
}

/** What a Marketo e-mail said, as plain text: its subject and the start of its text. */
function emailFacts(data: Notification['data'], tr: Translator): Fact[] {
  if (data.source !== 'email') return [];
  return [...fact(tr.t('fact.subject'), data.subject, tr), ...fact(tr.t('fact.excerpt'), data.excerpt, tr)];
}

export function explainErrorCode(code: number, tr: Translator): ErrorCodeExplanation {
  const info = marketoError(code);
  return {
    code,
    label: tr.t('fact.errorCode', { code: String(code) }),
    meaning: info ? tr.t(`code.${info.code}` as MessageKey) : tr.t('errorCode.unknown'),
    retry: info ? tr.t(`retry.${info.retry}`) : '',
  };
}

/** The codes to explain: the event's errorCode (known or not), and a campaign's error.code when Marketo documents it. */
function errorCodesOf(n: Notification): number[] {
  const codes = n.data.errorCode === undefined ? [] : [n.data.errorCode];
  // api_errors: the codes that reached the minimum; connector: Marketo's code when it gave one.
  const reported = n.type === 'api_errors' ? n.data.reached : n.type === 'connector' ? [n.data.code] : [];
  for (const code of reported) if (/^\d{3,4}$/.test(code) && !codes.includes(Number(code))) codes.push(Number(code));
  const own = n.type === 'campaign_failure' ? marketoError(n.data.error.code)?.code : undefined;
  if (own !== undefined && !codes.includes(own)) codes.push(own);
  return codes;
}

export function describeNotification(notification: Notification, tr: Translator): Description {
  const describer = DESCRIBERS[notification.type] as Describer<Notification['type']>;
  const { title, facts } = describer(notification as never, tr);
  const { message } = notification.data;
  return {
    title,
    facts: [...facts, ...emailFacts(notification.data, tr), ...fact(tr.t('fact.message'), message, tr)],
    errorCodes: errorCodesOf(notification).map((code) => explainErrorCode(code, tr)),
    message: message ?? null,
  };
}
