import { useEffect, useState } from 'preact/hooks';

import type { QuotaHistory } from '../../../shared/connector';
import type { QuotaState } from '../../../shared/notifications';
import { createPageApi } from '../connection/page-api';
import type { Translator } from '../i18n';
import { formatDateTime, formatList } from '../notification/format';
import type { Connection } from '../state/storage';
import { BAR, BOTTOM, chartShapes, HEIGHT, LEFT, RIGHT, TODAY_LEFT, WIDTH } from './quota-chart';

/**
 * Under the gauge, when the worker reads Marketo: the last 7 days as bars and today's usage from the poll
 * samples, with the forecast and the limit, scaled to the data; drawn in SVG, with the same facts as text.
 */
export function QuotaChart({
  connection,
  quota,
  tr,
}: {
  connection: Connection | null | undefined;
  quota: QuotaState;
  tr: Translator;
}) {
  const [history, setHistory] = useState<QuotaHistory | null>(null);
  useEffect(() => {
    const client = createPageApi(connection ?? null);
    if (!client.ok) return;
    let current = true;
    void client.value.quotaHistory().then((loaded) => current && loaded.ok && setHistory(loaded.value));
    return () => {
      current = false;
    };
  }, [connection, quota.used]);
  if (!history || history.today.length === 0) return null;
  const shapes = chartShapes(history, quota.limit, quota.resetsAt);
  const [ticks, limitY, today, now, forecast, bars, todayNoonMs] = shapes;
  const { lang } = tr;
  // Day names of the dates themselves (noon UTC), as Marketo counts its days.
  const weekday = (ms: number) =>
    new Date(ms).toLocaleDateString(lang, { weekday: 'short', timeZone: 'UTC' });
  const limit = tr.t('popup.chartLimit', { limit: quota.limit });
  const days = bars.map(([, , noonMs, total]) => tr.t('popup.chartDay', { day: weekday(noonMs), total }));
  const summary = [
    tr.t('popup.chartToday', { used: history.today[history.today.length - 1]!.used, limit: quota.limit }),
    history.forecastAt ? tr.t('popup.chartForecast', { time: formatDateTime(history.forecastAt, lang) }) : '',
    days.length > 0 ? tr.t('popup.chartDays', { days: formatList(days, lang) }) : '',
  ];
  return (
    <figure class="quota-chart" data-testid="quota-chart">
      {/* The picture for the eye; the caption below says the same for everyone else. */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        <path class="chart-grid" d={ticks.map(([y]) => `M${LEFT} ${y}H${RIGHT}`).join('')} />
        {limitY !== null && <line class="chart-limit" x1={LEFT} x2={RIGHT} y1={limitY} y2={limitY} />}
        <text
          class="chart-limit-name"
          x={limitY === null ? RIGHT : LEFT + 3}
          y={limitY === null ? 9 : limitY - 3}
        >
          {limitY === null ? `${limit} ↑` : limit}
        </text>
        {ticks.map(([y, v]) => (
          <text class="chart-tick" key={v} x={LEFT - 4} y={y}>
            {v.toLocaleString(lang, { notation: 'compact' })}
          </text>
        ))}
        <path class="chart-day" d={bars.map(([x, y]) => `M${x} ${BOTTOM}V${y}h${BAR}V${BOTTOM}z`).join('')} />
        {[...bars, [(TODAY_LEFT + RIGHT - BAR) / 2, 0, todayNoonMs]].map(([x, , noonMs]) => (
          <text class="chart-label" key={noonMs} x={x! + BAR / 2} y={HEIGHT - 2}>
            {weekday(noonMs!)}
          </text>
        ))}
        <polyline class="chart-today" points={today} />
        {forecast && <polyline class="chart-forecast" points={forecast} />}
        <circle class="chart-now" cx={now[0]} cy={now[1]} r={2.5} />
      </svg>
      <figcaption class="visually-hidden" data-testid="chart-summary">
        {tr.t('popup.chartTitle')}: {summary.filter(Boolean).join(' ')}
      </figcaption>
    </figure>
  );
}
