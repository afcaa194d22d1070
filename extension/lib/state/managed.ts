import { browser } from '#imports';
import { normalizeWorkerUrl } from '../connection/connection-url';
import { LANGUAGE_SETTINGS, type LanguageSetting } from '../i18n';
import { managedItems, type Connection } from './storage';

/**
 * What an organisation may set by browser policy (storage.managed; public/managed_schema.json says
 * the same to the browser). Each value is checked on its own: one bad value does not void the others.
 * Checked by hand, so that no schema library ships in the extension for four fields.
 */
export interface ManagedConfig {
  workerUrl?: string;
  enrollKey?: string;
  lockConnection?: boolean;
  language?: LanguageSetting;
}

export const MANAGED_KEYS = ['workerUrl', 'enrollKey', 'lockConnection', 'language'] as const satisfies readonly (keyof ManagedConfig)[];

/** Anything read from storage.managed (or nothing, where the browser has no policy store). */
export function parseManaged(raw: unknown): ManagedConfig {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const managed: ManagedConfig = {};
  const workerUrl = typeof value.workerUrl === 'string' ? normalizeWorkerUrl(value.workerUrl) : null;
  if (workerUrl) managed.workerUrl = workerUrl;
  const enrollKey = typeof value.enrollKey === 'string' ? value.enrollKey.trim() : '';
  if (enrollKey.length >= 1 && enrollKey.length <= 200) managed.enrollKey = enrollKey;
  if (typeof value.lockConnection === 'boolean') managed.lockConnection = value.lockConnection;
  const language = value.language;
  if (typeof language === 'string' && (LANGUAGE_SETTINGS as readonly string[]).includes(language)) managed.language = language as LanguageSetting;
  return managed;
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
