// RESULTS.md sections for Adobe I/O Events (issue 21), outbound channels (issue 19) and several
// instances (issue 20); each says when, at which commit and at what load average it was measured.
import { ms, num, table } from './stats.mjs';

/** When, at which commit and at what load a section was measured (partial runs write sections alone). */
export const measured = (m) =>
  `Measured ${m.date} at commit ${m.commit ?? 'unknown'}, load average ${m.loadAverage} on ` +
  `${m.cores} cores (a shared machine: take the figures as indicative).`;
const yes = (ok) => (ok ? 'yes' : 'no');

export function ioEventsSection(io, machine) {
  if (!io) return '## Adobe I/O Events\n\nNot measured in this run.';
  const per = io.perEvent;
  return [
    '## Adobe I/O Events (real Chromium)',
    '',
    measured(machine),
    '',
    'A campaign failure as Adobe delivers it: signed with a local RSA key (RSA-SHA256), its public key served by a',
    "local key host that `ADOBE_IO_KEYS_URL` names, POSTed to the tenant's `/io/<token>` URL. Timed from the start of",
    'the POST to the badge showing the new count (`chrome.action.getBadgeText` in a tight loop), one event at a',
    'time; the first delivery, not timed, fetched the key, so every timed one finds it cached.',
    '',
    table(
      ['measure', 'n', 'p50', 'p95', 'max', 'goal'],
      [
        [
          'delivery to badge',
          io.badge.n,
          ms(io.badge.p50),
          ms(io.badge.p95),
          ms(io.badge.max),
          `p95 < 500 ms: ${yes(io.badge.p95 < 500)}`,
        ],
        ['POST of 1 event', io.single.n, ms(io.single.p50), ms(io.single.p95), ms(io.single.max), ''],
        [
          `POST of ${io.batchSize} events`,
          io.batch.n,
          ms(io.batch.p50),
          ms(io.batch.p95),
          ms(io.batch.max),
          '',
        ],
      ],
    ),
    '',
    `Verification and storage per event with the key cached: ${ms(per.single)} for a one-event delivery, ` +
      `${ms(per.batched)} per event in a ${io.batchSize}-event delivery (p50 of each; deliveries of both kinds ` +
      'interleaved, signed ahead of time so that only the POST is timed).',
  ].join('\n');
}

export function outboundSection(out, machine) {
  if (!out) return '## Outbound channels\n\nNot measured in this run.';
  const { immediate, cost, burst } = out;
  const folded = burst.folded.reduce((a, b) => a + b, 0);
  return [
    '## Outbound channels (local inbox)',
    '',
    measured(machine),
    '',
    'Slack channels pointing at the local inbox (`scripts/lib/inbox/server.ts`; `OUTBOUND_DEV_HOSTS` names its',
    '127.0.0.1 port). Event to message: one `POST /v1/events` at a time to a channel in immediate mode, timed from',
    'the start of the POST to the inbox receiving the message, 1.1 s apart (the throttle spaces messages 1 s).',
    '',
    table(
      ['measure', 'n', 'p50', 'p95', 'max', 'goal'],
      [
        [
          'event to Slack message',
          immediate.n,
          ms(immediate.p50),
          ms(immediate.p95),
          ms(immediate.max),
          `p95 < 1 s: ${yes(immediate.p95 < 1000)}`,
        ],
      ],
    ),
    '',
    `Ingest cost: ${cost.batches} batches of ${cost.batchSize} distinct campaign failures to a tenant with 5 Slack ` +
      'channels and to one with none, interleaved, in one run.',
    '',
    table(
      ['tenant', 'batches', 'p50', 'p95', 'max'],
      [
        ['5 channels', cost.five.n, ms(cost.five.p50), ms(cost.five.p95), ms(cost.five.max)],
        ['no channel', cost.none.n, ms(cost.none.p50), ms(cost.none.p95), ms(cost.none.max)],
      ],
    ),
    '',
    `Total time with 5 channels against none: ${num(cost.ratio, 2)}x (goal at most 1.3x: ${yes(cost.ratio <= 1.3)}).`,
    '',
    `Burst: ${burst.events} distinct events in batches of 100 (posted in ${ms(burst.postedMs)}) to one Slack channel,`,
    `watched for ${burst.watchSeconds} s: the inbox received ${burst.messages} messages (throttle: at most 20 in the`,
    `first 10 minutes: ${yes(burst.messages <= 20)}); the channel's deliveries list ${burst.notificationDeliveries}`,
    `notification deliveries (${burst.delivered} delivered) and ${burst.summaries.length} summary ` +
      `(${burst.summaries.map((s) => `${s.state}, due ${s.nextAttemptAt}`).join('; ')}). The summary's own count,`,
    "read from the Durable Object's SQLite file in the state directory (the API does not show it), is " +
      `${burst.folded.join(', ')}: ${burst.notificationDeliveries} + ${folded} = ` +
      `${burst.notificationDeliveries + folded} of ${burst.events} events ` +
      `(nothing lost: ${yes(burst.notificationDeliveries + folded === burst.events)}). The summary itself goes out`,
    '10 minutes after the first message, past the watch.',
  ].join('\n');
}

export function instancesSection(inst, machine) {
  if (!inst) return '## Several instances\n\nNot measured in this run.';
  return [
    '## Several instances: event to badge with 2 connections (real Chromium)',
    '',
    measured(machine),
    '',
    'The extension built for the bench tenant; a second connection (another tenant on the same worker) added in',
    'the options as a person does. Events one at a time, alternating between the two tenants, each timed from the',
    'start of its POST to the badge showing the sum of both unread counts.',
    '',
    table(
      ['connections', 'events', 'p50', 'p95', 'max', 'p95 < 1 s'],
      [[2, inst.n, ms(inst.p50), ms(inst.p95), ms(inst.max), yes(inst.p95 < 1000)]],
    ),
  ].join('\n');
}

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

export function memorySection(mem, machine) {
  if (!mem) return "## The background's memory\n\nNot measured in this run.";
  const [start] = mem.samples;
  const end = mem.samples.at(-1);
  const peak = Math.max(...mem.samples.map((s) => s.usedBytes));
  return [
    `## The background's memory with ${mem.connections} connections (real Chromium)`,
    '',
    measured(machine),
    '',
    `${mem.connections} tenants on the bench worker; the extension built for the first, the other ` +
      `${mem.connections - 1} added in the options as a person does, each with its own stream. For ` +
      `${mem.minutes} minutes an event went to one tenant after the other every 3 s (${mem.events} in all; the ` +
      `badge showed ${JSON.stringify(mem.badge)} at the end). The service worker's JavaScript heap, read over the ` +
      'DevTools protocol (`Runtime.getHeapUsage`) right after a garbage collection, at the start and every minute.',
    '',
    table(
      ['minute', 'heap used', 'heap total'],
      mem.samples.map((s) => [String(s.minute), mib(s.usedBytes), mib(s.totalBytes)]),
    ),
    '',
    `Heap used after ${end.minute} minutes: ${mib(end.usedBytes)} (${mib(start.usedBytes)} at the start, ` +
      `peak ${mib(peak)}). The service worker was ${mem.restarts === 0 ? 'never' : `${mem.restarts} time(s)`} ` +
      'started again during the run.',
  ].join('\n');
}
