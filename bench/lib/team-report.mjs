// The "Teams" section of bench/RESULTS.md.
import { ms, num, table } from './stats.mjs';

/** Goals of issue 11: counts flat within 1.3x over team and store size; fan-out p95 under 100 ms. */
export const COUNTS_FLAT_WITHIN = 1.3;
export const FANOUT_P95_MS = 100;

export function teamSection(team, options) {
  if (!team) return '## Teams\n\nNot measured in this run.';
  const { counts, fanout } = team;
  const smallest = counts.reduce((a, b) =>
    b.size < a.size || (b.size === a.size && b.members < a.members) ? b : a,
  );
  const largest = counts.reduce((a, b) =>
    b.size > a.size || (b.size === a.size && b.members > a.members) ? b : a,
  );
  const ratio = largest.p50 / smallest.p50;
  const rows = counts.map((r) => [
    String(r.size),
    String(r.members),
    String(r.requests),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    num(r.p50 / smallest.p50, 2) + 'x',
  ]);
  const f = fanout.toLastSocket;
  return [
    '## Teams',
    '',
    '`GET /v1/counts` for one member of a tenant with 1 member and of a tenant with ' +
      `${Math.max(...counts.map((r) => r.members))} members, at ${options.teamSizes.join(', ')} ` +
      'notifications: one tenant per case, loaded with batches of 100 distinct campaign failures. Every ' +
      'member then marks their 20 newest unread read and snoozes 2 more, so each has a read state of their ' +
      `own; the answer is checked against that before measuring. ${options.teamSamples} sequential ` +
      'requests per case over one connection, taken in 6 rounds that go through all cases in turn (a fresh ' +
      'key of the same member each round), so that the load of a shared machine falls on every case alike.',
    '',
    table(
      ['notifications', 'members', 'requests', 'p50', 'p95', 'p99', 'p50 against the smallest case'],
      rows,
    ),
    '',
    `p50 of the largest case (${largest.members} members, ${largest.size} notifications) against the ` +
      `smallest (${smallest.members} member, ${smallest.size}): **${num(ratio, 2)}x**; goal within ` +
      `${COUNTS_FLAT_WITHIN}x: ${ratio <= COUNTS_FLAT_WITHIN ? 'yes' : 'no'}. The counts come from kept ` +
      'totals (tenant totals plus a few rows per member, worker/store/counters.ts), never from a scan of ' +
      'the feed or of the marks.',
    '',
    `One event pushed to ${fanout.members} members with ${fanout.sockets / fanout.members} sockets each ` +
      `(${fanout.sockets} WebSockets opened from Node on the same machine, each with its own ticket): time ` +
      'from sending `POST /v1/events` to the last socket receiving the notification, one event at a time ' +
      '(the first, warming up, not counted).',
    '',
    table(
      ['events', 'p50', 'p95', 'max', 'POST answer p50', `p95 < ${FANOUT_P95_MS} ms`],
      [
        [
          String(f.n),
          ms(f.p50),
          ms(f.p95),
          ms(f.max),
          ms(fanout.postAnswer.p50),
          f.p95 < FANOUT_P95_MS ? 'yes' : 'no',
        ],
      ],
    ),
  ].join('\n');
}
