import { browser } from '#imports';

import type { Translator } from '../i18n';
import { type BadgeConnection, computeBadge } from '../notification/badge';

/** Chrome MV3 has `action`; Firefox MV2 builds have `browserAction`. */
function actionApi() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export async function paintBadge(connections: readonly BadgeConnection[], tr: Translator): Promise<void> {
  const view = computeBadge(connections, tr);
  const action = actionApi();
  await Promise.all([
    action.setBadgeText({ text: view.text }),
    action.setBadgeBackgroundColor({ color: view.color }),
    action.setTitle({ title: view.title }),
    // Not in every browser version; the badge still works without it.
    action.setBadgeTextColor?.({ color: view.textColor })?.catch(() => undefined),
  ]);
}
