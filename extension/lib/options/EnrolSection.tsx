import { useEffect, useState } from 'preact/hooks';

import { browser } from '#imports';

import { displayText } from '../../../shared/display-text';
import type { ConnectionProblem } from '../connection/connection-problem';
import { originPattern } from '../connection/connection-url';
import type { Translator } from '../i18n';
import { formatList } from '../notification/format';
import { type ConnectionIssue, withConnection } from '../state/connection-rules';
import { newConnectionId } from '../state/connections';
import { updateConnections } from '../state/connections-update';
import type { ManagedConnection } from '../state/managed';
import type { Connection } from '../state/storage';
import { connectionIssueText } from './connection-issue';
import { canReadProfileEmail, enrol, enrolProblemKey, memberNameOrNull, profileEmail } from './enrol';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'invalid' }
  | { kind: 'problem'; problem: ConnectionProblem; label?: string }
  | { kind: 'issue'; issue: ConnectionIssue; other?: Connection; tenant?: string };

interface Props {
  tr: Translator;
  /** The organisation's connections not enrolled yet; empty: a worker URL and enroll key typed here. */
  pending: (ManagedConnection & { id: string })[];
  onJoined: (member: string, labels: string[]) => void;
}

/**
 * Joining the team with an enroll key, from policy or typed here: asks the name once for all the
 * organisation's connections (prefilled with the profile's e-mail where the browser allows); the
 * one click asks for every managed worker's host permission, then trades each enroll key for a
 * personal key and keeps only that one.
 */
export function EnrolSection({ tr, pending, onJoined }: Props) {
  const fromPolicy = pending.length > 0;
  const [workerUrl, setWorkerUrl] = useState('');
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
    if (fromPolicy) {
      // First, while the click still counts as the person's gesture: every managed worker's origin at once.
      const origins = [
        ...new Set(pending.map((m) => originPattern(m.workerUrl)).filter((o): o is string => o !== null)),
      ];
      await browser.permissions.request({ origins }).catch(() => false);
      return joinManaged(member);
    }
    setStatus({ kind: 'busy' });
    const result = await enrol(workerUrl, enrollKey.trim(), member);
    if (!result.ok) return setStatus({ kind: 'problem', problem: result.problem });
    const connection: Connection = {
      id: newConnectionId(),
      label: result.value.tenant ?? workerUrl,
      ...result.value,
    };
    await updateConnections((list) => {
      const stored = withConnection(list, connection);
      if (!stored.ok) {
        const other = list.find((c) => c.tenant === connection.tenant);
        setStatus({
          kind: 'issue',
          issue: stored.issue,
          ...(other ? { other } : {}),
          ...(connection.tenant ? { tenant: connection.tenant } : {}),
        });
        return null;
      }
      // Said before the write: this section leaves once the connection is stored, and the line
      // above the page is there by then.
      setEnrollKey('');
      onJoined(result.value.member ?? member, []);
      return stored.list;
    });
  }

  /** Enrols in each managed connection, one after the other; one that fails leaves the others joined. */
  async function joinManaged(member: string) {
    setStatus({ kind: 'busy' });
    const joined: string[] = [];
    let failure: Status | null = null;
    for (const m of pending) {
      const result = await enrol(m.workerUrl, m.enrollKey, member);
      if (!result.ok) {
        failure ??= { kind: 'problem', problem: result.problem, label: m.label };
        continue;
      }
      const label = m.label || result.value.tenant || m.workerUrl;
      const connection: Connection = {
        id: m.id,
        label,
        ...result.value,
        managed: true,
        ...(m.marketoHost ? { marketoHost: m.marketoHost } : {}),
      };
      await updateConnections((list) => {
        const at = list.findIndex((c) => c.id === m.id);
        return at < 0 ? [...list, connection] : list.map((c, i) => (i === at ? connection : c));
      });
      joined.push(label);
    }
    if (joined.length) onJoined(member, pending.length > 1 ? joined : []);
    setStatus(failure ?? { kind: 'idle' });
  }

  const labels = pending.map((m) => m.label).filter(Boolean);
  return (
    <section aria-labelledby="enrol-title" data-testid="enrol">
      <h2 id="enrol-title">{tr.t('enrol.title')}</h2>
      <p class="muted">
        {labels.length > 1
          ? tr.t('enrol.introMany', {
              labels: formatList(
                labels.map((l) => displayText(l)),
                tr.lang,
              ),
            })
          : tr.t('enrol.intro')}
      </p>
      <form class="fields" onSubmit={(e) => void join(e)} noValidate>
        {!fromPolicy && (
          <>
            <label>
              <span>{tr.t('options.workerUrl')}</span>
              <input
                type="url"
                data-testid="enrol-worker-url"
                value={workerUrl}
                placeholder="https://"
                onInput={(e) => setWorkerUrl(e.currentTarget.value)}
              />
            </label>
            <label>
              <span>{tr.t('enrol.enrollKey')}</span>
              <input
                type="password"
                autocomplete="off"
                spellcheck={false}
                data-testid="enrol-key"
                value={enrollKey}
                aria-describedby="enrol-key-hint"
                onInput={(e) => setEnrollKey(e.currentTarget.value)}
              />
              <small id="enrol-key-hint" class="muted">
                {tr.t('enrol.enrollKeyHint')}
              </small>
            </label>
          </>
        )}
        <label>
          <span>{tr.t('enrol.name')}</span>
          <input
            type="text"
            data-testid="enrol-name"
            value={name}
            maxLength={80}
            autocomplete="name"
            aria-invalid={status.kind === 'invalid'}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <div class="actions">
          {canReadProfileEmail() && (
            <button
              type="button"
              data-testid="enrol-from-profile"
              onClick={() => void profileEmail(true).then((email) => email && setName(email))}
            >
              {tr.t('enrol.fromProfile')}
            </button>
          )}
          <button type="submit" class="primary" data-testid="enrol-submit" disabled={status.kind === 'busy'}>
            {status.kind === 'busy' ? tr.t('enrol.joining') : tr.t('enrol.submit')}
          </button>
        </div>
      </form>
      <p
        data-testid="enrol-result"
        role="status"
        aria-live="polite"
        data-result={status.kind}
        class="problem"
      >
        {status.kind === 'invalid' && tr.t('enrol.invalidName')}
        {status.kind === 'problem' && problemLine(status.problem, status.label, tr)}
        {status.kind === 'issue' &&
          connectionIssueText(
            {
              kind: status.issue,
              ...(status.other ? { other: status.other } : {}),
              ...(status.tenant ? { tenant: status.tenant } : {}),
            },
            tr,
          )}
      </p>
    </section>
  );
}

function problemLine(problem: ConnectionProblem, label: string | undefined, tr: Translator): string {
  const reason = tr.t(enrolProblemKey(problem), {
    status: problem.status ?? '',
    message: problem.message ?? '',
  });
  return label ? tr.t('badge.connectionFailing', { label: displayText(label), reason }) : reason;
}
