// `npm run demo`: posts one event of every type to the local worker started by `npm start`.
// `npm run demo -- --email`: sends Marketo notification e-mails through the local e-mail trigger.
// `npm run demo -- --io-events`: registers the demo tenant's stream URL and posts signed events of
// Marketo's own streams (Adobe I/O Events), verified with the local key host of `npm start`.
import { DEMO_FILE, readDemoConfig } from './lib/demo-config.mjs';
import { DEMO_EMAILS, demoEmail, sendLocalEmail } from './lib/demo-emails.mjs';
import { everyTypeBatch } from './lib/demo-events.mjs';
import { everyIoEvent, postSignedDelivery, registerIoEvents } from './lib/demo-io-events.ts';
import { callWorker, ensureEmailAddress } from './lib/local-worker.mjs';

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
  must(
    await callWorker(workerUrl, '/v1/usage', { method: 'POST', token: keys.ingest, body: { calls } }),
    'post usage',
  );
  console.log(`usage: +${calls} calls -> ${target} of ${limit} (above ${QUOTA_WARNING_PERCENT} %)`);
}

const verdict = (result) =>
  result.rejectReason
    ? `refused: ${result.rejectReason}`
    : result.outcome === 'ok'
      ? 'accepted'
      : `HTTP ${result.status} ${result.outcome}`;

/** Four realistic mails to the demo tenant's address, and one to an address nobody has. */
async function sendEmails(workerUrl, keys) {
  const to = await ensureEmailAddress(workerUrl, keys.admin);
  console.log(`Sending e-mails to ${to} through ${workerUrl}/cdn-cgi/local/email:`);
  for (const [n, { fixture, about }] of DEMO_EMAILS.entries()) {
    const result = await sendLocalEmail(workerUrl, { to, raw: await demoEmail(fixture, to, n) });
    console.log(`  ${fixture.padEnd(24)} ${about.padEnd(52)} -> ${verdict(result)}`);
  }
  const unknown = to.replace(/^[^.]+\.[a-z0-9]+@/, 'nobody.000000000000000000000000@');
  const refused = await sendLocalEmail(workerUrl, {
    to: unknown,
    raw: await demoEmail('facebook.en', unknown),
  });
  console.log(`  ${'to an unknown address'.padEnd(77)} -> ${verdict(refused)}`);
}

/** Registers (rotates) the stream URL, then posts every kind of event, one signed delivery each. */
async function postIoEvents(workerUrl, keys, tenant) {
  const url = await registerIoEvents(workerUrl, keys.admin);
  console.log(`Registered the stream URL ${url} (a new one each run; the previous one now answers 404).`);
  console.log("Posting signed deliveries of Marketo's own streams:");
  for (const [about, item] of everyIoEvent({ munchkinId: tenant })) {
    const result = await postSignedDelivery(url, [item]);
    console.log(`  ${about.padEnd(28)} ${item.event.body.type.padEnd(58)} -> HTTP ${result.status}`);
  }
  const answer = await callWorker(workerUrl, '/v1/io-events', { token: keys.admin });
  const state = must(answer, 'read the stream state');
  console.log(`Stream state: last event ${state.lastEventAt}, ${JSON.stringify(state.byType)}`);
}

async function main() {
  const config = await readDemoConfig();
  if (!config?.keys?.ingest)
    throw new Error(`No ${DEMO_FILE}: run \`npm start\` first (and keep it running).`);
  const { workerUrl, keys } = config;
  if (process.argv.includes('--io-events')) {
    await postIoEvents(workerUrl, keys, config.tenant);
    return printCounts(workerUrl, keys);
  }
  if (process.argv.includes('--email')) {
    await sendEmails(workerUrl, keys);
    return printCounts(workerUrl, keys);
  }

  const events = everyTypeBatch();
  const accepted = must(
    await callWorker(workerUrl, '/v1/events', { method: 'POST', token: keys.ingest, body: { events } }),
    'post events',
  );
  console.log(`Posted ${events.length} events to ${workerUrl} (tenant ${config.tenant}):`);
  for (const event of events) console.log(`  ${describe(event)}`);
  console.log(`-> accepted ${accepted.accepted}, duplicates ${accepted.duplicates}`);
  console.log('The demo channels send them to the local inbox: http://127.0.0.1:8791 (a simulation).');

  await crossQuotaWarning(workerUrl, keys);
  await printCounts(workerUrl, keys);
}

async function printCounts(workerUrl, keys) {
  const counts = must(await callWorker(workerUrl, '/v1/counts', { token: keys.read }), 'read counts');
  console.log('\nCounts now:');
  console.log(`  unread      ${counts.unread}`);
  console.log(`  by type     ${JSON.stringify(counts.byType)}`);
  console.log(`  by severity ${JSON.stringify(counts.bySeverity)}`);
  console.log(`  quota       ${counts.quota.used} / ${counts.quota.limit}, resets ${counts.quota.resetsAt}`);
}

main().catch((error) => {
  console.error(
    error.cause?.code === 'ECONNREFUSED'
      ? 'The worker is not running: start it with `npm start`.'
      : error.message,
  );
  process.exit(1);
});
