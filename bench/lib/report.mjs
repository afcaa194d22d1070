// bench/RESULTS.md from the figures of one `npm run bench`.
import { BUDGETS_KIB } from '../../test/support/budgets.mjs';
import { kib, ms, num, table } from './stats.mjs';
import {
  instancesSection,
  ioEventsSection,
  measured,
  memorySection,
  outboundSection,
} from './streams-report.mjs';
import { teamSection } from './team-report.mjs';

function machineSection(m) {
  return [
    '## Machine',
    '',
    table(
      ['', ''],
      [
        ['Date', m.date],
        ['CPU', m.cpu],
        ['Cores', String(m.cores)],
        ['Memory', `${m.memoryGiB} GiB`],
        ['OS', m.os],
        ['Node', m.node],
        ['wrangler (workerd)', m.wrangler],
        ['autocannon', m.autocannon],
        ['Load average at start', m.loadAverage],
      ],
    ),
  ].join('\n');
}

function ingestSection(ingest, options) {
  if (!ingest) return '## Ingest\n\nNot measured in this run.';
  const { baseline, rows } = ingest;
  const latencyRows = rows.map((r) => [
    r.route,
    String(r.connections),
    String(r.requests),
    String(r.unexpected + r.errors),
    num(r.throughput, 0),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    ms(r.max),
  ]);
  const ratios = [];
  for (const connections of [...new Set(rows.map((r) => r.connections))]) {
    const ingest = rows.find((r) => r.connections === connections && r.route === 'POST /v1/events');
    const base = rows.find((r) => r.connections === connections && r.route === baseline.name);
    ratios.push([
      String(connections),
      num(base.throughput / ingest.throughput, 2) + 'x',
      num(ingest.p50 / base.p50, 2) + 'x',
      num(ingest.p95 / base.p95, 2) + 'x',
      num(ingest.p99 / base.p99, 2) + 'x',
      ingest.p95 / base.p95 <= 1.5 && base.throughput / ingest.throughput <= 1.5 ? 'yes' : 'no',
    ]);
  }
  const levels = options.ingestLevels.map((l) => `${l.amount} requests at ${l.connections}`).join(', ');
  return [
    '## Ingest: `POST /v1/events` against a no-op route',
    '',
    'One event per request, each with a unique id and its own campaign (so every request inserts a new ' +
      `notification). Baseline: \`${baseline.name}\`. ${baselineNote(baseline)} ` +
      `Load from autocannon (${levels} connections), in the same process as the measurement, on the same ` +
      'machine as the worker; the two routes alternate at each level.',
    '',
    table(
      ['route', 'connections', 'requests', 'unexpected status/errors', 'req/s', 'p50', 'p95', 'p99', 'max'],
      latencyRows,
    ),
    '',
    'Cost of ingest relative to the baseline (goal: within 1.5x):',
    '',
    table(
      ['connections', 'throughput baseline/ingest', 'p50 ingest/baseline', 'p95', 'p99', 'within 1.5x'],
      ratios,
    ),
  ].join('\n');
}

function baselineNote(baseline) {
  if (baseline.name === 'POST /v1/noop') {
    return (
      'It authenticates the ingest key (KV), reads and validates the same event body as `/v1/events` and ' +
      'answers 202 `{accepted:0,duplicates:0}` without calling the Durable Object, so the ratio is the ' +
      'cost of the Durable Object (idempotency check, rule, SQLite write, push to open sockets).'
    );
  }
  return (
    'The worker has no `POST /v1/noop`, so the baseline is `POST /v1/events` with the same event plus ' +
    'one unknown field: the same key lookup (KV), body read and full validation, then a 400 before the ' +
    'Durable Object is called. The ratio is therefore the cost of the Durable Object (idempotency check, ' +
    'rule, SQLite write, push to open sockets).'
  );
}

function readsSection(rows, options) {
  if (!rows) return '## Reads as the store grows\n\nNot measured in this run.';
  const body = rows.map((r) => [
    String(r.size),
    r.route,
    String(r.requests),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    num(r.throughput, 0),
  ]);
  const flat = [];
  for (const route of [...new Set(rows.map((r) => r.route))]) {
    const own = rows.filter((r) => r.route === route);
    flat.push([route, num(own.at(-1).p50 / own[0].p50, 2) + 'x', num(own.at(-1).p95 / own[0].p95, 2) + 'x']);
  }
  return [
    '## Reads as the store grows',
    '',
    `One tenant loaded with ${options.readSizes.join(', ')} notifications (batches of 100 distinct ` +
      `campaign failures). At each size ${options.readSamples} sequential requests per route ` +
      '(1 connection).',
    '',
    table(['notifications', 'route', 'requests', 'p50', 'p95', 'p99', 'req/s'], body),
    '',
    `Largest store against smallest (1.00x = flat):`,
    '',
    table(['route', 'p50 ratio', 'p95 ratio'], flat),
  ].join('\n');
}

function badgeSection(badge, options) {
  if (!badge) return '## Event to badge\n\nNot measured in this run (' + options.badgeSkipped + ').';
  const row = (name, s) => [name, String(s.n), ms(s.p50), ms(s.p95), ms(s.max), s.p95 < 1000 ? 'yes' : 'no'];
  return [
    '## Event to badge (real Chromium)',
    '',
    'Debian Chromium (headless) with the extension built into a temporary directory with ' +
      '`WXT_WORKER_URL`/`WXT_READ_KEY` pointing at the bench worker. Time from the `POST /v1/events` ' +
      'answer to the badge text showing the new count, read with `chrome.action.getBadgeText` in a tight ' +
      'loop (resolution: one read, a few ms).',
    '',
    '- push: one event at a time over the open WebSocket. The Durable Object pushes before its answer travels back ' +
      'through the worker, so the badge can change within milliseconds of the POST answer.',
    '- push cut: the extension talks to the worker through a loopback proxy that refuses every WebSocket ' +
      `upgrade (${badge.poll.refusedUpgrades} refused), so the fallback updates the badge: ` +
      '`GET /v1/counts` as a long poll (`If-None-Match` and `Prefer: wait=25`), which the Durable Object ' +
      'answers at the next change. The stream keeps retrying (exponential backoff with full jitter, 1 s ' +
      'doubling up to 60 s) and the 1-minute alarm stays as the last resort. Measuring starts ' +
      `${badge.poll.settleSeconds} s after the browser started, as on a network that blocks WebSockets for ` +
      'good; events at random gaps of 0.5 to 2.5 s, each timed to the first badge count that includes it.',
    '',
    table(
      ['mode', 'events', 'p50', 'p95', 'max', 'p95 < 1 s'],
      [row('push (WebSocket)', badge.push), row('push cut: long-poll fallback', badge.poll)],
    ),
  ].join('\n');
}

/** `popups`: one run per number of connections (1, then 2 with as many unread each). */
export function popupSection(popups, machine) {
  if (!popups?.length) return '## Popup time to feed\n\nNot measured in this run.';
  const [first] = popups;
  const rows = popups.flatMap((popup) => [
    [
      String(popup.connections ?? 1),
      'first notification',
      String(popup.opens),
      ms(popup.p50),
      ms(popup.p95),
      ms(popup.max),
      popup.p95 < 150 ? 'yes' : 'no',
    ],
    [
      String(popup.connections ?? 1),
      "the worker's page",
      String(popup.opens),
      ms(popup.fresh.p50),
      ms(popup.fresh.p95),
      ms(popup.fresh.max),
      popup.fresh.p95 < 150 ? 'yes' : 'no',
    ],
  ]);
  return [
    '## Popup time to feed (real Chromium)',
    '',
    measured(machine),
    '',
    `With ${first.unread} unread notifications per connection on the worker and the background connected, ` +
      `\`popup.html\` opened ${first.opens} times in a tab (420 x 600), with one connection and then with two ` +
      '(a second tenant on the same worker, added in the options; "All" lists both). Time from the navigation\'s ' +
      'start to the first notification painted (in the DOM, then an animation frame and a task after it), read from ' +
      "`performance.now()` in the page. The popup paints the page it showed last (kept in the browser's session " +
      "storage) while it asks the workers again, then the workers' pages (all connections answered): both are " +
      'measured. The first open of each run has nothing kept yet and waits for the workers (' +
      popups.map((p) => `${p.connections ?? 1}: ${ms(p.firstOpen)}`).join(', ') +
      ').',
    '',
    table(['connections', 'painted', 'opens', 'p50', 'p95', 'max', 'p95 < 150 ms'], rows),
  ].join('\n');
}

export function emailSection(email, options) {
  if (!email) return '## E-mail path\n\nNot measured in this run.';
  const rows = email.throughput.map((t) => [
    String(t.concurrency),
    String(t.messages),
    num(t.perSecond, 1),
    ms(t.latency.p50),
    ms(t.latency.p95),
  ]);
  const badge = email.badge;
  return [
    '## E-mail path',
    '',
    "Marketo notification e-mails through `wrangler dev`'s local e-mail trigger " +
      "(`POST /cdn-cgi/local/email`), the worker's `email()` handler (address lookup in KV, postal-mime, " +
      "classification, the tenant's Durable Object) and back: the four demo messages in turn (English, " +
      'Dutch, Japanese; multipart, quoted-printable, base64; one unknown), each with a new Message-ID.',
    '',
    table(['in flight', 'messages', 'messages/s', 'p50 per message', 'p95 per message'], rows),
    '',
    badge
      ? `E-mail to badge (real Chromium, push over the WebSocket): ${badge.n} messages one at a time, each ` +
        "a new `marketo_email`, timed from the trigger's answer to the badge count: p50 " +
        `${ms(badge.p50)}, p95 ${ms(badge.p95)}, max ${ms(badge.max)}; goal p95 < 1 s: ` +
        `${badge.p95 < 1000 ? 'yes' : 'no'}.`
      : `E-mail to badge: not measured in this run (${options.badgeSkipped ?? 'no browser'}).`,
  ].join('\n');
}

export function sizesSection(sizes) {
  if (!sizes) return '## Sizes\n\nNot measured in this run.';
  const budget = (e) => {
    const limit = BUDGETS_KIB[e.name];
    return limit === undefined ? ['', ''] : [`${limit} KiB`, e.gzip / 1024 <= limit ? 'yes' : 'no'];
  };
  const entries = [...sizes.extension.entries, sizes.worker].map((e) => [
    e.name,
    e.files.join(', '),
    kib(e.raw),
    kib(e.gzip),
    ...budget(e),
  ]);
  const files = sizes.extension.jsFiles.map((f) => [f.file, kib(f.raw), kib(f.gzip)]);
  return [
    '## Sizes',
    '',
    'JavaScript each part loads (a shared chunk counts for every page that loads it), gzip level 9, against the ' +
      'budgets of test/support/budgets.mjs (checked in `npm test` by test/conformance/sizes.test.ts). Worker: ' +
      '`wrangler deploy --dry-run --outdir <tmp>` (minified).',
    '',
    table(['part', 'files', 'raw', 'gzipped', 'budget', 'within'], entries),
    '',
    'Every JS file of the Chrome build:',
    '',
    table(['file', 'raw', 'gzipped'], files),
  ].join('\n');
}

/** Sections a partial run leaves as they are: the machine's, and the connector's (not a measurement). */
const UNMEASURED = ['## Machine', '## Marketo connector'];

const sectionsOf = (text) =>
  text
    .split(/^(?=## )/m)
    .map((body) => ({ heading: body.split('\n', 1)[0], body: body.replace(/\n+$/, '') }));

/**
 * A partial run's sections put into the kept results: each measured section (not "Not measured",
 * not the machine's) replaces the kept one of the same heading, or is added before the sizes.
 */
export function withSections(kept, rendered) {
  const sections = sectionsOf(kept);
  const replaced = [];
  for (const fresh of sectionsOf(rendered)) {
    if (!fresh.heading.startsWith('## ') || UNMEASURED.some((h) => fresh.heading.startsWith(h))) continue;
    if (fresh.body.includes('Not measured in this run')) continue;
    const at = sections.findIndex((s) => s.heading === fresh.heading);
    // A marker comment that closes the kept section (the torture flood's opening one) stays.
    const marker = at >= 0 ? /\n(<!--[^\n]*-->)$/.exec(sections[at].body)?.[1] : undefined;
    if (at >= 0) sections[at] = marker ? { ...fresh, body: `${fresh.body}\n\n${marker}` } : fresh;
    else {
      const sizes = sections.findIndex((s) => s.heading === '## Sizes');
      sections.splice(sizes >= 0 ? sizes : sections.length, 0, fresh);
    }
    replaced.push(fresh.heading.slice(3));
  }
  return { text: `${sections.map((s) => s.body).join('\n\n')}\n`, replaced };
}

export function renderResults({
  machine,
  ingest,
  reads,
  badge,
  popup,
  email,
  team,
  sizes,
  ioEvents,
  outbound,
  instances,
  memory,
  options,
  seconds,
}) {
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` ' +
      `(bench/run.mjs${options.quick ? ', `--quick`: small counts, not for comparison' : ''}); the run ` +
      `took ${Math.round(seconds)} s. The worker is \`wrangler dev\` (local workerd, SQLite Durable ` +
      'Object, local KV) on 127.0.0.1 with a fresh state directory; the machine was shared with other ' +
      'work, so take absolute figures as indicative and the ratios as the result.',
    '',
    machineSection(machine),
    '',
    ingestSection(ingest, options),
    '',
    readsSection(reads, options),
    '',
    badgeSection(badge, options),
    '',
    popupSection(popup, machine),
    '',
    emailSection(email, options),
    '',
    teamSection(team, options),
    '',
    ioEventsSection(ioEvents, machine),
    '',
    outboundSection(outbound, machine),
    '',
    instancesSection(instances, machine),
    '',
    memorySection(memory, machine),
    '',
    sizesSection(sizes),
    '',
    connectorSection(),
    '',
  ].join('\n');
}

/**
 * What the Marketo connector spends of the tenant's daily quota at the default settings. The figures
 * are checked exactly by test/worker/connector-budget.test.ts (in `npm test`), which runs a whole quota
 * day of the tenant object's alarm against the simulated Marketo and counts the calls it received.
 */
export function connectorSection() {
  const polls = 287;
  const calls = {
    'usage.json': polls,
    'errors.json': polls,
    'usage/last7days.json': 1,
    'smartCampaigns.json (150 campaigns, hourly)': 24,
  };
  const total = Object.values(calls).reduce((sum, n) => sum + n, 0);
  const percent = (n) => `${((n / 50_000) * 100).toFixed(1)} %`;
  return [
    '## Marketo connector: calls per quota day at the default settings',
    '',
    'Poll every 5 minutes, campaigns every 60 minutes, `maxDailyCalls` 1,000. Counted by the simulated Marketo over a',
    "whole quota day of the tenant object's alarm (test/worker/connector-budget.test.ts checks these numbers exactly).",
    'Identity calls are not counted by Marketo and are left out.',
    '',
    '| call | per day |',
    '| --- | --- |',
    ...Object.entries(calls).map(([call, n]) => `| ${call} | ${n} |`),
    `| **total** | **${total}** (${percent(total)} of 50,000) |`,
    '',
    `Goal: at most 2 % of a 50,000 daily quota (1,000 calls). Met: ${percent(total)}; \`maxDailyCalls\` ` +
      '(default 1,000) is',
    'the hard cap whatever the campaign count: at the cap the connector pauses until the quota day resets.',
  ].join('\n');
}
