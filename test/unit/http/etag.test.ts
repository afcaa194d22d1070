import { describe, expect, it } from 'vitest';

import { emptyCounts } from '../../../shared/notifications';
import { countsTag, parseIfNoneMatch, tagMatches } from '../../../worker/http/etag';

const quota = { used: 10, limit: 50_000, resetsAt: '2026-11-24T06:00:00.000Z' };

describe('counts tag', () => {
  it('is equal for equal counts and differs when anything changes', () => {
    const a = emptyCounts(quota);
    expect(countsTag(a)).toBe(countsTag(emptyCounts({ ...quota })));
    expect(countsTag(a)).toMatch(/^W\/"c[0-9a-f]+"$/);
    const others = [
      { ...a, unread: 1 },
      { ...a, byType: { ...a.byType, linkedin: 1 } },
      { ...a, bySeverity: { ...a.bySeverity, critical: 1 } },
      { ...a, quota: { ...quota, used: 11 } },
      { ...a, quota: { ...quota, resetsAt: '2026-11-25T06:00:00.000Z' } },
    ];
    const tags = new Set([a, ...others].map(countsTag));
    expect(tags.size).toBe(others.length + 1);
  });

  it('matches If-None-Match weakly, in lists, and with *', () => {
    const tag = countsTag(emptyCounts(quota));
    const bare = tag.slice(2);
    expect(tagMatches(parseIfNoneMatch(tag), tag)).toBe(true);
    expect(tagMatches(parseIfNoneMatch(bare), tag)).toBe(true);
    expect(tagMatches(parseIfNoneMatch(`"other", ${tag}`), tag)).toBe(true);
    expect(tagMatches(parseIfNoneMatch('*'), tag)).toBe(true);
    expect(tagMatches(parseIfNoneMatch('"other"'), tag)).toBe(false);
    expect(tagMatches(parseIfNoneMatch('not a tag'), tag)).toBe(false);
    expect(tagMatches(parseIfNoneMatch(undefined), tag)).toBe(false);
  });
});
