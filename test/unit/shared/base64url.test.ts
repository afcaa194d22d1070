import { describe, expect, it } from 'vitest';

import { fromBase64Url, toBase64Url } from '../../../shared/base64url';

describe('base64url', () => {
  it('uses - and _ instead of + and /, without padding', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(toBase64Url(new Uint8Array([1]))).toBe('AQ');
    expect(toBase64Url('[1,"a"]')).toBe('WzEsImEiXQ');
  });

  it('reads back what it wrote, bytes and text alike', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = fromBase64Url(toBase64Url(bytes));
    expect(Uint8Array.from(text, (c) => c.charCodeAt(0))).toEqual(bytes);
    expect(fromBase64Url(toBase64Url('[1700000000000,"id-1"]'))).toBe('[1700000000000,"id-1"]');
  });

  it('throws on text that is not base64', () => {
    expect(() => fromBase64Url('a')).toThrow();
  });
});
