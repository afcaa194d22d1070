// `npm run demo`: posts one event of every type to the local worker started by `npm start`.
import { DEMO_FILE, readDemoConfig } from './lib/demo-config.mjs';
import { everyTypeBatch } from './lib/demo-events.mjs';
import { callWorker } from './lib/local-worker.mjs';

const QUOTA_WARNING_PERCENT = 80;

function describe(event) {
  const facts = Object.entries(event)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : value}`);
  return `${event.type.padEnd(26)} ${facts.join(' ')}`;
}

function must(result, what) {
  if (result.status >= 300) throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** Adds just enough API calls to cross the quota's warning threshold, if not crossed yet. */
async function crossQuotaWarning(workerUrl, keys) {
  const counts = must(await callWorker(workerUrl, '/v1/counts', { token: keys.read }), 'read counts');
  const { used, limit } = counts.quota;
  const target = Math.floor((limit * QUOTA_WARNING_PERCENT) / 100) + 1;
  if (used >= target) {
    console.log(`usage: already ${used} of ${limit} calls today, above ${QUOTA_WARNING_PERCENT} %`);
    return;
  }
  const calls = target - used;
  must(await callWorker(workerUrl, '/v1/usage', { method: 'POST', token: keys.ingest, body: { calls } }), 'post usage');
  console.log(`usage: +${calls} calls -> ${target} of ${limit} (above ${QUOTA_WARNING_PERCENT} %)`);
}

async function main() {
  const config = await readDemoConfig();
  if (!config?.keys?.ingest) throw new Error(`No ${DEMO_FILE}: run \`npm start\` first (and keep it running).`);
  const { workerUrl, keys } = config;

  const events = everyTypeBatch();
  const accepted = must(
    await callWorker(workerUrl, '/v1/events', { method: 'POST', token: keys.ingest, body: { events } }),
    'post events',
  );
  console.log(`Posted ${events.length} events to ${workerUrl} (tenant ${config.tenant}):`);
  for (const event of events) console.log(`  ${describe(event)}`);
  console.log(`-> accepted ${accepted.accepted}, duplicates ${accepted.duplicates}`);

  await crossQuotaWarning(workerUrl, keys);

  const counts = must(await callWorker(workerUrl, '/v1/counts', { token: keys.read }), 'read counts');
  console.log('\nCounts now:');
  console.log(`  unread      ${counts.unread}`);
  console.log(`  by type     ${JSON.stringify(counts.byType)}`);
  console.log(`  by severity ${JSON.stringify(counts.bySeverity)}`);
  console.log(`  quota       ${counts.quota.used} / ${counts.quota.limit}, resets ${counts.quota.resetsAt}`);
}

main().catch((error) => {
  console.error(error.cause?.code === 'ECONNREFUSED' ? 'The worker is not running: start it with `npm start`.' : error.message);
  process.exit(1);
});
