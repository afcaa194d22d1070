import { z } from 'zod';

import { ConnectorError, ConnectorState } from '../../shared/connector';
import { readMeta, writeMeta } from './meta';

const STATUS_KEY = 'connector_status';

/** What the poll remembers between runs. Times are Unix milliseconds. */
export const PollState = z.object({
  state: ConnectorState,
  lastPollAtMs: z.number().nullable(),
  nextPollAtMs: z.number().nullable(),
  lastError: ConnectorError.nullable(),
  apiUser: z.string().nullable(),
  /** The doubled interval after 606/615; null at the configured one. */
  backoffMinutes: z.int().nullable(),
  /** No call before this instant (607, or maxDailyCalls spent). */
  pausedUntilMs: z.number().nullable(),
  lastCampaignsAtMs: z.number().nullable(),
  /** Polls in a row that failed with a passing fault (HTTP 5xx, 611, malformed, ...). */
  failuresInRow: z.int(),
  /** The `connector` notification of the current failure, made read after the next good poll. */
  failingNotificationId: z.string().nullable(),
});
export type PollState = z.infer<typeof PollState>;

export const INITIAL_POLL_STATE: PollState = {
  state: 'off',
  lastPollAtMs: null,
  nextPollAtMs: null,
  lastError: null,
  apiUser: null,
  backoffMinutes: null,
  pausedUntilMs: null,
  lastCampaignsAtMs: null,
  failuresInRow: 0,
  failingNotificationId: null,
};

export function loadPollState(sql: SqlStorage): PollState {
  const text = readMeta(sql, STATUS_KEY);
  if (text === null) return INITIAL_POLL_STATE;
  const parsed = PollState.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : INITIAL_POLL_STATE;
}

export function savePollState(sql: SqlStorage, state: PollState): void {
  writeMeta(sql, STATUS_KEY, JSON.stringify(PollState.parse(state)));
}

export function deletePollState(sql: SqlStorage): void {
  sql.exec('DELETE FROM meta WHERE key = ?', STATUS_KEY);
}
