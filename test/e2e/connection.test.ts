// The badge when the worker goes away, comes back, or refuses the extension's key (real Chromium).
import { describe, expect, it } from 'vitest';

import { campaignFailure } from '../../scripts/lib/demo-events.mjs';
import { GREY, POLL, RED, rgba, useChromiumExtension } from './support/chromium-harness';

const h = useChromiumExtension();

describe('connection problems', () => {
  it('returns from the grey ! to the count when the worker is back', async () => {
    await h.api.ingest([campaignFailure({ campaign: { id: 4040, name: 'Outage drill: send reminder' } })]);
    const { unread } = await h.api.counts();
    expect(unread).toBe(1);
    const counted = { text: String(unread), color: rgba(RED) };
    await expect.poll(h.browser.badge, POLL).toEqual(counted);

    await h.worker.pause();
    await expect.poll(h.browser.badge, POLL).toEqual({ text: '!', color: rgba(GREY) });
    await h.worker.start();
    await expect.poll(h.browser.badge, POLL).toEqual(counted);
    await expect.poll(async () => (await h.backgroundState())?.status, POLL).toBe('live');
  });

  // Revokes the build's key: the last test of this file.
  it('shows a grey ! while the worker is down and after the key is revoked', async () => {
    await h.api.revoke(h.worker.keyIds.read);
    await h.worker.pause();
    await expect.poll(h.browser.badge, POLL).toEqual({ text: '!', color: rgba(GREY) });
    expect((await h.backgroundState()).problem?.kind).toBe('unreachable');

    // Back up, the extension reconnects with its key and is refused.
    await h.worker.start();
    await expect.poll(async () => (await h.backgroundState())?.problem?.kind, POLL).toBe('refused');
    // The badge is painted after the state is stored (while reconnecting it may show the last count).
    await expect.poll(h.browser.badge, POLL).toEqual({ text: '!', color: rgba(GREY) });
  });
});
