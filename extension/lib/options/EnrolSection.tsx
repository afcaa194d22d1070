import { useEffect, useState } from 'preact/hooks';
import { problemKey, type ConnectionProblem } from '../connection/connection-problem';
import { canReadProfileEmail, enrol, memberNameOrNull, profileEmail } from './enrol';
import type { Translator } from '../i18n';
import type { ManagedConfig } from '../state/managed';
import { connectionItem } from '../state/storage';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'invalid' } | { kind: 'problem'; problem: ConnectionProblem };

/**
 * Joining the team with an enroll key, from policy or typed here: asks the name once (prefilled
 * with the profile's e-mail where the browser allows), trades the enroll key for a personal key
 * and keeps only that one.
 */
export function EnrolSection({ tr, managed, onJoined }: { tr: Translator; managed: ManagedConfig; onJoined: (member: string) => void }) {
  const fromPolicy = managed.workerUrl !== undefined && managed.enrollKey !== undefined;
  const [workerUrl, setWorkerUrl] = useState(managed.workerUrl ?? '');
  const [enrollKey, setEnrollKey] = useState('');
  const [name, setName] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    void profileEmail(false).then((email) => email && setName((typed) => typed || email));
  }, []);

  async function join(event: Event) {
    event.preventDefault();
    const member = memberNameOrNull(name);
    if (member === null) return setStatus({ kind: 'invalid' });
    setStatus({ kind: 'busy' });
    const result = await enrol(managed.workerUrl ?? workerUrl, managed.enrollKey ?? enrollKey.trim(), member);
    if (!result.ok) return setStatus({ kind: 'problem', problem: result.problem });
    setEnrollKey('');
    // The section goes once the key is stored: the page confirms the join above it.
    onJoined(result.value.member ?? member);
    await connectionItem.setValue(result.value);
  }

  return (
    <section aria-labelledby="enrol-title" data-testid="enrol">
      <h2 id="enrol-title">{tr.t('enrol.title')}</h2>
      <p class="muted">{tr.t('enrol.intro')}</p>
      <form class="fields" onSubmit={(e) => void join(e)} noValidate>
        {!fromPolicy && (
          <>
            <label>
              <span>{tr.t('options.workerUrl')}</span>
              <input type="url" data-testid="enrol-worker-url" value={workerUrl} placeholder="https://" readOnly={managed.workerUrl !== undefined} onInput={(e) => setWorkerUrl(e.currentTarget.value)} />
            </label>
            <label>
              <span>{tr.t('enrol.enrollKey')}</span>
              <input type="password" autocomplete="off" spellcheck={false} data-testid="enrol-key" value={enrollKey} aria-describedby="enrol-key-hint" onInput={(e) => setEnrollKey(e.currentTarget.value)} />
              <small id="enrol-key-hint" class="muted">
                {tr.t('enrol.enrollKeyHint')}
              </small>
            </label>
          </>
        )}
        <label>
          <span>{tr.t('enrol.name')}</span>
          <input type="text" data-testid="enrol-name" value={name} maxLength={80} autocomplete="name" aria-invalid={status.kind === 'invalid'} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <div class="actions">
          {canReadProfileEmail() && (
            <button type="button" data-testid="enrol-from-profile" onClick={() => void profileEmail(true).then((email) => email && setName(email))}>
              {tr.t('enrol.fromProfile')}
            </button>
          )}
          <button type="submit" class="primary" data-testid="enrol-submit" disabled={status.kind === 'busy'}>
            {status.kind === 'busy' ? tr.t('enrol.joining') : tr.t('enrol.submit')}
          </button>
        </div>
      </form>
      <p data-testid="enrol-result" role="status" aria-live="polite" data-result={status.kind} class="problem">
        {status.kind === 'invalid' && tr.t('enrol.invalidName')}
        {status.kind === 'problem' && tr.t(problemKey(status.problem.kind), { status: status.problem.status ?? '', message: status.problem.message ?? '' })}
      </p>
    </section>
  );
}
