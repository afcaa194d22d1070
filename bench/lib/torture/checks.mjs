// Invariant bookkeeping for the fault tests, and reading back a tenant's whole state.
import { request } from '../http.mjs';

/** Collects broken invariants instead of stopping at the first, so the summary shows them all. */
export class Invariants {
  constructor() {
    this.failures = [];
    this.passed = [];
  }

  check(condition, description, detail) {
    if (condition) this.passed.push(description);
    else this.failures.push(detail === undefined ? description : `${description}: ${detail}`);
    return condition;
  }

  get ok() {
    return this.failures.length === 0;
  }
}

async function readJson(url, path, token) {
  let res = await request(url, path, { token, timeoutMs: 30_000 });
  // A key over its rate limit reads again when the limit allows (once: a window is a minute).
  if (res.status === 429) {
    await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get('retry-after') ?? 1) * 1000));
    res = await request(url, path, { token, timeoutMs: 30_000 });
  }
  if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
  return res.json;
}

/**
 * Every notification of the tenant, newest first, following nextCursor.
 * @param {string} url
 * @param {string} readKey
 * @param {{ type?: string }} [filter]
 */
export async function listAllNotifications(url, readKey, { type } = {}) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < 10_000; page++) {
    const query = new URLSearchParams({ status: 'all', limit: '100' });
    if (type) query.set('type', type);
    if (cursor) query.set('cursor', cursor);
    const body = await readJson(url, `/v1/notifications?${query}`, readKey);
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('notification list did not end');
}

/** What a malformed request must never change: counts, the first feed page, settings. */
export async function snapshotState(url, keys) {
  return {
    counts: await readJson(url, '/v1/counts', keys.read),
    firstPage: await readJson(url, '/v1/notifications?status=all', keys.read),
    settings: await readJson(url, '/v1/settings', keys.admin),
  };
}

export const countsOf = (url, readKey) => readJson(url, '/v1/counts', readKey);
