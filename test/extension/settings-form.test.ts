import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsPatch } from '../../shared/settings';
import { fieldErrorsFromDetails, formFromSettings, patchFromForm } from '../../extension/lib/settings-form';

describe('tenant settings form', () => {
  it('round-trips the settings into a valid patch', () => {
    const form = { ...formFromSettings(DEFAULT_SETTINGS), thresholds: '50, 90,100', dailyLimit: ' 70000 ' };
    const result = patchFromForm(form);
    if (!('patch' in result)) throw new Error('expected a patch');
    expect(result.patch.quota).toEqual({ dailyLimit: 70000, thresholds: [50, 90, 100] });
    expect(SettingsPatch.safeParse(result.patch).success).toBe(true);
  });

  it('flags text that is not a whole number, leaving ranges to the worker', () => {
    const form = { ...formFromSettings(DEFAULT_SETTINGS), maxAttempts: 'three', thresholds: '80, x' };
    expect(patchFromForm(form)).toEqual({ errors: { maxAttempts: 'number', thresholds: 'thresholds' } });
    const outOfRange = patchFromForm({ ...formFromSettings(DEFAULT_SETTINGS), digestHours: '0' });
    expect('patch' in outOfRange).toBe(true);
  });

  it('places the worker validation details next to the fields', () => {
    const issues = [
      { path: ['quota', 'thresholds', 1], message: 'Too big: expected <= 100' },
      { path: ['dynamics', 'digestHours'], message: 'Too small: expected >= 1' },
      { path: ['types', 'facebook', 'enabled'], message: 'Expected boolean' },
    ];
    const expected = { thresholds: 'Too big: expected <= 100', digestHours: 'Too small: expected >= 1', types: 'Expected boolean' };
    expect(fieldErrorsFromDetails(issues)).toEqual(expected);
    expect(fieldErrorsFromDetails({ issues })).toEqual(expected);
    expect(fieldErrorsFromDetails({ 'linkedin.maxAttempts': ['Too small'] })).toEqual({ maxAttempts: 'Too small' });
    expect(fieldErrorsFromDetails('nonsense')).toEqual({});
    expect(fieldErrorsFromDetails(undefined)).toEqual({});
  });
});
