// `npm run bench`: ingest, reads, event-to-badge and sizes against a throwaway local worker;
// writes bench/RESULTS.md. Flags: --quick (small counts), --no-badge, --only=ingest,reads,badge,popup,email,team,sizes.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildExtension } from '../scripts/lib/build-extension.mjs';
import { createKey } from '../scripts/lib/local-worker.mjs';
import { extensionSizes, workerBundleSize } from '../test/support/sizes.mjs';
import { benchBadge } from './lib/badge.mjs';
import { CHROMIUM, chromiumAvailable } from './lib/chromium.mjs';
import { benchEmailBadge, benchEmailThroughput } from './lib/email.mjs';
import { floodSection } from './lib/flood-report.mjs';
import { benchIngest } from './lib/ingest.mjs';
import { describeMachine } from './lib/machine.mjs';
import { benchPopup } from './lib/popup.mjs';
import { benchReads, provisionReadsTenant } from './lib/reads.mjs';
import { renderResults } from './lib/report.mjs';
import { benchFanout, benchTeamCounts } from './lib/team.mjs';
import { killAllWorkers, startBenchWorker } from './lib/worker.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wants = (part) => !only || only.includes(part);

const options = quick
  ? {
      quick,
      ingestLevels: [
        { connections: 1, amount: 100 },
        { connections: 10, amount: 300 },
        { connections: 50, amount: 500 },
      ],
      readSizes: [1_000, 3_000],
      readSamples: 50,
      badgeEvents: 5,
      badgeSettleMs: 0,
      popupOpens: 5,
      popupUnread: 50,
      emailMessages: 40,
      emailBadgeMessages: 5,
      teamSizes: [1_000, 3_000],
      teamSamples: 50,
      fanoutEvents: 20,
    }
  : {
      quick,
      ingestLevels: [
        { connections: 1, amount: 1_000 },
        { connections: 10, amount: 3_000 },
        { connections: 50, amount: 5_000 },
      ],
      readSizes: [1_000, 10_000, 100_000],
      readSamples: 300,
      badgeEvents: 50,
      badgeSettleMs: 90_000,
      popupOpens: 30,
      popupUnread: 50,
      emailMessages: 400,
      emailBadgeMessages: 50,
      teamSizes: [1_000, 10_000, 100_000],
      teamSamples: 300,
      fanoutEvents: 100,
    };

const log = (line) => console.log(line);

async function measureSizes() {
  const extOut = await mkdtemp(join(tmpdir(), 'marketo-notifier-bench-size-'));
  const workerOut = await mkdtemp(join(tmpdir(), 'marketo-notifier-bench-bundle-'));
  try {
    const extension = await extensionSizes(await buildExtension({ outDir: extOut }));
    const worker = await workerBundleSize(workerOut);
    return { extension, worker };
  } finally {
    await rm(extOut, { recursive: true, force: true });
    await rm(workerOut, { recursive: true, force: true });
  }
}

async function main() {
  const started = Date.now();
  const machine = describeMachine();
  log(`bench on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}${quick ? ' [quick]' : ''}`);
  const results = {
    machine,
    options,
    ingest: null,
    reads: null,
    badge: null,
    popup: null,
    email: null,
    team: null,
    sizes: null,
  };
  if (!chromiumAvailable()) options.badgeSkipped = `${CHROMIUM} not installed`;
  if (args.includes('--no-badge') || !wants('badge')) options.badgeSkipped = 'skipped by a flag';

  const worker = await startBenchWorker();
  try {
    log(`worker at ${worker.url}`);
    if (wants('ingest')) {
      log('ingest');
      const newIngestKey = async () =>
        (await createKey(worker.url, worker.rootToken, worker.tenant, 'ingest', 'bench ingest')).key;
      results.ingest = await benchIngest({
        url: worker.url,
        newIngestKey,
        levels: options.ingestLevels,
        log,
      });
    }
    if (wants('reads')) {
      log('reads');
      const keys = await provisionReadsTenant(worker);
      results.reads = await benchReads({
        url: worker.url,
        keys,
        sizes: options.readSizes,
        samples: options.readSamples,
        log,
      });
    }
    if (!options.badgeSkipped) {
      log('event to badge');
      results.badge = await benchBadge({
        worker,
        events: options.badgeEvents,
        settleMs: options.badgeSettleMs,
        log,
      });
    }
    if (wants('popup') && chromiumAvailable()) {
      log('popup time to feed');
      results.popup = await benchPopup({
        worker,
        opens: options.popupOpens,
        unread: options.popupUnread,
        log,
      });
    }
    if (wants('email')) {
      log('e-mail');
      const throughput = [];
      for (const concurrency of [1, 8])
        throughput.push(
          await benchEmailThroughput({ worker, messages: options.emailMessages, concurrency, log }),
        );
      // Chromium and --no-badge decide, not --only: `--only=email` measures the whole e-mail path.
      const noBrowser = !chromiumAvailable() || args.includes('--no-badge');
      const badge = noBrowser
        ? null
        : await benchEmailBadge({ worker, messages: options.emailBadgeMessages, log });
      results.email = { throughput, badge };
    }
    if (wants('team')) {
      log('teams: counts as store and team grow, and fan-out to every member');
      const counts = await benchTeamCounts({
        worker,
        sizes: options.teamSizes,
        samples: options.teamSamples,
        log,
      });
      const fanout = await benchFanout({ worker, events: options.fanoutEvents, log });
      results.team = { counts, fanout };
    }
  } finally {
    await worker.stop();
  }
  if (wants('sizes')) {
    log('sizes');
    results.sizes = await measureSizes();
  }
  const seconds = (Date.now() - started) / 1000;
  if (only) {
    console.log(JSON.stringify(results, null, 2));
    log('partial run (--only): bench/RESULTS.md left as it was');
    return;
  }
  const path = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  // The flood section comes from `npm run torture`: kept as it was.
  const flood = floodSection(await readFile(path, 'utf8').catch(() => ''));
  await writeFile(path, renderResults({ ...results, seconds }) + (flood ? `\n${flood}\n` : ''));
  log(`wrote ${path}`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAllWorkers();
    process.exit(130);
  });
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error}`);
  killAllWorkers();
  process.exit(1);
});
