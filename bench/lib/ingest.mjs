// Ingest throughput and latency with autocannon: POST /v1/events against the no-op route.
import { performance } from 'node:perf_hooks';

import autocannon from 'autocannon';

import { campaignFailure } from './events.mjs';
import { request } from './http.mjs';
import { summarize } from './stats.mjs';

/**
 * The baseline. Preferred: `POST /v1/noop`, which authenticates an ingest key, reads and
 * validates the same event body as /v1/events and answers 202 without calling the Durable Object.
 * Without that route: `POST /v1/events` with the same event plus one unknown field, which takes the
 * same key lookup, body read and full validation and is then refused with 400 before the Durable
 * Object (the error answer costs a little more than a 202).
 */
export async function pickBaseline(url, ingestKey) {
  const probe = await request(url, '/v1/noop', {
    method: 'POST',
    token: ingestKey,
    body: campaignFailure('noop-probe', 0),
  });
  if (probe.status === 202)
    return { name: 'POST /v1/noop', method: 'POST', path: '/v1/noop', sendsEvent: true, expectedStatus: 202 };
  return {
    name: 'POST /v1/events, refused by validation',
    method: 'POST',
    path: '/v1/events',
    sendsEvent: true,
    refused: true,
    expectedStatus: 400,
  };
}

let runCounter = 0;

/** One autocannon run of `amount` requests over `connections` connections; every event id unique. */
export async function runCannon({
  url,
  token,
  method,
  path,
  sendsEvent,
  refused = false,
  expectedStatus = 200,
  connections,
  amount,
}) {
  const runId = `r${Date.now().toString(36)}${runCounter++}`;
  let sequence = 0;
  const latencies = [];
  const statuses = new Map();
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  if (sendsEvent) headers['content-type'] = 'application/json';
  const startedAt = performance.now();
  const instance = autocannon({
    url,
    connections,
    amount,
    timeout: 30,
    headers,
    requests: [
      {
        method,
        path,
        setupRequest: (req) => {
          if (!sendsEvent) return req;
          const n = sequence++;
          // A distinct campaign per request: each one inserts a notification (the heavier path).
          const event = campaignFailure(`${runId}-${n}`, `${runId}-${n}`);
          return { ...req, body: JSON.stringify(refused ? { ...event, unexpected: true } : event) };
        },
      },
    ],
  });
  let lastResponseAt = 0;
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    lastResponseAt = performance.now();
    latencies.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
  const result = await instance;
  // autocannon ends on its 1-second tick, so its duration is whole seconds: time to the last answer instead.
  const seconds = (lastResponseAt - startedAt) / 1000;
  return {
    connections,
    requests: latencies.length,
    errors: result.errors + result.timeouts,
    unexpected: latencies.length - (statuses.get(expectedStatus) ?? 0),
    statuses: Object.fromEntries(statuses),
    throughput: latencies.length / seconds,
    ...summarize(latencies),
  };
}

/**
 * Ingest and baseline at each concurrency, alternating so that both see the same machine load.
 * Every run gets a fresh key from `newIngestKey`: a key may send 6,000 requests a minute.
 */
export async function benchIngest({ url, newIngestKey, levels, log }) {
  const ingestKey = await newIngestKey();
  const baseline = await pickBaseline(url, ingestKey);
  const target = {
    name: 'POST /v1/events',
    method: 'POST',
    path: '/v1/events',
    sendsEvent: true,
    expectedStatus: 202,
  };
  // Warm both paths (module load, KV cache, the Durable Object's first start).
  for (const route of [target, baseline])
    await runCannon({ url, token: ingestKey, ...route, connections: 5, amount: 100 });
  const rows = [];
  for (const { connections, amount } of levels) {
    for (const route of [target, baseline]) {
      log?.(`  ${route.name}: ${amount} requests over ${connections} connection(s)`);
      const run = await runCannon({ url, token: await newIngestKey(), ...route, connections, amount });
      rows.push({ route: route.name, ...run });
    }
  }
  return { baseline, rows };
}
