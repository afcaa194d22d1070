import { browser, defineBackground } from '#imports';
import { listenForNotificationClicks } from '../lib/background/announce';
import { BackgroundController, POLL_ALARM, schedulePolling, watchForChanges } from '../lib/background/controller';
import { listenForRequests } from '../lib/messages';
import { connectionItem, languageItem, typePrefsItem } from '../lib/storage';

export default defineBackground(() => {
  const controller = new BackgroundController();
  // Listeners are registered synchronously so that a woken service worker receives the event that woke it.
  listenForRequests(controller.handlers());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void controller.tick();
  });
  listenForNotificationClicks(async (id) => controller.recentLinks.get(id));
  connectionItem.watch(() => void controller.configure());
  watchForChanges(controller, [typePrefsItem, languageItem]);
  schedulePolling();
  void controller.configure();
});
