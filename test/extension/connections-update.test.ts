import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { applyPolicy } from '../../extension/lib/background/policy';
import { updateConnections } from '../../extension/lib/state/connections-update';
import { type ManagedConfig, managedConnections } from '../../extension/lib/state/managed';
import { type Connection, connectionsItem } from '../../extension/lib/state/storage';

const W = 'https://notifier.example.workers.dev';
const prod: Connection = { id: 'prod', label: 'Production', workerUrl: W, key: 'mn_p' };
const sandbox: Connection = { id: 'sandbox', label: 'Sandbox', workerUrl: W, key: 'mn_s' };

/**
 * Node has no Web Locks: a LockManager of this file only, enough for updateConnections. Callbacks
 * of one name run one after the other, in the order requested, as the browser's do.
 */
function memoryLocks() {
  const tails = new Map<string, Promise<unknown>>();
  const names: string[] = [];
  return {
    names,
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      names.push(name);
      const run = (tails.get(name) ?? Promise.resolve()).then(() => callback());
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

/** The two updates of the test below: another connection added, and a tenant set on the stored one. */
const add = (list: Connection[]) => [...list, sandbox];
const setTenant = (list: Connection[]) =>
  list.map((c) => (c.id === 'prod' ? { ...c, tenant: '123-ABC-456' } : c));

beforeEach(async () => {
  fakeBrowser.reset();
  await connectionsItem.setValue([prod]);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('updating the connections under the lock', () => {
  it('keeps both of two updates made at once, taking the shared lock of the list', async () => {
    const locks = memoryLocks();
    vi.stubGlobal('navigator', { locks });
    await Promise.all([updateConnections(add), updateConnections(setTenant)]);
    expect(await connectionsItem.getValue()).toEqual([{ ...prod, tenant: '123-ABC-456' }, sandbox]);
    expect(locks.names).toEqual(['connection-list', 'connection-list']);
  });

  it('without Web Locks still makes the change, but two at once lose one (why the lock is taken)', async () => {
    vi.stubGlobal('navigator', {});
    await updateConnections(setTenant);
    expect(await connectionsItem.getValue()).toEqual([{ ...prod, tenant: '123-ABC-456' }]);
    await connectionsItem.setValue([prod]);
    await Promise.all([updateConnections(add), updateConnections(setTenant)]);
    // Both read [prod]; the later write carries only its own change.
    expect(await connectionsItem.getValue()).toHaveLength(1);
  });

  it('writes nothing when the change answers null', async () => {
    vi.stubGlobal('navigator', { locks: memoryLocks() });
    const written = vi.fn();
    const unwatch = connectionsItem.watch(written);
    await updateConnections(() => null);
    unwatch();
    expect(written).not.toHaveBeenCalled();
    expect(await connectionsItem.getValue()).toEqual([prod]);
  });

  it('writes nothing when the change throws, and the next update still runs', async () => {
    vi.stubGlobal('navigator', { locks: memoryLocks() });
    const failing = updateConnections(() => {
      throw new Error('refused');
    });
    const next = updateConnections(add);
    await expect(failing).rejects.toThrow('refused');
    await next;
    expect(await connectionsItem.getValue()).toEqual([prod, sandbox]);
  });

  it('keeps a connection the options store while the background applies the policy', async () => {
    // The policy no longer has an old managed connection: applying it drops that one. Meanwhile the
    // options store a personal connection; neither change may undo the other.
    const managed: ManagedConfig = { workerUrl: W, enrollKey: 'mn_enroll' };
    const [current] = managedConnections(managed);
    const old: Connection = { id: 'managed-old', label: 'Old', workerUrl: W, key: 'mn_o', managed: true };
    const enrolled: Connection = { id: current!.id, label: 'Team', workerUrl: W, key: 'mn_t', managed: true };
    await connectionsItem.setValue([old]);
    vi.stubGlobal('navigator', { locks: memoryLocks() });
    await Promise.all([applyPolicy(managed), updateConnections((list) => [...list, enrolled])]);
    expect(await connectionsItem.getValue()).toEqual([enrolled]);
  });
});
