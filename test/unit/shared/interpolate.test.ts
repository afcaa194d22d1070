import { describe, expect, it } from 'vitest';

import { interpolate } from '../../../shared/interpolate';

describe('interpolate', () => {
  const german = new Intl.NumberFormat('de');
  const format = (n: number) => german.format(n);

  it('fills each placeholder, numbers as the language writes them', () => {
    const params = { count: 65536, limit: 100000, name: 'Ana' };
    expect(interpolate('{count} von {limit} für {name}', params, format)).toBe('65.536 von 100.000 für Ana');
  });

  it('fills a placeholder every time it appears, and leaves one without a value as it is', () => {
    expect(interpolate('{a}-{a} {missing}', { a: 'x' }, format)).toBe('x-x {missing}');
  });

  it('takes a string as it is, digits and braces too', () => {
    expect(interpolate('key {id}', { id: '1234567 {x}' }, format)).toBe('key 1234567 {x}');
  });
});
