import { describe, expect, it } from 'vitest';

import {
  acknowledgedBy,
  groupFeed,
  MARK_READ_BATCH,
  markAllSelections,
  markLocallyRead,
  mergeFeed,
  replaceNotification,
  unreadToFocusAfter,
} from '../../extension/lib/popup/feed';
import { MarkRead } from '../../shared/notifications';
import { campaignFailure, engagement, prefs } from './fixtures';

describe('feed grouping', () => {
  const items = [
    campaignFailure('a', '2026-11-20T10:00:00Z'),
    engagement('b', '2026-11-21T10:00:00Z'),
    campaignFailure('c', '2026-11-22T09:00:00Z', { readAt: '2026-11-22T09:30:00Z' }),
  ];

  it('groups by type, newest first, groups ordered by their newest item', () => {
    const groups = groupFeed(items, prefs());
    expect(groups.map((g) => g.type)).toEqual(['campaign_failure', 'engagement_exhausted']);
    expect(groups[0]!.items.map((n) => n.id)).toEqual(['c', 'a']);
    expect(groups[0]!.unread).toBe(1);
  });

  it('leaves out types the user hides', () => {
    expect(groupFeed(items, prefs({ campaign_failure: { show: false } })).map((g) => g.type)).toEqual([
      'engagement_exhausted',
    ]);
  });

  it('merges pages by id and marks read locally', () => {
    const merged = mergeFeed(items, [
      engagement('b', '2026-11-22T11:00:00Z'),
      engagement('d', '2026-11-19T00:00:00Z'),
    ]);
    expect(merged.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(merged.find((n) => n.id === 'b')!.lastAt).toBe('2026-11-22T11:00:00Z');
    const read = markLocallyRead(items, ['a'], '2026-11-22T12:00:00Z');
    expect(read.find((n) => n.id === 'a')!.readAt).toBe('2026-11-22T12:00:00Z');
    expect(read.find((n) => n.id === 'b')!.readAt).toBeNull();
    expect(markLocallyRead(items, 'all', 'x').every((n) => n.readAt !== null)).toBe(true);
  });
});

describe('mark all as read', () => {
  const items = [
    campaignFailure('a', '2026-11-20T10:00:00Z'),
    engagement('b', '2026-11-21T10:00:00Z'),
    campaignFailure('c', '2026-11-22T09:00:00Z', { readAt: '2026-11-22T09:30:00Z' }),
    engagement('d', '2026-11-22T10:00:00Z'),
  ];

  it('marks everything while no type is hidden', () => {
    expect(markAllSelections(items, prefs())).toEqual([{ all: true }]);
  });

  it('marks only the unread notifications shown when some types are hidden', () => {
    expect(markAllSelections(items, prefs({ campaign_failure: { show: false } }))).toEqual([
      { ids: ['b', 'd'] },
    ]);
    expect(markAllSelections(items, prefs({ engagement_exhausted: { show: false } }))).toEqual([
      { ids: ['a'] },
    ]);
    expect(
      markAllSelections(
        items,
        prefs({ campaign_failure: { show: false }, engagement_exhausted: { show: false } }),
      ),
    ).toEqual([]);
    // Counting in the badge is not hiding.
    expect(markAllSelections(items, prefs({ campaign_failure: { countInBadge: false } }))).toEqual([
      { all: true },
    ]);
  });

  it('splits many ids into requests the worker accepts', () => {
    const many = Array.from({ length: MARK_READ_BATCH + 3 }, (_, i) =>
      engagement(`e${i}`, '2026-11-22T10:00:00Z'),
    );
    const selections = markAllSelections(many, prefs({ facebook: { show: false } }));
    expect(selections.map((s) => ('ids' in s ? s.ids.length : 0))).toEqual([MARK_READ_BATCH, 3]);
    for (const selection of selections) expect(MarkRead.safeParse(selection).success).toBe(true);
    expect(
      MarkRead.safeParse({ ids: Array.from({ length: MARK_READ_BATCH + 1 }, (_, i) => `x${i}`) }).success,
    ).toBe(false);
  });
});

describe('focus after marking one read', () => {
  const groups = groupFeed(
    [
      campaignFailure('a', '2026-11-22T12:00:00Z'),
      campaignFailure('b', '2026-11-22T11:00:00Z', { readAt: '2026-11-22T11:30:00Z' }),
      campaignFailure('c', '2026-11-22T10:00:00Z'),
      engagement('d', '2026-11-21T10:00:00Z'),
    ],
    prefs(),
  );

  it('goes to the next unread notification shown, across groups, skipping read ones', () => {
    expect(groups.flatMap((g) => g.items.map((n) => n.id))).toEqual(['a', 'b', 'c', 'd']);
    expect(unreadToFocusAfter(groups, 'a')).toBe('c');
    expect(unreadToFocusAfter(groups, 'c')).toBe('d');
  });

  it('goes back to the previous unread one at the end, and to the feed when none is left', () => {
    expect(unreadToFocusAfter(groups, 'd')).toBe('c');
    const last = groupFeed([campaignFailure('z', '2026-11-22T10:00:00Z')], prefs());
    expect(unreadToFocusAfter(last, 'z')).toBeNull();
  });
});

describe('team triage in the feed', () => {
  const at = { at: '2026-11-22T10:00:00.000Z' };
  const items = [
    campaignFailure('mine', '2026-11-22T09:00:00Z', { ack: { member: 'Anna', ...at }, resolved: null }),
    campaignFailure('theirs', '2026-11-22T09:01:00Z', { ack: { member: 'Ben', ...at } }),
    campaignFailure('done', '2026-11-22T09:02:00Z', {
      ack: { member: 'Anna', ...at },
      resolved: { member: 'Ben', ...at },
    }),
    campaignFailure('open', '2026-11-22T09:03:00Z'),
  ];

  it('"acknowledged by me" keeps the open ones the member is on', () => {
    expect(acknowledgedBy(items, 'Anna').map((n) => n.id)).toEqual(['mine']);
    expect(acknowledgedBy(items, 'Ben').map((n) => n.id)).toEqual(['theirs']);
    expect(acknowledgedBy(items, null)).toEqual([]);
  });

  it('replaces a notification by its newer copy, in place', () => {
    const newer = { ...items[3]!, ack: { member: 'Carla', ...at } };
    const next = replaceNotification(items, newer);
    expect(next.map((n) => n.id)).toEqual(items.map((n) => n.id));
    expect(next[3]!.ack?.member).toBe('Carla');
    expect(replaceNotification(items, { ...newer, id: 'unknown' })).toEqual(items);
  });
});
