import { useEffect, useState } from 'preact/hooks';

import type { ConnectorPut, ConnectorView } from '../../../shared/connector';
import { createApi } from '../connection/api-client';
import { type ConnectionProblem, problemKey } from '../connection/connection-problem';
import type { Translator } from '../i18n';
import { connectorProblem, explainErrorCode } from '../notification/describe';
import { formatDateTime } from '../notification/format';
import type { TestedConnection } from './connection-test';

type Status =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved' } | { kind: 'problem'; problem: ConnectionProblem };

interface Form {
  restUrl: string;
  clientId: string;
  clientSecret: string;
  pollMinutes: string;
  campaignsEveryMinutes: string;
  maxDailyCalls: string;
}

const formOf = (view: ConnectorView | null): Form => ({
  restUrl: view?.restUrl ?? '',
  clientId: view?.clientId ?? '',
  clientSecret: '',
  pollMinutes: String(view?.pollMinutes ?? 5),
  campaignsEveryMinutes: String(view?.campaignsEveryMinutes ?? 60),
  maxDailyCalls: String(view?.maxDailyCalls ?? 1000),
});

/** The worker checks every field; the form only drops what is empty (the secret: kept as stored). */
function putOf(form: Form): ConnectorPut {
  const number = (text: string) =>
    /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : (text as unknown as number);
  return {
    restUrl: form.restUrl.trim(),
    clientId: form.clientId.trim(),
    ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
    pollMinutes: number(form.pollMinutes),
    campaignsEveryMinutes: number(form.campaignsEveryMinutes),
    maxDailyCalls: number(form.maxDailyCalls),
  };
}

const REFRESH_MS = 30_000;

/**
 * "Marketo connection" (admin keys): the REST endpoint, client id and a write-only secret, the
 * intervals; "Connect and poll now" saves and polls; the status is read again every 30 s.
 */
export function ConnectorSection({ tr, tested }: { tr: Translator; tested: TestedConnection | null }) {
  const test = tested?.result;
  const isAdmin = test?.ok === true && test.role === 'admin';
  const [view, setView] = useState<ConnectorView | null>(null);
  const [form, setForm] = useState<Form>(formOf(null));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [usage, setUsage] = useState<{ used: number; limit: number } | null>(null);
  const api = () => createApi(tested?.connection ?? null);

  async function refresh(fill: boolean) {
    const client = api();
    if (!client.ok) return;
    const [loaded, counts] = await Promise.all([client.value.connector(), client.value.counts()]);
    if (counts.ok) setUsage({ used: counts.value.quota.used, limit: counts.value.quota.limit });
    if (loaded.ok) {
      setView(loaded.value);
      if (fill) setForm(formOf(loaded.value));
    } else if (loaded.problem.status !== 404 && fill) setStatus({ kind: 'problem', problem: loaded.problem });
  }

  useEffect(() => {
    setView(null);
    setForm(formOf(null));
    setStatus({ kind: 'idle' });
    if (!isAdmin) return;
    void refresh(true);
    const timer = setInterval(() => void refresh(false), REFRESH_MS);
    return () => clearInterval(timer);
  }, [tested]);

  async function connect(event: Event, remove = false) {
    event.preventDefault();
    const client = api();
    if (!client.ok) return setStatus({ kind: 'problem', problem: client.problem });
    setStatus({ kind: 'busy' });
    const saved = await client.value.putConnector(remove ? { clientSecret: null } : putOf(form));
    if (!saved.ok) return setStatus({ kind: 'problem', problem: saved.problem });
    setForm({ ...form, clientSecret: '' });
    if (!remove) await client.value.pollConnector();
    await refresh(false);
    setStatus({ kind: 'saved' });
  }

  if (!isAdmin) return null;
  const field = (
    name: keyof Form,
    label: string,
    type: 'text' | 'url' | 'password' = 'text',
    hint?: string,
  ) => (
    <label>
      <span>{label}</span>
      <input
        // One helper for three kinds of field; Preact types each kind on its own.
        type={type as 'text'}
        data-testid={`connector-${name}`}
        value={form[name]}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        onInput={(e) => setForm({ ...form, [name]: e.currentTarget.value })}
      />
      {hint && <small class="muted">{hint}</small>}
    </label>
  );
  const s = view?.status;
  const when = (iso: string | null | undefined) =>
    iso ? formatDateTime(iso, tr.lang) : tr.t('options.never');
  const errorCode =
    s?.lastError && /^\d{3,4}$/.test(s.lastError.code)
      ? explainErrorCode(Number(s.lastError.code), tr)
      : null;
  return (
    <section aria-labelledby="connector-title" data-testid="connector-section">
      <h2 id="connector-title">{tr.t('options.marketo')}</h2>
      <p class="muted">{tr.t('options.marketoHint')}</p>
      <form class="fields" onSubmit={(e) => void connect(e)} noValidate>
        {field('restUrl', tr.t('options.restUrl'), 'url', 'https://123-ABC-456.mktorest.com')}
        {field('clientId', tr.t('options.clientId'))}
        {field(
          'clientSecret',
          tr.t('options.clientSecret'),
          'password',
          view?.secretSet ? tr.t('options.secretSet') : undefined,
        )}
        {field('pollMinutes', tr.t('options.pollMinutes'))}
        {field('campaignsEveryMinutes', tr.t('options.campaignsEveryMinutes'))}
        {field('maxDailyCalls', tr.t('options.maxDailyCalls'))}
        <div class="actions">
          <button
            type="submit"
            class="primary"
            data-testid="connector-connect"
            disabled={status.kind === 'busy'}
          >
            {tr.t('options.connectPoll')}
          </button>
          {view?.secretSet && (
            <button
              type="button"
              data-testid="connector-remove-secret"
              onClick={(e) => void connect(e, true)}
            >
              {tr.t('options.secretRemove')}
            </button>
          )}
        </div>
        <p
          role="status"
          aria-live="polite"
          data-testid="connector-result"
          data-result={status.kind}
          class={status.kind === 'problem' ? 'problem' : 'ok'}
        >
          {status.kind === 'busy' && tr.t('options.testing')}
          {status.kind === 'problem' &&
            tr.t(problemKey(status.problem.kind), {
              status: status.problem.status ?? '',
              message: status.problem.message ?? '',
            })}
        </p>
      </form>
      {s && (
        <dl class="connector-status" data-testid="connector-status" data-state={s.state}>
          <dt>{tr.t('options.connectorStatus')}</dt>
          <dd data-testid="connector-state">{tr.t(`options.connectorState.${s.state}`)}</dd>
          <dt>{tr.t('options.apiUser')}</dt>
          <dd data-testid="connector-api-user">{s.apiUser ?? '—'}</dd>
          <dt>{tr.t('options.usageToday')}</dt>
          <dd data-testid="connector-usage">
            {usage ? tr.t('fact.usageValue', { used: usage.used, limit: usage.limit }) : '—'}
          </dd>
          <dt>{tr.t('options.callsToday')}</dt>
          <dd data-testid="connector-calls">
            {tr.t('options.callsTodayValue', { count: s.callsToday, max: view?.maxDailyCalls ?? 0 })}
          </dd>
          <dt>{tr.t('options.lastPoll')}</dt>
          <dd>{when(s.lastPollAt)}</dd>
          <dt>{tr.t('options.nextPoll')}</dt>
          <dd>{when(s.nextPollAt)}</dd>
          {s.lastError && (
            <>
              <dt>{tr.t('options.lastError')}</dt>
              <dd data-testid="connector-error">
                {connectorProblem(s.lastError.code, tr)}
                {errorCode && ` ${errorCode.meaning}`}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
