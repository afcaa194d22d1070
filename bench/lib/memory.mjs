// The background's memory with 10 connections (issue 20): ten tenants on the bench worker, the
// extension built for the first and the other nine added in the options as a person does; events
// keep arriving, one every few seconds in turn, for 10 minutes. The service worker's JavaScript heap
// is read over the DevTools protocol after a garbage collection, at the start and every minute.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { findFreePort, provisionTenant } from '../../scripts/lib/local-worker.mjs';
import { badgeCount, watchBadge } from './badge.mjs';
import { launchWithExtension } from './chromium.mjs';
import { addConnection } from './connections.mjs';
import { campaignFailure } from './events.mjs';
import { request } from './http.mjs';
import { sleep } from './stats.mjs';

/** One DevTools protocol exchange with a target: answers each method's result, in order. */
async function devtools(webSocketUrl, calls) {
  const socket = new WebSocket(webSocketUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error(`DevTools socket ${webSocketUrl} failed`));
  });
  const pending = new Map();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data));
    pending.get(message.id)?.(message);
  };
  const results = [];
  try {
    for (const [i, [method, params]] of calls.entries()) {
      const answer = await new Promise((resolve, reject) => {
        pending.set(i + 1, resolve);
        socket.send(JSON.stringify({ id: i + 1, method, params: params ?? {} }));
        setTimeout(() => reject(new Error(`${method}: no answer in 30 s`)), 30_000).unref();
      });
      if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
      results.push(answer.result);
    }
  } finally {
    socket.close();
  }
  return results;
}

/** The extension's service worker's heap after a garbage collection, and whether it is the one first seen. */
async function heapSample(port, extensionId) {
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const sw = targets.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!sw) return null;
  const [, heap, marked] = await devtools(sw.webSocketDebuggerUrl, [
    ['HeapProfiler.collectGarbage'],
    ['Runtime.getHeapUsage'],
    // A mark left in the worker's global at the first sample: gone when the worker was started again.
    ['Runtime.evaluate', { expression: '(globalThis.__benchMark ??= Date.now())', returnByValue: true }],
  ]);
  return { usedBytes: heap.usedSize, totalBytes: heap.totalSize, mark: marked.result.value };
}

export async function benchMemory({ worker, connections, minutes, eventEverySeconds, log }) {
  log?.(`  ${connections} connections, ${minutes} minutes, an event every ${eventEverySeconds} s`);
  const tenants = [{ tenant: worker.tenant, keys: worker.keys }];
  for (let i = 2; i <= connections; i++)
    tenants.push(
      await provisionTenant(worker.url, worker.rootToken, `987-MEM-${String(700 + i)}`, {
        label: `mem ${i}`,
      }),
    );
  for (const { keys } of tenants) {
    const read = await request(worker.url, '/v1/notifications/read', {
      method: 'POST',
      token: keys.read,
      body: { all: true },
    });
    if (read.status !== 200) throw new Error(`mark all read: HTTP ${read.status}`);
  }
  const outDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-bench-memory-'));
  const port = await findFreePort();
  let browser;
  try {
    browser = await launchWithExtension(
      await buildExtension({ workerUrl: worker.url, readKey: worker.keys.read, outDir }),
      { extraArgs: [`--remote-debugging-port=${port}`] },
    );
    for (const [i, { keys }] of tenants.slice(1).entries())
      await addConnection(browser, { workerUrl: worker.url, key: keys.read, label: `Instance ${i + 2}` });
    const { last } = await watchBadge(browser, (t) => t === '', performance.now() + 60_000);
    if (last !== '') throw new Error(`badge did not clear (shows ${JSON.stringify(last)})`);
    const samples = [];
    const started = performance.now();
    const first = await heapSample(port, browser.extensionId);
    if (!first) throw new Error('no service worker target');
    samples.push({ minute: 0, ...first });
    log?.(`    minute 0: ${(first.usedBytes / 1024 / 1024).toFixed(2)} MiB used`);
    let sent = 0;
    for (let minute = 1; minute <= minutes; minute++) {
      while (performance.now() - started < minute * 60_000) {
        const { keys } = tenants[sent % tenants.length];
        sent++;
        const posted = await request(worker.url, '/v1/events', {
          method: 'POST',
          token: keys.ingest,
          body: campaignFailure(`mem-${sent}`, 30_000 + sent),
        });
        if (posted.status !== 202) throw new Error(`post event: HTTP ${posted.status}`);
        await sleep(eventEverySeconds * 1000);
      }
      const sample = await heapSample(port, browser.extensionId);
      if (sample) samples.push({ minute, ...sample });
      log?.(
        sample
          ? `    minute ${minute}: ${(sample.usedBytes / 1024 / 1024).toFixed(2)} MiB used`
          : `    minute ${minute}: no service worker running`,
      );
    }
    const shown = await watchBadge(
      browser,
      (t) => badgeCount(t) === Math.min(sent, 99) || (sent > 99 && t === '99+'),
      performance.now() + 30_000,
    );
    const restarts = new Set(samples.map((s) => s.mark)).size - 1;
    return { connections, minutes, events: sent, badge: shown.last, samples, restarts };
  } finally {
    await browser?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
