// A throwaway local worker for the benchmarks and fault tests, built on the project's
// scripts/lib/local-worker.mjs, plus a hard crash (SIGKILL of the whole process group).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { provisionTenant, randomToken, startWorker } from '../../scripts/lib/local-worker.mjs';

export const BENCH_TENANT = '987-BEN-654';

/** Every worker started here, so that an exit on failure can still end them all. */
const running = new Set();

/**
 * Starts `wrangler dev` on a free port with a fresh state directory and provisions a tenant.
 * `crash()` SIGKILLs wrangler and workerd at once (no shutdown hooks run); `start()` brings the
 * worker back on the same port and state; `stop()` ends it and deletes the state.
 * `vars`: more worker variables (ADOBE_IO_KEYS_URL, OUTBOUND_DEV_HOSTS).
 * @param {{ tenant?: string, onOutput?: (chunk: string) => void, vars?: Record<string, string> }} [options]
 */
export async function startBenchWorker({ tenant = BENCH_TENANT, onOutput, vars } = {}) {
  const persistTo = await mkdtemp(join(tmpdir(), 'marketo-notifier-bench-'));
  const rootToken = randomToken();
  /** @type {Awaited<ReturnType<typeof startWorker>>} */
  let current = null;
  const launch = async (port) => {
    current = await startWorker({
      port,
      persistTo,
      rootToken,
      vars,
      onOutput,
      logLevel: 'info',
      timeoutMs: 120_000,
    });
    running.add(current);
  };
  const halt = async (how) => {
    if (!current) return;
    const worker = current;
    current = null;
    running.delete(worker);
    if (how === 'kill') killGroup(worker.pid);
    await worker.stop();
  };
  try {
    await launch();
    const { url, port } = current;
    const provisioned = await provisionTenant(url, rootToken, tenant, { label: 'bench' });
    return {
      url,
      port,
      rootToken,
      persistTo,
      ...provisioned,
      pid: () => current?.pid ?? null,
      crash: () => halt('kill'),
      start: () => launch(port),
      stop: async () => {
        await halt('term');
        await rm(persistTo, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await halt('term');
    await rm(persistTo, { recursive: true, force: true });
    throw error;
  }
}

/** kill -9 of the process group (wrangler is its leader; workerd is in it). */
export function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Last-resort cleanup for an exit on failure or Ctrl-C. */
export function killAllWorkers() {
  for (const worker of running) killGroup(worker.pid);
  running.clear();
}
