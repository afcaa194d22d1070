import type { Counts } from '../../../shared/notifications';
import type { KeyRole } from '../../../shared/tenant';
import { type ApiOptions, createApi } from '../connection/api-client';
import type { ConnectionProblem } from '../connection/connection-problem';
import type { Endpoint } from '../state/storage';

/** The roles the extension can work with: an ingest key cannot read the feed. */
export type ReadingRole = Exclude<KeyRole, 'ingest' | 'enroll'>;
export type ConnectionTest =
  { ok: true; role: ReadingRole; tenant: string; counts: Counts } | { ok: false; problem: ConnectionProblem };

/** A connection with what testing it found: the options' tenant settings use exactly this connection. */
export interface TestedConnection {
  connection: Endpoint;
  result: ConnectionTest;
}

/**
 * Says plainly what is wrong: a bad URL, an unreachable worker, a refused key, or a key whose
 * role cannot read. Only reads: the worker describes the key, then the counts prove it can read.
 */
export async function testConnection(
  connection: Endpoint,
  options: ApiOptions = {},
): Promise<ConnectionTest> {
  const api = createApi(connection, options);
  if (!api.ok) return api;
  const key = await api.value.key();
  if (!key.ok) return key;
  const { role, tenant } = key.value;
  if (role === 'ingest' || role === 'enroll')
    return { ok: false, problem: { kind: 'wrong_role', status: 403 } };
  const counts = await api.value.counts();
  if (!counts.ok) return counts;
  return { ok: true, role, tenant, counts: counts.value };
}
