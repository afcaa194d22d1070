import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../worker/rules/cursor';

describe('list cursor', () => {
  it('round-trips', () => {
    const cursor = { lastAtMs: 1_780_000_000_123, id: 'b1e2-ü/+=' };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it('rejects what it did not make', () => {
    for (const bad of ['', 'x', 'not a cursor', '!!!!', btoa('[1]'), btoa('["a","b"]'), btoa('[-1,"a"]'), btoa('{"a":1}')]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});
