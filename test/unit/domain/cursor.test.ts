import { describe, expect, it } from 'vitest';

import { decodeCursor, encodeCursor } from '../../../worker/domain/cursor';

describe('list cursor', () => {
  it('round-trips', () => {
    const cursor = { lastAtMs: 1_780_000_000_123, id: 'b1e2-ü/+=' };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it('round-trips times before 1970', () => {
    for (const lastAtMs of [-2_208_988_800_000, -62_167_219_200_000, -1]) {
      expect(decodeCursor(encodeCursor({ lastAtMs, id: 'a' }))).toEqual({ lastAtMs, id: 'a' });
    }
  });

  it('rejects what it did not make', () => {
    for (const bad of [
      '',
      'x',
      'not a cursor',
      '!!!!',
      btoa('[1]'),
      btoa('["a","b"]'),
      btoa('[1.5,"a"]'),
      btoa('[1e300,"a"]'),
      btoa('{"a":1}'),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});
