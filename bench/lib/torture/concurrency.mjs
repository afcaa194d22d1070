// Exactness under interleaving: quota usage from 50 clients, threshold notifications that fire
// once, and LinkedIn failure runs counted per target while every event is also sent twice.
import { linkedinAttempt } from '../events.mjs';
import { pool, request } from '../http.mjs';
import { countsOf, listAllNotifications } from './checks.mjs';

async function mustPost(url, path, token, body, method = 'POST') {
  const res = await request(url, path, { method, token, body, timeoutMs: 30_000 });
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
  return res.json;
}

/** Calls for client c's r-th request: small and varied, known in advance. */
const callsFor = (c, r) => 1 + ((c * 31 + r * 7) % 9);

export async function usagePhase({ url, keys, clients, rounds, invariants, log }) {
  let total = 0;
  for (let c = 0; c < clients; c++) for (let r = 0; r < rounds; r++) total += callsFor(c, r);
  // A limit below the total, so both thresholds (80 %, 100 %) are crossed by the concurrent adds.
  const limit = Math.floor(total * 0.9);
  await mustPost(
    url,
    '/v1/settings',
    keys.admin,
    { quota: { dailyLimit: limit, thresholds: [80, 100] } },
    'PUT',
  );
  const before = await countsOf(url, keys.read);
  const answers = [];
  const quotaEvents = [];
  await pool(clients, clients, async (c) => {
    for (let r = 0; r < rounds; r++) {
      answers.push((await mustPost(url, '/v1/usage', keys.ingest, { calls: callsFor(c, r) })).used);
      // Error 607 seen by an integration, interleaved: threshold 100 must still fire only once.
      if (r % 2 === 0)
        quotaEvents.push(
          await mustPost(url, '/v1/events', keys.ingest, {
            id: `q607-${c}-${r}`,
            type: 'web_services_quota',
            errorCode: 607,
          }),
        );
    }
  });
  const after = await countsOf(url, keys.read);
  const added = after.quota.used - before.quota.used;
  log(
    `  usage: ${answers.length} concurrent adds of ${total} calls (limit ${limit}); counter moved by ${added}`,
  );
  if (before.quota.resetsAt !== after.quota.resetsAt) {
    log('  the quota day ended during the run (midnight America/Chicago): usage checks skipped');
    return;
  }
  invariants.check(
    added === total,
    'quota usage from concurrent clients adds up exactly',
    `${added} instead of ${total}`,
  );
  invariants.check(
    new Set(answers).size === answers.length,
    'every usage answer saw a distinct running total (no lost update)',
  );
  invariants.check(
    Math.max(...answers) === after.quota.used,
    'the last running total is the stored one',
    `${Math.max(...answers)} vs ${after.quota.used}`,
  );
  const quota = await listAllNotifications(url, keys.read, { type: 'web_services_quota' });
  const thresholds = quota.map((n) => n.data.threshold).sort((a, b) => a - b);
  invariants.check(
    JSON.stringify(thresholds) === '[80,100]',
    'thresholds 80 and 100 each fired exactly once',
    JSON.stringify(thresholds),
  );
  invariants.check(
    quota.every((n) => n.count === 1),
    'each threshold notification has count 1',
    JSON.stringify(quota.map((n) => [n.data.threshold, n.count])),
  );
}

/** Target t gets 1 + (t mod 6) failures: below, at and above maxAttempts (3). */
const failuresFor = (t) => 1 + (t % 6);

export async function linkedinPhase({ url, keys, targets, clients, invariants, log }) {
  const sends = [];
  for (let t = 0; t < targets; t++) {
    for (let k = 0; k < failuresFor(t); k++) {
      const event = linkedinAttempt(`li-${t}-${k}`, `audience-${t}`);
      // Each event goes out twice, possibly at the same moment: the duplicate must be a no-op.
      sends.push(event, event);
    }
  }
  // Interleave all targets (a fixed shuffle keeps a failure reproducible).
  for (let i = sends.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [sends[i], sends[j]] = [sends[j], sends[i]];
  }
  let accepted = 0;
  await pool(sends.length, clients, async (i) => {
    const answer = await mustPost(url, '/v1/events', keys.ingest, sends[i]);
    accepted += answer.accepted;
  });
  const distinct = sends.length / 2;
  log(`  linkedin: ${sends.length} concurrent sends of ${distinct} failures over ${targets} targets`);
  invariants.check(
    accepted === distinct,
    'each LinkedIn event applied once although sent twice',
    `${accepted} of ${distinct}`,
  );
  const items = await listAllNotifications(url, keys.read, { type: 'linkedin' });
  const byTarget = new Map(items.map((n) => [n.data.target, n]));
  const wrong = [];
  for (let t = 0; t < targets; t++) {
    const failures = failuresFor(t);
    const n = byTarget.get(`audience-${t}`);
    if (failures < 3 && n) wrong.push(`audience-${t}: notified after ${failures} failures`);
    if (failures >= 3 && (!n || n.count !== failures - 2 || n.data.attempts !== failures)) {
      const gave = n ? `count ${n.count}, attempts ${n.data.attempts}` : 'no notification';
      wrong.push(`audience-${t}: ${failures} failures gave ${gave}`);
    }
  }
  invariants.check(
    wrong.length === 0,
    'LinkedIn attempts per target are exact under interleaving',
    wrong.slice(0, 5).join('; '),
  );
  const expected = Array.from({ length: targets }, (_, t) => failuresFor(t)).filter((f) => f >= 3).length;
  const counts = await countsOf(url, keys.read);
  invariants.check(
    counts.byType.linkedin === expected,
    'counts: one LinkedIn notification per target past maxAttempts',
    `${counts.byType.linkedin} of ${expected}`,
  );
}
