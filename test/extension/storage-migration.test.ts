// Storage written by the v2 extension (one connection), read by this one (a list of connections).
// The fixture was written by the v2 code itself: its storage items and its feed cache, set in the
// fake browser and dumped as they were (no version marks: v2's items had no migrations).
import { readFile } from 'node:fs/promises';

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const fixture = JSON.parse(
  await readFile(new URL('../fixtures/extension/v2-storage.json', import.meta.url), 'utf8'),
) as {
  local: Record<string, any>;
  session: Record<string, any>;
};

/** The extension's storage modules as a fresh start loads them: defining the items runs their migrations. */
async function start() {
  vi.resetModules();
  const storage = await import('../../extension/lib/state/storage');
  const cache = await import('../../extension/lib/popup/feed-cache');
  return { ...storage, ...cache };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(fixture.local);
  await fakeBrowser.storage.session.set(fixture.session);
});

describe('migration of v2 storage', () => {
  it('turns the one connection into a list of one, with its key, member, preferences and kept feed page', async () => {
    const s = await start();
    const connections = await s.connectionsItem.getValue();
    expect(connections).toHaveLength(1);
    const [connection] = connections;
    expect(connection).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{12}$/),
      label: 'notifier.example.workers.dev',
      workerUrl: fixture.local.connection.workerUrl,
      key: fixture.local.connection.key,
      member: 'Anna Berg',
    });
    // Its preferences are the shared ones, exactly as v2 kept them; types v2 did not know start shown.
    const prefs = s.prefsOf(connection!, await s.typePrefsItem.getValue());
    expect(prefs).toMatchObject(fixture.local.typePrefs);
    const added = Object.keys(prefs).filter((type) => !(type in fixture.local.typePrefs));
    for (const type of added) expect(prefs[type as keyof typeof prefs]).toEqual(s.DEFAULT_TYPE_PREF);
    expect(s.prefsOf(connection!, await s.typePrefsItem.getValue()).facebook.show).toBe(false);
    // The page the popup kept opens again for this connection, and the other choices stay.
    const page = s.keptPageFor(await s.readKeptPages(), connection!, 'all');
    expect(page?.items.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(await s.languageItem.getValue()).toBe('sv');
    expect(await s.overlayEnabledItem.getValue()).toBe(false);
    expect(await s.feedStatusItem.getValue()).toBe('all');
    expect(await s.announcedItem.getValue()).toEqual(fixture.local.announced);
  });

  it('marks the new version, and a second start leaves the list as it is', async () => {
    const first = await (await start()).connectionsItem.getValue();
    const stored = await fakeBrowser.storage.local.get(['connection', 'connection$']);
    expect(stored['connection$']).toEqual({ v: 2 });
    expect(stored.connection).toEqual(first);
    expect(await (await start()).connectionsItem.getValue()).toEqual(first);
  });

  it('reads v2 storage without a connection as an empty list, not a broken one', async () => {
    await fakeBrowser.storage.local.set({ connection: { workerUrl: 42 } });
    expect(await (await start()).connectionsItem.getValue()).toEqual([]);
  });
});
