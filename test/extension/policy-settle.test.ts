import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { applySettledPolicy } from '../../extension/lib/background/policy';
import { type ManagedConfig, managedConnections } from '../../extension/lib/state/managed';
import { type Connection, connectionsItem } from '../../extension/lib/state/storage';

const W = 'https://notifier.example.workers.dev';
const policy: ManagedConfig = {
  connections: [{ label: 'Production', workerUrl: W, enrollKey: 'mn_enroll' }],
};
const enrolled: Connection = {
  id: managedConnections(policy)[0]!.id,
  label: 'Production',
  workerUrl: W,
  key: 'mn_personal',
  member: 'Carla Jensen',
  managed: true,
};
const own: Connection = { id: 'own', label: 'Sandbox', workerUrl: W, key: 'mn_own' };

/** The policy reads, one after the other; `reads` counts them. */
function reader(...answers: (ManagedConfig | null)[]) {
  const read = async () => {
    read.reads++;
    return answers.shift() ?? null;
  };
  read.reads = 0;
  return read;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await connectionsItem.setValue([enrolled, own]);
});

describe('applying the policy when it would take connections away', () => {
  it('keeps the enrolled connection when the policy is empty only for a moment', async () => {
    const read = reader({}, policy);
    expect(await applySettledPolicy(read, 5)).toEqual(policy);
    expect(read.reads).toBe(2);
    expect(await connectionsItem.getValue()).toEqual([enrolled, own]);
  });

  it('takes it away once the policy still leaves it out after the pause', async () => {
    const read = reader({}, {});
    await applySettledPolicy(read, 5);
    expect(await connectionsItem.getValue()).toEqual([own]);
  });

  it('changes nothing when the policy cannot be read', async () => {
    expect(await applySettledPolicy(reader(null), 5)).toBeNull();
    expect(await applySettledPolicy(reader({}, null), 5)).toBeNull();
    expect(await connectionsItem.getValue()).toEqual([enrolled, own]);
  });

  it('applies a policy that takes nothing away at once (its label wins)', async () => {
    const renamed: ManagedConfig = { connections: [{ ...policy.connections![0]!, label: 'Live' }] };
    const read = reader(renamed);
    await applySettledPolicy(read, 60_000);
    expect(read.reads).toBe(1);
    expect(await connectionsItem.getValue()).toEqual([{ ...enrolled, label: 'Live' }, own]);
  });
});
