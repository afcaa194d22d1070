import { useEffect, useRef, useState } from 'preact/hooks';

import { displayText } from '../../../shared/display-text';
import { problemKey, problemParams } from '../connection/connection-problem';
import { keyForUrl, normalizeWorkerUrl } from '../connection/connection-url';
import { requestHostAccess } from '../connection/host-access';
import type { Translator } from '../i18n';
import { maskKey } from '../notification/format';
import { type ConnectionIssue, withConnection } from '../state/connection-rules';
import { labelFromUrl, newConnectionId } from '../state/connections';
import { updateConnections } from '../state/connections-update';
import type { ManagedConfig } from '../state/managed';
import { type Connection, connectionsItem } from '../state/storage';
import { AllowAccess } from '../ui/AllowAccess';
import { connectionIssueText } from './connection-issue';
import { type ConnectionTest, testConnection, type TestedConnection } from './connection-test';

interface Props {
  tr: Translator;
  /** The connection edited; null: a new one. */
  selected: Connection | null;
  /** After a new connection is stored: it becomes the one edited. */
  onStored: (id: string) => void;
  /** The connection last tested (the typed one, or the saved one after saving) and the outcome. */
  onTested: (tested: TestedConnection | null) => void;
  /** The organisation's policy: its connections are shown as set by it; with lockConnection, their keys too. */
  managed: ManagedConfig;
}

/**
 * One connection's label, worker URL, key and Marketo host; the stored key is never shown again,
 * only its masked form.
 */
export function ConnectionSection({ tr, selected: stored, onStored, onTested, managed }: Props) {
  // The single `workerUrl` of a policy without `connections` applies to every connection, as in v2.
  const singleUrl = managed.connections === undefined ? managed.workerUrl : undefined;
  const urlManaged = stored?.managed === true || singleUrl !== undefined;
  const locked = managed.lockConnection === true && (stored?.managed === true || singleUrl !== undefined);
  const [label, setLabel] = useState(stored?.label ?? '');
  const [url, setUrl] = useState(stored?.workerUrl ?? '');
  const [host, setHost] = useState(stored?.marketoHost ?? '');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionTest | null>(null);
  const [issue, setIssue] = useState<{ kind: ConnectionIssue; other?: Connection; tenant?: string } | null>(
    null,
  );
  const [saved, setSaved] = useState(false);
  /** Tests may overlap (the stored connection's, then one clicked): only the last one started is shown. */
  const latestRun = useRef(0);

  useEffect(() => {
    // A URL typed before the stored connection was read stays: the late load must not wipe it.
    setUrl((typed) =>
      stored?.managed ? stored.workerUrl : (singleUrl ?? (typed || (stored?.workerUrl ?? ''))),
    );
    if (stored?.key) void run(stored);
  }, [stored?.id, stored?.key]);

  /** A key never follows the URL to another worker: the stored one (and its member) only go with the same origin. */
  const candidate = (): Connection => {
    const workerUrl = stored?.managed ? stored.workerUrl : (singleUrl ?? url.trim());
    const chosenKey = keyForUrl(key, workerUrl, stored ?? null);
    const keepsMember = !key.trim() && stored?.member !== undefined && chosenKey === stored.key;
    const {
      member: _member,
      tenant: _tenant,
      marketoHost: _host,
      ...rest
    } = stored ?? { id: newConnectionId(), label: '' };
    const marketoHost = host.trim().toLowerCase();
    return {
      ...rest,
      label: label.trim() || (stored ? '' : labelFromUrl(workerUrl)),
      workerUrl,
      key: chosenKey,
      ...(keepsMember && stored?.member ? { member: stored.member } : {}),
      ...(chosenKey === stored?.key && stored?.tenant ? { tenant: stored.tenant } : {}),
      ...(marketoHost ? { marketoHost } : {}),
    };
  };

  /** A result is shown without a test (none, or a refused URL): a test still under way must not replace it. */
  function supersedeRuns() {
    latestRun.current++;
    setBusy(false);
  }

  async function run(connection: Connection): Promise<ConnectionTest> {
    const runId = ++latestRun.current;
    setBusy(true);
    const outcome = await testConnection(connection);
    if (runId === latestRun.current) {
      setBusy(false);
      setResult(outcome);
      onTested({ connection, result: outcome });
    }
    return outcome;
  }

  async function save(event: Event) {
    event.preventDefault();
    const connection = candidate();
    const workerUrl = normalizeWorkerUrl(connection.workerUrl);
    setIssue(null);
    if (!workerUrl) {
      supersedeRuns();
      setSaved(false);
      setResult({ ok: false, problem: { kind: 'bad_url' } });
      onTested(null);
      return;
    }
    // Asked first, while the click still counts as the user's gesture: access to this worker's origin only.
    await requestHostAccess(workerUrl);
    const list = await connectionsItem.getValue();
    const early = withConnection(list, connection);
    if (!early.ok) return refuse(early.issue, list, connection);
    // The test names the key's tenant: the same worker and tenant twice is refused before anything
    // is stored. Its outcome shows once the key field is cleared, so that what is typed next stays.
    const runId = ++latestRun.current;
    setBusy(true);
    setResult(null);
    const tested = { ...connection, workerUrl };
    const outcome = connection.key ? await testConnection(tested) : null;
    const tenant = outcome?.ok ? outcome.tenant : connection.tenant;
    const next = { ...tested, ...(tenant ? { tenant } : {}) };
    // Checked again on the list as it is now, under the lock: another context may have changed it meanwhile.
    let refused = null as ConnectionIssue | null;
    await updateConnections((current) => {
      const checked = withConnection(current, next);
      if (checked.ok) return checked.list;
      refused = checked.issue;
      return null;
    });
    if (refused) return refuse(refused, list, next);
    setKey('');
    setSaved(true);
    if (!stored) onStored(next.id);
    if (runId !== latestRun.current) return;
    setBusy(false);
    setResult(outcome);
    onTested(outcome ? { connection: tested, result: outcome } : null);
  }

  function refuse(kind: ConnectionIssue, list: readonly Connection[], connection: Connection) {
    supersedeRuns();
    setSaved(false);
    const other = list.find((c) => c.id !== connection.id && c.tenant === connection.tenant);
    setIssue({
      kind,
      ...(other ? { other } : {}),
      ...(connection.tenant ? { tenant: connection.tenant } : {}),
    });
  }

  async function forget() {
    if (!stored) return;
    await updateConnections((list) => list.map((c) => (c.id === stored.id ? { ...c, key: '' } : c)));
    supersedeRuns();
    setKey('');
    setResult(null);
    onTested(null);
  }

  return (
    <section
      aria-labelledby="connection-title"
      data-testid="connection-editor"
      data-connection={stored?.id ?? ''}
    >
      <h2 id="connection-title">{stored ? displayText(stored.label) : tr.t('options.newConnection')}</h2>
      {locked && (
        <p class="muted" data-testid="connection-locked">
          {tr.t('options.lockedByOrganisation')}
        </p>
      )}
      {stored?.member && (
        <p data-testid="member-name">{tr.t('options.memberIs', { member: displayText(stored.member) })}</p>
      )}
      {/* noValidate: the browser's own URL message would be in the browser's language, not the chosen one. */}
      <form onSubmit={(e) => void save(e)} class="fields" noValidate>
        <label>
          <span>{tr.t('options.label')}</span>
          <input
            type="text"
            data-testid="connection-label"
            value={label}
            aria-describedby="label-hint"
            readOnly={locked}
            onInput={(e) => {
              setLabel(e.currentTarget.value);
              setSaved(false);
            }}
          />
          <small id="label-hint" class="muted">
            {tr.t('options.labelHint')}
          </small>
        </label>
        <label>
          <span>{tr.t('options.workerUrl')}</span>
          <input
            type="url"
            data-testid="worker-url"
            value={url}
            placeholder="https://"
            aria-describedby="worker-url-hint"
            readOnly={urlManaged}
            data-managed={String(urlManaged)}
            onInput={(e) => {
              setUrl(e.currentTarget.value);
              setSaved(false);
            }}
          />
          <small id="worker-url-hint" class="muted" data-testid="worker-url-hint">
            {urlManaged ? tr.t('options.setByOrganisation') : tr.t('options.workerUrlHint')}
          </small>
        </label>
        <label>
          <span>{tr.t('options.key')}</span>
          <input
            type="password"
            autocomplete="off"
            spellcheck={false}
            data-testid="key"
            value={key}
            disabled={locked}
            aria-describedby="key-hint"
            onInput={(e) => {
              setKey(e.currentTarget.value);
              setSaved(false);
            }}
          />
          <small id="key-hint" class="muted" data-testid="key-hint">
            {stored?.key
              ? tr.t('options.keyStored', { masked: maskKey(stored.key) })
              : tr.t('options.keyHint')}
          </small>
        </label>
        <label>
          <span>{tr.t('options.marketoHost')}</span>
          <input
            type="text"
            data-testid="marketo-host"
            value={host}
            placeholder="app-ab12.marketo.com"
            aria-describedby="marketo-host-hint"
            readOnly={locked}
            onInput={(e) => {
              setHost(e.currentTarget.value);
              setSaved(false);
            }}
          />
          <small id="marketo-host-hint" class="muted">
            {tr.t('options.marketoHostHint')}
          </small>
        </label>
        <div class="actions">
          <button
            type="button"
            data-testid="test-connection"
            disabled={busy}
            onClick={() => void run(candidate())}
          >
            {busy ? tr.t('options.testing') : tr.t('options.testConnection')}
          </button>
          <button type="submit" class="primary" data-testid="save" disabled={busy}>
            {tr.t('options.save')}
          </button>
          {stored?.key && !locked && (
            <button type="button" data-testid="forget-key" onClick={() => void forget()}>
              {tr.t('options.forget')}
            </button>
          )}
        </div>
      </form>
      <p class="problem" role="alert" data-testid="connection-issue" data-issue={issue?.kind ?? ''}>
        {issue && connectionIssueText(issue, tr)}
      </p>
      <p
        data-testid="connection-result"
        role="status"
        aria-live="polite"
        data-result={result ? (result.ok ? 'ok' : result.problem.kind) : ''}
        class={result?.ok ? 'ok' : 'problem'}
      >
        {saved && <span data-testid="saved">{tr.t('options.saved')} </span>}
        {saved && stored && !stored.key && <span data-testid="key-needed">{tr.t('options.keyNeeded')}</span>}
        {result && resultText(result, tr)}
      </p>
      {stored?.workerUrl && <AllowAccess tr={tr} workerUrl={stored.workerUrl} />}
    </section>
  );
}

function resultText(result: ConnectionTest, tr: Translator): string {
  if (result.ok) return tr.t(`options.connectionOk.${result.role}`, { count: result.counts.unread });
  return tr.t(problemKey(result.problem.kind), problemParams(result.problem));
}
