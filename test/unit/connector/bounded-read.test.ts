import { describe, expect, it } from 'vitest';

import { readAtMost } from '../../../worker/connector/bounded-read';

const KiB = 1024;

/** A body of `total` bytes made chunk by chunk as it is read; `pulled()` says how much was made. */
function generated(total: number, chunk = 64 * KiB) {
  let made = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (made >= total) return controller.close();
        const size = Math.min(chunk, total - made);
        made += size;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => made, cancelled: () => cancelled };
}

describe('readAtMost', () => {
  it('stops a body at the limit and cancels it, having made little more than the limit', async () => {
    const source = generated(1024 ** 3);
    const read = await readAtMost(new Response(source.body), 4 * 1024 * KiB);
    expect(read).toEqual({ ok: false, reason: 'too_large' });
    expect(source.cancelled()).toBe(true);
    expect(source.pulled()).toBeLessThanOrEqual(4 * 1024 * KiB + 64 * KiB);
  });

  it('reads a body up to the limit whole', async () => {
    const source = generated(256 * KiB);
    const read = await readAtMost(new Response(source.body), 256 * KiB);
    expect(read.ok && read.bytes.byteLength).toBe(256 * KiB);
  });

  it('refuses a declared length over the limit before reading', async () => {
    const source = generated(1024 * KiB);
    const response = new Response(source.body, { headers: { 'content-length': String(1024 * KiB) } });
    expect(await readAtMost(response, 512 * KiB)).toEqual({ ok: false, reason: 'too_large' });
    expect(source.pulled()).toBe(0);
  });
});
