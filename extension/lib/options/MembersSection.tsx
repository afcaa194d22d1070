import { useEffect, useState } from 'preact/hooks';

import { displayText } from '../../../shared/display-text';
import type { Member } from '../../../shared/members';
import { createApi } from '../connection/api-client';
import { type ConnectionProblem, problemKey } from '../connection/connection-problem';
import type { Translator } from '../i18n';
import { relativeTime } from '../notification/format';
import type { TestedConnection } from './connection-test';

/** With an admin key: the team's members, their keys and when they were last seen; and a new enroll key. */
export function MembersSection({ tr, tested }: { tr: Translator; tested: TestedConnection | null }) {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [problem, setProblem] = useState<ConnectionProblem | null>(null);
  const [enrollKey, setEnrollKey] = useState<string | null>(null);
  const result = tested?.result;
  const admin =
    result?.ok === true && result.role === 'admin'
      ? { connection: tested!.connection, tenant: result.tenant }
      : null;

  useEffect(() => {
    setMembers(null);
    setEnrollKey(null);
    if (!admin) return;
    let current = true;
    const api = createApi(admin.connection);
    if (api.ok)
      void api.value
        .members()
        .then((list) => current && (list.ok ? setMembers(list.value.members) : setProblem(list.problem)));
    return () => {
      current = false;
    };
  }, [tested]);

  if (!admin) return null;
  async function createEnrollKey() {
    const api = createApi(admin!.connection);
    if (!api.ok) return setProblem(api.problem);
    const created = await api.value.createKey(admin!.tenant, { role: 'enroll', label: 'enroll' });
    if (!created.ok) return setProblem(created.problem);
    setEnrollKey(created.value.key);
  }
  const now = Date.now();
  return (
    <section aria-labelledby="members-title" data-testid="members">
      <h2 id="members-title">{tr.t('members.title')}</h2>
      {members && (
        <table class="prefs">
          <thead>
            <tr>
              <th scope="col">{tr.t('members.member')}</th>
              <th scope="col">{tr.t('members.keys')}</th>
              <th scope="col">{tr.t('members.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.member} data-testid="member-row">
                <th scope="row">{displayText(m.member)}</th>
                <td>{m.keys.map((k) => `${k.id} (${k.role})`).join(', ')}</td>
                <td>{m.lastSeenAt ? relativeTime(m.lastSeenAt, now, tr.lang) : tr.t('members.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="actions">
        <button type="button" data-testid="create-enroll-key" onClick={() => void createEnrollKey()}>
          {tr.t('members.createEnrollKey')}
        </button>
      </div>
      {enrollKey && (
        <p data-testid="enroll-key-created">
          {tr.t('members.enrollKeyCreated')} <code>{enrollKey}</code>
        </p>
      )}
      {problem && (
        <p class="problem" role="alert">
          {tr.t(problemKey(problem.kind), { status: problem.status ?? '', message: problem.message ?? '' })}
        </p>
      )}
    </section>
  );
}
