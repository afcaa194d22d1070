import type { QuotaHistory } from '../../../shared/connector';

/** The popup's small usage chart, as shapes in a 0..width × 0..height box (SVG user units). */
export interface ChartShapes {
  /** Today's samples as an SVG polyline `points` list, oldest first. */
  today: string;
  /** From the last sample to the forecast (the limit, reached before the reset); null without a forecast. */
  forecast: string | null;
  /** The daily limit's height. */
  limitY: number;
  /** The last 7 days, oldest first. */
  bars: { x: number; y: number; width: number; height: number; date: string; total: number }[];
}

export const CHART = { width: 300, height: 64, daysWidth: 84, gap: 8 } as const;

const DAY_MS = 86_400_000;

/**
 * Today on the left (the quota day's hours from the reset before to the next, usage from 0 to the limit or
 * the highest sample), the last 7 days as bars on the right on the same scale.
 */
export function chartShapes(history: QuotaHistory, limit: number, resetsAt: string): ChartShapes {
  const endMs = Date.parse(resetsAt);
  const startMs = endMs - DAY_MS;
  const todayWidth = CHART.width - CHART.daysWidth - CHART.gap;
  const top = Math.max(limit, ...history.today.map((s) => s.used), ...history.days.map((d) => d.total), 1);
  const y = (used: number) => round(CHART.height - (Math.min(used, top) / top) * CHART.height);
  const x = (ms: number) => round(Math.min(Math.max((ms - startMs) / DAY_MS, 0), 1) * todayWidth);
  const today = history.today.map((s) => `${x(Date.parse(s.at))},${y(s.used)}`).join(' ');
  const last = history.today[history.today.length - 1];
  const forecast = history.forecastAt !== null && last !== undefined ? `${x(Date.parse(last.at))},${y(last.used)} ${x(Date.parse(history.forecastAt))},${y(limit)}` : null;
  const slot = CHART.daysWidth / 7;
  const bars = history.days.slice(-7).map((d, i) => {
    const barY = y(d.total);
    return { x: round(todayWidth + CHART.gap + i * slot + 1), y: barY, width: round(slot - 2), height: round(CHART.height - barY), date: d.date, total: d.total };
  });
  return { today, forecast, limitY: y(limit), bars };
}

const round = (n: number) => Math.round(n * 10) / 10;
