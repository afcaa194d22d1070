import type { Counts } from '../../shared/notifications';
import { createApi } from './api-client';
import type { ConnectionProblem } from './connection-problem';
import type { Connection } from './storage';

export type KeyRole = 'read' | 'admin';
export type ConnectionTest = { ok: true; role: KeyRole; counts: Counts } | { ok: false; problem: ConnectionProblem };

/**
 * Says plainly what is wrong: a bad URL, an unreachable worker, a refused key, or a key whose
 * role cannot read. An empty settings patch changes nothing and tells an admin key from a read key.
 */
export async function testConnection(connection: Connection, fetchImpl: typeof fetch = fetch): Promise<ConnectionTest> {
  const api = createApi(connection, fetchImpl);
  if (!api.ok) return api;
  const counts = await api.value.counts();
  if (!counts.ok) return counts;
  const probe = await api.value.updateSettings({});
  return { ok: true, role: probe.ok ? 'admin' : 'read', counts: counts.value };
}
