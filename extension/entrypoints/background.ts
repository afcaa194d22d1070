import { defineBackground } from '#imports';

import { startBackground } from '../lib/background/start';

export default defineBackground(() => {
  startBackground();
});
