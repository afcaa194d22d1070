// The flood's figures as a section of bench/RESULTS.md, kept when `npm run bench` rewrites the rest.
import { readFile, writeFile } from 'node:fs/promises';

import { ms, table } from './stats.mjs';

const START = '<!-- torture flood: written by `npm run torture`, kept by `npm run bench` -->';
const END = '<!-- end of torture flood -->';
const MiB = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** What the second tenant's figure measures here, and what it does not. */
export const ISOLATION_NOTE = [
  "The second tenant's latency is measured as it is, not corrected. Locally, `wrangler dev` runs the worker and every",
  "tenant's Durable Object in one workerd isolate on one thread: a read of the second tenant waits in the same event",
  "loop behind the flood tenant's batches in flight (8 clients, each batch of 100 some tens of milliseconds of CPU),",
  "so this ratio measures that shared thread, not isolation between tenants. In production each tenant's object is",
  "its own actor, scheduled apart from the others, and the stateless front runs in many isolates; one tenant's flood",
  "queues behind its own object only. What bounds a flooding tenant is its key's ingest rate limit (6,000 requests",
  'a minute) and retention; the cost of each batch is kept down instead of adding a concurrency limit, as Marketo',
  'does not retry a refused webhook.',
].join(' ');

/** @param {any} f the flood phase's result; @param {{ date: string }} meta */
export function renderFlood(f, { date }) {
  return [
    START,
    '## Flood: one key, 200,000 notifications, 50 sockets (`npm run torture`)',
    '',
    `Run on ${date} against \`wrangler dev\` on this machine (2 shared cores). One ingest key posts ` +
      `${f.notifications.toLocaleString('en')} distinct campaign failures in batches of 100 from 8 ` +
      `concurrent clients, as fast as the worker answers, while ${f.sockets} WebSockets are open on the ` +
      'same tenant and a second tenant is read (GET /v1/counts, one request at a time). Retention is the ' +
      `default (${f.max.toLocaleString('en')} notifications, 90 days). The SQLite size is that of the ` +
      "tenant's Durable Object file (with its WAL) in the state directory.",
    '',
    table(
      ['figure', 'value'],
      [
        [
          'events accepted (202)',
          `${f.accepted.toLocaleString('en')} of ${f.notifications.toLocaleString('en')} in ` +
            `${f.floodSeconds.toFixed(1)} s (${Math.round(f.accepted / f.floodSeconds)}/s)`,
        ],
        [
          'answers',
          Object.entries(f.statuses)
            .map(([s, n]) => `${s}: ${n}`)
            .join(', '),
        ],
        [
          'notifications stored after housekeeping',
          `${f.stored.toLocaleString('en')} (maximum ${f.max.toLocaleString('en')})`,
        ],
        ["202'd events within retention missing, kept twice", `${f.missing}, ${f.duplicates}`],
        [
          'tenant SQLite size before, after',
          `${MiB(f.sqliteBefore)}, ${MiB(f.sqliteAfter)} (bound ${MiB(f.storageBoundBytes)})`,
        ],
        [
          'sockets open at the end, messages received',
          `${f.socketsOpen} of ${f.sockets}, ${f.socketMessages.toLocaleString('en')}`,
        ],
        [
          'second tenant GET /v1/counts, quiet',
          `p50 ${ms(f.quiet.p50)}, p95 ${ms(f.quiet.p95)} (${f.quiet.n} requests)`,
        ],
        [
          'second tenant GET /v1/counts, during the flood',
          `p50 ${ms(f.during.p50)}, p95 ${ms(f.during.p95)} (${f.during.n} requests)`,
        ],
        [
          'p95 during / quiet (goal: within 2x)',
          `${(f.during.p95 / f.quiet.p95).toFixed(2)}x, ${f.withinTwice ? 'yes' : 'no'}`,
        ],
      ],
    ),
    '',
    ISOLATION_NOTE,
    END,
  ].join('\n');
}

/** The flood section of a RESULTS.md text, or '' when it has none. */
export function floodSection(text) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  return start >= 0 && end > start ? text.slice(start, end + END.length) : '';
}

/** Puts `section` into the file at `path`, in place of the old one or at the end. */
export async function writeFloodSection(path, section) {
  const text = await readFile(path, 'utf8').catch(() => '# Benchmark results\n');
  const old = floodSection(text);
  const next = old ? text.replace(old, section) : `${text.trimEnd()}\n\n${section}\n`;
  await writeFile(path, next);
}
