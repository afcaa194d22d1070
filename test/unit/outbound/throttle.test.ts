import { describe, expect, it } from 'vitest';

import { throttle, THROTTLE_WINDOW_MS } from '../../../worker/outbound/throttle';

const T0 = 1_800_000_000_000;

describe('throttle', () => {
  it('sends at once when nothing went out, and spaces messages at least 1 s apart', () => {
    expect(throttle([], T0)).toEqual({ admit: true, atMs: T0 });
    expect(throttle([T0 - 200], T0)).toEqual({ admit: true, atMs: T0 + 800 });
    expect(throttle([T0 - 5000], T0)).toEqual({ admit: true, atMs: T0 });
    // Planned ones count too: the next slot follows the last planned.
    expect(throttle([T0, T0 + 1000, T0 + 2000], T0)).toEqual({ admit: true, atMs: T0 + 3000 });
  });

  it('admits 20 in any 10 minutes and folds the 21st until the oldest leaves the window', () => {
    const slots: number[] = [];
    let now = T0;
    for (let i = 0; i < 20; i++) {
      const d = throttle(slots, now);
      expect(d.admit).toBe(true);
      slots.push(d.atMs);
      now += 10;
    }
    const folded = throttle(slots, now);
    expect(folded).toEqual({ admit: false, atMs: slots[0]! + THROTTLE_WINDOW_MS });
    // Once the window slid past the first, one more fits.
    expect(throttle(slots, slots[0]! + THROTTLE_WINDOW_MS).admit).toBe(true);
  });

  it('is not pushed back by a summary planned for later', () => {
    expect(throttle([T0 + 3_600_000], T0)).toEqual({ admit: true, atMs: T0 });
    expect(throttle([T0 + 500], T0)).toEqual({ admit: true, atMs: T0 + 1500 });
  });

  it('is a sliding window, not a fixed one', () => {
    // 20 spread over the last 9 minutes: the next must wait until the oldest is 10 minutes old.
    const slots = Array.from({ length: 20 }, (_, i) => T0 - 9 * 60_000 + i * 27_000);
    const d = throttle(slots, T0);
    expect(d).toEqual({ admit: false, atMs: T0 + 60_000 });
  });
});
