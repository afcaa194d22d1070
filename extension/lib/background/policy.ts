import { browser } from '#imports';

import { updateConnections } from '../state/connections-update';
import {
  connectionsUnderPolicy,
  enrolmentPending,
  type ManagedConfig,
  managedConnections,
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

/** Right after installation under a policy that enrols people: the options page asks for the name, once for all. */
export async function askForEnrolment(managed: ManagedConfig): Promise<void> {
  if (enrolmentPending(await connectionsItem.getValue(), managed)) await browser.runtime.openOptionsPage();
}
