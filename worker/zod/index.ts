// `zod` for the worker (wrangler.toml [alias]): zod's own modules, re-exported as zod's index does,
// without the `locales` namespace that would pull every language into the bundle.
// test/unit/zod-without-locales.test.ts keeps the export lists equal to zod's.
import * as z from './external';
export * from './external';
export { z, z as default };
