import { describe, expect, it } from 'vitest';
import * as zod from 'zod';
import * as zodCore from 'zod/v4/core';

import * as slim from '../../worker/zod';

/** What the worker's zod leaves out: unused by the worker and by @hono/zod-openapi, and large. */
const LEFT_OUT = [
  'locales',
  'compile',
  'withParser',
  'ZodCompileAsyncError',
  'ZodCompileUnsupportedError',
  'INVALID',
  'fromJSONSchema',
];
const LEFT_OUT_OF_CORE = [
  'locales',
  'compile',
  'compileFn',
  'withParser',
  'ZodCompileAsyncError',
  'ZodCompileUnsupportedError',
  'INVALID',
];

const names = (module: object, without: string[] = []) =>
  Object.keys(module)
    .filter((name) => !without.includes(name))
    .sort();

describe("the worker's zod without its unused parts", () => {
  it("exports everything zod exports but what it leaves out, as zod's own objects", () => {
    expect(names(slim)).toEqual(names(zod, LEFT_OUT));
    for (const name of names(slim)) {
      if (!['z', 'default', 'core', 'iso', 'coerce', 'util', 'regexes'].includes(name)) {
        expect(slim[name as keyof typeof slim], name).toBe(zod[name as keyof typeof zod]);
      }
    }
  });

  it('has the same `z` and `z.core` namespaces, the same left out', () => {
    expect(names(slim.z)).toEqual(names(zod.z, LEFT_OUT));
    expect(names(slim.z.core)).toEqual(names(zodCore, LEFT_OUT_OF_CORE));
    expect(slim.z.object).toBe(zod.z.object);
    expect(slim.z.core.$ZodType).toBe(zodCore.$ZodType);
    expect(slim.default).toBe(slim.z);
  });
});
