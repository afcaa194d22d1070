// Build step of the extension: a shared module's zod schemas that a part of the extension does
// not use stay out of its bundle. Building a schema has no side effect, but the bundler cannot
// know it; it is told so for the shared modules' own `z` only, under a name no dependency uses
// (a name like `z` alone would also match minified code, such as Preact's diff function).
const BUILDER = 'sharedZodSchemaBuilder';

/** Rolldown's `treeshake.manualPureFunctions` entry that goes with the plugin below. */
export const PURE_SCHEMA_BUILDER = BUILDER;

/**
 * `z` renamed wherever a member of it is used, also where a chain starts on the next line
 * (`z\n  .string()`): a `z` left behind would be an undefined global in the bundle.
 */
export function renameSchemaBuilder(code: string): string {
  return code
    .replace(/^import \{ z \} from 'zod';$/m, `import { z as ${BUILDER} } from 'zod';`)
    .replace(/(?<![\w$.-])z(?=\s*\.)/g, BUILDER);
}

/** Vite plugin: in shared/*.ts, `z` becomes `sharedZodSchemaBuilder`, which the bundler takes as pure. */
export function pureSharedSchemas() {
  return {
    name: 'marketo-notifier-pure-shared-schemas',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!/\/shared\/[^/]+\.ts$/.test(id) || !/^import \{ z \} from 'zod';$/m.test(code)) return undefined;
      return { code: renameSchemaBuilder(code), map: null };
    },
  };
}
