import type { QuotaHistory } from '../../../shared/connector';

/*
 * The popup's usage chart in a WIDTH × HEIGHT box (SVG user units): round values in a left gutter, the
 * last 7 days as bars, then today's quota day (reset to reset) as a line, on one scale; day names below.
 * Plain constants, so that the build writes them in place.
 */
export const WIDTH = 360;
export const HEIGHT = 100;
/** The plot: x from LEFT to RIGHT, y from TOP (the highest tick) to BOTTOM (0). */
export const LEFT = 36;
export const RIGHT = 358;
export const TOP = 14;
export const BOTTOM = 86;
/** Each day's slot and bar width; today's area starts TODAY_LEFT, after the 7 slots and a gap. */
export const SLOT = 27;
export const BAR = 19;
export const TODAY_LEFT = LEFT + 7 * SLOT + 9;
const DAY_MS = 86_400_000;

/**
 * The shapes, in the order the chart draws them: [the axis's round values as [y, value] with 0 first and
 * the plot's top last; the limit's height, or null when it is far above the data (then the chart names it
 * at the edge); today's samples as polyline points, oldest first, and the latest one [x, y]; from it to the
 * limit at the forecast time, or null; the last 7 days as [x, y, noon UTC of the date, total], oldest
 * first;
 * noon UTC of today's quota day's date (its reset is at Central midnight)].
 */
export type ChartShapes = [
  ticks: [number, number][],
  limitY: number | null,
  today: string,
  now: [number, number],
  forecast: string | null,
  bars: [number, number, number, number][],
  todayNoonMs: number,
];

/**
 * Round ticks from 0 to at least `max` (and 1): a step of 1, 2, 2.5 or 5 × 10^n, at most 5 steps, so the
 * highest value fills most of the plot.
 */
export function niceTicks(max: number): number[] {
  const rough = max / 5;
  const power = Math.max(1, 10 ** Math.floor(Math.log10(rough))); // whole calls
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const ticks = [0];
  while (ticks[ticks.length - 1]! < max || ticks.length < 2) ticks.push(ticks.length * step);
  return ticks;
}

/**
 * Scaled to the data: the limit joins the scale when there is a forecast (its line ends at the limit) or
 * when the data reach a quarter of it; below that it would flatten the data, and is named at the edge.
 * `today` has at least one sample (without one the popup draws no chart).
 */
export function chartShapes(
  { today, days, forecastAt }: QuotaHistory,
  limit: number,
  resetsAt: string,
): ChartShapes {
  const startMs = Date.parse(resetsAt) - DAY_MS;
  const week = days.slice(-7);
  const dataMax = Math.max(...today.map((s) => s.used), ...week.map((d) => d.total));
  const withLimit = forecastAt !== null || dataMax * 4 >= limit;
  const values = niceTicks(withLimit ? Math.max(dataMax, limit) : dataMax);
  const top = values[values.length - 1]!;
  // Every value drawn is within the scale, and every time within the quota day (the forecast's too).
  const y = (v: number) => round(BOTTOM - (v / top) * (BOTTOM - TOP));
  const x = (at: string) => round(TODAY_LEFT + ((Date.parse(at) - startMs) / DAY_MS) * (RIGHT - TODAY_LEFT));
  const now: [number, number] = [x(today[today.length - 1]!.at), y(today[today.length - 1]!.used)];
  return [
    values.map((value) => [y(value), value]),
    withLimit ? y(limit) : null,
    today.map((s) => `${x(s.at)},${y(s.used)}`).join(' '),
    now,
    forecastAt === null ? null : `${now} ${x(forecastAt)},${y(limit)}`,
    week.map((d, i) => [LEFT + i * SLOT + 4, y(d.total), Date.parse(`${d.date}T12:00:00Z`), d.total]),
    startMs + DAY_MS / 2,
  ];
}

const round = (n: number) => Math.round(n * 10) / 10;
