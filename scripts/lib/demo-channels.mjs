// The demo tenant's outbound channels: one Slack, one Teams and one webhook channel, all pointing at
// the local inbox (a simulation; nothing reaches Slack or Teams). The worker must allow the inbox's
// loopback host:port over http (OUTBOUND_DEV_HOSTS).
import { callWorker } from './local-worker.mjs';

const KINDS = ['slack', 'teams', 'webhook'];
const nameOf = (kind) => `Local inbox (${kind})`;

/**
 * Creates the channels the demo tenant misses. A webhook's secret is answered only once: an existing
 * webhook channel gets a new one (the old one keeps signing for 24 hours), and the inbox learns it.
 * @param {string} workerUrl
 * @param {string} adminKey
 * @param {{ url: string, setSecrets: (secrets: string[], name?: string) => void }} inbox
 */
export async function ensureDemoChannels(workerUrl, adminKey, inbox) {
  const listed = await callWorker(workerUrl, '/v1/channels', { token: adminKey });
  if (listed.status !== 200)
    throw new Error(`GET /v1/channels: HTTP ${listed.status} ${JSON.stringify(listed.body)}`);
  const channels = /** @type {{ id: string, kind: string, name: string }[]} */ (listed.body.channels);
  for (const kind of KINDS) {
    const existing = channels.find((c) => c.kind === kind && c.name === nameOf(kind));
    const made = existing
      ? kind === 'webhook'
        ? await callWorker(workerUrl, `/v1/channels/${existing.id}/rotate-secret`, {
            method: 'POST',
            token: adminKey,
          })
        : { status: 200, body: existing }
      : await callWorker(workerUrl, '/v1/channels', {
          method: 'POST',
          token: adminKey,
          body: {
            kind,
            name: nameOf(kind),
            url: `${inbox.url}/${kind}/demo`,
            minSeverity: 'info',
            escalation: true,
          },
        });
    if (made.status !== 200 && made.status !== 201)
      throw new Error(`${kind} channel: HTTP ${made.status} ${JSON.stringify(made.body)}`);
    if (kind === 'webhook' && made.body.secret) inbox.setSecrets([made.body.secret], 'demo');
  }
  return KINDS.map(nameOf);
}
