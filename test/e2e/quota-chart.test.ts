// The popup's quota chart in real Chromium, fed by a real worker that reads the simulated Marketo, at
// 3 %, 45 % and 110 % of the daily limit: what it scales to, where the limit and the forecast are.
import { join } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectToSimulator, type DemoMarketo } from '../../scripts/lib/demo-marketo';
import { callWorker } from '../../scripts/lib/local-worker.mjs';
import type { SimulatedInstance } from '../../scripts/lib/marketo-sim/instance';
import { type MarketoSimulator, startMarketoSimulator } from '../../scripts/lib/marketo-sim/server';
import { POLL, useChromiumExtension } from './support/chromium-harness';

const h = useChromiumExtension();
const ETL = 'etl-sync@demo.example';
let sim: MarketoSimulator;
let instance: SimulatedInstance;
let marketo: DemoMarketo;

beforeAll(async () => {
  sim = await startMarketoSimulator({ port: h.worker.marketoPort });
  // 3 % of the default 50,000 calls today, and past days of the same size (what a new user starts with).
  instance = sim.addInstance({
    clientId: 'chart-client',
    clientSecret: 'chart-secret',
    apiUser: 'notifier-api@demo.example',
    users: { [ETL]: 1_000, 'crm-connector@demo.example': 400, 'webinar-app@demo.example': 90 },
    dailyUsers: { [ETL]: 1_100, 'crm-connector@demo.example': 450, 'webinar-app@demo.example': 80 },
  });
  marketo = { ...sim, instance, clientId: 'chart-client', clientSecret: 'chart-secret' };
  expect((await connectToSimulator(h.worker.url, h.worker.keys.admin, marketo)).state).toBe('ok');
});

afterAll(async () => {
  await sim?.close();
});

/** Adds calls at the simulated Marketo, lets the worker poll it, and opens the popup with its chart. */
async function popupAt(calls: number, forecastAt?: string): Promise<Page> {
  if (calls > 0) instance.addUsage(ETL, calls);
  const { admin } = h.worker.keys;
  const poll = await callWorker(h.worker.url, '/v1/connector/poll', { method: 'POST', token: admin });
  expect(poll.status).toBe(200);
  const used = (await h.api.counts()).quota.used;
  const page = await h.browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 720 });
  if (forecastAt) {
    // The worker forecasts from samples over at least 5 minutes; a test takes seconds. Its real answer,
    // with the time at which today's pace would reach the limit.
    await page.route('**/v1/quota/history', async (route) => {
      const answer = await route.fetch();
      await route.fulfill({ response: answer, json: { ...(await answer.json()), forecastAt } });
    });
  }
  await page.goto(`chrome-extension://${h.browser.extensionId}/popup.html`);
  const today = `Today: ${used.toLocaleString('en')} of 50,000 calls.`;
  await expect.poll(() => page.getByTestId('chart-summary').textContent(), POLL).toContain(today);
  return page;
}

interface Measured {
  /** The plot's top and bottom (its highest and its 0 tick). */
  plot: { top: number; bottom: number };
  ticks: string[];
  /** The highest and lowest data: today's latest point and the days' bars. */
  dataTop: number;
  limitY: number | null;
  limitName: string;
  forecast: boolean;
  labels: string[];
}

/** Positions in the chart's own units, read from the drawn SVG. */
function measure(page: Page): Promise<Measured> {
  return page.getByTestId('quota-chart').evaluate((figure) => {
    const svg = figure.querySelector('svg')!;
    const grid = (svg.querySelector('.chart-grid') as SVGGraphicsElement).getBBox();
    const bars = (svg.querySelector('.chart-day') as SVGGraphicsElement).getBBox();
    const now = Number(svg.querySelector('.chart-now')!.getAttribute('cy'));
    const limit = svg.querySelector('.chart-limit');
    return {
      plot: { top: grid.y, bottom: grid.y + grid.height },
      ticks: Array.from(svg.querySelectorAll('.chart-tick')).map((t) => t.textContent ?? ''),
      dataTop: Math.min(bars.y, now),
      limitY: limit ? Number(limit.getAttribute('y1')) : null,
      limitName: svg.querySelector('.chart-limit-name')?.textContent ?? '',
      forecast: svg.querySelector('.chart-forecast') !== null,
      labels: Array.from(svg.querySelectorAll('.chart-label')).map((t) => t.textContent ?? ''),
    };
  });
}

/** What axe finds in the gauge and the chart, in light and dark colours: nothing, of any impact. */
async function violations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include('.quota').include('.quota-chart').analyze();
    for (const v of results.violations) {
      found.push(`${colorScheme} ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** The gauge and the chart, for the README, only when `npm run screenshots` asks for them. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS_DIR) return;
  const gauge = page.getByTestId('quota-gauge');
  // The chart inside the gauge's box, so that one picture shows both.
  await gauge.evaluate((box) => box.append(document.querySelector('.quota-chart')!));
  await gauge.screenshot({ path: join(process.env.SCREENSHOTS_DIR, `quota-chart-${name}.png`) });
}

const WEEKDAYS = new Set(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);

describe('quota chart', () => {
  it('at 3 % scales to the data and names the limit at the top edge', async () => {
    const page = await popupAt(0);
    const m = await measure(page);
    // The data fill most of the plot; the limit is far above, so it is named rather than drawn.
    expect((m.plot.bottom - m.dataTop) / (m.plot.bottom - m.plot.top)).toBeGreaterThan(0.6);
    expect(m.limitY).toBeNull();
    expect(m.limitName).toBe('Limit 50,000 ↑');
    expect(m.ticks[0]).toBe('0');
    expect(m.ticks.length).toBeGreaterThanOrEqual(3);
    expect(m.ticks.at(-1)).toMatch(/^\d(\.\d)?K$/);
    expect(m.forecast).toBe(false);
    // The 7 days and today, each by its short weekday, in date order.
    expect(m.labels).toHaveLength(8);
    for (const label of m.labels) expect(WEEKDAYS.has(label), label).toBe(true);
    expect(new Set(m.labels.slice(0, 7)).size).toBe(7);
    expect(m.labels[7]).toBe(m.labels[0]);
    const summary = await page.getByTestId('chart-summary').textContent();
    expect(summary).toMatch(/Last 7 days: (\w{3}: [\d,]+(, |, and |\.$)){7}/);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, '3');
    await page.close();
  });

  it('at 45 % draws the limit inside the plot, and the forecast line when there is one', async () => {
    const resetsAt = (await h.api.counts()).quota.resetsAt;
    const forecastAt = new Date(Date.parse(resetsAt) - 60 * 60_000).toISOString();
    const page = await popupAt(21_000, forecastAt);
    const m = await measure(page);
    expect(m.limitY).not.toBeNull();
    expect(m.limitY!).toBeGreaterThanOrEqual(m.plot.top);
    expect(m.limitY!).toBeLessThan(m.plot.bottom);
    expect(m.limitName).toBe('Limit 50,000');
    expect(m.ticks.at(-1)).toBe('50K');
    expect(m.forecast).toBe(true);
    // The forecast ends on the limit line, at its time within today's area.
    const points = (await page.locator('.chart-forecast').getAttribute('points'))!;
    const end = points.split(' ')[1]!.split(',').map(Number);
    expect(end[1]).toBe(m.limitY);
    const summary = await page.getByTestId('chart-summary').textContent();
    expect(summary).toContain('At this pace the limit is reached at');
    expect(await violations(page)).toEqual([]);
    await screenshot(page, '45');
    await page.close();
  });

  it('at 110 % shows today above the limit line, which stays inside the plot', async () => {
    const page = await popupAt(32_500);
    const m = await measure(page);
    expect(m.limitY).not.toBeNull();
    expect(m.limitY!).toBeGreaterThan(m.plot.top);
    expect(m.limitY!).toBeLessThan(m.plot.bottom);
    const now = Number(await page.locator('.chart-now').getAttribute('cy'));
    expect(now).toBeLessThan(m.limitY!);
    expect(now).toBeGreaterThanOrEqual(m.plot.top);
    expect(m.forecast).toBe(false);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, '110');
    await page.close();
  });
});
