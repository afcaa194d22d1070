import { NOTIFICATION_TYPES } from '../../shared/notification-types';
import type { Settings, SettingsPatch } from '../../shared/settings';
import type { MessageKey, Params, Translator } from './i18n';
import type { Issue, JsonSchema } from './wire/json-schema';
import { checkWire, wireSchema } from './wire/schemas';

/** The tenant settings as the options form edits them (numbers as typed text). */
export interface SettingsForm {
  dailyLimit: string;
  thresholds: string;
  maxAttempts: string;
  digestHours: string;
  apiErrorsMin: string;
  retentionMax: string;
  retentionDays: string;
  types: Settings['types'];
}

export type SettingsField = 'dailyLimit' | 'thresholds' | 'maxAttempts' | 'digestHours' | 'apiErrorsMin' | 'retentionMax' | 'retentionDays' | 'types';
type NumberField = Exclude<SettingsField, 'thresholds' | 'types'>;

/** What is wrong with one field, as the extension says it (never the worker's own words). */
export type FieldIssue =
  | { kind: 'wholeNumber' }
  | { kind: 'thresholdList'; min: number; max: number }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'thresholdRange'; min: number; max: number }
  | { kind: 'thresholdsDistinct' }
  | { kind: 'thresholdCount'; max: number }
  | { kind: 'rejected' };
export type FieldIssues = Partial<Record<SettingsField, FieldIssue>>;

/** The bounds come from the shared schema the worker validates with (as JSON Schema, made at build time). */
const SETTINGS = wireSchema('Settings').properties!;
const NUMBER_SCHEMAS: Record<NumberField, JsonSchema> = {
  dailyLimit: SETTINGS.quota!.properties!.dailyLimit!,
  maxAttempts: SETTINGS.linkedin!.properties!.maxAttempts!,
  digestHours: SETTINGS.dynamics!.properties!.digestHours!,
  apiErrorsMin: SETTINGS.apiErrors!.properties!.minCount!,
  retentionMax: SETTINGS.retention!.properties!.maxNotifications!,
  retentionDays: SETTINGS.retention!.properties!.days!,
};
const THRESHOLD = SETTINGS.quota!.properties!.thresholds!.items!;
const bounds = (schema: JsonSchema) => ({ min: schema.minimum ?? 0, max: schema.maximum ?? Number.MAX_SAFE_INTEGER });

export function formFromSettings(settings: Settings): SettingsForm {
  return {
    dailyLimit: String(settings.quota.dailyLimit),
    thresholds: settings.quota.thresholds.join(', '),
    maxAttempts: String(settings.linkedin.maxAttempts),
    digestHours: String(settings.dynamics.digestHours),
    apiErrorsMin: String(settings.apiErrors.minCount),
    retentionMax: String(settings.retention.maxNotifications),
    retentionDays: String(settings.retention.days),
    types: settings.types,
  };
}

const INTEGER = /^-?\d{1,12}$/;

/**
 * Turns the form into a patch. Only the shape is checked here (whole numbers); ranges are the
 * worker's to judge, and what it rejects is shown next to the fields.
 */
export function patchFromForm(form: SettingsForm): { patch: SettingsPatch } | { issues: FieldIssues } {
  const issues: FieldIssues = {};
  const int = (field: NumberField, text: string) => {
    if (!INTEGER.test(text.trim())) issues[field] = { kind: 'wholeNumber' };
    return Number(text.trim());
  };
  const dailyLimit = int('dailyLimit', form.dailyLimit);
  const maxAttempts = int('maxAttempts', form.maxAttempts);
  const digestHours = int('digestHours', form.digestHours);
  const minCount = int('apiErrorsMin', form.apiErrorsMin);
  const maxNotifications = int('retentionMax', form.retentionMax);
  const days = int('retentionDays', form.retentionDays);
  const parts = form.thresholds.split(/[,;\s]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => INTEGER.test(p))) issues.thresholds = { kind: 'thresholdList', ...bounds(THRESHOLD) };
  if (Object.keys(issues).length) return { issues };
  return {
    patch: {
      types: Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, { enabled: form.types[t].enabled }])) as Settings['types'],
      quota: { dailyLimit, thresholds: parts.map(Number) },
      linkedin: { maxAttempts },
      dynamics: { digestHours },
      apiErrors: { minCount },
      retention: { maxNotifications, days },
    },
  };
}

const FIELD_BY_PATH: Record<string, SettingsField> = {
  'quota.dailyLimit': 'dailyLimit',
  'quota.thresholds': 'thresholds',
  'linkedin.maxAttempts': 'maxAttempts',
  'dynamics.digestHours': 'digestHours',
  'apiErrors.minCount': 'apiErrorsMin',
  'retention.maxNotifications': 'retentionMax',
  'retention.days': 'retentionDays',
};

function fieldForPath(path: readonly unknown[]): SettingsField | undefined {
  if (path[0] === 'types') return 'types';
  return FIELD_BY_PATH[path.slice(0, 2).join('.')];
}

/**
 * The fields the worker's `error.details` names: a list of issues (`[{path, message}]`, also under
 * `issues`), or a map from dotted path to message(s). Unknown shapes name no field.
 */
export function fieldsFromDetails(details: unknown): SettingsField[] {
  const fields = new Set<SettingsField>();
  const add = (path: unknown[]) => {
    const field = fieldForPath(path);
    if (field) fields.add(field);
  };
  const issues = Array.isArray(details) ? details : (details as { issues?: unknown } | null)?.issues;
  if (Array.isArray(issues)) {
    for (const issue of issues) if (Array.isArray((issue as { path?: unknown } | null)?.path)) add((issue as { path: unknown[] }).path);
  } else {
    const map = (details as { fieldErrors?: unknown } | null)?.fieldErrors ?? details;
    if (typeof map === 'object' && map !== null) Object.keys(map).forEach((path) => add(path.split('.')));
  }
  return [...fields];
}

/**
 * What the worker rejected, said in the extension's own words: the fields come from the worker's
 * answer, the reason from checking the sent patch against the same shared schema.
 */
export function fieldIssuesFromDetails(details: unknown, patch: SettingsPatch): FieldIssues {
  const checked = checkWire('SettingsPatch', patch);
  const local = checked.success ? [] : checked.issues;
  const issues: FieldIssues = {};
  for (const field of fieldsFromDetails(details)) {
    issues[field] = issueFor(field, local.filter((issue) => fieldForPath(issue.path) === field));
  }
  return issues;
}

function issueFor(field: SettingsField, local: Issue[]): FieldIssue {
  if (field === 'types' || local.length === 0) return { kind: 'rejected' };
  if (field !== 'thresholds') return { kind: 'range', ...bounds(NUMBER_SCHEMAS[field]) };
  if (local.some((issue) => issue.code === 'not_unique')) return { kind: 'thresholdsDistinct' };
  const tooMany = local.find((issue) => issue.code === 'too_big' && issue.origin === 'array');
  if (tooMany) return { kind: 'thresholdCount', max: Number(tooMany.limit) };
  return { kind: 'thresholdRange', ...bounds(THRESHOLD) };
}

const ISSUE_MESSAGES: Record<FieldIssue['kind'], MessageKey> = {
  wholeNumber: 'options.invalidNumber',
  thresholdList: 'options.invalidThresholds',
  range: 'options.error.range',
  thresholdRange: 'options.error.thresholdRange',
  thresholdsDistinct: 'options.error.thresholdsDistinct',
  thresholdCount: 'options.error.thresholdCount',
  rejected: 'options.error.rejected',
};

export function fieldIssueText(issue: FieldIssue, tr: Translator): string {
  const { kind, ...params } = issue;
  return tr.t(ISSUE_MESSAGES[kind], params as Params);
}
