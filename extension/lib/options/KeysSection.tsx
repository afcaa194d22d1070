import { useEffect, useState } from 'preact/hooks';

import { displayText } from '../../../shared/display-text';
import type { KeyListed } from '../../../shared/tenant';
import { createApi } from '../connection/api-client';
import { type ConnectionProblem, problemKey, problemParams } from '../connection/connection-problem';
import type { Translator } from '../i18n';
import { formatDateTime } from '../notification/format';
import type { TestedConnection } from './connection-test';

type State =
  { kind: 'loading' } | { kind: 'keys'; keys: KeyListed[] } | { kind: 'problem'; problem: ConnectionProblem };

/**
 * The tenant's keys (admin keys only), with role, label, created and last used (to the minute),
 * and a revoke button each: a leaked key is found and stopped here. Never shows a secret.
 */
export function KeysSection({ tr, tested }: { tr: Translator; tested: TestedConnection | null }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [revoked, setRevoked] = useState(false);
  const test = tested?.result;
  const isAdmin = test?.ok === true && test.role === 'admin';
  const tenant = test?.ok === true ? test.tenant : null;

  async function load(): Promise<void> {
    const client = createApi(tested?.connection ?? null);
    if (!client.ok || tenant === null)
      return setState({ kind: 'problem', problem: client.ok ? { kind: 'not_configured' } : client.problem });
    const answer = await client.value.keys(tenant);
    setState(
      answer.ok ? { kind: 'keys', keys: answer.value.keys } : { kind: 'problem', problem: answer.problem },
    );
  }

  useEffect(() => {
    setState({ kind: 'loading' });
    setRevoked(false);
    if (isAdmin) void load();
  }, [tested]);

  async function revoke(keyId: string) {
    const client = createApi(tested?.connection ?? null);
    if (!client.ok || tenant === null) return;
    const answer = await client.value.revokeKey(tenant, keyId);
    if (!answer.ok) return setState({ kind: 'problem', problem: answer.problem });
    setRevoked(true);
    await load();
  }

  if (!isAdmin) return null;
  const when = (iso: string | null) => (iso === null ? tr.t('keys.never') : formatDateTime(iso, tr.lang));
  return (
    <section aria-labelledby="keys-title" data-testid="keys">
      <h2 id="keys-title">{tr.t('keys.title')}</h2>
      {state.kind === 'loading' && (
        <p class="muted" role="status">
          {tr.t('keys.loading')}
        </p>
      )}
      {state.kind === 'problem' && (
        <p class="problem" role="status">
          {tr.t(problemKey(state.problem.kind), problemParams(state.problem))}
        </p>
      )}
      {state.kind === 'keys' && (
        <table class="keys">
          <thead>
            <tr>
              <th scope="col">{tr.t('keys.role')}</th>
              <th scope="col">{tr.t('keys.label')}</th>
              <th scope="col">{tr.t('keys.created')}</th>
              <th scope="col">{tr.t('keys.lastUsed')}</th>
              <th scope="col">
                <span class="visually-hidden">{tr.t('keys.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.keys.map((key) => (
              <tr key={key.id} data-testid="key-row" data-key-id={key.id}>
                <td>{tr.t(`role.${key.role}`)}</td>
                <td>{displayText(key.label ?? '')}</td>
                <td>{when(key.createdAt)}</td>
                <td data-testid="key-last-used">{when(key.lastUsedAt)}</td>
                <td>
                  <button type="button" data-testid="revoke-key" onClick={() => void revoke(key.id)}>
                    {tr.t('keys.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status" aria-live="polite" class="ok" data-testid="keys-result">
        {revoked && tr.t('keys.revoked')}
      </p>
    </section>
  );
}
