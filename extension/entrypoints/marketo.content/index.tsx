import { createShadowRootUi, defineContentScript } from '#imports';
import { render } from 'preact';
import { MARKETO_APP_GLOBS, MARKETO_MATCHES } from '../../lib/marketo-link';
import { Translated } from '../../lib/ui/Translated';
import { Overlay } from './Overlay';
import './overlay.css';

/** The bell and toasts over the Marketo UI, isolated in a closed shadow root `<marketo-notifier-overlay>`. */
export default defineContentScript({
  matches: MARKETO_MATCHES,
  includeGlobs: MARKETO_APP_GLOBS,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'marketo-notifier-overlay',
      // Closed: the Marketo page's own scripts cannot read or change the overlay.
      mode: 'closed',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => {
        render(<Translated>{(tr) => <Overlay tr={tr} />}</Translated>, container);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
