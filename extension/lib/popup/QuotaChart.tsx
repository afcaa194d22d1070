import { useEffect, useState } from 'preact/hooks';
import type { QuotaHistory } from '../../../shared/connector';
import type { QuotaState } from '../../../shared/notifications';
import { createApi } from '../connection/api-client';
import { formatDateTime, formatDay, formatList } from '../notification/format';
import type { Translator } from '../i18n';
import { CHART, chartShapes } from './quota-chart';
import type { Connection } from '../state/storage';

/**
 * Under the gauge, when the worker reads Marketo: today's usage from the poll samples, the forecast
 * and the limit, and the last 7 days as bars; drawn in SVG, with the same facts as text.
 */
export function QuotaChart({ connection, quota, tr }: { connection: Connection | null | undefined; quota: QuotaState; tr: Translator }) {
  const [history, setHistory] = useState<QuotaHistory | null>(null);
  useEffect(() => {
    const client = createApi(connection ?? null);
    if (!client.ok) return;
    let current = true;
    void client.value.quotaHistory().then((loaded) => current && loaded.ok && setHistory(loaded.value));
    return () => {
      current = false;
    };
  }, [connection, quota.used]);
  if (!history || history.today.length === 0) return null;
  const shapes = chartShapes(history, quota.limit, quota.resetsAt);
  const last = history.today[history.today.length - 1]!;
  const days = history.days.map((d) => tr.t('popup.chartDay', { day: formatDay(d.date, tr.lang), total: d.total }));
  const summary = [
    tr.t('popup.chartToday', { used: last.used, limit: quota.limit }),
    history.forecastAt ? tr.t('popup.chartForecast', { time: formatDateTime(history.forecastAt, tr.lang) }) : '',
    days.length > 0 ? tr.t('popup.chartDays', { days: formatList(days, tr.lang) }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <figure class="quota-chart" data-testid="quota-chart">
      {/* The picture for the eye; the caption below says the same for everyone else. */}
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} aria-hidden="true" focusable="false" preserveAspectRatio="none">
        <line class="chart-limit" x1={0} x2={CHART.width} y1={shapes.limitY} y2={shapes.limitY} />
        <polyline class="chart-today" points={shapes.today} data-testid="chart-today" />
        {shapes.forecast && <polyline class="chart-forecast" points={shapes.forecast} data-testid="chart-forecast" />}
        {shapes.bars.map((b) => (
          <rect class="chart-day" key={b.date} x={b.x} y={b.y} width={b.width} height={b.height} />
        ))}
      </svg>
      <figcaption class="visually-hidden" data-testid="chart-summary">
        {tr.t('popup.chartTitle')}: {summary}
      </figcaption>
    </figure>
  );
}
