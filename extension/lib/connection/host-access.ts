import { browser } from '#imports';

import { originPattern } from './connection-url';

/**
 * Host access to the worker's origin, and nothing else: the manifest asks for no host at install
 * (a build with WXT_WORKER_URL gets that origin at build time), and each configured worker's origin
 * is asked for at run time. The worker answers CORS for any origin, so this is least privilege,
 * not a condition for the calls.
 */
export async function hasHostAccess(workerUrl: string): Promise<boolean> {
  const pattern = originPattern(workerUrl);
  if (pattern === null) return false;
  return browser.permissions.contains({ origins: [pattern] }).catch(() => false);
}

/** Asks for the worker's origin; call it from a click, before anything else is awaited. */
export async function requestHostAccess(workerUrl: string): Promise<boolean> {
  const pattern = originPattern(workerUrl);
  if (pattern === null) return false;
  return browser.permissions.request({ origins: [pattern] }).catch(() => false);
}
