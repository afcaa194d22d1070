// The e-mail path: messages per second through wrangler's local e-mail trigger and the worker's
// email() handler, and the time from the trigger's answer to the badge showing the new count.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { DEMO_EMAILS, demoEmail, sendLocalEmail } from '../../scripts/lib/demo-emails.mjs';
import { ensureEmailAddress } from '../../scripts/lib/local-worker.mjs';
import { launchWithExtension } from './chromium.mjs';
import { request } from './http.mjs';
import { summarize } from './stats.mjs';

/** Sends one demo mail with a new Message-ID; throws unless the worker accepted it. */
async function send(worker, to, fixture, n) {
  const result = await sendLocalEmail(worker.url, { to, raw: await demoEmail(fixture, to, n) });
  if (result.status !== 200 || result.rejectReason)
    throw new Error(`e-mail ${fixture}: HTTP ${result.status} ${result.rejectReason ?? ''}`);
  return performance.now();
}

/** `messages` mails (the four demo ones in turn), `concurrency` in flight: messages per second. */
export async function benchEmailThroughput({ worker, messages, concurrency, log }) {
  const to = await ensureEmailAddress(worker.url, worker.keys.admin);
  let next = 0;
  const started = performance.now();
  const latencies = [];
  const lane = async () => {
    while (next < messages) {
      const n = next++;
      const begun = performance.now();
      await send(worker, to, DEMO_EMAILS[n % DEMO_EMAILS.length].fixture, n);
      latencies.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  log?.(`  ${messages} messages, ${concurrency} at a time: ${(messages / seconds).toFixed(1)} messages/s`);
  return { messages, concurrency, perSecond: messages / seconds, latency: summarize(latencies) };
}

/** One mail at a time (a new marketo_email each: one more unread), each timed until the badge shows it. */
export async function benchEmailBadge({ worker, messages, log }) {
  const to = await ensureEmailAddress(worker.url, worker.keys.admin);
  const outDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-bench-email-'));
  let browser;
  try {
    browser = await launchWithExtension(
      await buildExtension({ workerUrl: worker.url, readKey: worker.keys.read, outDir }),
    );
    const read = await request(worker.url, '/v1/notifications/read', {
      method: 'POST',
      token: worker.keys.read,
      body: { all: true },
    });
    if (read.status !== 200) throw new Error(`mark all read: HTTP ${read.status}`);
    await waitForBadge(browser, (count) => count === 0, performance.now() + 90_000);
    const latencies = [];
    for (let i = 1; i <= messages; i++) {
      const sentAt = await send(worker, to, 'unknown.en.attachment', 10_000 + i);
      const shownAt = await waitForBadge(browser, (count) => count >= i, sentAt + 30_000);
      latencies.push(shownAt - sentAt);
    }
    log?.(`  e-mail to badge: ${messages} messages, p95 ${summarize(latencies).p95.toFixed(0)} ms`);
    return summarize(latencies);
  } finally {
    await browser?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

async function waitForBadge(browser, done, deadline) {
  while (performance.now() < deadline) {
    const text = await browser.badgeText();
    if (text !== null && /^\d*$/.test(text) && done(text === '' ? 0 : Number(text))) return performance.now();
  }
  throw new Error('the badge did not show the e-mail in time');
}
