import { type Connection, connectionsItem } from './storage';

/**
 * The lock every read-modify-write of the list takes. Web Locks are shared by all contexts of one
 * origin, so the background, the options and the popup of the extension wait for each other.
 */
const LIST_LOCK = 'connection-list';

/**
 * Reads the connections, lets `change` make the next list and stores it, while no other context
 * does the same: without the lock, two contexts reading the same list at once would each write it
 * back with only their own change (the background applying policy while the options store a new
 * connection). `change` returns null to write nothing; it runs once, under the lock, and must not
 * call updateConnections itself (it would wait for its own lock). Where the browser has no Web
 * Locks, the change runs without one, as before.
 */
export async function updateConnections(change: (list: Connection[]) => Connection[] | null): Promise<void> {
  const run = async () => {
    const next = change(await connectionsItem.getValue());
    if (next) await connectionsItem.setValue(next);
  };
  const locks = globalThis.navigator?.locks;
  await (locks ? locks.request(LIST_LOCK, run) : run());
}
