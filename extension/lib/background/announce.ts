import { browser } from '#imports';

import { displayText } from '../../../shared/display-text';
import type { Notification } from '../../../shared/notifications';
import type { Translator } from '../i18n';
import { describeHeadline } from '../notification/headline';
import { MARKETO_MATCHES, marketoLink } from '../notification/marketo-link';
import { pushMessage } from '../state/protocol';
import { announcedItem, type Connection, notificationLinksItem, type TypePrefs } from '../state/storage';

const MAX_REMEMBERED = 200;
const MAX_LINKS = 100;
const NOTIFICATION_PREFIX = 'marketo-notifier:';

/**
 * Tells open pages and Marketo tabs that a notification changed (acknowledged, resolved, snoozed),
 * without announcing it.
 */
export async function relayUpdate(connectionId: string, n: Notification): Promise<void> {
  const message = pushMessage('notificationUpdated', { connectionId, notification: n });
  await browser.runtime.sendMessage(message).catch(() => undefined);
  const tabs = await browser.tabs.query({ url: MARKETO_MATCHES }).catch(() => []);
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
  );
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
export function announce(
  connection: Pick<Connection, 'id' | 'label'>,
  n: Notification,
  prefs: TypePrefs,
  tr: Translator,
): Promise<void> {
  return serially(async () => {
    if (!isAnnounceable(n) || !(await remember([n])).length) return;
    if (!prefs[n.type].show) return;
    if (prefs[n.type].desktop) await showDesktop(connection, n, tr);
    const message = pushMessage('notificationArrived', { connectionId: connection.id, notification: n });
    await pushToTabs(message);
    // An open popup refreshes its feed; with no page open there is no receiver, which is fine.
    await browser.runtime.sendMessage(message).catch(() => undefined);
  });
}

/** Marks notifications as announced without showing them; answers those not announced before. */
export function rememberSilently(
  _connectionId: string,
  items: readonly Notification[],
): Promise<Notification[]> {
  return serially(() => remember(items.filter(isAnnounceable)));
}

async function remember(items: readonly Notification[]): Promise<Notification[]> {
  const announced = await announcedItem.getValue();
  const fresh = items.filter((n) => !announced.includes(announcementKey(n)));
  if (fresh.length)
    await announcedItem.setValue([...announced, ...fresh.map(announcementKey)].slice(-MAX_REMEMBERED));
  return fresh;
}

/** The desktop notification's id: the connection and the notification, so that a click opens the right one. */
export const desktopId = (connectionId: string, n: Pick<Notification, 'id'>) =>
  `${NOTIFICATION_PREFIX}${connectionId}:${n.id}`;

async function showDesktop(
  connection: Pick<Connection, 'id' | 'label'>,
  n: Notification,
  tr: Translator,
): Promise<void> {
  const { title, errorCodes } = describeHeadline(n, tr);
  const explained = errorCodes.map((code) =>
    tr.t('format.labelled', { label: code.label, value: code.meaning }),
  );
  await rememberLink(connection.id, n);
  await browser.notifications
    .create(desktopId(connection.id, n), {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: tr.t('desktop.titleIn', {
        connection: displayText(connection.label),
        type: tr.t(`type.${n.type}`),
      }),
      message: [title, ...explained].join('\n'),
    })
    .catch(() => undefined);
}

/** The popup's feed of one connection, opened in a tab (a notification without a Marketo link). */
export const feedUrl = (connectionId: string) =>
  `${browser.runtime.getURL('/popup.html')}?connection=${encodeURIComponent(connectionId)}`;

/**
 * What a click opens, kept in session storage (a click may come after the service worker was
 * stopped and started again): the Marketo link when it has a safe one, else its connection's feed.
 */
async function rememberLink(connectionId: string, n: Notification): Promise<void> {
  const link = marketoLink(n.data.url) ?? feedUrl(connectionId);
  const id = `${connectionId}:${n.id}`;
  const links = { ...(await notificationLinksItem().getValue()) };
  delete links[id];
  links[id] = link;
  const ids = Object.keys(links);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_LINKS))) delete links[id];
  await notificationLinksItem().setValue(links);
}

async function pushToTabs(message: ReturnType<typeof pushMessage<'notificationArrived'>>): Promise<void> {
  const tabs = await browser.tabs.query({ url: MARKETO_MATCHES }).catch(() => []);
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
  );
}

/** Clicking a desktop notification opens its Marketo link when it has a safe one, else its connection's feed. */
export function listenForNotificationClicks(): void {
  browser.notifications.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
    const id = notificationId.slice(NOTIFICATION_PREFIX.length);
    void notificationLinksItem()
      .getValue()
      .then(async (links) => {
        const link = links[id];
        const safe =
          marketoLink(link) ?? (link?.startsWith(browser.runtime.getURL('/popup.html?')) ? link : null);
        if (safe) await browser.tabs.create({ url: safe });
        await browser.notifications.clear(notificationId);
      });
  });
}
