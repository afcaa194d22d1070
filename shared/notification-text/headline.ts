/**
 * A notification's title and the Marketo error codes it carries, in the user's language: what a
 * toast and a desktop notification show. The popup's facts build on it in ./describe.ts; apart,
 * so that the content script and the background carry no code for facts they never show.
 */
import { displayText } from '../display-text';
import { formatDateTime, formatPercentValue } from '../format';
import { marketoError, QUOTA_REACHED_ERROR } from '../marketo-errors';
import type { Notification, NotificationData, NotificationOf } from '../notifications';
import type { NotificationTranslator as Translator } from './translator';
import type { NotificationKey } from './types';

export interface ErrorCodeExplanation {
  code: number;
  label: string;
  meaning: string;
  retry: string;
}

export interface Headline {
  title: string;
  /**
   * The Marketo error codes it carries, explained: the event's `errorCode`, and a campaign's own
   * error code when Marketo documents it.
   */
  errorCodes: ErrorCodeExplanation[];
}

type Titler<T extends Notification['type']> = (n: NotificationOf<T>, tr: Translator) => string;

/** Error 607 says the quota is used up, even when the worker's own counter saw fewer calls. */
export function quotaReportedUsedUp(data: NotificationData<'web_services_quota'>): boolean {
  return data.errorCode === QUOTA_REACHED_ERROR && data.used < data.limit;
}

/** Leads a CRM digest counts as failed, over all causes. */
export function failedLeads(data: NotificationData<'crm_sync'> & { kind: 'digest' }): number {
  return Object.values(data.causes).reduce((sum, n) => sum + (n ?? 0), 0);
}

const TITLES: { [T in Notification['type']]: Titler<T> } = {
  campaign_failure: ({ data }, tr) => tr.t('title.campaign_failure', { campaign: data.campaign.name }),
  crm_sync: ({ data }, tr) => {
    const crm = tr.t(`crm.${data.crm}`);
    if (data.kind === 'problem')
      return tr.t('title.crm_problem', { crm, problem: tr.t(`problem.${data.problem}`) });
    return tr.t('title.crm_digest', { crm, count: failedLeads(data) });
  },
  engagement_exhausted: ({ data }, tr) => tr.t('title.engagement_exhausted', { stream: data.stream.name }),
  facebook: ({ data }, tr) => tr.t('title.facebook', { problem: tr.t(`facebook.${data.problem}`) }),
  trigger_campaign_cleanup: ({ data }, tr) =>
    tr.t(data.action === 'scheduled' ? 'title.cleanup_scheduled' : 'title.cleanup_deactivated', {
      campaign: data.campaign.name,
    }),
  linkedin: ({ data }, tr) => tr.t('title.linkedin', { operation: tr.t(`linkedin.${data.operation}`) }),
  web_services_quota: ({ data }, tr) => {
    if (data.kind === 'forecast' && data.forecastAt !== undefined) {
      return tr.t('title.web_services_quota_forecast', { time: formatDateTime(data.forecastAt, tr.lang) });
    }
    // "Calls used 0 of 50,000" next to "quota used up" would contradict itself: say what Marketo said.
    if (quotaReportedUsedUp(data)) return tr.t('title.web_services_quota_reported');
    return tr.t('title.web_services_quota', { percent: formatPercentValue(data.threshold, tr.lang) });
  },
  api_errors: ({ data }, tr) => tr.t('title.api_errors', { count: data.total }),
  connector: (_n, tr) => tr.t('title.connector'),
  marketo_email: (_n, tr) => tr.t('title.marketo_email'),
  channel: ({ data }, tr) =>
    tr.t(data.state === 'disabled' ? 'title.channel_disabled' : 'title.channel_failing', { name: data.name }),
  ab_test: ({ data }, tr) =>
    data.program ? tr.t('title.ab_test', { program: data.program.name }) : tr.t('title.ab_test_plain'),
  login_failures: ({ data }, tr) => tr.t('title.login_failures', { user: data.user }),
};

export function explainErrorCode(code: number, tr: Translator): ErrorCodeExplanation {
  const info = marketoError(code);
  return {
    code,
    label: tr.t('fact.errorCode', { code: String(code) }),
    meaning: info ? tr.t(`code.${info.code}` as NotificationKey) : tr.t('errorCode.unknown'),
    retry: info ? tr.t(`retry.${info.retry}`) : '',
  };
}

/**
 * The codes to explain: the event's errorCode (known or not), and a campaign's error.code when
 * Marketo documents it.
 */
function errorCodesOf(n: Notification): number[] {
  const codes = n.data.errorCode === undefined ? [] : [n.data.errorCode];
  // api_errors: the codes that reached the minimum; connector: Marketo's code when it gave one.
  const reported = n.type === 'api_errors' ? n.data.reached : n.type === 'connector' ? [n.data.code] : [];
  for (const code of reported)
    if (/^\d{3,4}$/.test(code) && !codes.includes(Number(code))) codes.push(Number(code));
  const own = n.type === 'campaign_failure' ? marketoError(n.data.error.code)?.code : undefined;
  if (own !== undefined && !codes.includes(own)) codes.push(own);
  return codes;
}

export function describeHeadline(notification: Notification, tr: Translator): Headline {
  const titler = TITLES[notification.type] as Titler<Notification['type']>;
  // One line, without the invisible characters a campaign or stream name may bring (U+202E, BEL…).
  const title = displayText(titler(notification as never, tr));
  return { title, errorCodes: errorCodesOf(notification).map((code) => explainErrorCode(code, tr)) };
}
