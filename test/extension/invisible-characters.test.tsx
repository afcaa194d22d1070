// A notification whose data carries U+202E (right-to-left override) and BEL: the popup's row, the
// overlay's toast and the desktop notification show neither, in their text or their attributes.
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { announce } from '../../extension/lib/background/announce';
import { Toast } from '../../extension/lib/overlay/Overlay';
import { NotificationItem } from '../../extension/lib/popup/NotificationItem';
import type { Notification } from '../../shared/notifications';
import { campaignFailure, prefs } from './fixtures';
import { translator } from './translators';

const en = translator('en');
const RLO = '\u202e';
const BEL = '\u0007';
const HOSTILE = /[\u202e\u0007]/;

const hostile: Notification = campaignFailure('n1', '2026-11-22T10:00:00Z', {
  data: {
    campaign: { id: 1, name: `Welcome${RLO}fdp.exe${BEL}` },
    program: { id: 2, name: `On${BEL}boarding${RLO}` },
    error: { message: `Token${BEL} missing\n${RLO}second line` },
    message: `Sent${RLO} by${BEL} the webhook`,
  },
  ack: { member: `Anna${RLO} Berg${BEL}`, at: '2026-11-22T10:01:00Z' },
} as Partial<Notification>);

const hostileEmail = {
  ...campaignFailure('n2', '2026-11-22T10:00:00Z'),
  data: {
    ...campaignFailure('n2', '').data,
    source: 'email',
    subject: `Campaign${RLO} failed${BEL}`,
    excerpt: `The campaign${BEL}\nfailed${RLO}.`,
    from: `noreply${RLO}@marketo.com`,
  },
} as unknown as Notification;

/** Renders into a fresh document and answers its body's markup, attributes included. */
function rendered(vnode: preact.ComponentChild): { text: string; markup: string } {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  render(vnode, document.body as unknown as Element);
  return { text: document.body.textContent ?? '', markup: document.body.outerHTML };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('invisible characters in what people see', () => {
  it.each([hostile, hostileEmail])('the popup row of $id shows none, facts and triage line included', (n) => {
    const now = Date.parse('2026-11-22T11:00:00Z');
    const { text, markup } = rendered(
      <NotificationItem notification={n} tr={en} now={now} onMarkRead={() => {}} onTriage={() => {}} />,
    );
    // The row says what the data says, without the invisible characters.
    expect(text).toContain(n.id === 'n1' ? 'Welcomefdp.exe' : 'Campaign failed');
    expect(text).toMatch(n.id === 'n1' ? /Anna Berg/ : /The campaign\nfailed\./);
    expect(text).not.toMatch(HOSTILE);
    expect(markup).not.toMatch(HOSTILE);
  });

  it("the overlay's toast shows none", () => {
    const toast = <Toast notification={hostile} tr={en} onDismiss={() => {}} onTriage={() => {}} />;
    const { text, markup } = rendered(toast);
    expect(text).toContain('Campaign “Welcomefdp.exe” failed');
    expect(text).toContain('Anna Berg');
    expect(text).not.toMatch(HOSTILE);
    expect(markup).not.toMatch(HOSTILE);
  });

  it('the desktop notification shows none', async () => {
    await announce({ id: 'c1', label: 'Production' }, hostile, prefs(), en);
    const shown = fakeBrowser.notifications.getAllCreateOptions()['marketo-notifier:c1:n1'];
    expect(shown?.message).toBe('Campaign “Welcomefdp.exe” failed');
    expect(`${shown?.title}${shown?.message}`).not.toMatch(HOSTILE);
  });
});
