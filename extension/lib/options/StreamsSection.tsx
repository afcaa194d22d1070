import { useEffect, useRef, useState } from 'preact/hooks';

import type { IoEventsState } from '../../../shared/io-events';
import { type ConnectionProblem, problemKey } from '../connection/connection-problem';
import type { Translator } from '../i18n';
import { formatDateTime } from '../notification/format';
import type { TestedConnection } from './connection-test';
import { createIoEventsApi } from './io-events-api';

type State =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'receiving'; state: IoEventsState }
  | { kind: 'problem'; problem: ConnectionProblem };
type Note = 'idle' | 'copied' | 'copyFailed' | 'rotated' | 'off';

/** `com.adobe.platform.marketo.notification.campaign_failure` → `notification.campaign_failure`. */
const shortType = (type: string) => type.replace(/^com\.adobe\.platform\.marketo\./, '');

/**
 * Marketo's own event streams through Adobe I/O Events (admin keys only): the client id of the
 * Developer Console project, the URL to register there (shown once, after creating or rotating,
 * with a copy button), the state (last event, counts by type), rotate, turn off, and the steps.
 */
export function StreamsSection({ tr, tested }: { tr: Translator; tested: TestedConnection | null }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [note, setNote] = useState<Note>('idle');
  const [clientId, setClientId] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);
  const test = tested?.result;
  const isAdmin = test?.ok === true && test.role === 'admin';
  const api = () => createIoEventsApi(tested?.connection ?? null);

  async function load() {
    const client = api();
    if (!client.ok) return setState({ kind: 'problem', problem: client.problem });
    const answer = await client.value.state();
    if (answer.ok) {
      setClientId((current) => current || answer.value.clientId);
      return setState({ kind: 'receiving', state: answer.value });
    }
    setState(answer.problem.status === 404 ? { kind: 'none' } : { kind: 'problem', problem: answer.problem });
  }

  useEffect(() => {
    setState({ kind: 'loading' });
    setNote('idle');
    setUrl(null);
    if (!tested || !isAdmin) return;
    void load();
  }, [tested]);

  async function register() {
    const client = api();
    if (!client.ok) return setState({ kind: 'problem', problem: client.problem });
    const had = state.kind === 'receiving';
    const answer = await client.value.register(clientId.trim());
    if (!answer.ok) return setState({ kind: 'problem', problem: answer.problem });
    setUrl(answer.value.url);
    setNote(had ? 'rotated' : 'idle');
    await load();
  }

  async function turnOff() {
    const client = api();
    if (!client.ok) return setState({ kind: 'problem', problem: client.problem });
    const answer = await client.value.remove();
    const gone = !answer.ok && answer.problem.status === 404;
    if (!answer.ok && !gone) return setState({ kind: 'problem', problem: answer.problem });
    setUrl(null);
    setNote('off');
    setState({ kind: 'none' });
  }

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setNote('copied');
    } catch {
      // No clipboard access (an unfocused page): select it, so that Ctrl+C copies it.
      urlInput.current?.select();
      setNote('copyFailed');
    }
  }

  if (!isAdmin) return null;
  const receiving = state.kind === 'receiving' ? state.state : null;
  const problemText = (problem: ConnectionProblem) =>
    tr.t(problemKey(problem.kind), { status: problem.status ?? '', message: problem.message ?? '' });
  const lastEvent = (at: string | null) =>
    at === null ? tr.t('options.streamsNoEvent') : formatDateTime(at, tr.lang);
  return (
    <section aria-labelledby="streams-title" data-testid="streams-section">
      <h2 id="streams-title">{tr.t('options.streamsTitle')}</h2>
      <p class="muted">{tr.t('options.streamsIntro')}</p>
      {state.kind === 'loading' && <p class="muted">{tr.t('options.tenantLoading')}</p>}
      {state.kind === 'problem' && <p class="problem">{problemText(state.problem)}</p>}
      {state.kind === 'none' && <p class="muted">{tr.t('options.streamsNone')}</p>}
      {state.kind !== 'loading' && (
        <form
          class="fields"
          onSubmit={(event) => {
            event.preventDefault();
            void register();
          }}
        >
          <label>
            <span>{tr.t('options.streamsClientId')}</span>
            <input
              type="text"
              required
              maxLength={100}
              value={clientId}
              spellcheck={false}
              data-testid="streams-client-id"
              onInput={(event) => setClientId(event.currentTarget.value)}
            />
          </label>
          <div class="actions">
            <button
              type="submit"
              class="primary"
              data-testid="streams-register"
              disabled={clientId.trim() === ''}
            >
              {tr.t(receiving ? 'options.streamsRotate' : 'options.streamsCreate')}
            </button>
            {receiving && (
              <button type="button" data-testid="streams-off" onClick={() => void turnOff()}>
                {tr.t('options.streamsOff')}
              </button>
            )}
          </div>
        </form>
      )}
      {url !== null && (
        <div class="fields">
          <label>
            <span>{tr.t('options.streamsUrlLabel')}</span>
            <input
              ref={urlInput}
              type="text"
              readOnly
              value={url}
              data-testid="streams-url"
              spellcheck={false}
            />
          </label>
          <p class="muted">{tr.t('options.streamsUrlOnce')}</p>
          <div class="actions">
            <button type="button" data-testid="streams-copy" onClick={() => void copy(url)}>
              {tr.t('options.streamsCopy')}
            </button>
          </div>
        </div>
      )}
      <p
        role="status"
        aria-live="polite"
        data-testid="streams-note"
        class={note === 'copyFailed' ? 'problem' : 'ok'}
      >
        {note === 'copied' && tr.t('options.streamsCopied')}
        {note === 'copyFailed' && tr.t('options.streamsCopyFailed')}
        {note === 'rotated' && tr.t('options.streamsRotated')}
        {note === 'off' && tr.t('options.streamsTurnedOff')}
      </p>
      {receiving && (
        <div data-testid="streams-state">
          <p>{tr.t('options.streamsLastEvent', { time: lastEvent(receiving.lastEventAt) })}</p>
          {Object.keys(receiving.byType).length > 0 && (
            <>
              <h3>{tr.t('options.streamsCounts')}</h3>
              <ul data-testid="streams-counts">
                {Object.entries(receiving.byType)
                  .sort(([, a], [, b]) => b - a)
                  .map(([type, count]) => (
                    <li key={type}>
                      <code>{shortType(type)}</code>: {tr.number(count)}
                    </li>
                  ))}
              </ul>
            </>
          )}
          <p class="muted">
            {tr.t('options.streamsOther', {
              unknown: receiving.unknown,
              mismatched: receiving.mismatched,
              duplicates: receiving.duplicates,
            })}
          </p>
        </div>
      )}
      <h3>{tr.t('options.streamsStepsTitle')}</h3>
      <ol data-testid="streams-steps">
        <li>{tr.t('options.streamsStep1')}</li>
        <li>{tr.t('options.streamsStep2')}</li>
        <li>{tr.t('options.streamsStep3')}</li>
        <li>{tr.t('options.streamsStep4')}</li>
        <li>{tr.t('options.streamsStep5')}</li>
      </ol>
    </section>
  );
}
