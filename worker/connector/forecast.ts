import type { UsageSample } from '../domain/connector-facts';

/** Today's pace over the last hour, from the poll samples, extended to the daily limit. */
export const FORECAST_WINDOW_MS = 60 * 60_000;
/** A pace measured over less than this says too little. */
export const FORECAST_MIN_SPAN_MS = 5 * 60_000;

/**
 * When usage reaches `limit` at the pace of the last 60 minutes, if that is before the quota day ends;
 * null when the pace is flat, the limit is already reached, or the samples span too little.
 */
export function forecastLimitAt(
  samples: readonly UsageSample[],
  limit: number,
  nowMs: number,
  dayEndMs: number,
): number | null {
  const recent = samples
    .filter((s) => s.atMs >= nowMs - FORECAST_WINDOW_MS && s.atMs <= nowMs)
    .sort((a, b) => a.atMs - b.atMs);
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (first === undefined || last === undefined || last.used >= limit) return null;
  const spanMs = last.atMs - first.atMs;
  const added = last.used - first.used;
  if (spanMs < FORECAST_MIN_SPAN_MS || added <= 0) return null;
  const atMs = last.atMs + Math.ceil(((limit - last.used) * spanMs) / added);
  return atMs < dayEndMs ? atMs : null;
}
