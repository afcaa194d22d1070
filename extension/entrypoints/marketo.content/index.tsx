import { render } from 'preact';

import { defineContentScript } from '#imports';

import { MARKETO_APP_GLOBS, MARKETO_MATCHES } from '../../lib/notification/marketo-link';
import { Overlay } from '../../lib/overlay/Overlay';
import { Translated } from '../../lib/ui/Translated';
import css from './overlay.css?inline';

/**
 * The bell and toasts over the Marketo UI, isolated in a closed shadow root
 * `<marketo-notifier-overlay>`. Made by hand rather than with WXT's shadow-root UI helper: the
 * same isolation for a quarter of the content script's size (the styles come inline, no request
 * for a stylesheet).
 */
export default defineContentScript({
  matches: MARKETO_MATCHES,
  includeGlobs: MARKETO_APP_GLOBS,
  cssInjectionMode: 'manual',
  main(ctx) {
    const host = document.createElement('marketo-notifier-overlay');
    // Closed: the Marketo page's own scripts cannot read or change the overlay.
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = css;
    const container = document.createElement('div');
    root.append(style, container);
    document.body.append(host);
    // The overlay follows the page's address, hash included (Experience Cloud switches instance
    // there): WXT's location watcher (the Navigation API, else a poll each second) ends with ctx.
    const draw = (href: string) =>
      render(<Translated>{(tr) => <Overlay tr={tr} href={href} />}</Translated>, container);
    draw(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => draw(newUrl.href));
    ctx.onInvalidated(() => {
      render(null, container);
      host.remove();
    });
  },
});
