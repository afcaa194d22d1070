import { DEFAULT_SETTINGS, Settings } from '../../shared/settings';
import { readMeta, writeMeta } from './meta';

const SETTINGS_KEY = 'settings';

/**
 * The stored document, or the defaults; a stored document that no longer validates falls back too.
 * A section or a type added since the document was saved gets its default, so the tenant keeps its
 * own choices.
 */
export function loadSettings(sql: SqlStorage): Settings {
  const text = readMeta(sql, SETTINGS_KEY);
  if (text === null) return DEFAULT_SETTINGS;
  const stored = JSON.parse(text) as { types?: unknown } | null;
  const types = stored?.types;
  const withNewTypes = typeof types === 'object' && types !== null ? { ...stored, types: { ...DEFAULT_SETTINGS.types, ...types } } : stored;
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...withNewTypes });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Validates again before storing: the store never holds an invalid document. */
export function saveSettings(sql: SqlStorage, settings: Settings): Settings {
  const valid = Settings.parse(settings);
  writeMeta(sql, SETTINGS_KEY, JSON.stringify(valid));
  return valid;
}
