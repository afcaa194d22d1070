// 50 clients post events while the local runtime is killed with SIGKILL and restarted on the
// same persisted state. Every event is a distinct campaign failure, so each id that was ever
// answered 202 must be exactly one notification with count 1 afterwards.
import { isPortFree } from '../../../scripts/lib/local-worker.mjs';
import { campaignFailure } from '../events.mjs';
import { pool, request } from '../http.mjs';
import { sleep } from '../stats.mjs';
import { countsOf, listAllNotifications } from './checks.mjs';

/** Event i: id `crash-event-i`, campaign `cmp-crash-i` (see campaignFailure). */
const crashEvent = (i) => campaignFailure(`crash-event-${i}`, `crash-${i}`);
const campaignOf = (i) => `cmp-crash-${i}`;

/** Posts one event until a 202, retrying the same id through errors, 5xx and 429, bounded by `deadline`. */
async function postUntilAccepted(url, token, event, deadline, tally) {
  let unanswered = 0;
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    let res;
    try {
      res = await request(url, '/v1/events', { method: 'POST', token, body: event, timeoutMs: 10_000 });
    } catch {
      unanswered++;
      tally.transportErrors++;
      await sleep(50 + Math.random() * 200 * Math.min(attempt, 5));
      continue;
    }
    if (res.status === 202) return { ...res.json, unanswered };
    // Over the key's rate limit: wait as told, then send the same event again.
    if (res.status === 429) {
      tally.rateLimited++;
      await sleep(Number(res.headers.get('retry-after') ?? 1) * 1000);
      continue;
    }
    if (res.status < 500) return { rejected: res.status, text: res.text.slice(0, 200) };
    unanswered++;
    tally.serverErrors++;
    await sleep(50 + Math.random() * 200 * Math.min(attempt, 5));
  }
  return { timedOut: true };
}

/**
 * Waits until the port can be bound again, up to a few seconds. A refused or timed-out request
 * is not enough: a process dying under SIGKILL can still hold its listening socket for a moment.
 */
async function waitPortClosed(port, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isPortFree(port)) return true;
    await sleep(100);
  }
  return false;
}

export async function crashPhase({ worker, keys, events, clients, deadline, invariants, log }) {
  const { url } = worker;
  const tally = {
    accepted: 0,
    duplicates: 0,
    answered: 0,
    transportErrors: 0,
    serverErrors: 0,
    rateLimited: 0,
    rejected: [],
    timedOut: 0,
    unexplainedDuplicates: [],
  };
  let crash = null;
  const crashAt = Math.floor(events / 2);
  const crashAndRestart = async () => {
    const oldPid = worker.pid();
    log(`  kill -9 of the runtime (process group ${oldPid}) after ${tally.answered} answers`);
    await worker.crash();
    invariants.check(await waitPortClosed(worker.port), 'the killed runtime stopped listening');
    const downFor = Date.now();
    await worker.start();
    log(
      `  restarted on the same state in ${((Date.now() - downFor) / 1000).toFixed(1)} s (pid ${worker.pid()})`,
    );
  };

  await pool(events, clients, async (i) => {
    const event = crashEvent(i);
    const outcome = await postUntilAccepted(url, keys.ingest, event, deadline, tally);
    if (outcome.timedOut) tally.timedOut++;
    else if (outcome.rejected) tally.rejected.push(`${i}: HTTP ${outcome.rejected} ${outcome.text}`);
    else {
      tally.accepted += outcome.accepted;
      tally.duplicates += outcome.duplicates;
      // A duplicate is right only when an earlier try was applied but its answer was lost.
      if (outcome.duplicates > 0 && outcome.unanswered === 0) tally.unexplainedDuplicates.push(i);
      tally.answered++;
    }
    if (!crash && tally.answered >= crashAt) crash = crashAndRestart();
  });
  await crash;
  log(
    `  ${tally.answered} events answered 202 (${tally.accepted} accepted, ${tally.duplicates} duplicates on retry), ` +
      `${tally.transportErrors} transport errors and ${tally.serverErrors} 5xx retried`,
  );

  invariants.check(crash !== null, 'the runtime was killed during the run');
  invariants.check(
    tally.timedOut === 0,
    'every client ended with all its events accepted',
    `${tally.timedOut} never got a 202`,
  );
  invariants.check(
    tally.rejected.length === 0,
    'no event was refused with a 4xx',
    tally.rejected.slice(0, 5).join('; '),
  );
  invariants.check(
    tally.accepted + tally.duplicates === events,
    'each event got exactly one 202',
    `${tally.accepted + tally.duplicates} of ${events}`,
  );
  invariants.check(
    tally.unexplainedDuplicates.length === 0,
    'only retries after a lost answer were duplicates',
    `events ${tally.unexplainedDuplicates.slice(0, 10)}`,
  );
  await verifyStore({ url, keys, events, invariants });
  return tally;
}

/** After the crash: counts, every notification, and a re-post of every id. */
async function verifyStore({ url, keys, events, invariants }) {
  const counts = await countsOf(url, keys.read);
  invariants.check(
    counts.byType.campaign_failure === events,
    'counts: one notification per accepted event',
    `${counts.byType.campaign_failure} of ${events}`,
  );
  const items = await listAllNotifications(url, keys.read);
  const seen = new Map();
  for (const n of items)
    seen.set(String(n.data.campaign.id), (seen.get(String(n.data.campaign.id)) ?? 0) + n.count);
  const missing = [];
  const twice = [];
  for (let i = 0; i < events; i++) {
    const times = seen.get(campaignOf(i)) ?? 0;
    if (times === 0) missing.push(i);
    if (times > 1) twice.push(i);
  }
  invariants.check(
    items.length === events,
    'feed: as many notifications as events',
    `${items.length} of ${events}`,
  );
  invariants.check(
    missing.length === 0,
    'every accepted event is present after the restart',
    `missing ${missing.slice(0, 10)}`,
  );
  invariants.check(twice.length === 0, 'no event was applied twice', `twice: ${twice.slice(0, 10)}`);

  let reaccepted = 0;
  await pool(Math.ceil(events / 100), 5, async (b) => {
    const batch = [];
    for (let i = b * 100; i < Math.min(events, b * 100 + 100); i++) batch.push(crashEvent(i));
    const res = await request(url, '/v1/events', {
      method: 'POST',
      token: keys.ingest,
      body: { events: batch },
      timeoutMs: 30_000,
    });
    reaccepted += res.status === 202 ? res.json.accepted : batch.length;
  });
  invariants.check(
    reaccepted === 0,
    're-posting every id gives only duplicates',
    `${reaccepted} accepted again`,
  );
}
