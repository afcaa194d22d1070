/**
 * Marketo REST API error codes: what Marketo documents and whether a retry helps. Their meanings
 * are text, in each language's catalog (`code.<n>`).
 * Response-level codes (6xx, 7xx) fail a whole call; record-level codes (1xxx) fail one record.
 */

export type MarketoErrorLevel = 'response' | 'record';
/**
 * When a retry can succeed: `yes` (soon, with backoff), `after_reauth` (with a new access token),
 * `after_reset` (once the daily quota resets), `no` (the request or data must change first).
 */
export type MarketoRetry = 'yes' | 'after_reauth' | 'after_reset' | 'no';

export interface MarketoErrorInfo {
  code: number;
  level: MarketoErrorLevel;
  retry: MarketoRetry;
  retryable: boolean;
}

type Row = [code: number, retry: MarketoRetry];

const ROWS: Row[] = [
  [601, 'after_reauth'],
  [602, 'after_reauth'],
  [603, 'no'],
  [604, 'yes'],
  [605, 'no'],
  [606, 'yes'],
  [607, 'after_reset'],
  [608, 'yes'],
  [609, 'no'],
  [610, 'no'],
  [611, 'yes'],
  [612, 'no'],
  [613, 'no'],
  [614, 'no'],
  [615, 'yes'],
  [616, 'no'],
  [701, 'no'],
  [702, 'no'],
  [703, 'no'],
  [704, 'no'],
  [709, 'no'],
  [710, 'no'],
  [711, 'no'],
  [712, 'no'],
  [713, 'yes'],
  [714, 'no'],
  [718, 'no'],
  [719, 'yes'],
  [1001, 'no'],
  [1002, 'no'],
  [1003, 'no'],
  [1004, 'no'],
  [1005, 'no'],
  [1006, 'no'],
  [1007, 'no'],
  [1008, 'no'],
  [1009, 'no'],
  [1010, 'no'],
  [1011, 'no'],
  [1012, 'no'],
  [1013, 'no'],
  [1014, 'no'],
  [1015, 'no'],
  [1016, 'yes'],
  [1017, 'no'],
  [1018, 'no'],
  [1019, 'yes'],
  [1020, 'no'],
  [1021, 'no'],
  [1022, 'no'],
  [1025, 'no'],
  [1026, 'no'],
  [1027, 'no'],
  [1028, 'no'],
  [1029, 'yes'],
  [1035, 'no'],
  [1036, 'no'],
  [1037, 'no'],
  [1042, 'no'],
  [1048, 'no'],
  [1049, 'no'],
  [1076, 'no'],
];

function toInfo([code, retry]: Row): MarketoErrorInfo {
  return {
    code,
    level: code >= 1000 ? 'record' : 'response',
    retry,
    retryable: retry !== 'no',
  };
}

export const MARKETO_ERRORS: ReadonlyMap<number, MarketoErrorInfo> = new Map(
  ROWS.map((row) => [row[0], toInfo(row)]),
);

/** The catalog entry for a code (number or digits), or undefined for a code Marketo does not document. */
export function marketoError(code: number | string | undefined | null): MarketoErrorInfo | undefined {
  if (code === undefined || code === null) return undefined;
  const n = typeof code === 'number' ? code : /^\d{1,5}$/.test(code) ? Number(code) : NaN;
  return MARKETO_ERRORS.get(n);
}

/** Marketo's "daily quota reached": whatever event reports it means the quota's 100 % threshold. */
export const QUOTA_REACHED_ERROR = 607;
