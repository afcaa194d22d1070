import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import {
  dropKeptPage,
  keepFirstPage,
  keptPageFor,
  ownerOf,
  readKeptPages,
} from '../../extension/lib/popup/feed-cache';
import type { Endpoint, FeedStatus } from '../../extension/lib/state/storage';

const readFirstPage = async (connection: Endpoint, status: FeedStatus) =>
  keptPageFor(await readKeptPages(), connection, status);
import { campaignFailure } from './fixtures';

beforeEach(() => fakeBrowser.reset());

const mine = { workerUrl: 'https://notify.example.com', key: 'mn_read_aaaaaaaaaaaaaaaa' };
const other = { workerUrl: 'https://notify.example.com', key: 'mn_read_bbbbbbbbbbbbbbbb' };
const AT = '2026-11-23T10:00:00.000Z';

describe('the first page kept for the next popup open', () => {
  it('gives back the page of the same connection and status, and nothing for another key or status', async () => {
    const page = { items: [campaignFailure('n1', AT), campaignFailure('n2', AT)], nextCursor: null };
    await keepFirstPage(mine, 'all', page.items);
    expect(await readFirstPage(mine, 'all')).toEqual(page);
    expect(await readFirstPage(mine, 'unread')).toBeNull();
    expect(await readFirstPage(other, 'all')).toBeNull();
  });

  it('keeps on the unread page only what is still unread and not snoozed', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const items = [
      campaignFailure('unread', AT),
      campaignFailure('read', AT, { readAt: AT }),
      campaignFailure('snoozed', AT, { snoozedUntil: future }),
    ];
    await keepFirstPage(mine, 'unread', items);
    expect((await readFirstPage(mine, 'unread'))?.items.map((n) => n.id)).toEqual(['unread']);
  });

  it('never stores the key itself, and keeps one page per connection and status', async () => {
    await keepFirstPage(mine, 'all', [campaignFailure('n1', AT)]);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(mine.key);
    expect(ownerOf(mine, 'all')).not.toBe(ownerOf(other, 'all'));
    expect(ownerOf(mine, 'all')).not.toBe(ownerOf(mine, 'unread'));
    await keepFirstPage(other, 'unread', [campaignFailure('o1', AT)]);
    expect((await readFirstPage(mine, 'all'))?.items.map((n) => n.id)).toEqual(['n1']);
    expect((await readFirstPage(other, 'unread'))?.items.map((n) => n.id)).toEqual(['o1']);
  });

  it('reads a damaged or foreign value back as nothing, and forgets on drop', async () => {
    await fakeBrowser.storage.session.set({ keptPage: { [ownerOf(mine, 'all')]: [{ id: 1 }] } });
    expect(await readFirstPage(mine, 'all')).toBeNull();
    await keepFirstPage(mine, 'all', [campaignFailure('n1', AT)]);
    await keepFirstPage(other, 'all', [campaignFailure('o1', AT)]);
    await dropKeptPage(mine);
    expect(await readFirstPage(mine, 'all')).toBeNull();
    expect(await readFirstPage(other, 'all')).not.toBeNull();
  });
});
