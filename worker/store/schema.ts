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
  // key_id: the key that asked for the ticket, so that revoking the key can take back its tickets.
  `CREATE TABLE IF NOT EXISTS stream_tickets (ticket TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, key_id TEXT)`,
  // Keys revoked while KV may still answer for them elsewhere for a while: no new stream for them.
  `CREATE TABLE IF NOT EXISTS revoked_keys (key_id TEXT PRIMARY KEY, revoked_at INTEGER NOT NULL)`,
  // When each key was last used, to the minute (GET /v1/tenants/:id/keys).
  `CREATE TABLE IF NOT EXISTS key_usage (key_id TEXT PRIMARY KEY, last_used_at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  // The connector: its REST calls per quota day, today's usage per poll, the campaigns' last state.
  `CREATE TABLE IF NOT EXISTS connector_calls (day TEXT PRIMARY KEY, calls INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS quota_samples (day TEXT NOT NULL, at INTEGER NOT NULL, used INTEGER NOT NULL, PRIMARY KEY (day, at))`,
  `CREATE TABLE IF NOT EXISTS campaign_baseline (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL,
     type TEXT NOT NULL,
     is_active INTEGER NOT NULL,
     status TEXT,
     url TEXT
   )`,
];

/** Columns added to a table after it was first created: ALTER TABLE has no IF NOT EXISTS. */
const ADDED_COLUMNS: { table: string; column: string; definition: string }[] = [
  { table: 'stream_tickets', column: 'key_id', definition: 'TEXT' },
  // When a LinkedIn run last changed, so that the oldest runs go first when the table is full.
  { table: 'linkedin_attempts', column: 'updated_at', definition: 'INTEGER NOT NULL DEFAULT 0' },
];

/** Statements that need the added columns. */
const AFTER_ADDED_COLUMNS = [
  `CREATE INDEX IF NOT EXISTS stream_tickets_key ON stream_tickets (key_id)`,
  `CREATE INDEX IF NOT EXISTS linkedin_attempts_age ON linkedin_attempts (updated_at)`,
];

function hasColumn(sql: SqlStorage, table: string, column: string): boolean {
  return sql.exec('SELECT 1 FROM pragma_table_info(?) WHERE name = ?', table, column).toArray().length > 0;
}

export function migrate(sql: SqlStorage): void {
  for (const statement of STATEMENTS) sql.exec(statement);
  for (const { table, column, definition } of ADDED_COLUMNS) {
    if (!hasColumn(sql, table, column)) sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
  for (const statement of AFTER_ADDED_COLUMNS) sql.exec(statement);
}
