/**
 * The tenant's SQLite schema. Times are Unix milliseconds.
 * Every statement is idempotent, so running it on each start is the migration.
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS notifications (
     id TEXT PRIMARY KEY,
     group_key TEXT NOT NULL UNIQUE,
     type TEXT NOT NULL,
     severity TEXT NOT NULL,
     data TEXT NOT NULL,
     count INTEGER NOT NULL,
     first_at INTEGER NOT NULL,
     last_at INTEGER NOT NULL,
     read_at INTEGER
   )`,
  // The feed's access paths: all, by type, unread, unread by type; newest first.
  `CREATE INDEX IF NOT EXISTS notifications_feed ON notifications (last_at DESC, id DESC)`,
  `CREATE INDEX IF NOT EXISTS notifications_feed_type ON notifications (type, last_at DESC, id DESC)`,
  `CREATE INDEX IF NOT EXISTS notifications_unread ON notifications (last_at DESC, id DESC) WHERE read_at IS NULL`,
  `CREATE INDEX IF NOT EXISTS notifications_unread_type ON notifications (type, last_at DESC, id DESC) WHERE read_at IS NULL`,
  // Unread totals kept up to date with every change, so counts never scan the feed.
  `CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS seen_events (id TEXT PRIMARY KEY, seen_at INTEGER NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS seen_events_age ON seen_events (seen_at)`,
  `CREATE TABLE IF NOT EXISTS quota_usage (day TEXT PRIMARY KEY, used INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS quota_fired (day TEXT NOT NULL, threshold INTEGER NOT NULL, PRIMARY KEY (day, threshold))`,
  `CREATE TABLE IF NOT EXISTS linkedin_attempts (key TEXT PRIMARY KEY, failures INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS stream_tickets (ticket TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
];

export function migrate(sql: SqlStorage): void {
  for (const statement of STATEMENTS) sql.exec(statement);
}
