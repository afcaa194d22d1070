import type { QuotaState } from '../../../shared/notifications';
import type { Translator } from '../i18n';
import { formatList, formatPercent, formatResetTime, quotaRatio } from '../notification/format';

/** Used / limit as a meter; the reset time in the user's own time zone. */
export function QuotaGauge({ quota, tr }: { quota: QuotaState; tr: Translator }) {
  const ratio = quotaRatio(quota.used, quota.limit);
  const percent = formatPercent(quota.used, quota.limit, tr.lang);
  const usage = tr.t('popup.quotaUsage', { used: quota.used, limit: quota.limit, percent });
  const level = ratio >= 1 ? 'critical' : ratio >= 0.8 ? 'warning' : 'ok';
  return (
    <section class="quota" data-testid="quota-gauge" aria-labelledby="quota-title">
      <div class="quota-head">
        <h2 id="quota-title">{tr.t('popup.quota')}</h2>
        <span data-testid="quota-usage">{usage}</span>
      </div>
      <div
        class={`meter meter-${level}`}
        role="meter"
        aria-label={tr.t('popup.quota')}
        aria-valuemin={0}
        aria-valuemax={quota.limit}
        aria-valuenow={Math.min(quota.used, quota.limit)}
        aria-valuetext={usage}
      >
        <div class="meter-fill" style={{ width: `${Math.round(ratio * 100)}%` }} />
      </div>
      {quota.topUsers && quota.topUsers.length > 0 && (
        <p class="muted quota-users" data-testid="quota-top-users">
          {tr.t('popup.topUsers', {
            users: formatList(
              quota.topUsers.map((u) => tr.t('popup.topUser', { user: u.userId, count: u.count })),
              tr.lang,
            ),
          })}
        </p>
      )}
      <p class="muted quota-reset" data-testid="quota-reset">
        {tr.t('popup.quotaResets', { time: formatResetTime(quota.resetsAt, tr.lang) })}
      </p>
    </section>
  );
}
