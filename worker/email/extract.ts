import type { MarketoEventInput } from '../../shared/events';
import { afterTypeName } from './classify';
import { cleanValue, firstInteger, labelledValues } from './fields';
import { firstIndexOf, fold } from './fold';
import type { EmailType } from './type-names';
import {
  CLEANUP_ACTION_WORDS,
  CRM_NAMES,
  CRM_PROBLEM_WORDS,
  FACEBOOK_PROBLEM_WORDS,
  LINKEDIN_OPERATION_WORDS,
  QUOTA_REACHED_CODE,
} from './vocabulary';

/** One mail, read once for every extractor. */
export interface MailText {
  subject: string;
  text: string;
  /** Subject and text, folded (fold.ts). */
  folded: string;
  labels: ReturnType<typeof labelledValues>;
  /** Carried by every event the mail gives: the first Marketo link, when it has one. */
  common: { url?: string; occurredAt?: string };
}

export function mailText(subject: string, text: string, common: MailText['common']): MailText {
  return { subject, text, folded: fold(`${subject}\n${text}`), labels: labelledValues(text), common };
}

/** The key of `words` whose words occur first in the folded text; ties go to the first key. */
function earliest<K extends string>(folded: string, words: Record<K, readonly string[]>): K | null {
  let best: { key: K; at: number } | null = null;
  for (const key of Object.keys(words) as K[]) {
    const at = firstIndexOf(folded, words[key]);
    if (at !== -1 && (best === null || at < best.at)) best = { key, at };
  }
  return best?.key ?? null;
}

/** The first key of `words` (in their order) that has a word in the folded text. */
function firstKey<K extends string>(folded: string, words: Record<K, readonly string[]>): K | null {
  return (Object.keys(words) as K[]).find((key) => firstIndexOf(folded, words[key]) !== -1) ?? null;
}

const name = (value: string) => cleanValue(value).slice(0, 255);
/** A mail names campaigns and programs, rarely their ids: the name stands in for the id then. */
const ref = (value: string, id?: string) => ({ id: (id ?? name(value)).slice(0, 200), name: name(value) });

function campaignOf(mail: MailText, type: EmailType) {
  const value = mail.labels.campaign ?? afterTypeName(mail.subject, type);
  if (value === undefined || value === null || name(value) === '') return null;
  const id = firstInteger(mail.labels.campaignId);
  return ref(value, id === null ? undefined : String(id));
}

function campaignFailure(mail: MailText): MarketoEventInput[] | null {
  const campaign = campaignOf(mail, 'campaign_failure');
  if (campaign === null) return null;
  const code = firstInteger(mail.labels.errorCode);
  const message = (mail.labels.error ?? mail.subject).slice(0, 2000);
  return [
    {
      ...mail.common,
      type: 'campaign_failure',
      campaign,
      ...(mail.labels.program ? { program: ref(mail.labels.program) } : {}),
      error: { message: message || campaign.name, ...(code === null ? {} : { code }) },
    },
  ];
}

const MAX_LEADS_PER_MAIL = 100;
/** A lead's id: a GUID or a number. */
const LEAD_ID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,18}`;
const LEAD_LINE = new RegExp(String.raw`^(?:lead\s*(?:id)?\s*[:#]?\s*|#\s*)?(${LEAD_ID})\b(.*)$`, 'gim');
const EMAIL_ADDRESS = /[^\s<>()[\]"',;:]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,24}/i;

/** Dynamics lists the leads that failed, one a line: id, maybe the e-mail, the cause. */
function dynamicsLeads(mail: MailText): MarketoEventInput[] {
  const events: MarketoEventInput[] = [];
  for (const [, id, rest] of mail.text.matchAll(LEAD_LINE)) {
    const cause = firstKey(fold(rest!), {
      duplicate_lead: CRM_PROBLEM_WORDS.duplicate_lead,
      field_length: CRM_PROBLEM_WORDS.field_length,
    });
    if (cause === null) continue;
    const email = EMAIL_ADDRESS.exec(rest!)?.[0];
    events.push({
      ...mail.common,
      type: 'crm_sync',
      crm: 'dynamics',
      problem: cause,
      lead: { id: id!, ...(email ? { email } : {}) },
    });
    if (events.length === MAX_LEADS_PER_MAIL) break;
  }
  return events;
}

function crmSync(mail: MailText): MarketoEventInput[] | null {
  const crm = earliest(mail.folded, CRM_NAMES);
  if (crm === null) return null;
  if (crm === 'dynamics') {
    const leads = dynamicsLeads(mail);
    if (leads.length > 0) return leads;
  }
  const problem = firstKey(mail.folded, CRM_PROBLEM_WORDS) ?? 'other';
  return [{ ...mail.common, type: 'crm_sync', crm, problem }];
}

function engagement(mail: MailText): MarketoEventInput[] | null {
  const { program, stream, leadCount } = mail.labels;
  const exhaustedLeads = firstInteger(leadCount);
  if (!program || !stream || exhaustedLeads === null || exhaustedLeads < 1) return null;
  return [
    {
      ...mail.common,
      type: 'engagement_exhausted',
      program: ref(program),
      stream: { name: name(stream) },
      exhaustedLeads,
    },
  ];
}

function facebook(mail: MailText): MarketoEventInput[] | null {
  const problem = firstKey(mail.folded, FACEBOOK_PROBLEM_WORDS);
  return problem === null ? null : [{ ...mail.common, type: 'facebook', problem }];
}

function cleanup(mail: MailText): MarketoEventInput[] | null {
  const campaign = campaignOf(mail, 'trigger_campaign_cleanup');
  const action = firstKey(mail.folded, CLEANUP_ACTION_WORDS);
  if (campaign === null || action === null) return null;
  return [{ ...mail.common, type: 'trigger_campaign_cleanup', campaign, action }];
}

function linkedin(mail: MailText): MarketoEventInput[] | null {
  const operation = earliest(mail.folded, LINKEDIN_OPERATION_WORDS);
  if (operation === null) return null;
  const target = mail.labels.audience ? name(mail.labels.audience) : undefined;
  return [{ ...mail.common, type: 'linkedin', operation, outcome: 'failure', ...(target ? { target } : {}) }];
}

function quota(mail: MailText): MarketoEventInput[] {
  return [
    {
      ...mail.common,
      type: 'web_services_quota',
      ...(/\b607\b/.test(mail.text) ? { errorCode: QUOTA_REACHED_CODE } : {}),
    },
  ];
}

/** The events a mail of that type gives, or null when it lacks a fact the type needs. */
export const EXTRACTORS: Record<EmailType, (mail: MailText) => MarketoEventInput[] | null> = {
  campaign_failure: campaignFailure,
  crm_sync: crmSync,
  engagement_exhausted: engagement,
  facebook,
  trigger_campaign_cleanup: cleanup,
  linkedin,
  web_services_quota: quota,
};
