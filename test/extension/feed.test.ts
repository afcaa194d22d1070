import { describe, expect, it } from 'vitest';
import { groupFeed, markLocallyRead, mergeFeed } from '../../extension/lib/feed';
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
    expect(groupFeed(items, prefs({ campaign_failure: { show: false } })).map((g) => g.type)).toEqual(['engagement_exhausted']);
  });

  it('merges pages by id and marks read locally', () => {
    const merged = mergeFeed(items, [engagement('b', '2026-11-22T11:00:00Z'), engagement('d', '2026-11-19T00:00:00Z')]);
    expect(merged.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(merged.find((n) => n.id === 'b')!.lastAt).toBe('2026-11-22T11:00:00Z');
    const read = markLocallyRead(items, ['a'], '2026-11-22T12:00:00Z');
    expect(read.find((n) => n.id === 'a')!.readAt).toBe('2026-11-22T12:00:00Z');
    expect(read.find((n) => n.id === 'b')!.readAt).toBeNull();
    expect(markLocallyRead(items, 'all', 'x').every((n) => n.readAt !== null)).toBe(true);
  });
});
