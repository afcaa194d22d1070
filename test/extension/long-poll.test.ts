import { describe, expect, it } from 'vitest';

import type { CountsChange } from '../../extension/lib/background/background-api';
import {
  LONG_POLL_WAIT_SECONDS,
  LongPoll,
  UNTAGGED_PAUSE_MS,
} from '../../extension/lib/background/long-poll';
import type { ApiResult } from '../../extension/lib/connection/api-client';
import type { Counts } from '../../shared/notifications';
import { counts } from './fixtures';

type Answer = ApiResult<CountsChange>;

/** A worker whose answers the test hands out one by one; records each request. */
function scriptedWorker() {
  const requests: { tag: string | null; wait: number; signal: AbortSignal; answer: (a: Answer) => void }[] =
    [];
  return {
    requests,
    countsWhenChanged: (tag: string | null, wait: number, signal: AbortSignal) =>
      new Promise<Answer>((resolve) => requests.push({ tag, wait, signal, answer: resolve })),
  };
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function harness() {
  const worker = scriptedWorker();
  const seen: (Counts | null)[] = [];
  const problems: string[] = [];
  const sleeps: number[] = [];
  const poll = new LongPoll({
    countsWhenChanged: worker.countsWhenChanged,
    onCounts: async (c) => void seen.push(c),
    onProblem: async (p) => void problems.push(p.kind),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  });
  return { worker, seen, problems, sleeps, poll };
}

describe('long poll', () => {
  it('asks first without a tag, then waits on the tag it got, and passes on changes and confirmations', async () => {
    const { worker, seen, poll } = harness();
    poll.start();
    await flush();
    expect(worker.requests.map((r) => r.tag)).toEqual([null]);
    const first = counts({ facebook: 1 }, { critical: 1 });
    worker.requests[0]!.answer({ ok: true, value: { changed: true, counts: first, tag: 'W/"a"' } });
    await flush();
    expect(worker.requests[1]).toMatchObject({ tag: 'W/"a"', wait: LONG_POLL_WAIT_SECONDS });
    worker.requests[1]!.answer({ ok: true, value: { changed: false, tag: 'W/"a"' } });
    await flush();
    const second = counts({ facebook: 2 }, { critical: 2 });
    worker.requests[2]!.answer({ ok: true, value: { changed: true, counts: second, tag: 'W/"b"' } });
    await flush();
    expect(seen).toEqual([first, null, second]);
    expect(worker.requests[3]!.tag).toBe('W/"b"');
    poll.stop();
  });

  it('backs off after a failure and starts again without a tag', async () => {
    const { worker, problems, sleeps, poll } = harness();
    poll.start();
    await flush();
    worker.requests[0]!.answer({ ok: true, value: { changed: true, counts: counts({}, {}), tag: 'W/"a"' } });
    await flush();
    worker.requests[1]!.answer({ ok: false, problem: { kind: 'unreachable' } });
    await flush();
    expect(problems).toEqual(['unreachable']);
    expect(sleeps).toHaveLength(1);
    expect(worker.requests[2]!.tag).toBeNull();
    worker.requests[2]!.answer({ ok: false, problem: { kind: 'server', status: 502 } });
    await flush();
    // Exponential: the second pause may be longer than the first (full jitter, random fixed at 0.5).
    expect(sleeps[1]).toBeGreaterThan(sleeps[0]!);
    poll.stop();
  });

  it('pauses between answers without a tag instead of asking again at once', async () => {
    const { worker, sleeps, poll } = harness();
    poll.start();
    await flush();
    worker.requests[0]!.answer({ ok: true, value: { changed: true, counts: counts({}, {}), tag: null } });
    await flush();
    expect(sleeps).toEqual([UNTAGGED_PAUSE_MS]);
    poll.stop();
  });

  it('aborts the request under way when stopped and asks nothing more', async () => {
    const { worker, seen, poll } = harness();
    poll.start();
    await flush();
    expect(poll.isRunning).toBe(true);
    poll.stop();
    expect(poll.isRunning).toBe(false);
    expect(worker.requests[0]!.signal.aborted).toBe(true);
    worker.requests[0]!.answer({ ok: true, value: { changed: true, counts: counts({}, {}), tag: 'W/"a"' } });
    await flush();
    expect(seen).toEqual([]);
    expect(worker.requests).toHaveLength(1);
  });
});
