import { describe, expect, it } from 'vitest';
import { CHART, chartShapes } from '../../extension/lib/popup/quota-chart';

const RESETS = '2026-05-06T05:00:00.000Z';
const at = (hoursAfterStart: number) => new Date(Date.parse(RESETS) - 86_400_000 + hoursAfterStart * 3_600_000).toISOString();

describe('quota chart shapes', () => {
  it('puts today on the day’s hours, the limit at the top, and the forecast up to the limit', () => {
    const shapes = chartShapes(
      { today: [{ at: at(0), used: 0 }, { at: at(12), used: 25_000 }], days: [], forecastAt: at(18) },
      50_000,
      RESETS,
    );
    const todayWidth = CHART.width - CHART.daysWidth - CHART.gap;
    expect(shapes.limitY).toBe(0);
    expect(shapes.today).toBe(`0,${CHART.height} ${todayWidth / 2},${CHART.height / 2}`);
    expect(shapes.forecast).toBe(`${todayWidth / 2},${CHART.height / 2} ${(todayWidth * 3) / 4},0`);
  });

  it('scales to the highest value when a day went over the limit, and draws 7 bars at most', () => {
    const days = Array.from({ length: 9 }, (_, i) => ({ date: `2026-04-${String(20 + i)}`, total: i === 8 ? 100_000 : 10_000 }));
    const shapes = chartShapes({ today: [{ at: at(1), used: 1_000 }], days, forecastAt: null }, 50_000, RESETS);
    expect(shapes.forecast).toBeNull();
    expect(shapes.limitY).toBe(CHART.height / 2);
    expect(shapes.bars).toHaveLength(7);
    expect(shapes.bars[6]).toMatchObject({ y: 0, height: CHART.height, date: '2026-04-28' });
    expect(shapes.bars[0]!.x).toBeGreaterThan(CHART.width - CHART.daysWidth);
  });
});
