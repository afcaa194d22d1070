// Thousands of bad requests: every answer must be a 4xx JSON error without secrets or stack
// traces, and the tenant's state must be exactly what it was.
import { isDeepStrictEqual } from 'node:util';

import { pool } from '../http.mjs';
import { snapshotState } from './checks.mjs';
import { malformedCase, seededRandom } from './malformed-cases.mjs';

/** Gives the tenant some state first, so "unchanged" means something. */
async function seedState(url, keys) {
  const post = (path, body, token, method = 'POST') =>
    fetch(new URL(path, url), {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const events = [
    {
      id: 'seed-1',
      type: 'campaign_failure',
      campaign: { id: 1, name: 'Welcome' },
      error: { code: 'E', message: 'm' },
    },
    { id: 'seed-2', type: 'facebook', problem: 'app_removed' },
    { id: 'seed-3', type: 'crm_sync', crm: 'dynamics', problem: 'duplicate_lead', lead: { id: 5 } },
    { id: 'seed-4', type: 'trigger_campaign_cleanup', campaign: { id: 9, name: 'Old' }, action: 'scheduled' },
  ];
  const checks = [
    await post('/v1/events', { events }, keys.ingest),
    await post('/v1/usage', { calls: 123 }, keys.ingest),
    await post('/v1/settings', { linkedin: { maxAttempts: 4 } }, keys.admin, 'PUT'),
  ];
  for (const res of checks)
    if (!res.ok) throw new Error(`seeding the malformed tenant: HTTP ${res.status} ${await res.text()}`);
}

function bodyStream(buffer) {
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < buffer.length; i += 16_384) controller.enqueue(buffer.subarray(i, i + 16_384));
      controller.close();
    },
  });
}

async function send(url, keys, c) {
  const headers = { ...c.headers };
  if (c.role) headers.authorization = `Bearer ${keys[c.role]}`;
  else if (c.authorization !== undefined) headers.authorization = c.authorization;
  const init = { method: c.method, headers, signal: AbortSignal.timeout(15_000) };
  if (c.body !== undefined && c.method !== 'GET') {
    const bytes = typeof c.body === 'string' ? Buffer.from(c.body) : c.body;
    if (c.chunked) Object.assign(init, { body: bodyStream(bytes), duplex: 'half' });
    else init.body = bytes;
  }
  const res = await fetch(new URL(c.path, url), init);
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** What is wrong with an answer to a bad request, or null. */
function problemWith(answer, secrets) {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (answer.status < 400) return `accepted with HTTP ${answer.status}`;
  if (!answer.contentType.includes('application/json'))
    return `HTTP ${answer.status} with content type ${answer.contentType}`;
  let json;
  try {
    json = JSON.parse(answer.text);
  } catch {
    return `HTTP ${answer.status} with a body that is not JSON`;
  }
  if (typeof json?.error?.code !== 'string' || typeof json?.error?.message !== 'string')
    return `HTTP ${answer.status} without {error:{code,message}}`;
  if (/\n\s+at |\.ts:\d+/.test(answer.text)) return 'a stack trace in the answer';
  if (secrets.some((s) => answer.text.includes(s))) return 'a key in the answer';
  return null;
}

export async function malformedPhase({ url, keys, secrets, requests, seed, deadline, invariants, log }) {
  await seedState(url, keys);
  const before = await snapshotState(url, keys);
  const rand = seededRandom(seed);
  const cases = Array.from({ length: requests }, (_, n) => malformedCase(rand, n));
  const byStatus = new Map();
  const problems = new Map(); // kind -> {count, example}
  const noteProblem = (kind, example) => {
    const entry = problems.get(kind) ?? { count: 0, example };
    entry.count++;
    problems.set(kind, entry);
  };
  let transportErrors = 0;
  let sent = 0;
  await pool(cases.length, 16, async (n) => {
    if (Date.now() > deadline) return;
    const c = cases[n];
    sent++;
    let answer;
    try {
      answer = await send(url, keys, c);
    } catch (error) {
      // An oversize upload may be cut off once the worker has refused it: that is no answer, not a 5xx.
      if (c.name !== 'oversize body')
        noteProblem(
          `${c.name}: no answer`,
          `#${n} ${c.method} ${c.path} (${error.cause?.code ?? error.name})`,
        );
      transportErrors++;
      return;
    }
    byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
    const problem = problemWith(answer, secrets);
    if (problem)
      noteProblem(
        `${c.name}: ${problem.split(' with ')[0]}`,
        `#${n} ${c.method} ${c.path}: ${problem} ${answer.text.slice(0, 160)}`,
      );
  });
  const after = await snapshotState(url, keys);
  const statuses = [...byStatus]
    .sort(([a], [b]) => a - b)
    .map(([s, k]) => `${s}: ${k}`)
    .join(', ');
  log(`  ${sent} bad requests (seed ${seed}); answers ${statuses}; ${transportErrors} cut off`);
  invariants.check(
    sent === requests,
    'every bad request was sent within the time limit',
    `${sent} of ${requests}`,
  );
  const fiveXx = [...byStatus].filter(([s]) => s >= 500).reduce((sum, [, k]) => sum + k, 0);
  invariants.check(fiveXx === 0, 'zero 5xx for bad input', `${fiveXx} answers were 5xx`);
  const described = [...problems].map(([kind, { count, example }]) => `${count}x ${kind} (e.g. ${example})`);
  invariants.check(
    problems.size === 0,
    'every bad request got a 4xx JSON error without secrets or stack traces',
    `\n    ${described.join('\n    ')}`,
  );
  for (const part of ['counts', 'firstPage', 'settings']) {
    invariants.check(
      isDeepStrictEqual(before[part], after[part]),
      `bad requests left the ${part} unchanged`,
      `before ${JSON.stringify(before[part]).slice(0, 300)} after ${JSON.stringify(after[part]).slice(0, 300)}`,
    );
  }
  return { sent, byStatus: Object.fromEntries(byStatus), transportErrors };
}
