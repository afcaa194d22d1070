/**
 * Group commit for a Durable Object's writes. Every storage commit of a SQLite Durable Object
 * is made durable before its answer leaves, and that takes milliseconds; requests that arrive
 * while one commit is on its way are applied together in one synchronous turn once it is done,
 * so one commit covers all of them. Each job still runs on its own (its caller wraps it in a
 * transaction, so a request stays all or nothing), and each caller is answered only after the
 * commit holding its writes is durable.
 */
export interface CommitGroupOptions {
  /** Resolves when every write made so far is durable (a Durable Object's `storage.sync()`). */
  sync: () => Promise<void>;
  /** Runs after each batch was applied, before its commit: one push for many requests. */
  afterBatch?: () => void;
}

interface Job {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class CommitGroup {
  private queue: Job[] = [];
  private flushing = false;

  constructor(private readonly options: CommitGroupOptions) {}

  /** Runs `job` now if no commit is pending, else with the next batch; answers after its commit. */
  run<T>(job: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run: job, resolve: resolve as (value: unknown) => void, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        const outcomes = batch.map(runJob);
        // A failed push must not keep the batch's callers waiting: their writes stand.
        try {
          this.options.afterBatch?.();
        } catch (error) {
          console.error(`push after a batch failed: ${error instanceof Error ? error.name : typeof error}`);
        }
        try {
          await this.options.sync();
        } catch (error) {
          for (const job of batch) job.reject(error);
          continue;
        }
        batch.forEach((job, i) => settle(job, outcomes[i]!));
      }
    } finally {
      this.flushing = false;
    }
  }
}

function runJob(job: Job): Outcome {
  try {
    return { ok: true, value: job.run() };
  } catch (error) {
    return { ok: false, error };
  }
}

function settle(job: Job, outcome: Outcome): void {
  if (outcome.ok) job.resolve(outcome.value);
  else job.reject(outcome.error);
}
