import { describe, expect, it } from 'vitest';

import { CommitGroup } from '../../../worker/store/commit-group';

/** A sync() the test completes by hand, recording what each commit covered. */
function manualSync() {
  const pending: (() => void)[] = [];
  return {
    sync: () => new Promise<void>((resolve) => pending.push(resolve)),
    commitNext: async () => {
      pending.shift()?.();
      // Let the group settle its callers and start the next batch.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    pendingCommits: () => pending.length,
  };
}

describe('commit group', () => {
  it('runs the first job at once and the jobs that arrive during its commit together, in order', async () => {
    const commits = manualSync();
    const ran: string[] = [];
    const batches: string[][] = [];
    let current: string[] = [];
    const group = new CommitGroup({
      sync: commits.sync,
      afterBatch: () => {
        batches.push(current);
        current = [];
      },
    });
    const job = (name: string) => () => {
      ran.push(name);
      current.push(name);
      return name.toUpperCase();
    };
    const answers = [group.run(job('a')), group.run(job('b')), group.run(job('c'))];
    expect(ran).toEqual(['a']);
    expect(commits.pendingCommits()).toBe(1);
    await commits.commitNext();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(batches).toEqual([['a'], ['b', 'c']]);
    await commits.commitNext();
    expect(await Promise.all(answers)).toEqual(['A', 'B', 'C']);
  });

  it('answers a caller only after the commit holding its writes is done', async () => {
    const commits = manualSync();
    const group = new CommitGroup({ sync: commits.sync });
    let answered = false;
    void group.run(() => 1).then(() => (answered = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(answered).toBe(false);
    await commits.commitNext();
    expect(answered).toBe(true);
  });

  it('rejects only the job that threw; the others of its batch are answered', async () => {
    const commits = manualSync();
    const group = new CommitGroup({ sync: commits.sync });
    const first = group.run(() => 'first');
    const failing = group.run(() => {
      throw new Error('rule failed');
    });
    const last = group.run(() => 'last');
    await commits.commitNext();
    await commits.commitNext();
    await expect(first).resolves.toBe('first');
    await expect(failing).rejects.toThrow('rule failed');
    await expect(last).resolves.toBe('last');
  });

  it('rejects a whole batch whose commit failed, and goes on with the next', async () => {
    let fail = true;
    const group = new CommitGroup({
      sync: async () => (fail ? Promise.reject(new Error('disk')) : undefined),
    });
    await expect(group.run(() => 1)).rejects.toThrow('disk');
    fail = false;
    await expect(group.run(() => 2)).resolves.toBe(2);
  });

  it('answers the batch when the push after it fails: the writes stand', async () => {
    const commits = manualSync();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const group = new CommitGroup({
        sync: commits.sync,
        afterBatch: () => {
          throw new TypeError('a socket went away');
        },
      });
      const answer = group.run(() => 'written');
      await commits.commitNext();
      expect(await answer).toBe('written');
      const next = group.run(() => 'again');
      await commits.commitNext();
      expect(await next).toBe('again');
      expect(errors).toEqual([
        'push after a batch failed: TypeError',
        'push after a batch failed: TypeError',
      ]);
    } finally {
      console.error = original;
    }
  });
});
