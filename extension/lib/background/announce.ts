import { browser } from '#imports';
import type { Notification } from '../../../shared/notifications';
import { describeHeadline } from '../notification/headline';
import type { Translator } from '../i18n';
import { MARKETO_MATCHES, marketoLink } from '../notification/marketo-link';
import { pushMessage } from '../state/protocol';
import { announcedItem, notificationLinksItem, type TypePrefs } from '../state/storage';

const MAX_REMEMBERED = 200;
const MAX_LINKS = 100;
const NOTIFICATION_PREFIX = 'marketo-notifier:';

/** Tells open pages and Marketo tabs that a notification changed (acknowledged, resolved, snoozed), without announcing it. */
export async function relayUpdate(n: Notification): Promise<void> {
  const message = pushMessage('notificationUpdated', { notification: n });
  await browser.runtime.sendMessage(message).catch(() => undefined);
  const tabs = await browser.tabs.query({ url: MARKETO_MATCHES }).catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
}

/** A repeat of a grouped notification moves lastAt, so it counts as new again. */
export const announcementKey = (n: Notification) => `${n.id}@${n.lastAt}`;

/** Only unread critical notifications are announced, each occurrence once. */
export function isAnnounceable(n: Notification): boolean {
  return n.severity === 'critical' && n.readAt === null;
}

// One announcement at a time: polling and the stream may bring the same notification at once.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Shows a desktop notification (if the type wants one) and tells Marketo tabs and open pages,
 * unless this occurrence was announced before. Hidden types are remembered but not shown, so
 * showing a type again later does not bring up its old notifications.
 */
export function announce(n: Notification, prefs: TypePrefs, tr: Translator): Promise<void> {
  return serially(async () => {
    if (!isAnnounceable(n) || !(await remember([n])).length) return;
    if (!prefs[n.type].show) return;
    if (prefs[n.type].desktop) await showDesktop(n, tr);
    await pushToTabs(n);
    // An open popup refreshes its feed; with no page open there is no receiver, which is fine.
    await browser.runtime.sendMessage(pushMessage('notificationArrived', { notification: n })).catch(() => undefined);
  });
}

/** Marks notifications as announced without showing them; answers those not announced before. */
export function rememberSilently(items: readonly Notification[]): Promise<Notification[]> {
  return serially(() => remember(items.filter(isAnnounceable)));
}

async function remember(items: readonly Notification[]): Promise<Notification[]> {
  const announced = await announcedItem.getValue();
  const fresh = items.filter((n) => !announced.includes(announcementKey(n)));
  if (fresh.length) await announcedItem.setValue([...announced, ...fresh.map(announcementKey)].slice(-MAX_REMEMBERED));
  return fresh;
}

async function showDesktop(n: Notification, tr: Translator): Promise<void> {
  const { title, errorCodes } = describeHeadline(n, tr);
  const explained = errorCodes.map((code) => tr.t('format.labelled', { label: code.label, value: code.meaning }));
  await rememberLink(n);
  await browser.notifications
    .create(`${NOTIFICATION_PREFIX}${n.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: tr.t('desktop.title', { type: tr.t(`type.${n.type}`) }),
      message: [title, ...explained].join('\n'),
    })
    .catch(() => undefined);
}

/** Kept in session storage: a click may come after the service worker was stopped and started again. */
async function rememberLink(n: Notification): Promise<void> {
  const link = marketoLink(n.data.url);
  if (!link) return;
  const links = { ...(await notificationLinksItem().getValue()) };
  delete links[n.id];
  links[n.id] = link;
  const ids = Object.keys(links);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_LINKS))) delete links[id];
  await notificationLinksItem().setValue(links);
}

async function pushToTabs(n: Notification): Promise<void> {
  const tabs = await browser.tabs.query({ url: MARKETO_MATCHES }).catch(() => []);
  const message = pushMessage('notificationArrived', { notification: n });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
}

/** Clicking a desktop notification opens its Marketo link, when it has a safe one. */
export function listenForNotificationClicks(): void {
  browser.notifications.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
    const id = notificationId.slice(NOTIFICATION_PREFIX.length);
    void notificationLinksItem().getValue().then(async (links) => {
      const safe = marketoLink(links[id]);
      if (safe) await browser.tabs.create({ url: safe });
      await browser.notifications.clear(notificationId);
    });
  });
}
