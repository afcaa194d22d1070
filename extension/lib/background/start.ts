import { browser } from '#imports';

import { watchManaged } from '../state/managed';
import { listenForRequests } from '../state/protocol';
import { connectionsItem, languageItem, typePrefsItem } from '../state/storage';
import { listenForNotificationClicks } from './announce';
import { BackgroundController, POLL_ALARM, schedulePolling, watchForChanges } from './controller';
import { applySettledPolicy, askForEnrolment } from './policy';

/**
 * Wires the background. Listeners are registered synchronously so that a woken service worker
 * receives the event that woke it; their handlers wait for the client configure() makes.
 */
export function startBackground(controller = new BackgroundController()): BackgroundController {
  void controller.configure();
  listenForRequests(controller.handlers());
  // The organisation's policy wins over what is stored; a new install under policy asks for the name.
  void applySettledPolicy();
  watchManaged(() => void applySettledPolicy());
  browser.runtime.onInstalled.addListener(() => {
    void applySettledPolicy().then((managed) => managed && askForEnrolment(managed));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void controller.tick();
  });
  listenForNotificationClicks();
  connectionsItem.watch(() => void controller.configure().then(() => controller.repaint()));
  watchForChanges(controller, [typePrefsItem, languageItem]);
  schedulePolling();
  return controller;
}
