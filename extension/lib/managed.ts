import { browser } from '#imports';
import { z } from 'zod';
import { normalizeWorkerUrl } from './connection-url';
import { LANGUAGE_SETTINGS } from './i18n';
import { managedItems, type Connection } from './storage';

/**
 * What an organisation may set by browser policy (storage.managed; public/managed_schema.json says
 * the same to the browser). Each value is checked on its own: one bad value does not void the others.
 */
export const ManagedConfig = z.object({
  workerUrl: z.string().transform(normalizeWorkerUrl).pipe(z.string()).optional().catch(undefined),
  enrollKey: z.string().trim().min(1).max(200).optional().catch(undefined),
  lockConnection: z.boolean().optional().catch(undefined),
  language: z.enum(LANGUAGE_SETTINGS).optional().catch(undefined),
});
export type ManagedConfig = z.output<typeof ManagedConfig>;

export const MANAGED_KEYS = ['workerUrl', 'enrollKey', 'lockConnection', 'language'] as const satisfies readonly (keyof ManagedConfig)[];

/** Anything read from storage.managed (or nothing, where the browser has no policy store). */
export function parseManaged(raw: unknown): ManagedConfig {
  const parsed = ManagedConfig.safeParse(typeof raw === 'object' && raw !== null ? raw : {});
  return parsed.success ? parsed.data : {};
}

/** Whether the organisation fixed anything at all. */
export const isManaged = (managed: ManagedConfig): boolean => MANAGED_KEYS.some((key) => managed[key] !== undefined);

/**
 * The stored connection under policy: the organisation's worker URL wins. A key stored for another
 * URL is dropped (changing the URL drops the key), so that a person then enrols or types a key anew.
 */
export function connectionUnderPolicy(stored: Connection | null, managed: ManagedConfig): Connection | null {
  if (managed.workerUrl === undefined || stored === null) return stored;
  return normalizeWorkerUrl(stored.workerUrl) === managed.workerUrl ? { ...stored, workerUrl: managed.workerUrl } : null;
}

/** The policy gives what enrolment needs, and there is no key yet: the person is asked for their name. */
export function enrolmentPending(stored: Connection | null, managed: ManagedConfig): boolean {
  return managed.workerUrl !== undefined && managed.enrollKey !== undefined && connectionUnderPolicy(stored, managed) === null;
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

/** The policy in force; {} where there is none. */
export async function readManaged(): Promise<ManagedConfig> {
  if (!(await policyMayExist())) return {};
  const raw: Record<string, unknown> = {};
  for (const key of MANAGED_KEYS) {
    try {
      raw[key] = (await managedItems()[key].getValue()) ?? undefined;
    } catch {
      return {};
    }
  }
  return parseManaged(raw);
}

/** Calls back on every policy change (an admin may change it while the browser runs). */
export function watchManaged(callback: (managed: ManagedConfig) => void): () => void {
  let unwatchers: (() => void)[] = [];
  let stopped = false;
  // Firefox errs on merely watching the managed area when no policy is in place.
  void policyMayExist().then((may) => {
    if (!may || stopped) return;
    unwatchers = MANAGED_KEYS.map((key) => managedItems()[key].watch(() => void readManaged().then(callback)));
  });
  return () => {
    stopped = true;
    unwatchers.forEach((unwatch) => unwatch());
  };
}
