// The local inbox of `npm start`, run as Node runs it (scripts/lib/inbox/main.ts, type stripping),
// receiving messages rendered by the worker's own renderers.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { newWebhookSecret, type OutboundMessage, outboundRequest } from '../../../worker/outbound';
import { message, notificationMessage, SAMPLES, summaryMessage } from '../outbound/fixtures';
import { startInboxProcess } from './inbox-process';

let inbox: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ url: inbox, stop } = await startInboxProcess());
});
afterAll(() => stop());
beforeEach(async () => {
  await fetch(`${inbox}/messages`, { method: 'DELETE' });
});

async function deliver(
  kind: 'slack' | 'teams' | 'webhook',
  path: string,
  m: OutboundMessage,
  secrets?: string[],
) {
  const { url, init } = await outboundRequest(kind, m, {
    url: `${inbox}${path}`,
    secrets,
    deliveryId: `dl_${Math.random()}`,
    nowMs: Date.now(),
  });
  return fetch(url, init);
}

interface Listed {
  kind: string;
  name: string;
  signature?: { state: string; error?: string };
  problems: string[];
}
const listed = async () =>
  (await (await fetch(`${inbox}/messages.json`)).json()) as { notice: string; messages: Listed[] };
const page = async () => parseHTML(await (await fetch(`${inbox}/`)).text()).document;

describe('the local inbox', () => {
  it('receives a rendered message of each kind and draws it, saying it is a simulation', async () => {
    const secret = newWebhookSecret();
    const set = await fetch(`${inbox}/secrets`, {
      method: 'POST',
      body: JSON.stringify({ name: 'signed', secret }),
    });
    expect(set.status).toBe(200);

    const slack = await deliver('slack', '/slack/ops', notificationMessage(SAMPLES.campaign_failure));
    expect([slack.status, await slack.text()]).toEqual([200, 'ok']);
    const teams = await deliver('teams', '/teams/ops', summaryMessage('summary', 12));
    expect(teams.status).toBe(202);
    const webhook = await deliver('webhook', '/webhook/signed', notificationMessage(SAMPLES.linkedin), [
      secret,
    ]);
    expect(webhook.status).toBe(200);

    const { notice, messages } = await listed();
    expect(notice).toContain('SIMULATED');
    expect(messages.map((m) => [m.kind, m.name])).toEqual([
      ['webhook', 'signed'],
      ['teams', 'ops'],
      ['slack', 'ops'],
    ]);
    expect(messages.every((m) => m.problems.length === 0)).toBe(true);
    expect(messages[0]!.signature).toEqual({ state: 'valid' });

    const document = await page();
    expect(document.querySelector('[role=note]')!.textContent).toContain('SIMULATED inbox');
    const slackDrawn = document.querySelector('.slack-message')!;
    expect(slackDrawn.querySelector('.s-header')!.textContent).toBe(
      'Campaign “Welcome & <Onboarding>” failed',
    );
    const ack = [...slackDrawn.querySelectorAll('a')].find((a) => a.textContent === 'I’m on it / Resolve');
    expect(ack?.getAttribute('href')).toBe('https://notifier.example.com/a/v1.token.mac');
    const teamsDrawn = document.querySelector('.teams-message')!;
    expect(teamsDrawn.textContent).toContain('Summary: 12 notifications');
    expect(teamsDrawn.querySelectorAll('.t-container')).toHaveLength(12);
    expect(document.querySelector('.webhook-message .badge.ok')!.textContent).toBe('Signature valid');
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('shows a wrong signature as failing and answers it 401; checks each secret of a rotation', async () => {
    const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
    await fetch(`${inbox}/secrets`, {
      method: 'POST',
      body: JSON.stringify({ name: 'rotating', secrets: [newSecret, oldSecret] }),
    });
    expect((await deliver('webhook', '/webhook/rotating', message('test'), [oldSecret])).status).toBe(200);
    expect(
      (await deliver('webhook', '/webhook/rotating', message('test'), [newWebhookSecret()])).status,
    ).toBe(401);
    const { messages } = await listed();
    expect(messages[0]!.signature).toEqual({ state: 'invalid', error: 'No matching signature found' });
    expect(messages[1]!.signature).toEqual({ state: 'valid' });
    const failing = (await page()).querySelector('.webhook-message .badge.bad')!;
    expect(failing.textContent).toBe('Signature FAILED: No matching signature found');
  });

  it('says when it had no secret to check a webhook with', async () => {
    expect(
      (await deliver('webhook', '/webhook/unknown-name', message('test'), [newWebhookSecret()])).status,
    ).toBe(200);
    expect((await listed()).messages[0]!.signature).toEqual({ state: 'unchecked' });
  });

  it('refuses bad input clearly and keeps the last 200 messages', async () => {
    const badSecret = await fetch(`${inbox}/secrets`, { method: 'POST', body: '{"secret": "nope"}' });
    expect(badSecret.status).toBe(400);
    expect(((await badSecret.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    const notJson = await fetch(`${inbox}/slack/ops`, { method: 'POST', body: '<b>not json' });
    expect([notJson.status, await notJson.text()]).toEqual([400, 'invalid_payload']);
    expect((await listed()).messages[0]!.problems).toEqual(['the body is not JSON']);
    expect((await page()).querySelector('.slack-message pre')!.textContent).toBe('<b>not json');
    const huge = await fetch(`${inbox}/webhook/x`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
    expect(huge.status).toBe(413);
    expect((await fetch(`${inbox}/nowhere`)).status).toBe(404);
    expect((await fetch(`${inbox}/slack/%E0%A4%A`, { method: 'POST', body: '{}' })).status).toBe(400);
    const tooMany = await fetch(`${inbox}/slack/ops`, {
      method: 'POST',
      body: JSON.stringify({ text: 'x', blocks: Array(51).fill({ type: 'divider' }) }),
    });
    expect(tooMany.status).toBe(200);
    expect((await listed()).messages[0]!.problems).toEqual(['51 blocks (Slack allows 50)']);
    for (let i = 0; i < 205; i += 1)
      await fetch(`${inbox}/slack/many`, { method: 'POST', body: JSON.stringify({ text: `m${i}` }) });
    const { messages } = await listed();
    expect(messages).toHaveLength(200);
    expect((messages[0] as unknown as { body: { text: string } }).body.text).toBe('m204');
  });
});
