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
  // The feed's access paths: all, by type; newest first.
  `CREATE INDEX IF NOT EXISTS notifications_feed ON notifications (last_at DESC, id DESC)`,
  `CREATE INDEX IF NOT EXISTS notifications_feed_type ON notifications (type, last_at DESC, id DESC)`,
  // Read state per member (see store/read-state.ts): a mark per member and notification read...
  `CREATE TABLE IF NOT EXISTS read_marks (
     member TEXT NOT NULL,
     notification_id TEXT NOT NULL,
     read_at INTEGER NOT NULL,
     PRIMARY KEY (member, notification_id)
   )`,
  `CREATE INDEX IF NOT EXISTS read_marks_notification ON read_marks (notification_id)`,
  // ...and a snooze per member and notification, unread for the others meanwhile.
  `CREATE TABLE IF NOT EXISTS snoozes (
     member TEXT NOT NULL,
     notification_id TEXT NOT NULL,
     until INTEGER NOT NULL,
     PRIMARY KEY (member, notification_id)
   )`,
  `CREATE INDEX IF NOT EXISTS snoozes_notification ON snoozes (notification_id)`,
  `CREATE INDEX IF NOT EXISTS snoozes_member_until ON snoozes (member, until)`,
  `CREATE INDEX IF NOT EXISTS snoozes_until ON snoozes (until)`,
  // Totals kept up to date with every change, so counts never scan the feed: the tenant's open
  // (unresolved) ones and those read before members existed; per member, the read and the snoozed.
  `CREATE TABLE IF NOT EXISTS totals (
     scope TEXT NOT NULL,
     name TEXT NOT NULL,
     value INTEGER NOT NULL,
     PRIMARY KEY (scope, name)
   )`,
  `CREATE TABLE IF NOT EXISTS member_totals (
     member TEXT NOT NULL,
     scope TEXT NOT NULL,
     name TEXT NOT NULL,
     value INTEGER NOT NULL,
     PRIMARY KEY (member, scope, name)
   )`,
  `CREATE TABLE IF NOT EXISTS members (member TEXT PRIMARY KEY, last_seen_at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS enrolments (
     key_id TEXT NOT NULL,
     day TEXT NOT NULL,
     count INTEGER NOT NULL,
     PRIMARY KEY (key_id, day)
   )`,
  // Names taken by enrolment (memberNameKey), so that concurrent enrolments of one name give one key.
  `CREATE TABLE IF NOT EXISTS enrolled_names (name_key TEXT PRIMARY KEY, key_id TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS seen_events (id TEXT PRIMARY KEY, seen_at INTEGER NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS seen_events_age ON seen_events (seen_at)`,
  `CREATE TABLE IF NOT EXISTS quota_usage (day TEXT PRIMARY KEY, used INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS quota_fired (
     day TEXT NOT NULL,
     threshold INTEGER NOT NULL,
     PRIMARY KEY (day, threshold)
   )`,
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
  `CREATE TABLE IF NOT EXISTS quota_samples (
     day TEXT NOT NULL,
     at INTEGER NOT NULL,
     used INTEGER NOT NULL,
     PRIMARY KEY (day, at)
   )`,
  `CREATE TABLE IF NOT EXISTS campaign_baseline (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL,
     type TEXT NOT NULL,
     is_active INTEGER NOT NULL,
     status TEXT,
     url TEXT
   )`,
  // Outbound channels (store/channels.ts) and their outbox (store/deliveries.ts).
  `CREATE TABLE IF NOT EXISTS channels (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     sealed_url TEXT,
     target TEXT,
     recipients TEXT,
     sealed_secret TEXT,
     sealed_old_secret TEXT,
     old_secret_until INTEGER,
     types TEXT NOT NULL,
     min_severity TEXT NOT NULL,
     quiet_hours TEXT,
     mode TEXT NOT NULL,
     digest_at TEXT NOT NULL,
     escalation INTEGER NOT NULL,
     enabled INTEGER NOT NULL,
     state TEXT NOT NULL,
     consecutive_failures INTEGER NOT NULL,
     origin TEXT,
     next_digest_at INTEGER,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS deliveries (
     id TEXT PRIMARY KEY,
     channel_id TEXT NOT NULL,
     notification_id TEXT,
     reason TEXT NOT NULL,
     webhook_type TEXT NOT NULL,
     state TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     last_status INTEGER,
     last_error TEXT,
     next_attempt_at INTEGER,
     slot_at INTEGER,
     payload TEXT NOT NULL,
     repeats INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     delivered_at INTEGER
   )`,
  `CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending'`,
  `CREATE INDEX IF NOT EXISTS deliveries_channel ON deliveries (channel_id, created_at DESC)`,
  `CREATE INDEX IF NOT EXISTS deliveries_slots ON deliveries (channel_id, slot_at) WHERE slot_at IS NOT NULL`,
  // Per notification: the last message about it and the repeats held since; when it escalates.
  `CREATE TABLE IF NOT EXISTS outbound_messages (
     notification_id TEXT PRIMARY KEY,
     last_message_at INTEGER NOT NULL,
     held INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS escalations (notification_id TEXT PRIMARY KEY, due_at INTEGER NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS escalations_due ON escalations (due_at)`,
];

/** Columns added to a table after it was first created: ALTER TABLE has no IF NOT EXISTS. */
const ADDED_COLUMNS: { table: string; column: string; definition: string }[] = [
  { table: 'stream_tickets', column: 'key_id', definition: 'TEXT' },
  // The member whose counts the stream shows.
  { table: 'stream_tickets', column: 'member', definition: 'TEXT' },
  // The enroll key the ticket's key was enrolled through: its keys' sockets are capped together.
  { table: 'stream_tickets', column: 'enrolled_by', definition: 'TEXT' },
  // Shared triage: who acknowledged and who resolved, and when.
  { table: 'notifications', column: 'ack_member', definition: 'TEXT' },
  { table: 'notifications', column: 'ack_at', definition: 'INTEGER' },
  { table: 'notifications', column: 'resolved_member', definition: 'TEXT' },
  { table: 'notifications', column: 'resolved_at', definition: 'INTEGER' },
  // The channel kind of the acknowledge link that set ack or resolved ("Anna (via Slack)").
  { table: 'notifications', column: 'ack_via', definition: 'TEXT' },
  { table: 'notifications', column: 'resolved_via', definition: 'TEXT' },
  // When a LinkedIn run last changed, so that the oldest runs go first when the table is full.
  { table: 'linkedin_attempts', column: 'updated_at', definition: 'INTEGER NOT NULL DEFAULT 0' },
];

/** Statements that need the added columns. */
const AFTER_ADDED_COLUMNS = [
  `CREATE INDEX IF NOT EXISTS stream_tickets_key ON stream_tickets (key_id)`,
  // A member's unread ones are among these (open, not read before members existed); marks and
  // snoozes are looked up by key.
  `CREATE INDEX IF NOT EXISTS notifications_open ON notifications (last_at DESC, id DESC)
     WHERE resolved_at IS NULL AND read_at IS NULL`,
  `CREATE INDEX IF NOT EXISTS notifications_open_type ON notifications (type, last_at DESC, id DESC)
     WHERE resolved_at IS NULL AND read_at IS NULL`,
  `CREATE INDEX IF NOT EXISTS linkedin_attempts_age ON linkedin_attempts (updated_at)`,
];

/**
 * v1 kept one read state for the tenant: `read_at` on each notification and unread totals in
 * `counters`. From v2 on, `read_at` means "read before members existed" and counts as read for
 * every member, whoever they are, until a repeat makes the notification unread for all; so the
 * tenant's v1 state becomes every member's state and nothing is moved, lost or reset. The totals
 * are derived once from the rows, then the v1 table and its indexes go.
 */
function migrateV1ReadState(sql: SqlStorage): void {
  if (!hasTable(sql, 'counters')) return;
  sql.exec(
    `INSERT INTO totals (scope, name, value)
     SELECT 'open', name, SUM(n) FROM (
       SELECT 'total' AS name, COUNT(*) AS n FROM notifications
       UNION ALL SELECT 'type:' || type, COUNT(*) FROM notifications GROUP BY type
       UNION ALL SELECT 'severity:' || severity, COUNT(*) FROM notifications GROUP BY severity
     ) GROUP BY name`,
  );
  sql.exec(
    `INSERT INTO totals (scope, name, value)
     SELECT 'legacy_read', name, SUM(n) FROM (
       SELECT 'total' AS name, COUNT(*) AS n FROM notifications WHERE read_at IS NOT NULL
       UNION ALL SELECT 'type:' || type, COUNT(*) FROM notifications WHERE read_at IS NOT NULL GROUP BY type
       UNION ALL SELECT 'severity:' || severity, COUNT(*) FROM notifications WHERE read_at IS NOT NULL GROUP BY severity
     ) GROUP BY name`,
  );
  sql.exec('DROP TABLE counters');
  sql.exec('DROP INDEX IF EXISTS notifications_unread');
  sql.exec('DROP INDEX IF EXISTS notifications_unread_type');
}

function hasTable(sql: SqlStorage, table: string): boolean {
  return (
    sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", table).toArray().length > 0
  );
}

function hasColumn(sql: SqlStorage, table: string, column: string): boolean {
  return sql.exec('SELECT 1 FROM pragma_table_info(?) WHERE name = ?', table, column).toArray().length > 0;
}

export function migrate(sql: SqlStorage): void {
  for (const statement of STATEMENTS) sql.exec(statement);
  for (const { table, column, definition } of ADDED_COLUMNS) {
    if (!hasColumn(sql, table, column)) sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
  for (const statement of AFTER_ADDED_COLUMNS) sql.exec(statement);
  migrateV1ReadState(sql);
}
