// The build step that lets the extension's bundler drop unused shared schemas: it must rename
// every use of zod's `z`, or the bundle refers to an undefined global (`z is not defined`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { PURE_SCHEMA_BUILDER, renameSchemaBuilder } from '../../extension/build/pure-schemas';

const SHARED = join(import.meta.dirname, '../../shared');
const IMPORT = "import { z } from 'zod';";

/** Identifiers named `z` left in the code, comments aside. */
function bareZ(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return withoutComments.split('\n').filter((line) => /(?<![\w$.'"`-])z(?![\w$'"`])/.test(line));
}

describe('shared zod schemas renamed for tree-shaking', () => {
  it('renames chains that start on the next line, and leaves other z alone', () => {
    const code =
      `${IMPORT}\nexport const Name = z\n  .string()\n  .min(1);\n` +
      'export const A = z.object({ z: z.number() });\nconst host = /^[a-z.]+$/;\nconst p = q.z;\n';
    const renamed = renameSchemaBuilder(code);
    expect(renamed).toContain(`import { z as ${PURE_SCHEMA_BUILDER} } from 'zod';`);
    expect(renamed).toContain(`export const Name = ${PURE_SCHEMA_BUILDER}\n  .string()`);
    expect(renamed).toContain(`${PURE_SCHEMA_BUILDER}.object({ z: ${PURE_SCHEMA_BUILDER}.number() })`);
    expect(renamed).toContain('/^[a-z.]+$/');
    expect(renamed).toContain('q.z;');
  });

  const files: string[] = readdirSync(SHARED).filter(
    (f) => f.endsWith('.ts') && readFileSync(join(SHARED, f), 'utf8').includes(IMPORT),
  );
  it.each(files)('shared/%s keeps no z of its own', (file) => {
    const renamed = renameSchemaBuilder(readFileSync(join(SHARED, file), 'utf8'));
    expect(bareZ(renamed.replace(`import { z as ${PURE_SCHEMA_BUILDER} } from 'zod';`, ''))).toEqual([]);
  });

  it('finds the shared schema modules it checks', () => {
    expect(files.length).toBeGreaterThan(5);
  });
});
