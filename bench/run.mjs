// `npm run bench`: ingest, reads, event-to-badge and sizes against a throwaway local worker;
// writes bench/RESULTS.md. Flags: --quick (small counts), --no-badge, --only=ingest,reads,badge,popup,email,team,
// ioevents,outbound,instances,memory,sizes. A run with --only writes the sections it measured into
// bench/RESULTS.md and leaves the others as they are.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildExtension } from '../scripts/lib/build-extension.mjs';
import { startDemoKeyHost } from '../scripts/lib/demo-io-events.ts';
import { startInbox } from '../scripts/lib/inbox/server.ts';
import { createKey, randomToken } from '../scripts/lib/local-worker.mjs';
import { extensionSizes, workerBundleSize } from '../test/support/sizes.mjs';
import { benchBadge } from './lib/badge.mjs';
import { CHROMIUM, chromiumAvailable } from './lib/chromium.mjs';
import { benchEmailBadge, benchEmailThroughput } from './lib/email.mjs';
import { floodSection } from './lib/flood-report.mjs';
import { benchIngest } from './lib/ingest.mjs';
import { benchInstances } from './lib/instances.mjs';
import { benchIoEvents } from './lib/io-events.mjs';
import { describeMachine } from './lib/machine.mjs';
import { benchMemory } from './lib/memory.mjs';
import { benchOutbound } from './lib/outbound.mjs';
import { benchPopup } from './lib/popup.mjs';
import { benchReads, provisionReadsTenant } from './lib/reads.mjs';
import { renderResults, withSections } from './lib/report.mjs';
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
      ioEvents: 5,
      ioBatches: 2,
      outboundEvents: 5,
      instanceEvents: 5,
      outboundBatches: 6,
      burstWatchMs: 15_000,
      memoryConnections: 10,
      memoryMinutes: 1,
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
      ioEvents: 20,
      ioBatches: 5,
      outboundEvents: 20,
      instanceEvents: 20,
      outboundBatches: 20,
      burstWatchMs: 60_000,
      memoryConnections: 10,
      memoryMinutes: 10,
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
    ioEvents: null,
    outbound: null,
    instances: null,
    memory: null,
    sizes: null,
  };
  if (!chromiumAvailable()) options.badgeSkipped = `${CHROMIUM} not installed`;
  if (args.includes('--no-badge') || !wants('badge')) options.badgeSkipped = 'skipped by a flag';

  const keyDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-bench-io-'));
  const keyFile = join(keyDir, 'key.json');
  const keyHost = wants('ioevents') ? await startDemoKeyHost({ port: 0, keyFile }) : null;
  const inbox = wants('outbound') ? await startInbox({ port: 0, host: '127.0.0.1' }) : null;
  const vars = {
    ...(keyHost ? { ADOBE_IO_KEYS_URL: keyHost.url } : {}),
    // Channel addresses are sealed with the connector's key.
    ...(inbox ? { OUTBOUND_DEV_HOSTS: `127.0.0.1:${inbox.port}`, CONNECTOR_KEY: randomToken(32) } : {}),
  };
  const worker = await startBenchWorker({ vars });
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
      // One connection, then two (issue 20: 2 connections with 50 unread each), in browsers of their own.
      results.popup = [];
      for (const connections of [1, 2])
        results.popup.push(
          await benchPopup({
            worker,
            opens: options.popupOpens,
            unread: options.popupUnread,
            connections,
            log,
          }),
        );
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
    if (wants('ioevents') && chromiumAvailable()) {
      log('Adobe I/O Events: signed delivery to badge, and verification per event');
      results.ioEvents = await benchIoEvents({
        worker,
        keyFile,
        events: options.ioEvents,
        batches: options.ioBatches,
        batchSize: 100,
        log,
      });
    }
    if (inbox) {
      log('outbound channels: event to message, ingest cost, burst throttle');
      results.outbound = await benchOutbound({
        worker,
        inbox,
        events: options.outboundEvents,
        batches: options.outboundBatches,
        batchSize: 50,
        burstEvents: 1_000,
        watchMs: options.burstWatchMs,
        log,
      });
    }
    if (wants('instances') && chromiumAvailable()) {
      log('several instances: event to badge with 2 connections');
      results.instances = await benchInstances({ worker, events: options.instanceEvents, log });
    }
    if (wants('memory') && chromiumAvailable()) {
      log(`the background's memory with ${options.memoryConnections} connections`);
      results.memory = await benchMemory({
        worker,
        connections: options.memoryConnections,
        minutes: options.memoryMinutes,
        eventEverySeconds: 3,
        log,
      });
    }
  } finally {
    await worker.stop();
    await inbox?.close();
    await keyHost?.close();
    await rm(keyDir, { recursive: true, force: true });
  }
  if (wants('sizes')) {
    log('sizes');
    results.sizes = await measureSizes();
  }
  const seconds = (Date.now() - started) / 1000;
  const path = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  if (only) {
    console.log(JSON.stringify(results, null, 2));
    if (quick) return log('quick partial run: bench/RESULTS.md left as it was');
    const kept = await readFile(path, 'utf8').catch(() => '');
    const { text, replaced } = withSections(kept, renderResults({ ...results, seconds }));
    await writeFile(path, text);
    log(`partial run (--only): ${replaced.length ? replaced.join('; ') : 'no section'} written to ${path}`);
    return;
  }
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
