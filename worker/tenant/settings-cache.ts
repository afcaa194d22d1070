import type { Settings } from '../../shared/settings';
import { loadSettings, saveSettings } from '../store/settings';

/** The tenant's settings, read from storage once per object life and kept in step with each save. */
export class SettingsCache {
  private cached: Settings | null = null;

  constructor(private readonly sql: SqlStorage) {}

  current(): Settings {
    this.cached ??= loadSettings(this.sql);
    return this.cached;
  }

  /** Stores `next` (the caller's transaction) and answers what was stored. */
  save(next: Settings): Settings {
    const saved = saveSettings(this.sql, next);
    this.cached = saved;
    return saved;
  }
}
