// Generators of bad requests: each must get a 4xx JSON error and change nothing.
// A seeded generator makes a failing case reproducible (`--seed`).

export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JSON_TYPE = { 'content-type': 'application/json' };
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };

const validEvent = (n) => ({
  id: `malformed-valid-${n}`,
  type: 'campaign_failure',
  campaign: { id: n, name: 'Should never be stored' },
  error: { message: 'never stored' },
});

function randomValue(rand, depth = 0) {
  const pick = Math.floor(rand() * (depth > 2 ? 5 : 7));
  switch (pick) {
    case 0:
      return Math.floor(rand() * 1e9) - 5e8;
    case 1:
      return rand() < 0.5;
    case 2:
      return null;
    case 3:
      return randomString(rand, Math.floor(rand() * 40));
    case 4:
      return rand() * 1e6;
    case 5:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default: {
      const object = {};
      for (let k = Math.floor(rand() * 4); k > 0; k--)
        object[randomString(rand, 1 + Math.floor(rand() * 8))] = randomValue(rand, depth + 1);
      return object;
    }
  }
}

function randomString(rand, length) {
  let text = '';
  for (let i = 0; i < length; i++)
    text += String.fromCodePoint(32 + Math.floor(rand() * (rand() < 0.9 ? 95 : 2000)));
  return text;
}

const pickOne = (rand, list) => list[Math.floor(rand() * list.length)];

/** A valid event with one thing wrong in it. */
const WRONG_FIELDS = [
  (e) => ({ ...e, type: 5 }),
  (e) => ({ ...e, type: 'campaign_exploded' }),
  (e) => ({ ...e, campaign: { id: {}, name: 'x' } }),
  (e) => ({ ...e, campaign: { id: 1, name: '' } }),
  (e) => ({ ...e, campaign: { id: -1, name: 'x' } }),
  (e) => ({ ...e, campaign: 'Welcome' }),
  (e) => ({ ...e, error: { message: 7 } }),
  (e) => ({ ...e, occurredAt: 'yesterday' }),
  (e) => ({ ...e, occurredAt: 1732300000 }),
  (e) => ({ ...e, errorCode: 'six-oh-seven' }),
  (e) => ({ ...e, errorCode: 99 }),
  (e) => ({ ...e, url: 'javascript:alert(1)' }),
  (e) => ({ ...e, url: 'http://app-ab12.marketo.com/' }),
  (e) => ({ ...e, surprise: true }),
  (e) => ({ ...e, campaign: { ...e.campaign, extra: 1 } }),
  (e) => ({ ...e, id: '' }),
  (e) => ({ ...e, id: -42 }),
  (e) => ({ ...e, id: 4.2 }),
  (e) => {
    const { campaign: _campaign, ...rest } = e;
    return rest;
  },
  (e) => {
    const { type: _type, ...rest } = e;
    return rest;
  },
  () => ({ type: 'crm_sync', crm: 'hubspot', problem: 'api_limit' }),
  () => ({
    type: 'crm_sync',
    crm: 'salesforce',
    problem: 'api_limit',
    lead: { id: 1, email: 'not-an-email' },
  }),
  () => ({
    type: 'engagement_exhausted',
    program: { id: 1, name: 'P' },
    stream: { name: 'S' },
    exhaustedLeads: 0,
  }),
  () => ({
    type: 'engagement_exhausted',
    program: { id: 1, name: 'P' },
    stream: { name: 'S' },
    exhaustedLeads: 1.5,
  }),
  () => ({ type: 'facebook', problem: 'page_deleted' }),
  () => ({ type: 'trigger_campaign_cleanup', campaign: { id: 1, name: 'C' }, action: 'paused' }),
  () => ({ type: 'linkedin', operation: 'post', outcome: 'failure' }),
  () => ({ type: 'linkedin', operation: 'send', outcome: 'maybe' }),
  () => ({ type: 'web_services_quota', calls: 5 }),
];

function jsonCase(name, body, extra = {}) {
  return {
    name,
    method: 'POST',
    path: '/v1/events',
    role: 'ingest',
    headers: JSON_TYPE,
    body: JSON.stringify(body),
    ...extra,
  };
}

/** @type {[name: string, weight: number, make: (rand: () => number, n: number) => any][]} */
const CASES = [
  ['random JSON', 10, (rand) => jsonCase('random JSON', randomValue(rand))],
  ['wrong field', 14, (rand, n) => jsonCase('wrong field', pickOne(rand, WRONG_FIELDS)(validEvent(n)))],
  [
    'batch with one bad event',
    4,
    (rand, n) => {
      const events = Array.from({ length: 1 + Math.floor(rand() * 20) }, (_, k) => validEvent(`${n}-${k}`));
      events[Math.floor(rand() * events.length)] = pickOne(rand, WRONG_FIELDS)(validEvent(`${n}-bad`));
      return jsonCase('batch with one bad event', { events });
    },
  ],
  [
    'batch too large or empty',
    2,
    (rand, n) =>
      jsonCase('batch too large or empty', {
        events: rand() < 0.5 ? [] : Array.from({ length: 101 }, (_, k) => validEvent(`${n}-${k}`)),
      }),
  ],
  [
    'idempotency header contradicts',
    2,
    (rand, n) =>
      rand() < 0.5
        ? jsonCase('idempotency header contradicts', validEvent(n), {
            headers: { ...JSON_TYPE, 'idempotency-key': `other-${n}` },
          })
        : jsonCase(
            'idempotency header on a batch',
            { events: [validEvent(n)] },
            { headers: { ...JSON_TYPE, 'idempotency-key': `batch-${n}` } },
          ),
  ],
  [
    'huge string',
    6,
    (rand, n) => {
      const e = validEvent(n);
      const where = Math.floor(rand() * 4);
      if (where === 0) e.campaign.name = 'N'.repeat(256 + Math.floor(rand() * 20_000));
      else if (where === 1) e.message = 'M'.repeat(2001 + Math.floor(rand() * 30_000));
      else if (where === 2) e.id = 'I'.repeat(201 + Math.floor(rand() * 5_000));
      // zod counts code points: 2001 emoji (8 KB) are one too many.
      else e.error.message = '\u{1F4A5}'.repeat(2001 + Math.floor(rand() * 10_000));
      return jsonCase('huge string', e);
    },
  ],
  [
    'bad content type',
    6,
    (rand, n) => ({
      name: 'bad content type',
      method: 'POST',
      path: pickOne(rand, ['/v1/events', '/v1/usage']),
      role: 'ingest',
      headers: {
        'content-type': pickOne(rand, [
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/jsonp',
          'image/png',
          'text/html; charset=utf-8',
        ]),
      },
      body: JSON.stringify(validEvent(n)),
    }),
  ],
  [
    'no content type',
    2,
    (rand, n) => ({
      name: 'no content type',
      method: 'POST',
      path: '/v1/events',
      role: 'ingest',
      headers: {},
      body: Buffer.from(JSON.stringify(validEvent(n))),
    }),
  ],
  [
    'broken JSON',
    6,
    (rand, n) => {
      const text = JSON.stringify(validEvent(n));
      const broken = pickOne(rand, [
        text.slice(0, Math.floor(rand() * text.length)),
        text.replace('{', '{{'),
        text.replaceAll('"', "'"),
        `${text},`,
        `${text}${text}`,
        '',
        'NaN',
        '{"type": "campaign_failure", "campaign": {"id": 1, "name": "x"}, "error": {"message": "m"},}',
      ]);
      return jsonCase('broken JSON', undefined, { body: broken });
    },
  ],
  [
    'broken encoding',
    6,
    (rand, n) => {
      const text = JSON.stringify(validEvent(n));
      const bytes = Buffer.from(text);
      const variant = Math.floor(rand() * 4);
      let body;
      if (variant === 0)
        body = Buffer.concat([
          bytes.subarray(0, 40),
          Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
          bytes.subarray(40),
        ]);
      else if (variant === 1) body = Buffer.from(text, 'utf16le');
      else if (variant === 2) body = Buffer.concat([Buffer.from([0xed, 0xa0, 0x80]), bytes]);
      else
        body = Buffer.from(text.replace('Should never', 'Should \udc00never'), 'latin1').map((b) =>
          b === 0x53 ? 0x80 : b,
        );
      return {
        name: 'broken encoding',
        method: 'POST',
        path: '/v1/events',
        role: 'ingest',
        headers: JSON_TYPE,
        body,
      };
    },
  ],
  [
    'bad form body',
    6,
    (rand, n) => ({
      name: 'bad form body',
      method: 'POST',
      path: '/v1/events',
      role: 'ingest',
      headers: FORM_TYPE,
      body: pickOne(rand, [
        `type=campaign_failure&campaign.id=${n}&campaign.name=%E0%A4%A&error.code=%`,
        `campaign.id=${n}&campaign.name=Welcome&error.message=x`,
        'type=campaign_failure&campaign=Welcome&error.message=x',
        `type=engagement_exhausted&program.id=1&program.name=P&stream.name=S&exhaustedLeads=lots`,
        'type=campaign_failure&campaign.id=1&campaign.id=2&campaign.name=x&error.message=y&campaign.name.deeper=z',
        '%%%%&&&===',
        `type=linkedin&operation=send&outcome=failure&__proto__.polluted=1&constructor.prototype.x=1`,
      ]),
    }),
  ],
  [
    'oversize body',
    2,
    (rand, n) => {
      const size = pickOne(rand, [64 * 1024 + 1, 100_000, 300_000, 1_100_000]);
      const e = validEvent(n);
      e.message = 'x'.repeat(size);
      return { ...jsonCase('oversize body', e), chunked: rand() < 0.5 };
    },
  ],
  [
    'bad auth',
    10,
    (rand, n) => {
      const auth = pickOne(rand, [
        undefined,
        'Bearer',
        'Bearer ',
        'Basic dXNlcjpwYXNz',
        `Bearer mn_${randomString(rand, 43).replace(/[^A-Za-z0-9_-]/g, 'a')}`,
        'Bearer mn_\u00e9\u00e8',
        `Bearer ${'A'.repeat(5000)}`,
        'bearer',
      ]);
      return { ...jsonCase('bad auth', validEvent(n)), role: null, authorization: auth };
    },
  ],
  [
    'wrong role',
    6,
    (rand, n) =>
      pickOne(rand, [
        () => ({ ...jsonCase('wrong role', validEvent(n)), role: 'read' }),
        () => ({
          name: 'wrong role',
          method: 'PUT',
          path: '/v1/settings',
          role: 'read',
          headers: JSON_TYPE,
          body: JSON.stringify({ linkedin: { maxAttempts: 9 } }),
        }),
        () => ({
          name: 'wrong role',
          method: 'PUT',
          path: '/v1/settings',
          role: 'ingest',
          headers: JSON_TYPE,
          body: JSON.stringify({ linkedin: { maxAttempts: 9 } }),
        }),
        () => ({
          name: 'wrong role',
          method: 'POST',
          path: '/v1/notifications/read',
          role: 'ingest',
          headers: JSON_TYPE,
          body: JSON.stringify({ all: true }),
        }),
        () => ({
          name: 'wrong role',
          method: 'POST',
          path: '/v1/usage',
          role: 'read',
          headers: JSON_TYPE,
          body: JSON.stringify({ calls: 5 }),
        }),
        () => ({
          name: 'wrong role',
          method: 'POST',
          path: '/v1/tenants/987-OTH-654/keys',
          role: 'admin',
          headers: JSON_TYPE,
          body: JSON.stringify({ role: 'admin' }),
        }),
      ])(),
  ],
  [
    'bad usage',
    6,
    (rand) => ({
      name: 'bad usage',
      method: 'POST',
      path: '/v1/usage',
      role: 'ingest',
      headers: JSON_TYPE,
      body: JSON.stringify(
        pickOne(rand, [
          { calls: 0 },
          { calls: -5 },
          { calls: 1.5 },
          { calls: '10' },
          { calls: 1e12 },
          {},
          { calls: 5, extra: 1 },
          [5],
          { calls: null },
        ]),
      ),
    }),
  ],
  [
    'bad settings',
    6,
    (rand) => ({
      name: 'bad settings',
      method: 'PUT',
      path: '/v1/settings',
      role: 'admin',
      headers: JSON_TYPE,
      body: JSON.stringify(
        pickOne(rand, [
          { quota: { dailyLimit: -1 } },
          { quota: { dailyLimit: 0 } },
          { quota: { thresholds: [150] } },
          { quota: { thresholds: [80, 80] } },
          { quota: { thresholds: [] } },
          { linkedin: { maxAttempts: 0 } },
          { dynamics: { digestHours: 1000 } },
          { types: { campaign_failure: { enabled: 'no' } } },
          { types: { unknown_type: { enabled: false } } },
          { theme: 'dark' },
          { quota: { dailyLimit: 100, surprise: 1 } },
          [{ quota: { dailyLimit: 100 } }],
        ]),
      ),
    }),
  ],
  [
    'bad mark read',
    4,
    (rand) => ({
      name: 'bad mark read',
      method: 'POST',
      path: '/v1/notifications/read',
      role: 'read',
      headers: JSON_TYPE,
      body: JSON.stringify(
        pickOne(rand, [
          { ids: 'all' },
          { ids: [{}] },
          { all: 'yes' },
          { all: true, ids: ['x'] },
          { everything: true },
          7,
        ]),
      ),
    }),
  ],
  [
    'bad query',
    6,
    (rand) => ({
      name: 'bad query',
      method: 'GET',
      role: 'read',
      headers: {},
      path: pickOne(rand, [
        '/v1/notifications?limit=0',
        '/v1/notifications?limit=101',
        '/v1/notifications?limit=ten',
        '/v1/notifications?status=maybe',
        '/v1/notifications?type=nonsense',
        '/v1/notifications?cursor=%00%01garbage',
        `/v1/notifications?cursor=${Buffer.from('{"lastAt":"x","id":1}').toString('base64url')}`,
        '/v1/stream',
        '/v1/stream?ticket=nope',
        '/v1/stream?ticket=987-MAL-654.forged',
      ]),
    }),
  ],
  [
    'unknown route or method',
    4,
    (rand) => ({
      name: 'unknown route or method',
      role: 'admin',
      headers: JSON_TYPE,
      body: '{}',
      ...pickOne(rand, [
        { method: 'DELETE', path: '/v1/events' },
        { method: 'PATCH', path: '/v1/settings' },
        { method: 'POST', path: '/v1/counts' },
        { method: 'GET', path: '/v1/../etc/passwd' },
        { method: 'POST', path: '/v2/events' },
        { method: 'PUT', path: '/v1/tenants/not-a-tenant' },
      ]),
    }),
  ],
];

const TOTAL_WEIGHT = CASES.reduce((sum, [, weight]) => sum + weight, 0);

/** The n-th bad request of a run. */
export function malformedCase(rand, n) {
  let roll = rand() * TOTAL_WEIGHT;
  for (const [, weight, make] of CASES) {
    roll -= weight;
    if (roll < 0) return make(rand, n);
  }
  return CASES[0][2](rand, n);
}
