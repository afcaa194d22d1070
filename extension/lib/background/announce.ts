import { browser } from '#imports';
import type { Notification } from '../../../shared/notifications';
import { describe } from '../describe';
import type { Translator } from '../i18n';
import { MARKETO_MATCHES, marketoLink } from '../marketo-link';
import { pushMessage } from '../messages';
import { announcedItem, type TypePrefs } from '../storage';

const MAX_REMEMBERED = 200;
const NOTIFICATION_PREFIX = 'marketo-notifier:';

/** A repeat of a grouped notification moves lastAt, so it counts as new again. */
export const announcementKey = (n: Notification) => `${n.id}@${n.lastAt}`;

export function shouldAnnounce(n: Notification, prefs: TypePrefs, announced: readonly string[]): boolean {
  return n.severity === 'critical' && n.readAt === null && prefs[n.type].show && !announced.includes(announcementKey(n));
}

/** Shows a desktop notification (if the type wants one) and tells Marketo tabs and open pages. */
export async function announce(n: Notification, prefs: TypePrefs, tr: Translator): Promise<void> {
  const announced = await announcedItem.getValue();
  if (!shouldAnnounce(n, prefs, announced)) return;
  await announcedItem.setValue([...announced, announcementKey(n)].slice(-MAX_REMEMBERED));
  if (prefs[n.type].desktop) await showDesktop(n, tr);
  await pushToTabs(n);
  // An open popup refreshes its feed; with no page open there is no receiver, which is fine.
  await browser.runtime.sendMessage(pushMessage('notificationArrived', { notification: n })).catch(() => undefined);
}

async function showDesktop(n: Notification, tr: Translator): Promise<void> {
  const { title, errorCode } = describe(n, tr);
  await browser.notifications
    .create(`${NOTIFICATION_PREFIX}${n.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: tr.t('desktop.title', { type: tr.t(`type.${n.type}`) }),
      message: errorCode ? `${title}\n${errorCode.label}: ${errorCode.meaning}` : title,
    })
    .catch(() => undefined);
}

async function pushToTabs(n: Notification): Promise<void> {
  const tabs = await browser.tabs.query({ url: MARKETO_MATCHES }).catch(() => []);
  const message = pushMessage('notificationArrived', { notification: n });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
}

/** Clicking a desktop notification opens its Marketo link, when it has a safe one. */
export function listenForNotificationClicks(linkFor: (id: string) => Promise<string | undefined>): void {
  browser.notifications.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
    void linkFor(notificationId.slice(NOTIFICATION_PREFIX.length)).then((url) => {
      const safe = marketoLink(url);
      if (safe) void browser.tabs.create({ url: safe });
      void browser.notifications.clear(notificationId);
    });
  });
}
