import { describe, expect, it } from 'vitest';

import { mergeDigest } from '../../../worker/domain/merge';
import { digestForLead, digestWindow, isDigestCause } from '../../../worker/rules/dynamics-digest';

const at = (iso: string) => Date.parse(iso);

describe('dynamics digest', () => {
  it('aligns windows to the epoch in UTC', () => {
    expect(digestWindow(at('2026-05-05T17:30:00Z'), 24)).toEqual({
      startMs: at('2026-05-05T00:00:00Z'),
      endMs: at('2026-05-06T00:00:00Z'),
    });
    expect(digestWindow(at('2026-05-05T17:30:00Z'), 6)).toEqual({
      startMs: at('2026-05-05T12:00:00Z'),
      endMs: at('2026-05-05T18:00:00Z'),
    });
  });

  it('knows which problems are lead failures', () => {
    expect(isDigestCause('duplicate_lead')).toBe(true);
    expect(isDigestCause('field_length')).toBe(true);
    expect(isDigestCause('other')).toBe(true);
    expect(isDigestCause('permissions')).toBe(false);
  });

  it('adds causes up and keeps the last 100 lead ids, oldest first', () => {
    const window = digestWindow(at('2026-05-05T17:30:00Z'), 24);
    let digest = digestForLead(window, 'duplicate_lead', 0);
    for (let i = 1; i < 150; i++)
      digest = mergeDigest(digest, digestForLead(window, i % 2 ? 'field_length' : 'duplicate_lead', i));
    digest = mergeDigest(digest, digestForLead(window, 'other', undefined));
    expect(digest.causes).toEqual({ duplicate_lead: 75, field_length: 75, other: 1 });
    expect(digest.leads).toHaveLength(100);
    expect(digest.leads[0]).toBe(50);
    expect(digest.leads[99]).toBe(149);
    expect(digest.windowStart).toBe('2026-05-05T00:00:00.000Z');
    expect(digest.windowEnd).toBe('2026-05-06T00:00:00.000Z');
  });
});
