import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seededRandom } from '../email/fuzz-messages';
import { call, WARM_UP_TIMEOUT_MS, warmUp } from '../support/http';
import { tenantWithKeys } from '../support/tenants';
import { AUDIT, batchItem, keyPath, NOTIFICATION, register, sign, singleEvent } from './support';

const DELIVERIES = 1_000;

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const ODD_VALUES = [
  null,
  true,
  0,
  -1,
  Infinity,
  'x'.repeat(300),
  '',
  [],
  {},
  '\u0000',
  '../..',
  { eventAction: null },
  [1, 2],
  'NaN',
];
const TYPES = [
  `${NOTIFICATION}campaign_failure`,
  `${NOTIFICATION}campaign_abort`,
  `${NOTIFICATION}web_services`,
  `${NOTIFICATION}nurture`,
  `${NOTIFICATION}test_group`,
  `${NOTIFICATION}sfdc_sync_failure`,
  `${AUDIT}login`,
  `${AUDIT}smartcampaign`,
  `${AUDIT}email`,
  'x',
  '',
];

/** Replaces a random leaf or field of a JSON value with an odd value, or deletes it. */
function mutate(value: unknown, random: Random, depth = 0): unknown {
  if (depth > 6 || typeof value !== 'object' || value === null || random() < 0.15)
    return random() < 0.5 ? pick(random, ODD_VALUES) : value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return copy;
  const key = pick(random, keys);
  if (random() < 0.2 && !Array.isArray(copy)) delete copy[key];
  else
    (copy as Record<string, unknown>)[key] = mutate(
      (copy as Record<string, unknown>)[key],
      random,
      depth + 1,
    );
  return copy;
}

function randomEvent(random: Random, munchkinId: string): unknown {
  const type = pick(random, TYPES);
  const data = {
    componentType: pick(random, ['campaign_abort', 'Login', 'Smart Campaign', 'web_services']),
    subType: pick(random, ['dailyQuota', 'user_campaign_abort', undefined]),
    eventAction: pick(random, [
      { campaignId: Math.floor(random() * 1e6), userId: 'a@b.c' },
      { percent: random() * 150, dailyQuota: 50000 },
      'login failure',
      'deactivate',
      'abort',
    ]),
    componentId: Math.floor(random() * 1e5),
    userId: pick(random, ['anna@example.com', 'bob@example.com']),
  };
  const options = {
    munchkinId: random() < 0.9 ? munchkinId : '999-ZZZ-999',
    recipient: random() < 0.9 ? undefined : 'other',
  };
  return random() < 0.5 ? batchItem(type, data, options) : singleEvent(type, data, options);
}

function randomBody(random: Random, munchkinId: string): string {
  const shape = random();
  if (shape < 0.1)
    return Array.from({ length: Math.floor(random() * 200) }, () =>
      String.fromCharCode(Math.floor(random() * 256)),
    ).join('');
  const events = Array.from({ length: 1 + Math.floor(random() * 5) }, () => randomEvent(random, munchkinId));
  const value = shape < 0.5 ? events : shape < 0.7 ? events[0] : mutate(events, random);
  const text = JSON.stringify(value) ?? 'undefined';
  // Sometimes cut short after signing: broken JSON, or a signature that no longer matches.
  if (random() < 0.1) return text.slice(0, Math.floor(random() * text.length));
  return text;
}

async function randomHeaders(random: Random, body: string): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  if (random() < 0.8)
    headers['Content-Type'] = pick(random, [
      'application/json',
      'text/plain',
      'application/cloudevents-batch+json',
    ]);
  const roll = random();
  const signature =
    roll < 0.6
      ? await sign(body, pick(random, ['a', 'b'] as const))
      : pick(random, ['', 'AAAA', '!!', 'x'.repeat(3000), 'bm90IGEgc2lnbmF0dXJl']);
  const path = pick(random, [
    keyPath('a'),
    keyPath('b'),
    keyPath('bad'),
    keyPath('missing'),
    keyPath('fail'),
    '//evil.example/k.pem',
    '/..',
    '',
    '/prod/keys/a-1.pem',
    'https://x',
  ]);
  const slot = pick(random, [1, 2]);
  if (random() < 0.9) headers[`x-adobe-digital-signature-${slot}`] = signature;
  if (random() < 0.9) headers[`x-adobe-public-key${slot}-path`] = path;
  if (random() < 0.2) headers['Content-Length'] = String(Math.floor(random() * 3_000_000));
  return headers;
}

describe('fuzz: random and broken deliveries to POST /io/<token>', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
  beforeAll(() => addEventListener('unhandledrejection', onUnhandled));
  afterAll(() => removeEventListener('unhandledrejection', onUnhandled));

  it(`${DELIVERIES} deliveries: no 5xx but the key host's 503, no unhandled rejection`, async () => {
    const t = await tenantWithKeys();
    const { token } = await register(t.admin);
    const random = seededRandom(21);
    const statuses = new Map<number, number>();
    for (let i = 0; i < DELIVERIES; i++) {
      const body = randomBody(random, t.tenant);
      const headers = await randomHeaders(random, body);
      let response: Response;
      try {
        response = await call(`/io/${token}`, { method: 'POST', raw: body, headers });
      } catch (error) {
        // A Content-Length that disagrees with the body is refused by the runtime before the worker sees it.
        expect(String(error), `delivery ${i}`).toMatch(/content-length|Content-Length|length/i);
        continue;
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect([200, 400, 401, 413, 503], `delivery ${i}`).toContain(response.status);
      if (response.status === 503) expect(response.headers.get('Retry-After')).not.toBeNull();
      await response.arrayBuffer();
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
    // The fuzz reaches every branch: accepted, refused for each reason.
    for (const status of [200, 400, 401])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  }, 240_000);
});
