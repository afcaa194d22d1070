// Marketo's own streams for local runs: a local key host standing in for Adobe I/O Events' (the
// worker's ADOBE_IO_KEYS_URL names it), a key pair made once in .local/, and signed deliveries
// shaped like Adobe's examples, for `npm run demo -- --io-events` and the end-to-end tests.
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { type AdobeKeyHost, startAdobeKeyHost } from './adobe-key-host.ts';
import { projectRoot } from './project.mjs';

/** The local key host's port for `npm start` (the simulated Marketo has 8790). */
export const KEY_HOST_PORT = 8792;
/** The path the demo's deliveries name; the key host serves the key `local` under it. */
export const DEMO_KEY_PATH = '/prod/keys/local-demo.pem';
/** The client id the demo registers, as Adobe's Developer Console would show it. */
export const DEMO_IO_CLIENT_ID = 'local-demo-client';

const KEY_FILE = join(projectRoot, '.local', 'io-events-key.json');

export interface IoDemoEvent {
  eventid: string;
  event: { body: { type: string; time: string; data: Record<string, unknown> } & Record<string, unknown> };
  recipientclientid: string;
}
type EventOptions = { munchkinId: string; clientId?: string; time?: string };
type KeyPair = { publicKey: string; privateKey: string };

/** The demo's RSA key pair (PEM), made on first use and kept in .local/ (never committed). */
export async function ensureDemoKeyPair(file = KEY_FILE): Promise<KeyPair> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as KeyPair;
  const pair: KeyPair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, `${JSON.stringify(pair, null, 2)}\n`, { mode: 0o600 });
  return pair;
}

/** The local key host serving the demo's public key. */
export async function startDemoKeyHost({
  port = KEY_HOST_PORT,
  keyFile,
}: { port?: number; keyFile?: string } = {}): Promise<AdobeKeyHost> {
  const { publicKey } = await ensureDemoKeyPair(keyFile);
  return startAdobeKeyHost({ publicKeys: { local: publicKey }, port });
}

/** Registers (or rotates) the tenant's receiving URL; answers it. */
export async function registerIoEvents(
  workerUrl: string,
  adminKey: string,
  clientId = DEMO_IO_CLIENT_ID,
): Promise<string> {
  const response = await fetch(new URL('/v1/io-events', workerUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId }),
  });
  if (response.status !== 200) {
    throw new Error(`POST /v1/io-events: HTTP ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { url: string }).url;
}

/** POSTs the events as one batch delivery, signed as Adobe signs it; answers status and body. */
export async function postSignedDelivery(
  url: string,
  items: unknown[],
  { keyFile }: { keyFile?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const { privateKey } = await ensureDemoKeyPair(keyFile);
  const body = JSON.stringify(items);
  const signature = createSign('RSA-SHA256').update(body).sign(privateKey, 'base64');
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-adobe-digital-signature-1': signature,
      'x-adobe-public-key1-path': DEMO_KEY_PATH,
    },
    body,
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

const NOTIFICATION = 'com.adobe.platform.marketo.notification.';
const AUDIT = 'com.adobe.platform.marketo.audit.user.';

/** One event in the batch envelope of Adobe's setup pages. */
export function ioEvent(type: string, data: Record<string, unknown>, options: EventOptions): IoDemoEvent {
  const { munchkinId, clientId = DEMO_IO_CLIENT_ID, time = new Date().toISOString() } = options;
  return {
    eventid: randomUUID(),
    event: {
      body: {
        specversion: '1.0',
        source: 'urn:mlm',
        time,
        type,
        dataschema: 'V1.0',
        datacontenttype: 'application/json',
        data: { munchkinId, imsOrgId: 'DEMO0123456789ABCDEF@AdobeOrg', ...data },
      },
    },
    recipientclientid: clientId,
  };
}

/** What a failed login of `user` looks like in the user audit stream. */
export const loginFailure = (user: string, options: EventOptions) =>
  ioEvent(`${AUDIT}login`, { componentType: 'Login', eventAction: 'login failure', userId: user }, options);

/** A smart campaign failed, as the notification stream says it. */
export const campaignFailure = (campaignId: number, user: string, options: EventOptions) =>
  ioEvent(
    `${NOTIFICATION}campaign_failure`,
    { componentType: 'campaign_failure', eventAction: { campaignId, userId: user } },
    options,
  );

/** A notification-stream event of `component` with these facts. */
const notice = (component: string, data: Record<string, unknown>, options: EventOptions) =>
  ioEvent(`${NOTIFICATION}${component}`, { componentType: component, ...data }, options);

/** A user-audit event on asset `componentId`. */
const audit = (component: string, data: Record<string, unknown>, options: EventOptions) =>
  ioEvent(`${AUDIT}${component}`, data, options);

/** One realistic event of every kind the product maps, plus a few it only counts; with what each shows. */
export function everyIoEvent(options: EventOptions): [string, IoDemoEvent][] {
  const anna = 'anna@example.com';
  const abort = { subType: 'user_campaign_abort', eventAction: { campaignId: 1043, userId: anna } };
  const stream = { streamName: 'Stream 1', exhaustedLeads: 128 };
  const nurture = { programId: 3001, programName: 'Onboarding engagement', ...stream };
  const usage = { dailyQuota: 50000, percent: 85, serviceNames: ['rest'] };
  const quota = { subType: 'dailyQuota', eventAction: usage };
  const abTest = { programId: 4100, programName: 'Subject line test', winner: 'Version B' };
  const campaign = { componentType: 'Smart Campaign', userId: anna };
  const bob = { componentType: 'Smart Campaign', userId: 'bob@example.com' };
  const events: [string, IoDemoEvent][] = [
    ['campaign failure', campaignFailure(1042, anna, options)],
    ['campaign abort', notice('campaign_abort', abort, options)],
    ['nurture exhausted', notice('nurture', { eventAction: nurture }, options)],
    [
      'Salesforce sync failure',
      notice('salesforce_sync_failure', { eventAction: { message: 'Sync user password expired' } }, options),
    ],
    ['A/B test result', notice('test_group', { eventAction: abTest }, options)],
    ['daily quota 85 %', notice('web_services', quota, options)],
    [
      'smart campaign deactivated',
      audit(
        'smartcampaign',
        { ...campaign, componentId: 1077, componentName: 'Old webinar follow-up', eventAction: 'deactivate' },
        options,
      ),
    ],
    [
      'smart campaign aborted',
      audit(
        'smartcampaign',
        { ...bob, componentId: 1078, componentName: 'Spring promo', eventAction: 'abort' },
        options,
      ),
    ],
    [
      'email approved (counted)',
      audit(
        'email',
        { componentId: 232459, componentType: 'Email', eventAction: 'approve', userId: anna },
        options,
      ),
    ],
  ];
  for (let n = 1; n <= 10; n++) {
    events.push([`login failure ${n}/10`, loginFailure('mallory@example.com', options)]);
  }
  return events;
}
