import * as zod from 'zod';
import * as zodCore from 'zod/v4/core';
import { describe, expect, it } from 'vitest';
import * as slim from '../../worker/zod';

const names = (module: object, without: string[] = []) =>
  Object.keys(module)
    .filter((name) => !without.includes(name))
    .sort();

describe("the worker's zod without locales", () => {
  it("exports everything zod exports but `locales`, as zod's own objects", () => {
    expect(names(slim)).toEqual(names(zod, ['locales']));
    for (const name of names(slim)) {
      if (!['z', 'default', 'core', 'iso', 'coerce', 'util', 'regexes'].includes(name)) {
        expect(slim[name as keyof typeof slim], name).toBe(zod[name as keyof typeof zod]);
      }
    }
  });

  it('has the same `z` and `z.core` namespaces, `locales` left out', () => {
    expect(names(slim.z)).toEqual(names(zod.z, ['locales']));
    expect(names(slim.z.core)).toEqual(names(zodCore, ['locales']));
    expect(slim.z.object).toBe(zod.z.object);
    expect(slim.z.core.$ZodType).toBe(zodCore.$ZodType);
    expect(slim.default).toBe(slim.z);
  });
});
