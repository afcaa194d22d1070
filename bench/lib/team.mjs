// Teams: GET /v1/counts as the store and the team grow, and one event fanned out to every member's sockets.
import { performance } from 'node:perf_hooks';

import { createKey, ensureTenant } from '../../scripts/lib/local-worker.mjs';
import { campaignFailure } from './events.mjs';
import { pool, request } from './http.mjs';
import { loadNotifications } from './reads.mjs';
import { sleep, summarize } from './stats.mjs';

export const FANOUT_TENANT = '987-FAN-654';
/** Each member marks this many of their newest unread read, and snoozes SNOOZED more. */
const MARKED = 20;
const SNOOZED = 2;

const expectOk = (res, what, status = 200) => {
  if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
  return res.json;
};

/** A tenant that keeps up to a million notifications, with an ingest key and `members` members (one read key each). */
async function teamTenant(worker, tenant, members) {
  await ensureTenant(worker.url, worker.rootToken, tenant, `team bench ${tenant}`);
  const key = async (role, member) =>
    (await createKey(worker.url, worker.rootToken, tenant, role, `team bench ${role}`, member)).key;
  expectOk(
    await request(worker.url, '/v1/settings', {
      method: 'PUT',
      token: await key('admin', 'bench admin'),
      body: { retention: { maxNotifications: 1_000_000 } },
    }),
    `${tenant} retention`,
  );
  const names = Array.from({ length: members }, (_, i) => `Member ${String(i + 1).padStart(2, '0')}`);
  const keys = [];
  for (const name of names) keys.push(await key('read', name));
  // A new key of the first member for each measured round: a key may send 300 reads a minute.
  return { tenant, ingest: await key('ingest'), names, keys, newMeasuredKey: () => key('read', names[0]) };
}

/** Gives each member a read state of their own: MARKED newest unread marked read, SNOOZED more snoozed. */
async function triageAsMembers(worker, t) {
  const until = new Date(Date.now() + 24 * 3_600_000).toISOString();
  await pool(t.keys.length, 4, async (i) => {
    const token = t.keys[i];
    const page = expectOk(
      await request(worker.url, `/v1/notifications?status=unread&limit=${MARKED + SNOOZED}`, { token }),
      'feed',
    );
    const ids = page.items.map((n) => n.id);
    expectOk(
      await request(worker.url, '/v1/notifications/read', {
        method: 'POST',
        token,
        body: { ids: ids.slice(0, MARKED) },
      }),
      'mark read',
    );
    for (const id of ids.slice(MARKED))
      expectOk(
        await request(worker.url, `/v1/notifications/${id}/snooze`, {
          method: 'POST',
          token,
          body: { until },
        }),
        'snooze',
      );
  });
}

/** `count` sequential GET /v1/counts over one kept-alive connection; answers each one's milliseconds. */
async function timeCounts(url, token, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await request(url, '/v1/counts', { token });
    samples.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`counts: HTTP ${res.status} ${res.text.slice(0, 200)}`);
  }
  return samples;
}

/**
 * p50 of GET /v1/counts for one member of a tenant with 1 and with `teamSize` members, at each of
 * `sizes` notifications: one tenant per case, each member with a read state of their own (marks
 * and snoozes). The cases are measured in turn, `rounds` times `samples / rounds` requests each,
 * so that a shared machine's changing load falls on all of them alike.
 */
export async function benchTeamCounts({ worker, sizes, samples, rounds = 6, teamSize = 50, log }) {
  const cases = [];
  for (const [i, size] of sizes.entries()) {
    for (const members of [1, teamSize]) {
      const t = await teamTenant(worker, `987-T${members === 1 ? 'S' : 'M'}${'ABCDEFGH'[i]}-654`, members);
      await loadNotifications({ url: worker.url, ingestKey: t.ingest, from: 0, to: size, concurrency: 4 });
      await triageAsMembers(worker, t);
      // Checked, so that a fast but wrong answer cannot pass: the member's own marks and snoozes are out.
      const counts = expectOk(
        await request(worker.url, '/v1/counts', { token: await t.newMeasuredKey() }),
        'counts',
      );
      if (counts.unread !== size - MARKED - SNOOZED)
        throw new Error(
          `${t.tenant}: counts say ${counts.unread} unread, expected ${size - MARKED - SNOOZED}`,
        );
      cases.push({ size, members, t, latencies: [] });
      log?.(`  ${size} notifications, ${members} member(s): loaded`);
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const c of cases)
      c.latencies.push(
        ...(await timeCounts(worker.url, await c.t.newMeasuredKey(), Math.ceil(samples / rounds))),
      );
  }
  return cases.map(({ size, members, latencies }) => ({
    size,
    members,
    requests: latencies.length,
    ...summarize(latencies),
  }));
}

/** Opens one stream socket with a fresh ticket; resolves once open. */
async function openSocket(worker, token, onMessage) {
  const { ticket } = expectOk(
    await request(worker.url, '/v1/stream/ticket', { method: 'POST', token }),
    'ticket',
  );
  const socket = new WebSocket(
    `${worker.url.replace(/^http/, 'ws')}/v1/stream?ticket=${encodeURIComponent(ticket)}`,
  );
  socket.addEventListener('message', (event) => onMessage(JSON.parse(String(event.data)), performance.now()));
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error('stream socket failed to open')), { once: true });
  });
  return socket;
}

/**
 * One event at a time to a tenant of `members` members with `socketsEach` open streams each:
 * time from sending the POST to the last socket receiving the notification.
 */
export async function benchFanout({ worker, events, members = 50, socketsEach = 2, log }) {
  const t = await teamTenant(worker, FANOUT_TENANT, members);
  /** campaign id → sockets still waiting, and the resolver once none is. */
  let waiting = null;
  const sockets = [];
  for (const token of t.keys) {
    for (let s = 0; s < socketsEach; s++) {
      const index = sockets.length;
      const onMessage = (message, at) => {
        if (
          message.kind !== 'notification' ||
          !waiting ||
          message.notification.data?.campaign?.id !== waiting.campaign
        )
          return;
        if (waiting.pending.delete(index)) waiting.last = at;
        if (waiting.pending.size === 0) waiting.done();
      };
      sockets.push(await openSocket(worker, token, onMessage));
    }
  }
  log?.(`  ${sockets.length} sockets open for ${members} members`);
  const latencies = [];
  const answers = [];
  try {
    for (let i = 0; i < events + 1; i++) {
      const campaign = `cmp-fan${i}`;
      const current = { campaign, pending: new Set(sockets.keys()), last: 0, done: () => {} };
      const received = new Promise((resolve, reject) => {
        current.done = () => resolve(undefined);
        setTimeout(
          () => reject(new Error(`event ${i}: ${current.pending.size} sockets never received it`)),
          15_000,
        ).unref();
      });
      waiting = current;
      // Awaited below; this keeps a failed POST from leaving the time-out's rejection unhandled.
      received.catch(() => undefined);
      const sentAt = performance.now();
      const res = await request(worker.url, '/v1/events', {
        method: 'POST',
        token: t.ingest,
        body: campaignFailure(`fan-event-${i}`, `fan${i}`),
      });
      expectOk(res, 'post event', 202);
      const answeredAt = performance.now();
      await received;
      // The first event warms the path (module, object, sockets' first message) and is not counted.
      if (i > 0) {
        latencies.push(current.last - sentAt);
        answers.push(answeredAt - sentAt);
      }
      await sleep(50);
    }
  } finally {
    for (const socket of sockets) socket.close();
  }
  return {
    members,
    sockets: sockets.length,
    toLastSocket: summarize(latencies),
    postAnswer: summarize(answers),
  };
}
