import { browser } from '#imports';
import { connectionUnderPolicy, enrolmentPending, type ManagedConfig } from '../state/managed';
import { connectionItem, languageItem } from '../state/storage';

/**
 * Applies the organisation's policy: its worker URL wins (a key kept for another URL is dropped)
 * and its language wins. Runs at start and on every policy change.
 */
export async function applyPolicy(managed: ManagedConfig): Promise<void> {
  const stored = await connectionItem.getValue();
  if (stored !== null && connectionUnderPolicy(stored, managed) === null) await connectionItem.setValue(null);
  if (managed.language !== undefined && (await languageItem.getValue()) !== managed.language) await languageItem.setValue(managed.language);
}

/** Right after installation under a policy that enrols people: the options page asks for the name, once. */
export async function askForEnrolment(managed: ManagedConfig): Promise<void> {
  if (enrolmentPending(await connectionItem.getValue(), managed)) await browser.runtime.openOptionsPage();
}
