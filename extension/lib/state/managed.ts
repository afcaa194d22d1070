import { browser, storage } from '#imports';

import { normalizeWorkerUrl } from '../connection/connection-url';
import { LANGUAGE_SETTINGS, type LanguageSetting } from '../i18n';
import { checkedLabel } from './connection-rules';
import { MAX_CONNECTIONS } from './connections';
import type { Connection } from './storage';

/** One connection the organisation sets: each person enrols in it with their own name. */
export interface ManagedConnection {
  label: string;
  workerUrl: string;
  enrollKey: string;
  marketoHost?: string;
}

/**
 * Set by the organisation through browser policy (storage.managed, read-only); unchecked here,
 * parsed below. Defined on first use: defining an item reads it at once, and where no policy is
 * in place Firefox answers that read with an error.
 */
let managed: ReturnType<typeof defineManagedItems> | null = null;
const defineManagedItems = () => ({
  connections: storage.defineItem<unknown>('managed:connections'),
  workerUrl: storage.defineItem<unknown>('managed:workerUrl'),
  enrollKey: storage.defineItem<unknown>('managed:enrollKey'),
  lockConnection: storage.defineItem<unknown>('managed:lockConnection'),
  language: storage.defineItem<unknown>('managed:language'),
});
export const managedItems = () => (managed ??= defineManagedItems());

/**
 * What an organisation may set by browser policy (storage.managed; public/managed_schema.json says
 * the same to the browser). Each value is checked on its own: one bad value does not void the others.
 * Checked by hand, so that no schema library ships in the extension for four fields.
 */
export interface ManagedConfig {
  /** When set, the single fields below (workerUrl, enrollKey) are ignored. */
  connections?: ManagedConnection[];
  workerUrl?: string;
  enrollKey?: string;
  lockConnection?: boolean;
  language?: LanguageSetting;
}

export const MANAGED_KEYS = [
  'connections',
  'workerUrl',
  'enrollKey',
  'lockConnection',
  'language',
] as const satisfies readonly (keyof ManagedConfig)[];

/** Anything read from storage.managed (or nothing, where the browser has no policy store). */
export function parseManaged(raw: unknown): ManagedConfig {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const managed: ManagedConfig = {};
  const connections = parseManagedConnections(value.connections);
  if (connections) managed.connections = connections;
  const workerUrl = typeof value.workerUrl === 'string' ? normalizeWorkerUrl(value.workerUrl) : null;
  if (workerUrl) managed.workerUrl = workerUrl;
  const enrollKey = typeof value.enrollKey === 'string' ? value.enrollKey.trim() : '';
  if (enrollKey.length >= 1 && enrollKey.length <= 200) managed.enrollKey = enrollKey;
  if (typeof value.lockConnection === 'boolean') managed.lockConnection = value.lockConnection;
  const language = value.language;
  if (typeof language === 'string' && (LANGUAGE_SETTINGS as readonly string[]).includes(language))
    managed.language = language as LanguageSetting;
  return managed;
}

/** The policy's `connections`: each entry checked on its own, bad ones left out; at most 10. */
function parseManagedConnections(raw: unknown): ManagedConnection[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const list: ManagedConnection[] = [];
  for (const entry of raw as unknown[]) {
    const value = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const workerUrl = typeof value.workerUrl === 'string' ? normalizeWorkerUrl(value.workerUrl) : null;
    const label = typeof value.label === 'string' ? checkedLabel(value.label) : null;
    const enrollKey = typeof value.enrollKey === 'string' ? value.enrollKey.trim() : '';
    if (!workerUrl || !label || enrollKey.length < 1 || enrollKey.length > 200) continue;
    const host = typeof value.marketoHost === 'string' ? value.marketoHost.trim().toLowerCase() : '';
    list.push({
      label,
      workerUrl,
      enrollKey,
      ...(/^[a-z0-9.-]{1,253}$/.test(host) ? { marketoHost: host } : {}),
    });
  }
  return list.slice(0, MAX_CONNECTIONS);
}

/**
 * The connections the policy sets: its `connections`, else one from the single fields (labelled by
 * its tenant once enrolled; by the worker's host until then). Each has a stable id made from its
 * worker URL and enroll key, so that the stored connection it became is found again.
 */
export function managedConnections(managed: ManagedConfig): (ManagedConnection & { id: string })[] {
  const list =
    managed.connections ??
    (managed.workerUrl !== undefined && managed.enrollKey !== undefined
      ? [{ label: '', workerUrl: managed.workerUrl, enrollKey: managed.enrollKey }]
      : []);
  return list.map((c) => ({ ...c, id: `managed-${fnv(`${c.workerUrl} ${c.enrollKey}`)}` }));
}

function fnv(text: string): string {
  let hash = 0x811c9dc5;
  for (const c of text) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** The managed connections not enrolled yet: the person is asked for their name, once for all. */
export function pendingEnrolments(
  stored: readonly Connection[],
  managed: ManagedConfig,
): (ManagedConnection & { id: string })[] {
  return managedConnections(managed).filter((m) => !stored.some((c) => c.id === m.id && c.key));
}

/**
 * The stored connections under policy: the managed ones no longer in the policy go; with the single
 * `workerUrl` and no `connections`, a connection of another worker loses its key as before.
 */
export function connectionsUnderPolicy(stored: readonly Connection[], managed: ManagedConfig): Connection[] {
  const ids = new Set(managedConnections(managed).map((m) => m.id));
  const kept = stored.filter((c) => !c.managed || ids.has(c.id));
  if (managed.connections !== undefined || managed.workerUrl === undefined) return kept;
  return kept.filter((c) => c.managed || connectionUnderPolicy(c, managed) !== null);
}

/**
 * The stored connection under policy: the organisation's worker URL wins. A key stored for another
 * URL is dropped (changing the URL drops the key), so that a person then enrols or types a key anew.
 */
export function connectionUnderPolicy<C extends Pick<Connection, 'workerUrl'>>(
  stored: C | null,
  managed: ManagedConfig,
): C | null {
  if (managed.workerUrl === undefined || stored === null) return stored;
  return normalizeWorkerUrl(stored.workerUrl) === managed.workerUrl
    ? { ...stored, workerUrl: managed.workerUrl }
    : null;
}

/**
 * The policy gives what enrolment needs, and some managed connection has no key yet: the person is
 * asked for their name.
 */
export function enrolmentPending(stored: readonly Connection[], managed: ManagedConfig): boolean {
  return pendingEnrolments(stored, managed).length > 0;
}

/**
 * Whether to ask for policy at all. Chromium answers {} without a policy. Firefox rejects, and logs
 * an error, unless policy is in place: it is read there when policy installed the extension.
 */
async function policyMayExist(): Promise<boolean> {
  if (import.meta.env.BROWSER !== 'firefox') return true;
  try {
    return (await browser.management.getSelf()).installType === 'admin';
  } catch {
    return false;
  }
}

/** The policy in force; {} where there is none, null when the browser failed to answer. */
export async function readManagedOrNull(): Promise<ManagedConfig | null> {
  if (!(await policyMayExist())) return {};
  const raw: Record<string, unknown> = {};
  for (const key of MANAGED_KEYS) {
    try {
      raw[key] = (await managedItems()[key].getValue()) ?? undefined;
    } catch {
      return null;
    }
  }
  return parseManaged(raw);
}

/** The policy in force; {} where there is none or it cannot be read. */
export async function readManaged(): Promise<ManagedConfig> {
  return (await readManagedOrNull()) ?? {};
}

/** Calls back on every policy change (an admin may change it while the browser runs). */
export function watchManaged(callback: (managed: ManagedConfig) => void): () => void {
  let unwatchers: (() => void)[] = [];
  let stopped = false;
  // Firefox errs on merely watching the managed area when no policy is in place.
  void policyMayExist().then((may) => {
    if (!may || stopped) return;
    unwatchers = MANAGED_KEYS.map((key) =>
      managedItems()[key].watch(() => void readManaged().then(callback)),
    );
  });
  return () => {
    stopped = true;
    unwatchers.forEach((unwatch) => unwatch());
  };
}
