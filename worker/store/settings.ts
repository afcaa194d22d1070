import { DEFAULT_SETTINGS, Settings } from '../../shared/settings';
import { readMeta, writeMeta } from './meta';

const SETTINGS_KEY = 'settings';

/**
 * The stored document, or the defaults; a section added after it was stored takes its defaults,
 * and a stored document that no longer validates falls back to the defaults as a whole.
 */
export function loadSettings(sql: SqlStorage): Settings {
  const text = readMeta(sql, SETTINGS_KEY);
  if (text === null) return DEFAULT_SETTINGS;
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...JSON.parse(text) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Validates again before storing: the store never holds an invalid document. */
export function saveSettings(sql: SqlStorage, settings: Settings): Settings {
  const valid = Settings.parse(settings);
  writeMeta(sql, SETTINGS_KEY, JSON.stringify(valid));
  return valid;
}
