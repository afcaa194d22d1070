import { normalizeWorkerUrl } from '../connection/connection-url';
import { LABEL_MAX, MAX_CONNECTIONS } from './connections';
import type { Connection } from './storage';

// What may be stored in the list of connections: checked by the options and the policy, not the popup.

/** Why a connection cannot be stored as it is. */
export type ConnectionIssue = 'tooMany' | 'label' | 'duplicate' | 'bad_url';

/** The label as it is kept: trimmed; null when it has 0 or more than 40 characters. */
export function checkedLabel(typed: string): string | null {
  const label = typed.trim();
  const length = [...label].length;
  return length >= 1 && length <= LABEL_MAX ? label : null;
}

/** The same worker and the same tenant: two connections would show the same notifications twice. */
export function sameInstance(
  a: Pick<Connection, 'workerUrl' | 'tenant'>,
  b: Pick<Connection, 'workerUrl' | 'tenant'>,
): boolean {
  return (
    a.tenant !== undefined &&
    a.tenant === b.tenant &&
    normalizeWorkerUrl(a.workerUrl) === normalizeWorkerUrl(b.workerUrl)
  );
}

/**
 * What is wrong with storing `candidate` into `list` (as a new one, or in place of the one with its
 * id), or null. A duplicate is found once the candidate's tenant is known (a test or an enrolment).
 */
export function connectionIssue(list: readonly Connection[], candidate: Connection): ConnectionIssue | null {
  const others = list.filter((c) => c.id !== candidate.id);
  if (others.length >= MAX_CONNECTIONS) return 'tooMany';
  if (checkedLabel(candidate.label) === null) return 'label';
  if (normalizeWorkerUrl(candidate.workerUrl) === null) return 'bad_url';
  if (others.some((c) => sameInstance(c, candidate))) return 'duplicate';
  return null;
}

/** The list with `candidate` stored (added at the end, or in place), or the issue that stops it. */
export function withConnection(
  list: readonly Connection[],
  candidate: Connection,
): { ok: true; list: Connection[] } | { ok: false; issue: ConnectionIssue } {
  const issue = connectionIssue(list, candidate);
  if (issue) return { ok: false, issue };
  const stored = {
    ...candidate,
    label: checkedLabel(candidate.label)!,
    workerUrl: normalizeWorkerUrl(candidate.workerUrl)!,
  };
  const at = list.findIndex((c) => c.id === candidate.id);
  return { ok: true, list: at < 0 ? [...list, stored] : list.map((c, i) => (i === at ? stored : c)) };
}

/** The list with the connection at `from` moved by `by` places (clamped). */
export function moved(list: readonly Connection[], id: string, by: number): Connection[] {
  const from = list.findIndex((c) => c.id === id);
  if (from < 0) return [...list];
  const to = Math.min(list.length - 1, Math.max(0, from + by));
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Whether another connection than `id` still talks to the origin of `workerUrl` (its host permission stays). */
export function originStillUsed(list: readonly Connection[], id: string, workerUrl: string): boolean {
  const origin = originOf(workerUrl);
  return origin !== null && list.some((c) => c.id !== id && originOf(c.workerUrl) === origin);
}

function originOf(workerUrl: string): string | null {
  const normalized = normalizeWorkerUrl(workerUrl);
  return normalized === null ? null : new URL(normalized).hostname;
}
