import type { EmailOrigin } from '../../shared/email';
import type { Settings } from '../../shared/settings';
import type { Occurrence } from '../domain/occurrence';
import { type Recorded, recordOccurrence } from '../store/notifications';
import { withEmailOrigin } from './marketo-email';

/**
 * What the rules work on. Rule state (LinkedIn failure runs, quota counters, fired thresholds) is
 * always kept, also for a disabled type: only the notification is left out. Enabling a type later
 * then starts from the truth.
 */
export interface ApplyContext {
  sql: SqlStorage;
  settings: Settings;
  nowMs: number;
  /** Set when the event came in a Marketo notification e-mail: its notifications say so. */
  origin?: EmailOrigin;
  /** Writes the outbound deliveries a recorded notification causes, in the same transaction. */
  outbox?: (recorded: Recorded) => void;
}

/**
 * The one "type enabled" gate: every notification, from posted events, e-mails or the connector, is
 * recorded here, or left out when its type is disabled.
 */
export function recordIfEnabled(ctx: ApplyContext, occurrence: Occurrence | null, atMs: number): Recorded[] {
  if (occurrence === null || !ctx.settings.types[occurrence.type].enabled) return [];
  const recorded = recordOccurrence(
    ctx.sql,
    ctx.origin ? withEmailOrigin(occurrence, ctx.origin) : occurrence,
    atMs,
  );
  ctx.outbox?.(recorded);
  return [recorded];
}
