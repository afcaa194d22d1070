import {
  type Channel,
  type ChannelKind,
  type ChannelMode,
  type ChannelState,
  DEFAULT_DIGEST_AT,
  type DigestAt,
  type QuietHours,
} from '../../shared/channels';
import { NOTIFICATION_TYPES, type NotificationType, type Severity } from '../../shared/notification-types';

/**
 * The tenant's outbound channels. The URL and the webhook signing secrets are stored only sealed
 * (connector/secret-box.ts, with the channel as additional data); `target` is the URL as answers
 * show it. Times are Unix milliseconds.
 */
export interface ChannelRow {
  id: string;
  kind: ChannelKind;
  name: string;
  sealed_url: string | null;
  target: string | null;
  recipients: string | null;
  sealed_secret: string | null;
  /** The secret before the last rotation; it signs too until `old_secret_until`. */
  sealed_old_secret: string | null;
  old_secret_until: number | null;
  types: string;
  min_severity: Severity;
  quiet_hours: string | null;
  mode: ChannelMode;
  digest_at: string;
  escalation: number;
  enabled: number;
  state: ChannelState;
  consecutive_failures: number;
  /** The origin acknowledge links use when PUBLIC_URL is empty: of the request that last set the channel. */
  origin: string | null;
  /** When a digest channel next sends its digest. */
  next_digest_at: number | null;
  created_at: number;
  updated_at: number;
  [key: string]: SqlStorageValue;
}

/** The fields a create or a patch sets, already checked and sealed. */
export interface ChannelFields {
  name: string;
  sealedUrl: string | null;
  target: string | null;
  recipients: string[] | null;
  types: NotificationType[];
  minSeverity: Severity;
  quietHours: QuietHours | null;
  mode: ChannelMode;
  digestAt: DigestAt;
  escalation: boolean;
  enabled: boolean;
  origin: string | null;
  nextDigestAt: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function toChannel(row: ChannelRow): Channel {
  const types = JSON.parse(row.types) as NotificationType[];
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    target: row.target,
    to: row.recipients === null ? null : (JSON.parse(row.recipients) as string[]),
    // Always the full list, in display order.
    types: NOTIFICATION_TYPES.filter((t) => types.includes(t)),
    minSeverity: row.min_severity,
    quietHours: row.quiet_hours === null ? null : (JSON.parse(row.quiet_hours) as QuietHours),
    mode: row.mode,
    digestAt: row.digest_at === '' ? DEFAULT_DIGEST_AT : (JSON.parse(row.digest_at) as DigestAt),
    escalation: row.escalation === 1,
    enabled: row.enabled === 1,
    state: row.state,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The channel's fields as a create or patch starts from them. */
export function fieldsOf(row: ChannelRow): ChannelFields {
  const channel = toChannel(row);
  return {
    name: channel.name,
    sealedUrl: row.sealed_url,
    target: row.target,
    recipients: channel.to,
    types: channel.types,
    minSeverity: channel.minSeverity,
    quietHours: channel.quietHours,
    mode: channel.mode,
    digestAt: channel.digestAt,
    escalation: channel.escalation,
    enabled: channel.enabled,
    origin: row.origin,
    nextDigestAt: row.next_digest_at,
  };
}

export function channelCount(sql: SqlStorage): number {
  return sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM channels').one().n;
}

export function channelRow(sql: SqlStorage, id: string): ChannelRow | null {
  return sql.exec<ChannelRow>('SELECT * FROM channels WHERE id = ?', id).toArray()[0] ?? null;
}

export function channelRows(sql: SqlStorage): ChannelRow[] {
  return sql.exec<ChannelRow>('SELECT * FROM channels ORDER BY created_at, id').toArray();
}

export function insertChannel(
  sql: SqlStorage,
  id: string,
  kind: ChannelKind,
  f: ChannelFields,
  sealedSecret: string | null,
  nowMs: number,
): ChannelRow {
  return sql
    .exec<ChannelRow>(
      `INSERT INTO channels (id, kind, name, sealed_url, target, recipients, sealed_secret, sealed_old_secret,
         old_secret_until,
         types, min_severity, quiet_hours, mode, digest_at, escalation, enabled, state, consecutive_failures,
         origin,
         next_digest_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, 'ok', 0, ?, ?, ?, ?) RETURNING *`,
      id,
      kind,
      f.name,
      f.sealedUrl,
      f.target,
      f.recipients === null ? null : JSON.stringify(f.recipients),
      sealedSecret,
      JSON.stringify(f.types),
      f.minSeverity,
      f.quietHours === null ? null : JSON.stringify(f.quietHours),
      f.mode,
      JSON.stringify(f.digestAt),
      f.escalation ? 1 : 0,
      f.enabled ? 1 : 0,
      f.origin,
      f.nextDigestAt,
      nowMs,
      nowMs,
    )
    .one();
}

/** Writes the fields; `reenable` (enabled: true, or a new URL) turns a disabled channel back to ok. */
export function updateChannel(
  sql: SqlStorage,
  id: string,
  f: ChannelFields,
  reenable: boolean,
  nowMs: number,
): ChannelRow | null {
  return (
    sql
      .exec<ChannelRow>(
        `UPDATE channels SET name = ?, sealed_url = ?, target = ?, recipients = ?, types = ?,
           min_severity = ?,
           quiet_hours = ?,
           mode = ?, digest_at = ?, escalation = ?, enabled = ?, origin = ?, next_digest_at = ?,
           updated_at = ?,
           state = CASE WHEN ? AND state = 'disabled' THEN 'ok' ELSE state END,
           consecutive_failures = CASE WHEN ? AND state = 'disabled' THEN 0 ELSE consecutive_failures END
         WHERE id = ? RETURNING *`,
        f.name,
        f.sealedUrl,
        f.target,
        f.recipients === null ? null : JSON.stringify(f.recipients),
        JSON.stringify(f.types),
        f.minSeverity,
        f.quietHours === null ? null : JSON.stringify(f.quietHours),
        f.mode,
        JSON.stringify(f.digestAt),
        f.escalation ? 1 : 0,
        f.enabled ? 1 : 0,
        f.origin,
        f.nextDigestAt,
        nowMs,
        reenable ? 1 : 0,
        reenable ? 1 : 0,
        id,
      )
      .toArray()[0] ?? null
  );
}

/** Forgets the channel and its deliveries. */
export function deleteChannel(sql: SqlStorage, id: string): boolean {
  const deleted = sql.exec('DELETE FROM channels WHERE id = ? RETURNING id', id).toArray().length > 0;
  if (deleted) sql.exec('DELETE FROM deliveries WHERE channel_id = ?', id);
  return deleted;
}

/** A new signing secret; the previous one keeps signing until `oldUntilMs`. */
export function rotateSecret(
  sql: SqlStorage,
  id: string,
  sealedSecret: string,
  oldUntilMs: number,
  nowMs: number,
): ChannelRow | null {
  return (
    sql
      .exec<ChannelRow>(
        `UPDATE channels SET sealed_old_secret = sealed_secret, old_secret_until = ?, sealed_secret = ?,
           updated_at = ?
         WHERE id = ? AND kind = 'webhook' RETURNING *`,
        oldUntilMs,
        sealedSecret,
        nowMs,
        id,
      )
      .toArray()[0] ?? null
  );
}

export function setChannelHealth(
  sql: SqlStorage,
  id: string,
  state: ChannelState,
  consecutiveFailures: number,
): void {
  sql.exec(
    'UPDATE channels SET state = ?, consecutive_failures = ? WHERE id = ?',
    state,
    consecutiveFailures,
    id,
  );
}

export function setNextDigest(sql: SqlStorage, id: string, atMs: number | null): void {
  sql.exec('UPDATE channels SET next_digest_at = ? WHERE id = ?', atMs, id);
}
