// `npm run torture`: fault tests against a throwaway local worker (127.0.0.1 only).
//   1. crash: events from 50 clients, kill -9 of the runtime midway, restart on the same state;
//   2. malformed: thousands of bad requests, zero 5xx, state unchanged;
//   3. concurrency: quota usage and LinkedIn runs exact under interleaving;
//   4. flood: one key posts 200,000 distinct notifications while 50 sockets are open; storage stays
//      bounded, retention keeps exactly the newest, a second tenant's reads stay fast. A full run
//      writes its figures into bench/RESULTS.md.
// `--short` for CI (a few hundred events, well under 2 minutes). `--seed=N` repeats a malformed run;
// `--only=crash,malformed,usage,linkedin,flood` runs some phases.
// Exits non-zero when an invariant breaks; always ends the processes it started.
// TORTURE_LOG=<file> appends everything the worker prints to that file.
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { renderFlood, writeFloodSection } from './lib/flood-report.mjs';
import { Invariants } from './lib/torture/checks.mjs';
import { linkedinPhase, usagePhase } from './lib/torture/concurrency.mjs';
import { crashPhase } from './lib/torture/crash.mjs';
import { floodPhase } from './lib/torture/flood.mjs';
import { malformedPhase } from './lib/torture/malformed.mjs';
import { provisionTenant } from './lib/torture/tenants.mjs';
import { killAllWorkers, startBenchWorker } from './lib/worker.mjs';

const args = process.argv.slice(2);
const short = args.includes('--short');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wants = (part) => !only || only.includes(part);
const seed = Number(args.find((a) => a.startsWith('--seed='))?.slice(7) ?? Date.now() % 1_000_000);

const SIZES = short
  ? {
      crashEvents: 300,
      clients: 50,
      malformed: 1_000,
      usageRounds: 3,
      linkedinTargets: 12,
      flood: 3_000,
      floodSockets: 10,
      limitSeconds: 240,
    }
  : {
      crashEvents: 10_000,
      clients: 50,
      malformed: 10_000,
      usageRounds: 20,
      linkedinTargets: 60,
      flood: 200_000,
      floodSockets: 50,
      limitSeconds: 1_800,
    };
/**
 * The flood tenant's SQLite file may not pass this: the default retention (10,000 notifications,
 * pruned inline past 11,000) and at most 50,000 remembered event ids, with their indexes.
 */
const FLOOD_STORAGE_BOUND_BYTES = 64 * 1_048_576;

const log = (line) => console.log(line);
const invariants = new Invariants();

/** Everything the worker prints is searched for the keys: none may ever appear in a log. */
let workerOutput = '';
const collectOutput = (text) => {
  workerOutput = (workerOutput + text).slice(-2_000_000);
  if (process.env.TORTURE_LOG) appendFileSync(process.env.TORTURE_LOG, text);
};

async function phase(name, part, run) {
  if (!wants(part)) return;
  const started = Date.now();
  log(`\n== ${name}`);
  try {
    await run();
  } catch (error) {
    invariants.check(false, `${name} ran to the end`, error.stack ?? String(error));
  }
  log(`   (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main() {
  const deadline = Date.now() + SIZES.limitSeconds * 1000;
  log(
    `torture${short ? ' --short' : ''}: ${SIZES.crashEvents} events with a crash, ${SIZES.malformed} bad ` +
      `requests, a flood of ${SIZES.flood}, seed ${seed}`,
  );
  const worker = await startBenchWorker({ onOutput: collectOutput });
  const secrets = [worker.rootToken];
  try {
    log(`worker at ${worker.url}`);
    const crashTenant = await provisionTenant(worker, '987-CRH-654');
    const badTenant = await provisionTenant(worker, '987-MAL-654');
    const busyTenant = await provisionTenant(worker, '987-CON-654');
    for (const t of [crashTenant, badTenant, busyTenant]) secrets.push(...Object.values(t.keys));

    await phase('crash and restart', 'crash', () =>
      crashPhase({
        worker,
        keys: crashTenant.keys,
        events: SIZES.crashEvents,
        clients: SIZES.clients,
        deadline,
        invariants,
        log,
      }),
    );
    await phase('malformed requests', 'malformed', () =>
      malformedPhase({
        url: worker.url,
        keys: badTenant.keys,
        secrets,
        requests: SIZES.malformed,
        seed,
        deadline,
        invariants,
        log,
      }),
    );
    await phase('concurrent quota usage', 'usage', () =>
      usagePhase({
        url: worker.url,
        keys: busyTenant.keys,
        clients: SIZES.clients,
        rounds: SIZES.usageRounds,
        invariants,
        log,
      }),
    );
    await phase('concurrent LinkedIn failures', 'linkedin', () =>
      linkedinPhase({
        url: worker.url,
        keys: busyTenant.keys,
        targets: SIZES.linkedinTargets,
        clients: SIZES.clients,
        invariants,
        log,
      }),
    );
    await phase('flood', 'flood', async () => {
      const floodTenant = await provisionTenant(worker, '987-FLD-654');
      const quietTenant = await provisionTenant(worker, '987-QUI-654');
      for (const t of [floodTenant, quietTenant]) secrets.push(...Object.values(t.keys));
      const result = await floodPhase({
        worker,
        floodTenant,
        quietTenant,
        notifications: SIZES.flood,
        sockets: SIZES.floodSockets,
        storageBoundBytes: FLOOD_STORAGE_BOUND_BYTES,
        deadline,
        invariants,
        log,
      });
      // The 2x goal is a figure of the full run; a short run on a busy CI machine only reports it.
      if (!short) {
        invariants.check(
          result.withinTwice,
          "the second tenant's p95 read latency during the flood stays within 2x of its quiet value",
          `${(result.during.p95 / result.quiet.p95).toFixed(2)}x`,
        );
        await writeFloodSection(
          fileURLToPath(new URL('./RESULTS.md', import.meta.url)),
          renderFlood(result, { date: new Date().toISOString() }),
        );
        log('   figures written to bench/RESULTS.md');
      }
    });
  } finally {
    await worker.stop();
  }
  const leaked = secrets.filter((s) => workerOutput.includes(s)).length;
  invariants.check(leaked === 0, 'no key or root token in the worker log', `${leaked} found`);
  // Only the crash phase's own kill -9 may end the runtime; wrangler says so when it restarts a crashed one.
  const crashes = workerOutput.split('The Workers runtime crashed unexpectedly').length - 1;
  invariants.check(crashes === 0, 'the runtime never crashed on its own', `${crashes} crashes`);
  invariants.check(Date.now() <= deadline, `finished within ${SIZES.limitSeconds} s`);
}

function summarize() {
  log(`\n${invariants.passed.length} invariants held, ${invariants.failures.length} broken`);
  for (const failure of invariants.failures) console.error(`BROKEN: ${failure}`);
  if (!invariants.ok) {
    // What the worker said about faults, to diagnose a broken run (keys never reach the log: checked above).
    const faults = workerOutput
      .split('\n')
      .filter((line) => /error|exception|overload|reset|exceeded/i.test(line));
    if (faults.length > 0)
      console.error(
        `worker log, ${faults.length} fault lines, the last 40:\n${faults.slice(-40).join('\n')}`,
      );
  }
  return invariants.ok ? 0 : 1;
}

// A hard stop: a hung request or restart must not keep CI waiting.
const hardStop = setTimeout(
  () => {
    console.error(`torture: hard time limit of ${SIZES.limitSeconds + 60} s reached`);
    killAllWorkers();
    process.exit(1);
  },
  (SIZES.limitSeconds + 60) * 1000,
);
hardStop.unref();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAllWorkers();
    process.exit(130);
  });
}

main()
  .then(() => process.exit(summarize()))
  .catch((error) => {
    console.error(`torture failed: ${error.stack ?? error}`);
    killAllWorkers();
    summarize();
    process.exit(1);
  });
