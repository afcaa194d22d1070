import { useEffect, useRef, useState } from 'preact/hooks';

import { createApi } from '../connection/api-client';
import { type ConnectionProblem, problemKey } from '../connection/connection-problem';
import type { Translator } from '../i18n';
import type { TestedConnection } from './connection-test';

type State =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'unavailable' }
  | { kind: 'address'; address: string }
  | { kind: 'problem'; problem: ConnectionProblem };
type Note = 'idle' | 'copied' | 'copyFailed' | 'rotated';

/**
 * The tenant's address for Marketo's notification e-mails (admin keys only): shown with a copy
 * button and "rotate", and the steps to subscribe it in Marketo. A 404 to GET: no address yet;
 * a 404 to POST: the worker takes no e-mail (no EMAIL_DOMAIN).
 */
export function EmailSection({ tr, tested }: { tr: Translator; tested: TestedConnection | null }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [note, setNote] = useState<Note>('idle');
  const input = useRef<HTMLInputElement>(null);
  const test = tested?.result;
  const isAdmin = test?.ok === true && test.role === 'admin';

  useEffect(() => {
    setState({ kind: 'loading' });
    setNote('idle');
    if (!tested || !isAdmin) return;
    let current = true;
    const client = createApi(tested.connection);
    if (!client.ok) return setState({ kind: 'problem', problem: client.problem });
    void client.value.emailAddress().then((answer) => {
      if (!current) return;
      if (answer.ok) setState({ kind: 'address', address: answer.value.address });
      else
        setState(
          answer.problem.status === 404 ? { kind: 'none' } : { kind: 'problem', problem: answer.problem },
        );
    });
    return () => {
      current = false;
    };
  }, [tested]);

  async function rotate() {
    const client = createApi(tested?.connection ?? null);
    if (!client.ok) return setState({ kind: 'problem', problem: client.problem });
    const had = state.kind === 'address';
    const answer = await client.value.rotateEmailAddress();
    if (answer.ok) {
      setState({ kind: 'address', address: answer.value.address });
      return setNote(had ? 'rotated' : 'idle');
    }
    setState(
      answer.problem.status === 404 ? { kind: 'unavailable' } : { kind: 'problem', problem: answer.problem },
    );
  }

  async function copy(address: string) {
    try {
      await navigator.clipboard.writeText(address);
      setNote('copied');
    } catch {
      // No clipboard access (an unfocused page): select it, so that Ctrl+C copies it.
      input.current?.select();
      setNote('copyFailed');
    }
  }

  if (!isAdmin) return null;
  return (
    <section aria-labelledby="email-title" data-testid="email-section">
      <h2 id="email-title">{tr.t('options.emailTitle')}</h2>
      <p class="muted">{tr.t('options.emailIntro')}</p>
      {state.kind === 'loading' && <p class="muted">{tr.t('options.tenantLoading')}</p>}
      {state.kind === 'unavailable' && <p class="problem">{tr.t('options.emailUnavailable')}</p>}
      {state.kind === 'problem' && (
        <p class="problem">
          {tr.t(problemKey(state.problem.kind), {
            status: state.problem.status ?? '',
            message: state.problem.message ?? '',
          })}
        </p>
      )}
      {state.kind === 'none' && (
        <div class="actions">
          <p class="muted">{tr.t('options.emailNone')}</p>
          <button type="button" class="primary" data-testid="email-create" onClick={() => void rotate()}>
            {tr.t('options.emailCreate')}
          </button>
        </div>
      )}
      {state.kind === 'address' && (
        <div class="fields">
          <label>
            <span>{tr.t('options.emailAddressLabel')}</span>
            <input
              ref={input}
              type="text"
              readOnly
              value={state.address}
              data-testid="email-address"
              spellcheck={false}
            />
          </label>
          <div class="actions">
            <button type="button" data-testid="email-copy" onClick={() => void copy(state.address)}>
              {tr.t('options.emailCopy')}
            </button>
            <button type="button" data-testid="email-rotate" onClick={() => void rotate()}>
              {tr.t('options.emailRotate')}
            </button>
          </div>
        </div>
      )}
      <p
        role="status"
        aria-live="polite"
        data-testid="email-note"
        class={note === 'copyFailed' ? 'problem' : 'ok'}
      >
        {note === 'copied' && tr.t('options.emailCopied')}
        {note === 'copyFailed' && tr.t('options.emailCopyFailed')}
        {note === 'rotated' && tr.t('options.emailRotated')}
      </p>
      <h3>{tr.t('options.emailStepsTitle')}</h3>
      <ol data-testid="email-steps">
        <li>{tr.t('options.emailStep1')}</li>
        <li>{tr.t('options.emailStep2')}</li>
        <li>{tr.t('options.emailStep3')}</li>
      </ol>
    </section>
  );
}
