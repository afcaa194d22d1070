import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import {
  announce,
  listenForNotificationClicks,
  rememberSilently,
} from '../../extension/lib/background/announce';
import { isPushMessage } from '../../extension/lib/state/protocol';
import { announcedItem, notificationLinksItem } from '../../extension/lib/state/storage';
import { campaignFailure, engagement, prefs } from './fixtures';
import { translator } from './translators';

const en = translator('en');
/** The connection the notifications come from. */
const C = { id: 'c1', label: 'Production' };
const LINK = 'https://app-ab12.marketo.com/#SC1042A1';
const desktopIds = async () => Object.keys(await fakeBrowser.notifications.getAll());

/** A Marketo tab that receives pushes (the fake browser's tab query does not match URL patterns). */
function marketoTab() {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 7 }]) as never);
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
}

/** What the popup and other extension pages are told. */
function pagePushes() {
  const received: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message) => void received.push(message));
  return received;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('announcing critical notifications', () => {
  it('shows a desktop notification and a toast when the type wants both', async () => {
    const toTab = marketoTab();
    await announce(C, campaignFailure('n1', '2026-11-22T10:00:00Z'), prefs(), en);
    expect(await desktopIds()).toEqual(['marketo-notifier:c1:n1']);
    expect(fakeBrowser.notifications.getAllCreateOptions()['marketo-notifier:c1:n1']).toMatchObject({
      title: 'Marketo (Production): Campaign failures',
      message: 'Campaign “Welcome” failed',
    });
    expect(toTab).toHaveBeenCalledWith(7, expect.objectContaining({ push: 'notificationArrived' }));
  });

  it("adds each Marketo error code's meaning to the desktop notification, in the user language", async () => {
    const data = { ...campaignFailure('x', '').data, errorCode: 611 };
    await announce(
      C,
      campaignFailure('n3', '2026-11-22T10:00:00Z', { data } as never),
      prefs(),
      translator('fr'),
    );
    expect(fakeBrowser.notifications.getAllCreateOptions()['marketo-notifier:c1:n3']?.message).toBe(
      'La campagne « Welcome » a échoué\nErreur Marketo 611\u00a0: Une erreur système est survenue chez Marketo.',
    );
  });

  it('desktop: false suppresses the desktop notification but keeps the toast in Marketo', async () => {
    const toTab = marketoTab();
    const pages = pagePushes();
    await announce(
      C,
      campaignFailure('n1', '2026-11-22T10:00:00Z'),
      prefs({ campaign_failure: { desktop: false } }),
      en,
    );
    expect(await desktopIds()).toEqual([]);
    expect(toTab).toHaveBeenCalledTimes(1);
    expect(pages.filter((m) => isPushMessage(m, 'notificationArrived'))).toHaveLength(1);
  });

  it('show: false suppresses everything, and the notification does not come up when shown again later', async () => {
    const toTab = marketoTab();
    const pages = pagePushes();
    const n = campaignFailure('n1', '2026-11-22T10:00:00Z');
    await announce(C, n, prefs({ campaign_failure: { show: false } }), en);
    expect(await desktopIds()).toEqual([]);
    expect(toTab).not.toHaveBeenCalled();
    expect(pages).toEqual([]);
    await announce(C, n, prefs(), en);
    expect(await desktopIds()).toEqual([]);
  });

  it('announces each occurrence once; a repeat (new lastAt) again; never warnings or read ones', async () => {
    await announce(C, campaignFailure('n1', '2026-11-22T10:00:00Z'), prefs(), en);
    await fakeBrowser.notifications.clear('marketo-notifier:c1:n1');
    await announce(C, campaignFailure('n1', '2026-11-22T10:00:00Z'), prefs(), en);
    expect(await desktopIds()).toEqual([]);
    await announce(C, campaignFailure('n1', '2026-11-22T11:00:00Z'), prefs(), en);
    expect(await desktopIds()).toEqual(['marketo-notifier:c1:n1']);
    await announce(C, engagement('w1', '2026-11-22T10:00:00Z'), prefs(), en);
    await announce(
      C,
      campaignFailure('r1', '2026-11-22T10:00:00Z', { readAt: '2026-11-22T10:05:00Z' }),
      prefs(),
      en,
    );
    expect(await desktopIds()).toEqual(['marketo-notifier:c1:n1']);
  });

  it('announces the same notification once when two announce it at the same time', async () => {
    const n = campaignFailure('n1', '2026-11-22T10:00:00Z');
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await Promise.all([announce(C, n, prefs(), en), announce(C, n, prefs(), en)]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('remembers silently, answering only what was not remembered before', async () => {
    const a = campaignFailure('a', '2026-11-22T10:00:00Z');
    expect((await rememberSilently('c1', [a])).map((n) => n.id)).toEqual(['a']);
    expect(await rememberSilently('c1', [a])).toEqual([]);
    expect(await announcedItem.getValue()).toEqual(['a@2026-11-22T10:00:00Z']);
    await announce(C, a, prefs(), en);
    expect(await desktopIds()).toEqual([]);
  });
});

describe('clicking a desktop notification', () => {
  it('opens its Marketo link also after the service worker was restarted', async () => {
    await announce(
      C,
      campaignFailure('n1', '2026-11-22T10:00:00Z', {
        data: { ...campaignFailure('x', '').data, url: LINK },
      } as never),
      prefs(),
      en,
    );
    expect(await notificationLinksItem().getValue()).toEqual({ 'c1:n1': LINK });
    expect(notificationLinksItem().key).toMatch(/^session:/);

    // A restarted service worker has nothing in memory; it registers its listener again.
    listenForNotificationClicks();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('marketo-notifier:c1:n1');
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: LINK }));
    await vi.waitFor(async () => expect(await desktopIds()).toEqual([]));
  });

  it("opens its connection's feed, never the link, for a notification without a safe link", async () => {
    const phishing = { ...campaignFailure('x', '').data, url: 'https://marketo.example.com/phish' };
    await announce(
      { id: 'sandbox', label: 'Sandbox' },
      campaignFailure('n2', '2026-11-22T10:00:00Z', { data: phishing } as never),
      prefs(),
      en,
    );
    const feed = fakeBrowser.runtime.getURL('/popup.html?connection=sandbox');
    expect(await notificationLinksItem().getValue()).toEqual({ 'sandbox:n2': feed });
    listenForNotificationClicks();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('marketo-notifier:sandbox:n2');
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: feed }));
    expect(create).not.toHaveBeenCalledWith({ url: phishing.url });
  });

  it('names its connection in the title and tells pages which connection it came from', async () => {
    const pages = pagePushes();
    await announce(
      { id: 'sandbox', label: 'Sandbox' },
      campaignFailure('n5', '2026-11-22T10:00:00Z'),
      prefs(),
      en,
    );
    expect(fakeBrowser.notifications.getAllCreateOptions()['marketo-notifier:sandbox:n5']?.title).toBe(
      'Marketo (Sandbox): Campaign failures',
    );
    expect(pages).toContainEqual(
      expect.objectContaining({
        push: 'notificationArrived',
        payload: expect.objectContaining({ connectionId: 'sandbox' }),
      }),
    );
  });
});
