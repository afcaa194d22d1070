import { useEffect, useRef, useState } from 'preact/hooks';
import { displayText } from '../../../shared/display-text';
import { problemKey, problemParams } from '../connection/connection-problem';
import { testConnection, type ConnectionTest, type TestedConnection } from './connection-test';
import { keyForUrl, normalizeWorkerUrl } from '../connection/connection-url';
import { requestHostAccess } from '../connection/host-access';
import { AllowAccess } from '../ui/AllowAccess';
import { maskKey } from '../notification/format';
import type { Translator } from '../i18n';
import type { ManagedConfig } from '../state/managed';
import { connectionItem, type Connection } from '../state/storage';
import { useStorageItem } from '../ui/hooks';

interface Props {
  tr: Translator;
  /** The connection last tested (the typed one, or the saved one after saving) and the outcome. */
  onTested: (tested: TestedConnection | null) => void;
  /** The organisation's policy: its worker URL is shown as set by it; with lockConnection, the key too. */
  managed: ManagedConfig;
}

/** Worker URL and key; the stored key is never shown again, only its masked form. */
export function ConnectionSection({ tr, onTested, managed }: Props) {
  const urlManaged = managed.workerUrl !== undefined;
  const locked = managed.lockConnection === true;
  const stored = useStorageItem(connectionItem);
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionTest | null>(null);
  const [saved, setSaved] = useState(false);
  /** Tests may overlap (the stored connection's, then one clicked): only the last one started is shown. */
  const latestRun = useRef(0);

  useEffect(() => {
    if (stored === undefined) return;
    // A URL typed before the stored connection was read stays: the late load must not wipe it.
    setUrl((typed) => managed.workerUrl ?? (typed || (stored?.workerUrl ?? '')));
    if (stored) void run(stored);
  }, [stored === undefined, stored?.key]);

  /** A key never follows the URL to another worker: the stored one (and its member) only go with the same origin. */
  const candidate = (): Connection => {
    const workerUrl = managed.workerUrl ?? url.trim();
    const chosenKey = keyForUrl(key, workerUrl, stored ?? null);
    const keepsMember = !key.trim() && stored?.member !== undefined && chosenKey === stored.key;
    return { workerUrl, key: chosenKey, ...(keepsMember && stored?.member ? { member: stored.member } : {}) };
  };

  /** A result is shown without a test (none, or a refused URL): a test still under way must not replace it. */
  function supersedeRuns() {
    latestRun.current++;
    setBusy(false);
  }

  async function run(connection: Connection) {
    const runId = ++latestRun.current;
    setBusy(true);
    const outcome = await testConnection(connection);
    if (runId !== latestRun.current) return;
    setBusy(false);
    setResult(outcome);
    onTested({ connection, result: outcome });
  }

  async function save(event: Event) {
    event.preventDefault();
    const connection = candidate();
    const workerUrl = normalizeWorkerUrl(connection.workerUrl);
    if (!workerUrl) {
      supersedeRuns();
      setSaved(false);
      setResult({ ok: false, problem: { kind: 'bad_url' } });
      onTested(null);
      return;
    }
    // Asked first, while the click still counts as the user's gesture: access to this worker's origin only.
    await requestHostAccess(workerUrl);
    // A key typed here is not the enrolled member's: the worker says whose it is.
    await connectionItem.setValue({ workerUrl, key: connection.key, ...(connection.member ? { member: connection.member } : {}) });
    setKey('');
    setSaved(true);
    if (!connection.key) {
      supersedeRuns();
      setResult(null);
      onTested(null);
      return;
    }
    await run({ workerUrl, key: connection.key });
  }

  async function forget() {
    await connectionItem.setValue(null);
    supersedeRuns();
    setKey('');
    setResult(null);
    onTested(null);
  }

  return (
    <section aria-labelledby="connection-title">
      <h2 id="connection-title">{tr.t('options.connection')}</h2>
      {locked && (
        <p class="muted" data-testid="connection-locked">
          {tr.t('options.lockedByOrganisation')}
        </p>
      )}
      {stored?.member && (
        <p data-testid="member-name">
          {tr.t('options.memberIs', { member: displayText(stored.member) })}
        </p>
      )}
      {/* noValidate: the browser's own URL message would be in the browser's language, not the chosen one. */}
      <form onSubmit={(e) => void save(e)} class="fields" noValidate>
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
            {stored?.key ? tr.t('options.keyStored', { masked: maskKey(stored.key) }) : tr.t('options.keyHint')}
          </small>
        </label>
        <div class="actions">
          <button type="button" data-testid="test-connection" disabled={busy} onClick={() => void run(candidate())}>
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
      <p data-testid="connection-result" role="status" aria-live="polite" data-result={result ? (result.ok ? 'ok' : result.problem.kind) : ''} class={result?.ok ? 'ok' : 'problem'}>
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
