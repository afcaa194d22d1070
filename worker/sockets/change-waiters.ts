/** Requests waiting for the next change (GET /v1/counts with Prefer: wait, where WebSockets are blocked). */
export class ChangeWaiters {
  private readonly waiting = new Set<() => void>();

  /** Resolves at the next wakeAll(), or after `timeoutMs`. */
  next(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiting.add(done);
    });
  }

  wakeAll(): void {
    for (const wake of [...this.waiting]) wake();
  }
}
