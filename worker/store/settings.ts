import { DEFAULT_SETTINGS, mergeSettings, Settings, SettingsPatch } from '../../shared/settings';
import { readMeta, writeMeta } from './meta';

const SETTINGS_KEY = 'settings';

/**
 * The stored document over the defaults: a document stored before a type or section existed keeps its
 * values (the tenant keeps its own choices) and gets the new defaults. One that no longer validates
 * falls back to the defaults.
 */
export function loadSettings(sql: SqlStorage): Settings {
  const text = readMeta(sql, SETTINGS_KEY);
  if (text === null) return DEFAULT_SETTINGS;
  const parsed = SettingsPatch.safeParse(JSON.parse(text));
  if (!parsed.success) return DEFAULT_SETTINGS;
  const merged = Settings.safeParse(mergeSettings(DEFAULT_SETTINGS, parsed.data));
  return merged.success ? merged.data : DEFAULT_SETTINGS;
}

/** Validates again before storing: the store never holds an invalid document. */
export function saveSettings(sql: SqlStorage, settings: Settings): Settings {
  const valid = Settings.parse(settings);
  writeMeta(sql, SETTINGS_KEY, JSON.stringify(valid));
  return valid;
}
