// Outbound channels end to end: the options add a Slack channel that points at the local inbox
// and send a test; an event then reaches the inbox, and the acknowledge link in that message,
// opened in the browser and submitted, acknowledges it: the open popup shows "(via Slack)" live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { campaignFailure } from '../../scripts/lib/demo-events.mjs';
import { type Inbox, startInbox } from '../../scripts/lib/inbox/server';
import { POLL, useChromiumExtension } from './support/chromium-harness';

let inbox: Inbox;
// Before the harness's beforeAll, which starts the worker with the inbox's host:port allowed.
beforeAll(async () => {
  inbox = await startInbox({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await inbox?.close();
});

const h = useChromiumExtension({ workerVars: () => ({ OUTBOUND_DEV_HOSTS: `127.0.0.1:${inbox.port}` }) });

/** The acknowledge link of a message: `<worker>/a/<token>`, as Slack's `<url|text>` or plain. */
function ackLink(body: unknown, workerUrl: string): string | undefined {
  const text = JSON.stringify(body);
  const origin = workerUrl.replace(/\/$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.match(new RegExp(`${origin}/a/[A-Za-z0-9._~-]+`))?.[0];
}

describe('outbound channels from the options', () => {
  it('adds and tests a Slack channel; a message’s acknowledge link shows live in the popup', async () => {
    const options = await h.openExtensionPage('options.html', { width: 900, height: 1800 });
    await options.getByTestId('key').fill(h.worker.keys.admin);
    await options.getByTestId('test-connection').click();
    const section = options.getByTestId('channels-section');
    await expect.poll(() => section.textContent(), POLL).toContain('No channels yet.');

    // Checked before sending: nothing reaches the worker without a name and a URL.
    await section.getByTestId('channel-add').click();
    await section.getByTestId('channel-save').click();
    await expect.poll(() => section.getByTestId('channel-error-name').textContent(), POLL).toBe('Required.');
    expect(await section.getByTestId('channel-error-url').textContent()).toBe('Required.');

    // The worker refuses a Slack URL off hooks.slack.com (and not in OUTBOUND_DEV_HOSTS): said at the field.
    await section.getByTestId('channel-name').fill('Ops room');
    await section.getByTestId('channel-url').fill('https://example.com/hook');
    await section.getByTestId('channel-save').click();
    // The worker's own words replace the form's "Required.".
    await expect
      .poll(() => section.getByTestId('channel-error-url').textContent(), POLL)
      .not.toMatch(/^Required\.$/);
    expect(await section.getByTestId('channel-error-name').count()).toBe(0);
    expect(await section.getByTestId('channels-note').getAttribute('data-result')).toBe('invalid');

    await section.getByTestId('channel-url').fill(`http://127.0.0.1:${inbox.port}/slack/ops`);
    await section.getByTestId('channel-save').click();
    await expect.poll(() => section.getByTestId('channels-note').textContent(), POLL).toBe('Channel saved.');
    const channels = (await (
      await fetch(`${h.worker.url}/v1/channels`, {
        headers: { authorization: `Bearer ${h.worker.keys.admin}` },
      })
    ).json()) as { channels: { id: string; target: string }[] };
    expect(channels.channels).toHaveLength(1);
    const id = channels.channels[0]!.id;
    const row = section.getByTestId(`channel-${id}`);
    expect(await row.getByTestId('channel-target').textContent()).toBe(channels.channels[0]!.target);
    expect(await row.getByTestId('channel-state').textContent()).toBe('Working');
    // The URL is a secret: the page never shows it.
    expect(await options.content()).not.toContain(`/slack/ops`);

    await row.getByTestId(`channel-test-${id}`).click();
    const result = row.getByTestId('channel-test-result');
    await expect.poll(() => result.getAttribute('data-delivered'), POLL).toBe('true');
    expect(await result.textContent()).toBe('Test delivered (HTTP 200).');
    await expect.poll(() => row.getByTestId('channel-deliveries').locator('li').count(), POLL).toBe(1);
    expect(await row.getByTestId('channel-deliveries').textContent()).toMatch(
      /test message · delivered · HTTP 200/,
    );
    expect(inbox.messages().filter((m) => m.kind === 'slack' && m.name === 'ops')).toHaveLength(1);

    // The popup is open before the event; it shows the acknowledgement without a reload.
    const popup = await h.openExtensionPage('popup.html');
    await h.api.ingest([
      campaignFailure({
        id: 'channels-e2e-1',
        campaign: { id: 7301, name: 'Channel nurture: send email 1' },
      }),
    ]);
    const [notification] = (await h.api.notifications('all')).filter((n) => n.type === 'campaign_failure');
    expect(notification).toBeDefined();
    const item = popup.getByTestId(`notification-${notification!.id}`);
    await expect.poll(() => item.count(), POLL).toBe(1);
    expect(await item.getByTestId('triage').textContent()).toBe('');

    await expect.poll(() => inbox.messages().filter((m) => m.name === 'ops').length, POLL).toBe(2);
    const message = inbox
      .messages()
      .find((m) => m.name === 'ops' && JSON.stringify(m.body).includes('Channel nurture'));
    expect(message?.problems).toEqual([]);
    const link = ackLink(message!.body, h.worker.url);
    expect(link).toBeDefined();

    const ackPage = await h.browser.context.newPage();
    await ackPage.goto(link!);
    await ackPage.locator('#name').fill('Anna');
    await ackPage.locator('button[value="ack"]').click();
    await ackPage.waitForLoadState();

    await expect
      .poll(() => item.getByTestId('triage').textContent(), POLL)
      .toMatch(/^Anna \(via Slack\) is on it, /);
    const [after] = (await h.api.notifications('all')).filter((n) => n.id === notification!.id);
    expect(after?.ack).toMatchObject({ member: 'Anna', via: 'slack' });

    // Removed from the options: the list is empty again.
    await row.getByTestId(`channel-remove-${id}`).click();
    await expect
      .poll(() => section.getByTestId('channels-note').textContent(), POLL)
      .toBe('Channel removed.');
    expect(await section.getByTestId(`channel-${id}`).count()).toBe(0);
  });
});
