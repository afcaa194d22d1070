import { describe, expect, it } from 'vitest';

import {
  BAR,
  BOTTOM,
  chartShapes,
  LEFT,
  niceTicks,
  RIGHT,
  SLOT,
  TODAY_LEFT,
  TOP,
} from '../../extension/lib/popup/quota-chart';

const CHART = { top: TOP, bottom: BOTTOM, left: LEFT, right: RIGHT, slot: SLOT };
/** The shapes by name. */
const named = (s: ReturnType<typeof chartShapes>) => {
  const [ticks, limitY, today, now, forecast, bars, todayNoonMs] = s;
  return {
    ticks: ticks.map(([y, value]) => ({ y, value })),
    limitY,
    today,
    now: { x: now[0], y: now[1] },
    forecast,
    bars: bars.map(([x, y, noonMs, total]) => ({ x, y, width: BAR, height: r(BOTTOM - y), noonMs, total })),
    todayNoonMs,
  };
};

const RESETS = '2026-05-06T05:00:00.000Z'; // Central midnight (CDT) after Tuesday 2026-05-05
const LIMIT = 50_000;
const at = (hoursAfterStart: number) =>
  new Date(Date.parse(RESETS) - 86_400_000 + hoursAfterStart * 3_600_000).toISOString();
/** Seven days before the quota day (28 April to 4 May), with these totals. */
const week = (totals: number[]) =>
  totals.map((total, i) => ({ date: new Date(Date.UTC(2026, 3, 28 + i)).toISOString().slice(0, 10), total }));
const ys = (points: string) => points.split(' ').map((p) => Number(p.split(',')[1]));
const PLOT = CHART.bottom - CHART.top;
/** SVG coordinates are kept to one decimal. */
const r = (n: number) => Math.round(n * 10) / 10;

describe('niceTicks', () => {
  it.each([
    [1_700, [0, 500, 1_000, 1_500, 2_000]],
    [2_100, [0, 500, 1_000, 1_500, 2_000, 2_500]],
    [50_000, [0, 10_000, 20_000, 30_000, 40_000, 50_000]],
    [55_000, [0, 20_000, 40_000, 60_000]],
    [7, [0, 2, 4, 6, 8]],
    [0, [0, 1]],
    [1, [0, 1]],
  ])('%d → %j', (max, ticks) => {
    expect(niceTicks(max).map((t) => Math.round(t * 10) / 10)).toEqual(ticks);
  });

  it('always reaches the maximum within five round steps', () => {
    for (const max of [1, 9, 99, 101, 1_234, 12_345, 49_999, 123_456, 9_999_999]) {
      const ticks = niceTicks(max);
      expect(ticks[ticks.length - 1]!, String(max)).toBeGreaterThanOrEqual(max);
      expect(ticks.length, String(max)).toBeLessThanOrEqual(6);
      // The top value is not far above the maximum: the data fill at least 40 % of the plot.
      expect(max / ticks[ticks.length - 1]!, String(max)).toBeGreaterThanOrEqual(0.4);
    }
  });
});

describe('chartShapes', () => {
  it('at 3 % scales to the data and leaves the limit off the plot, to be named at the edge', () => {
    const shapes = named(
      chartShapes(
        {
          today: [
            { at: at(1), used: 100 },
            { at: at(12), used: 1_500 },
          ],
          days: week([1_500, 1_620, 1_710, 1_580, 1_400, 600, 640]),
          forecastAt: null,
        },
        LIMIT,
        RESETS,
      ),
    );
    expect(shapes.limitY).toBeNull();
    expect(shapes.ticks.map((t) => t.value)).toEqual([0, 500, 1_000, 1_500, 2_000]);
    expect(shapes.ticks[0]!.y).toBe(CHART.bottom);
    expect(shapes.ticks[4]!.y).toBe(CHART.top);
    // The highest bar fills 1,710 / 2,000 of the plot; the weekend bars are visibly lower.
    expect(shapes.bars[2]!.height).toBeCloseTo((PLOT * 1_710) / 2_000, 0);
    expect(shapes.bars[5]!.height).toBeLessThan(shapes.bars[2]!.height / 2);
    const height = (v: number) => r(CHART.bottom - (PLOT * v) / 2_000);
    expect(ys(shapes.today)).toEqual([height(100), height(1_500)]);
    expect(shapes.forecast).toBeNull();
  });

  it('at 45 % takes the limit into the scale and draws its line at the top tick', () => {
    const shapes = named(
      chartShapes(
        {
          today: [{ at: at(12), used: 22_500 }],
          days: week([24_000, 25_000, 23_000, 24_500, 22_000, 9_000, 9_500]),
          forecastAt: null,
        },
        LIMIT,
        RESETS,
      ),
    );
    expect(shapes.ticks.map((t) => t.value)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
    expect(shapes.limitY).toBe(CHART.top);
    expect(shapes.now.y).toBe(CHART.bottom - PLOT * 0.45);
  });

  it('at 110 % puts the limit inside the plot, below the highest values', () => {
    const shapes = named(
      chartShapes(
        {
          today: [{ at: at(20), used: 55_000 }],
          days: week([54_000, 56_000, 53_000, 55_000, 52_000, 21_000, 22_000]),
          forecastAt: null,
        },
        LIMIT,
        RESETS,
      ),
    );
    expect(shapes.ticks.map((t) => t.value)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(shapes.limitY).toBeCloseTo(CHART.bottom - (PLOT * 5) / 6, 1);
    expect(shapes.limitY!).toBeGreaterThan(CHART.top);
    expect(shapes.now.y).toBeLessThan(shapes.limitY!);
  });

  it('draws the forecast from the latest sample to the limit at its time, the limit in the scale', () => {
    // 6 % of the limit, but rising fast: the forecast needs the limit on the plot.
    const shapes = named(
      chartShapes(
        {
          today: [
            { at: at(6), used: 1_000 },
            { at: at(12), used: 3_000 },
          ],
          days: [],
          forecastAt: at(18),
        },
        LIMIT,
        RESETS,
      ),
    );
    const todayLeft = TODAY_LEFT;
    const width = CHART.right - todayLeft;
    expect(shapes.limitY).toBe(CHART.top);
    const nowY = r(CHART.bottom - (PLOT * 3_000) / LIMIT);
    const forecastX = todayLeft + (width * 3) / 4;
    expect(shapes.forecast).toBe(`${todayLeft + width / 2},${nowY} ${forecastX},${CHART.top}`);
    expect(shapes.now).toEqual({ x: todayLeft + width / 2, y: r(CHART.bottom - (PLOT * 3_000) / LIMIT) });
  });

  it('places today on the quota day’s hours and names the days by their dates', () => {
    const days = Array.from({ length: 9 }, (_, i) => ({ date: `2026-04-${String(20 + i)}`, total: 1_000 }));
    const today = [
      { at: at(0), used: 10 },
      { at: at(24), used: 20 },
    ];
    const shapes = named(chartShapes({ today, days, forecastAt: null }, LIMIT, RESETS));
    expect(shapes.bars).toHaveLength(7);
    expect(shapes.bars[0]).toMatchObject({ total: 1_000, noonMs: Date.parse('2026-04-22T12:00:00Z') });
    expect(shapes.bars[6]!.x + shapes.bars[6]!.width).toBeLessThan(CHART.left + 7 * CHART.slot);
    // From the reset before to the next one.
    expect(shapes.today.split(' ').map((p) => Number(p.split(',')[0]))).toEqual([TODAY_LEFT, CHART.right]);
    // Today's label names the quota day (5 May, a Tuesday) whatever the reader's zone.
    expect(new Date(shapes.todayNoonMs).toISOString().slice(0, 10)).toBe('2026-05-05');
  });
});
