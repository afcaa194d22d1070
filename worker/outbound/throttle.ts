/**
 * The per-channel throttle: messages at least 1 s apart (queued, not dropped) and at most 20 in
 * any 10 minutes (sliding). What does not fit is folded into one pending `summary` delivery.
 */
export const THROTTLE_SPACING_MS = 1000;
export const THROTTLE_WINDOW_MS = 10 * 60_000;
export const THROTTLE_MAX_PER_WINDOW = 20;

export type ThrottleDecision =
  /** Send it, not before `atMs`. */
  | { admit: true; atMs: number }
  /** Fold it into the channel's summary, which may go out at `atMs`. */
  | { admit: false; atMs: number };

/**
 * `slots`: when the channel's counted messages went out or are planned to (any order, the future
 * included: a summary waits for its time). A new message gets the first time from now on that is
 * at least 1 s away from every slot, if fewer than 20 fall in the 10 minutes up to it.
 */
export function throttle(slots: readonly number[], nowMs: number): ThrottleDecision {
  const sorted = [...slots].sort((a, b) => a - b);
  let at = nowMs;
  for (const slot of sorted) {
    if (slot <= at - THROTTLE_SPACING_MS) continue;
    if (slot >= at + THROTTLE_SPACING_MS) break;
    at = slot + THROTTLE_SPACING_MS;
  }
  const inWindow = sorted.filter((t) => t > at - THROTTLE_WINDOW_MS && t <= at);
  if (inWindow.length < THROTTLE_MAX_PER_WINDOW) return { admit: true, atMs: at };
  // The window allows one more once the 20th latest slot has left it.
  const leaves = inWindow[inWindow.length - THROTTLE_MAX_PER_WINDOW]! + THROTTLE_WINDOW_MS;
  return { admit: false, atMs: Math.max(leaves, at) };
}
