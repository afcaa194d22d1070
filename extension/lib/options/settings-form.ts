import { NOTIFICATION_TYPES, type Severity } from '../../../shared/notification-types';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import type { MessageKey, Params, Translator } from '../i18n';
import type { Issue, JsonSchema } from '../wire/json-schema';
import { checkOptionsWire, optionsWireSchema } from '../wire/options-schemas';

type NumberGroup = 'quota' | 'linkedin' | 'dynamics' | 'apiErrors' | 'retention';
/** Where a number sits in the settings: its group and key, checked against the shared type. */
const at = <G extends NumberGroup, K extends keyof Settings[G] & string>(group: G, key: K) =>
  [group, key] as const;

/**
 * The form's text fields, in the order the options show them: where each sits in the settings,
 * its label and its test id. The one table the form, the patch and the worker's answers go by.
 */
export const TEXT_FIELDS = [
  { field: 'dailyLimit', at: at('quota', 'dailyLimit'), label: 'options.dailyLimit', testId: 'daily-limit' },
  { field: 'thresholds', at: at('quota', 'thresholds'), label: 'options.thresholds', testId: 'thresholds' },
  {
    field: 'maxAttempts',
    at: at('linkedin', 'maxAttempts'),
    label: 'options.maxAttempts',
    testId: 'max-attempts',
  },
  {
    field: 'digestHours',
    at: at('dynamics', 'digestHours'),
    label: 'options.digestHours',
    testId: 'digest-hours',
  },
  {
    field: 'apiErrorsMin',
    at: at('apiErrors', 'minCount'),
    label: 'options.apiErrorsMin',
    testId: 'api-errors-min',
  },
  {
    field: 'retentionMax',
    at: at('retention', 'maxNotifications'),
    label: 'options.retentionMax',
    testId: 'retention-max',
  },
  {
    field: 'retentionDays',
    at: at('retention', 'days'),
    label: 'options.retentionDays',
    testId: 'retention-days',
  },
] as const satisfies readonly {
  field: string;
  at: readonly [NumberGroup, string];
  label: MessageKey;
  testId: string;
}[];

export type TextField = (typeof TEXT_FIELDS)[number]['field'];
export type SettingsField = TextField | 'types' | 'escalationAfter';
type NumberField = Exclude<TextField, 'thresholds'>;
const NUMBER_FIELDS = TEXT_FIELDS.filter(
  (f): f is Extract<(typeof TEXT_FIELDS)[number], { field: NumberField }> => f.field !== 'thresholds',
);

/** The tenant settings as the options form edits them (numbers as typed text). */
export type SettingsForm = Record<TextField, string> & {
  types: Settings['types'];
  escalation: EscalationForm;
};
/** Escalation to the channels: off, or after how many minutes (as typed) from which severity. */
export interface EscalationForm {
  on: boolean;
  afterMinutes: string;
  minSeverity: Severity;
}

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
const SETTINGS = optionsWireSchema('Settings').properties!;
const schemaAt = ([group, key]: readonly [string, string]): JsonSchema => SETTINGS[group]!.properties![key]!;
const THRESHOLD = schemaAt(at('quota', 'thresholds')).items!;
const ESCALATION = (SETTINGS.escalation!.anyOf ?? []).find((s) => s.type === 'object')!.properties!;
const ESCALATION_DEFAULT = { afterMinutes: 30, minSeverity: 'critical' } as const;
const bounds = (schema: JsonSchema) => ({
  min: schema.minimum ?? 0,
  max: schema.maximum ?? Number.MAX_SAFE_INTEGER,
});

type Groups = Record<NumberGroup, Record<string, unknown>>;

export function formFromSettings(settings: Settings): SettingsForm {
  const groups = settings as unknown as Groups;
  const numbers = Object.fromEntries(
    NUMBER_FIELDS.map(({ field, at: [group, key] }) => [field, String(groups[group][key])]),
  );
  const { afterMinutes, minSeverity } = settings.escalation ?? ESCALATION_DEFAULT;
  const escalation = { on: settings.escalation !== null, afterMinutes: String(afterMinutes), minSeverity };
  return {
    ...(numbers as Record<NumberField, string>),
    thresholds: settings.quota.thresholds.join(', '),
    types: settings.types,
    escalation,
  };
}

const INTEGER = /^-?\d{1,12}$/;

/**
 * Turns the form into a patch. Only the shape is checked here (whole numbers); ranges are the
 * worker's to judge, and what it rejects is shown next to the fields.
 */
export function patchFromForm(form: SettingsForm): { patch: SettingsPatch } | { issues: FieldIssues } {
  const issues: FieldIssues = {};
  const groups: Partial<Groups> = {};
  for (const {
    field,
    at: [group, key],
  } of NUMBER_FIELDS) {
    const text = form[field].trim();
    if (!INTEGER.test(text)) issues[field] = { kind: 'wholeNumber' };
    (groups[group] ??= {})[key] = Number(text);
  }
  const parts = form.thresholds.split(/[,;\s]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => INTEGER.test(p)))
    issues.thresholds = { kind: 'thresholdList', ...bounds(THRESHOLD) };
  const after = form.escalation.afterMinutes.trim();
  if (form.escalation.on && !INTEGER.test(after)) issues.escalationAfter = { kind: 'wholeNumber' };
  if (Object.keys(issues).length) return { issues };
  groups.quota = { ...groups.quota, thresholds: parts.map(Number) };
  const types = Object.fromEntries(
    NOTIFICATION_TYPES.map((t) => [t, { enabled: form.types[t].enabled }]),
  ) as Settings['types'];
  const { on, minSeverity } = form.escalation;
  const escalation = on ? { afterMinutes: Number(after), minSeverity } : null;
  return { patch: { types, ...groups, escalation } as SettingsPatch };
}

const FIELD_BY_PATH: Record<string, SettingsField> = Object.fromEntries(
  TEXT_FIELDS.map(({ field, at: path }) => [path.join('.'), field]),
);

function fieldForPath(path: readonly unknown[]): SettingsField | undefined {
  if (path[0] === 'types') return 'types';
  if (path[0] === 'escalation') return 'escalationAfter';
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
    for (const issue of issues)
      if (Array.isArray((issue as { path?: unknown } | null)?.path)) add((issue as { path: unknown[] }).path);
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
  const checked = checkOptionsWire('SettingsPatch', patch);
  const local = checked.success ? [] : checked.issues;
  const issues: FieldIssues = {};
  for (const field of fieldsFromDetails(details)) {
    issues[field] = issueFor(
      field,
      local.filter((issue) => fieldForPath(issue.path) === field),
    );
  }
  return issues;
}

function issueFor(field: SettingsField, local: Issue[]): FieldIssue {
  if (field === 'types' || local.length === 0) return { kind: 'rejected' };
  if (field === 'escalationAfter') return { kind: 'range', ...bounds(ESCALATION.afterMinutes!) };
  if (field !== 'thresholds')
    return { kind: 'range', ...bounds(schemaAt(TEXT_FIELDS.find((f) => f.field === field)!.at)) };
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
