import { NOTIFICATION_TYPES } from '../../shared/notification-types';
import type { Settings, SettingsPatch } from '../../shared/settings';

/** The tenant settings as the options form edits them (numbers as typed text). */
export interface SettingsForm {
  dailyLimit: string;
  thresholds: string;
  maxAttempts: string;
  digestHours: string;
  types: Settings['types'];
}

export type SettingsField = 'dailyLimit' | 'thresholds' | 'maxAttempts' | 'digestHours' | 'types';
export type FieldErrors = Partial<Record<SettingsField, string>>;

export function formFromSettings(settings: Settings): SettingsForm {
  return {
    dailyLimit: String(settings.quota.dailyLimit),
    thresholds: settings.quota.thresholds.join(', '),
    maxAttempts: String(settings.linkedin.maxAttempts),
    digestHours: String(settings.dynamics.digestHours),
    types: settings.types,
  };
}

const INTEGER = /^-?\d{1,12}$/;

/**
 * Turns the form into a patch. Only the shape is checked here (whole numbers); ranges are the
 * worker's to judge, and its validation details are shown next to the fields.
 */
export function patchFromForm(form: SettingsForm): { patch: SettingsPatch } | { errors: Partial<Record<SettingsField, 'number' | 'thresholds'>> } {
  const errors: Partial<Record<SettingsField, 'number' | 'thresholds'>> = {};
  const int = (field: SettingsField, text: string) => {
    if (!INTEGER.test(text.trim())) errors[field] = 'number';
    return Number(text.trim());
  };
  const dailyLimit = int('dailyLimit', form.dailyLimit);
  const maxAttempts = int('maxAttempts', form.maxAttempts);
  const digestHours = int('digestHours', form.digestHours);
  const parts = form.thresholds.split(/[,;\s]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => INTEGER.test(p))) errors.thresholds = 'thresholds';
  if (Object.keys(errors).length) return { errors };
  return {
    patch: {
      types: Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, { enabled: form.types[t].enabled }])) as Settings['types'],
      quota: { dailyLimit, thresholds: parts.map(Number) },
      linkedin: { maxAttempts },
      dynamics: { digestHours },
    },
  };
}

const FIELD_BY_PATH: Record<string, SettingsField> = {
  'quota.dailyLimit': 'dailyLimit',
  'quota.thresholds': 'thresholds',
  'linkedin.maxAttempts': 'maxAttempts',
  'dynamics.digestHours': 'digestHours',
};

function fieldForPath(path: readonly unknown[]): SettingsField | undefined {
  if (path[0] === 'types') return 'types';
  return FIELD_BY_PATH[path.slice(0, 2).join('.')];
}

interface Issue {
  path: unknown[];
  message: string;
}

function isIssue(value: unknown): value is Issue {
  const v = value as Partial<Issue> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.path) && typeof v.message === 'string';
}

/**
 * Reads the worker's `error.details` for a settings PUT: a list of zod issues (`[{path, message}]`,
 * also under `issues`), or a map from dotted path to message(s). Unknown shapes give no field errors.
 */
export function fieldErrorsFromDetails(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: unknown[], message: string) => {
    const field = fieldForPath(path);
    if (field && !errors[field]) errors[field] = message;
  };
  const issues = Array.isArray(details) ? details : (details as { issues?: unknown } | null)?.issues;
  if (Array.isArray(issues)) {
    issues.filter(isIssue).forEach((issue) => add(issue.path, issue.message));
    return errors;
  }
  const map = (details as { fieldErrors?: unknown } | null)?.fieldErrors ?? details;
  if (typeof map === 'object' && map !== null) {
    for (const [path, message] of Object.entries(map)) {
      const text = Array.isArray(message) ? message.find((m) => typeof m === 'string') : message;
      if (typeof text === 'string') add(path.split('.'), text);
    }
  }
  return errors;
}
