import { firstIndexOf, fold } from './fold';
import { TYPE_NAMES } from './type-names';
import { type LabelField, LABELS } from './vocabulary';

/** "Label: value" lines; the colon may be full-width (Japanese, Chinese). */
const LABELLED_LINE = /^([^:：\n]{1,60})[:：][ \t]*([^\n]+)$/gm;
/** Checked in this order: a label names one fact ("Campaign ID" before "Campaign"). */
const FIELD_ORDER: readonly LabelField[] = [
  'campaignId',
  'errorCode',
  'leadCount',
  'audience',
  'program',
  'stream',
  'campaign',
  'error',
];
/** A heading such as "Campaign Failure: ..." names a type, not a campaign. */
const CAMPAIGN_TYPE_NAMES = [...TYPE_NAMES.campaign_failure, ...TYPE_NAMES.trigger_campaign_cleanup];

/** Which fact a label names, if any. */
export function labelField(label: string): LabelField | null {
  const folded = fold(label);
  if (folded === '' || firstIndexOf(folded, CAMPAIGN_TYPE_NAMES) !== -1) return null;
  return FIELD_ORDER.find((field) => firstIndexOf(folded, LABELS[field]) !== -1) ?? null;
}

/** Quotes and brackets around a name are not part of it. */
export function cleanValue(value: string): string {
  return value
    .trim()
    .replace(/^["'“”‘’«»„「『【(]+|["'“”‘’«»„」』】)]+$/gu, '')
    .trim();
}

/** The first value of each fact the text labels. */
export function labelledValues(text: string): Partial<Record<LabelField, string>> {
  const values: Partial<Record<LabelField, string>> = {};
  for (const [, label, value] of text.matchAll(LABELLED_LINE)) {
    const field = labelField(label!);
    const clean = cleanValue(value!);
    if (field !== null && clean !== '' && values[field] === undefined) values[field] = clean;
  }
  return values;
}

/** The first whole number of a value, thousands separators allowed ("1,204", "1.204", "1 204"). */
export function firstInteger(value: string | undefined): number | null {
  const m =
    value === undefined
      ? null
      : /\d{1,3}(?:[.,\u00a0\u202f' ]\d{3})+(?!\d)|\d+/.exec(value.normalize('NFKC'));
  if (!m) return null;
  const n = Number(m[0].replace(/\D/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}
