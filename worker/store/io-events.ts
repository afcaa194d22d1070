import type { IoEventsState } from '../../shared/io-events';

/**
 * The tenant's registration for Marketo's own streams, its counts and the login-failure runs.
 * Every statement is idempotent: the tables are made on first use.
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS io_registration (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     client_id TEXT NOT NULL,
     token_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     last_event_at INTEGER
   )`,
  // name: `type:<Adobe event type>`, `unknown`, `mismatched` or `duplicates`.
  `CREATE TABLE IF NOT EXISTS io_counts (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS io_login_failures (user TEXT NOT NULL, at_ms INTEGER NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS io_login_failures_user ON io_login_failures (user, at_ms)`,
  `CREATE INDEX IF NOT EXISTS io_login_failures_age ON io_login_failures (at_ms)`,
  `CREATE TABLE IF NOT EXISTS io_login_alerted (
     user TEXT NOT NULL,
     day TEXT NOT NULL,
     PRIMARY KEY (user, day)
   )`,
];

/** Distinct event types counted at most; beyond, they count as unknown. */
const MAX_COUNTED_TYPES = 200;
/** Failed logins are kept this long: the alert looks at the quota day. */
const LOGIN_FAILURE_RETENTION_MS = 2 * 24 * 3_600_000;

const ready = new WeakSet<SqlStorage>();

function ensure(sql: SqlStorage): SqlStorage {
  if (!ready.has(sql)) {
    for (const statement of STATEMENTS) sql.exec(statement);
    ready.add(sql);
  }
  return sql;
}

export interface IoRegistration {
  clientId: string;
  tokenHash: string;
}

export function ioRegistration(sql: SqlStorage): IoRegistration | null {
  const row = ensure(sql)
    .exec<{ client_id: string; token_hash: string }>(
      'SELECT client_id, token_hash FROM io_registration WHERE id = 1',
    )
    .toArray()[0];
  return row ? { clientId: row.client_id, tokenHash: row.token_hash } : null;
}

/** Creates or replaces the registration (a rotation keeps the counts); answers the previous token hash. */
export function saveIoRegistration(
  sql: SqlStorage,
  registration: IoRegistration,
  nowMs: number,
): string | null {
  const previous = ioRegistration(sql)?.tokenHash ?? null;
  sql.exec(
    `INSERT INTO io_registration (id, client_id, token_hash, created_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET
       client_id = excluded.client_id, token_hash = excluded.token_hash, created_at = excluded.created_at`,
    registration.clientId,
    registration.tokenHash,
    nowMs,
  );
  return previous;
}

/** Forgets the registration and its counts; answers its token hash, null when there was none. */
export function deleteIoRegistration(sql: SqlStorage): string | null {
  const previous = ioRegistration(sql)?.tokenHash ?? null;
  sql.exec('DELETE FROM io_registration');
  sql.exec('DELETE FROM io_counts');
  return previous;
}

export function countIo(sql: SqlStorage, name: string): void {
  ensure(sql);
  if (name.startsWith('type:')) {
    const known = sql.exec('SELECT 1 FROM io_counts WHERE name = ?', name).toArray().length > 0;
    const typesSql = "SELECT COUNT(*) AS n FROM io_counts WHERE name LIKE 'type:%'";
    const types = sql.exec<{ n: number }>(typesSql).one().n;
    if (!known && types >= MAX_COUNTED_TYPES) return;
  }
  sql.exec(
    'INSERT INTO io_counts (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1',
    name,
  );
}

export function noteIoEvent(sql: SqlStorage, nowMs: number): void {
  ensure(sql).exec('UPDATE io_registration SET last_event_at = ? WHERE id = 1', nowMs);
}

export function ioState(sql: SqlStorage): IoEventsState | null {
  const row = ensure(sql)
    .exec<{ client_id: string; created_at: number; last_event_at: number | null }>(
      'SELECT client_id, created_at, last_event_at FROM io_registration WHERE id = 1',
    )
    .toArray()[0];
  if (!row) return null;
  const rows = sql.exec<{ name: string; value: number }>('SELECT name, value FROM io_counts').toArray();
  const counts = new Map(rows.map((r) => [r.name, r.value]));
  const typeRows = rows.filter((r) => r.name.startsWith('type:'));
  const byType = Object.fromEntries(typeRows.map((r) => [r.name.slice('type:'.length), r.value]));
  return {
    clientId: row.client_id,
    createdAt: new Date(row.created_at).toISOString(),
    lastEventAt: row.last_event_at === null ? null : new Date(row.last_event_at).toISOString(),
    byType,
    unknown: counts.get('unknown') ?? 0,
    mismatched: counts.get('mismatched') ?? 0,
    duplicates: counts.get('duplicates') ?? 0,
  };
}

/** Notes a failed login; answers the user's failures since `sinceMs` and since `dayStartMs`. */
export function addLoginFailure(
  sql: SqlStorage,
  user: string,
  atMs: number,
  sinceMs: number,
  dayStartMs: number,
): { recent: number; today: number } {
  ensure(sql).exec('DELETE FROM io_login_failures WHERE at_ms < ?', atMs - LOGIN_FAILURE_RETENTION_MS);
  sql.exec('INSERT INTO io_login_failures (user, at_ms) VALUES (?, ?)', user, atMs);
  const countSql = 'SELECT COUNT(*) AS n FROM io_login_failures WHERE user = ? AND at_ms >= ?';
  const count = (from: number) => sql.exec<{ n: number }>(countSql, user, from).one().n;
  return { recent: count(sinceMs), today: count(dayStartMs) };
}

/** True the first time per user and day: the alert is made once, later failures repeat it. */
export function markLoginAlerted(sql: SqlStorage, user: string, day: string): boolean {
  ensure(sql).exec("DELETE FROM io_login_alerted WHERE day < date(?, '-2 days')", day);
  const inserted = sql.exec('INSERT OR IGNORE INTO io_login_alerted (user, day) VALUES (?, ?)', user, day);
  return inserted.rowsWritten > 0;
}

export function loginAlerted(sql: SqlStorage, user: string, day: string): boolean {
  const found = ensure(sql).exec('SELECT 1 FROM io_login_alerted WHERE user = ? AND day = ?', user, day);
  return found.toArray().length > 0;
}
