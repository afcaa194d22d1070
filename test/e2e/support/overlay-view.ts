// What the overlay shows, read from the browser's accessibility tree (the overlay's shadow root is closed).
import type { Page } from 'playwright-core';

import { accessibilityTree, type AccessibleNode, descendants, textOf } from './accessibility';

export interface OverlayView {
  /** The bell's unread count, from its accessible name; null while no bell is shown. */
  count: number | null;
  /** Each toast's dismiss button. */
  toasts: AccessibleNode[];
  /** The text of all toasts, as read out. */
  toastText: string;
  /** Live regions on the page, with their politeness. */
  liveRegions: string[];
  alerts: number;
  /** Images on the page (the bell is one). */
  images: number;
}

const BELL = /^(\d+) unread Marketo notifications?$/;

/** Chromium: the page's accessibility tree over the DevTools protocol. */
export async function overlayView(page: Page): Promise<OverlayView> {
  return readOverlay(await accessibilityTree(page));
}

/** The overlay in an accessibility tree (roles named as Chromium names them). */
export function readOverlay(tree: AccessibleNode): OverlayView {
  const all = descendants(tree);
  const bell = all.find((node) => node.role === 'image' && BELL.test(node.name));
  const region = all.find((node) => node.live === 'assertive');
  return {
    count: bell ? Number(BELL.exec(bell.name)![1]) : null,
    toasts: region
      ? descendants(region).filter((node) => node.role === 'button' && node.name === 'Dismiss')
      : [],
    toastText: region ? textOf(region) : '',
    liveRegions: all.flatMap((node) => (node.live ? [node.live] : [])),
    alerts: all.filter((node) => node.role === 'alert').length,
    images: all.filter((node) => node.role === 'image').length,
  };
}
