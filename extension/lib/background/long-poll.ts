import type { Counts } from '../../../shared/notifications';
import type { ApiResult } from '../connection/api-client';
import type { ConnectionProblem } from '../connection/connection-problem';
import type { CountsChange } from './background-api';
import { delayAfter, STREAM_BACKOFF } from './backoff';

/** Under the 30 s Chrome gives a service worker's fetch to answer (the worker caps it at 25 s too). */
export const LONG_POLL_WAIT_SECONDS = 25;
/** Between answers that carry no ETag, which turn the long poll into a plain one. */
export const UNTAGGED_PAUSE_MS = 15_000;

export interface LongPollDeps {
  countsWhenChanged: (
    knownTag: string | null,
    waitSeconds: number,
    signal: AbortSignal,
  ) => Promise<ApiResult<CountsChange>>;
  /** New counts, or (`null`) the known counts confirmed unchanged. */
  onCounts: (counts: Counts | null) => Promise<void>;
  onProblem: (problem: ConnectionProblem) => Promise<void>;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

/**
 * The fallback where WebSockets are blocked (some proxies refuse the upgrade): GET /v1/counts
 * with If-None-Match and Prefer: wait, one after the other, so that a change reaches the badge
 * about as fast as a push would. Failures back off like the stream does.
 */
export class LongPoll {
  private controller: AbortController | null = null;

  constructor(private readonly deps: LongPollDeps) {}

  get isRunning(): boolean {
    return this.controller !== null;
  }

  start(): void {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    void this.loop(controller.signal).finally(() => {
      if (this.controller === controller) this.controller = null;
    });
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const sleep = this.deps.sleep ?? abortableSleep;
    let tag: string | null = null;
    let failures = 0;
    while (!signal.aborted) {
      const answer = await this.deps.countsWhenChanged(tag, LONG_POLL_WAIT_SECONDS, signal);
      if (signal.aborted) return;
      if (answer.ok) {
        failures = 0;
        tag = answer.value.tag;
        await this.deps.onCounts(answer.value.changed ? answer.value.counts : null);
        // Without a tag (a proxy dropped it) the worker cannot wait: do not ask again at once.
        if (tag === null) await sleep(UNTAGGED_PAUSE_MS, signal);
        continue;
      }
      tag = null;
      await this.deps.onProblem(answer.problem);
      await sleep(delayAfter(answer.problem, failures++, STREAM_BACKOFF, this.deps.random), signal);
    }
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
