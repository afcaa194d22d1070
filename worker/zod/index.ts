// `zod` for the worker (wrangler.toml [alias]): zod's own modules, re-exported as zod's index does,
// without what would pull unused code into the bundle: the `locales` namespace (every language),
// the ahead-of-time compiler (`compile`, `withParser`) and `fromJSONSchema`. Neither the worker nor
// its libraries use them.
// test/unit/zod-without-locales.test.ts keeps the export lists equal to zod's.
import * as z from './external';
export * from './external';
export { z as default, z };
