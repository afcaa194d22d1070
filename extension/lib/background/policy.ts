import { browser } from '#imports';

import { updateConnections } from '../state/connections-update';
import {
  connectionsUnderPolicy,
  enrolmentPending,
  type ManagedConfig,
  managedConnections,
  readManagedOrNull,
} from '../state/managed';
import { connectionsItem, languageItem } from '../state/storage';

/**
 * Applies the organisation's policy: managed connections no longer in it go, the ones still in it
 * take its label and Marketo host; with the single `workerUrl`, a key kept for another URL is
 * dropped; its language wins. Runs at start and on every policy change.
 */
export async function applyPolicy(managed: ManagedConfig): Promise<void> {
  const byId = new Map(managedConnections(managed).map((m) => [m.id, m]));
  await updateConnections((stored) => {
    const next = connectionsUnderPolicy(stored, managed).map((c) => {
      const m = c.managed ? byId.get(c.id) : undefined;
      if (!m) return c;
      const { marketoHost: _dropped, ...rest } = c;
      return { ...rest, label: m.label || c.label, ...(m.marketoHost ? { marketoHost: m.marketoHost } : {}) };
    });
    return JSON.stringify(next) !== JSON.stringify(stored) ? next : null;
  });
  if (managed.language !== undefined && (await languageItem.getValue()) !== managed.language)
    await languageItem.setValue(managed.language);
}

/** How long a policy that takes connections away must stay so before it is applied. */
export const POLICY_SETTLE_MS = 3_000;

/**
 * Applies the policy as it reads now, but one that would take stored connections away (and with
 * them a personal key that cannot be enrolled again under the same name) only if it still says so
 * after a pause: while Chromium reloads its policy files it can answer an empty or partial policy
 * for a moment, and a read that fails is not "no policy". Runs at start and on every policy change.
 */
export async function applySettledPolicy(
  read: () => Promise<ManagedConfig | null> = readManagedOrNull,
  settleMs = POLICY_SETTLE_MS,
): Promise<ManagedConfig | null> {
  const managed = await read();
  if (managed === null) return null;
  const stored = await connectionsItem.getValue();
  if (connectionsUnderPolicy(stored, managed).length === stored.length) {
    await applyPolicy(managed);
    return managed;
  }
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const settled = await read();
  if (settled !== null) await applyPolicy(settled);
  return settled;
}

/** Right after installation under a policy that enrols people: the options page asks for the name, once for all. */
export async function askForEnrolment(managed: ManagedConfig): Promise<void> {
  if (enrolmentPending(await connectionsItem.getValue(), managed)) await browser.runtime.openOptionsPage();
}
