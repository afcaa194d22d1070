import { describe, expect, it } from 'vitest';

import { LANGUAGES } from '../../extension/lib/i18n';
import {
  fieldIssuesFromDetails,
  fieldIssueText,
  fieldsFromDetails,
  formFromSettings,
  patchFromForm,
} from '../../extension/lib/options/settings-form';
import { DEFAULT_SETTINGS, SettingsPatch } from '../../shared/settings';
import { translator } from './translators';

const form = () => formFromSettings(DEFAULT_SETTINGS);

describe('tenant settings form', () => {
  it('round-trips the settings into a valid patch', () => {
    const result = patchFromForm({ ...form(), thresholds: '50, 90,100', dailyLimit: ' 70000 ' });
    if (!('patch' in result)) throw new Error('expected a patch');
    expect(result.patch.quota).toEqual({ dailyLimit: 70000, thresholds: [50, 90, 100] });
    expect(SettingsPatch.safeParse(result.patch).success).toBe(true);
  });

  it('edits the API error minimum and the retention bounds', () => {
    expect(form()).toMatchObject({ apiErrorsMin: '20', retentionMax: '10000', retentionDays: '90' });
    const result = patchFromForm({
      ...form(),
      apiErrorsMin: '5',
      retentionMax: '2500',
      retentionDays: ' 30 ',
    });
    if (!('patch' in result)) throw new Error('expected a patch');
    expect(result.patch.apiErrors).toEqual({ minCount: 5 });
    expect(result.patch.retention).toEqual({ maxNotifications: 2500, days: 30 });
    expect(patchFromForm({ ...form(), retentionDays: '1.5', apiErrorsMin: '' })).toEqual({
      issues: { retentionDays: { kind: 'wholeNumber' }, apiErrorsMin: { kind: 'wholeNumber' } },
    });
    const patch = { retention: { maxNotifications: 50 } };
    expect(
      fieldIssuesFromDetails([{ path: ['retention', 'maxNotifications'], message: 'Too small' }], patch),
    ).toEqual({
      retentionMax: { kind: 'range', min: 100, max: 1_000_000 },
    });
  });

  it('flags text that is not a whole number, leaving ranges to the worker', () => {
    expect(patchFromForm({ ...form(), maxAttempts: 'three', thresholds: '80, x' })).toEqual({
      issues: {
        maxAttempts: { kind: 'wholeNumber' },
        thresholds: { kind: 'thresholdList', min: 1, max: 100 },
      },
    });
    expect('patch' in patchFromForm({ ...form(), digestHours: '0' })).toBe(true);
  });

  it('reads the fields the worker names, in either shape of details', () => {
    const issues = [
      { path: ['quota', 'thresholds', 1], message: 'Too big: expected <= 100' },
      { path: ['dynamics', 'digestHours'], message: 'Too small: expected >= 1' },
      { path: ['types', 'facebook', 'enabled'], message: 'Expected boolean' },
    ];
    expect(fieldsFromDetails(issues)).toEqual(['thresholds', 'digestHours', 'types']);
    expect(fieldsFromDetails({ issues })).toEqual(['thresholds', 'digestHours', 'types']);
    expect(fieldsFromDetails({ 'linkedin.maxAttempts': ['Too small'] })).toEqual(['maxAttempts']);
    expect(fieldsFromDetails('nonsense')).toEqual([]);
    expect(fieldsFromDetails(undefined)).toEqual([]);
  });
});

describe('worker validation errors in the user language', () => {
  /** What the worker answers: English text of the shared schema, whatever the language. */
  const workerDetails = (...paths: (string | number)[][]) =>
    paths.map((path) => ({ path, message: 'thresholds must be distinct' }));

  it('names the reason per field and issue, with the bounds of the shared schema', () => {
    const patch = {
      quota: { dailyLimit: 0, thresholds: [80, 80] },
      linkedin: { maxAttempts: 101 },
      dynamics: { digestHours: 200 },
    };
    const issues = fieldIssuesFromDetails(
      workerDetails(
        ['quota', 'dailyLimit'],
        ['quota', 'thresholds'],
        ['linkedin', 'maxAttempts'],
        ['dynamics', 'digestHours'],
      ),
      patch,
    );
    expect(issues).toEqual({
      dailyLimit: { kind: 'range', min: 1, max: 1_000_000_000 },
      thresholds: { kind: 'thresholdsDistinct' },
      maxAttempts: { kind: 'range', min: 1, max: 100 },
      digestHours: { kind: 'range', min: 1, max: 168 },
    });
    const en = translator('en');
    expect(fieldIssueText(issues.dailyLimit!, en)).toBe('Enter a whole number from 1 to 1,000,000,000.');
    expect(fieldIssueText(issues.thresholds!, en)).toBe('Each threshold may appear only once.');
    expect(fieldIssueText(issues.thresholds!, translator('sv'))).toBe(
      'Varje tröskel får bara förekomma en gång.',
    );
    expect(fieldIssueText(issues.dailyLimit!, translator('nl'))).toBe(
      'Vul een geheel getal van 1 tot 1.000.000.000 in.',
    );
  });

  it('tells a threshold out of range from too many thresholds', () => {
    expect(
      fieldIssuesFromDetails(workerDetails(['quota', 'thresholds', 0]), { quota: { thresholds: [150] } }),
    ).toEqual({
      thresholds: { kind: 'thresholdRange', min: 1, max: 100 },
    });
    const eleven = Array.from({ length: 11 }, (_, i) => i + 1);
    const tooMany = fieldIssuesFromDetails(workerDetails(['quota', 'thresholds']), {
      quota: { thresholds: eleven },
    });
    expect(tooMany).toEqual({ thresholds: { kind: 'thresholdCount', max: 10 } });
    expect(fieldIssueText(tooMany.thresholds!, translator('fr'))).toBe('Saisissez au plus 10 seuils.');
  });

  it('says the worker did not accept a value it rejects for a reason the schema does not know', () => {
    const issues = fieldIssuesFromDetails(workerDetails(['quota', 'dailyLimit'], ['types', 'linkedin']), {
      quota: { dailyLimit: 500 },
    });
    expect(issues).toEqual({ dailyLimit: { kind: 'rejected' }, types: { kind: 'rejected' } });
  });

  it('never shows the worker text itself, in any language', () => {
    const issues = fieldIssuesFromDetails(workerDetails(['quota', 'thresholds']), {
      quota: { thresholds: [80, 80] },
    });
    for (const lang of LANGUAGES)
      expect(fieldIssueText(issues.thresholds!, translator(lang))).not.toContain(
        'thresholds must be distinct',
      );
  });
});

describe('escalation in the tenant settings form', () => {
  it('sends null while off and the minutes and severity while on', () => {
    expect(form().escalation).toEqual({ on: false, afterMinutes: '30', minSeverity: 'critical' });
    const off = patchFromForm(form());
    if (!('patch' in off)) throw new Error('expected a patch');
    expect(off.patch.escalation).toBeNull();
    const on = patchFromForm({
      ...form(),
      escalation: { on: true, afterMinutes: ' 45 ', minSeverity: 'warning' },
    });
    if (!('patch' in on)) throw new Error('expected a patch');
    expect(on.patch.escalation).toEqual({ afterMinutes: 45, minSeverity: 'warning' });
    expect(SettingsPatch.safeParse(on.patch).success).toBe(true);
    const escalation = { afterMinutes: 10, minSeverity: 'info' as const };
    const loaded = formFromSettings({ ...DEFAULT_SETTINGS, escalation });
    expect(loaded.escalation).toEqual({ on: true, afterMinutes: '10', minSeverity: 'info' });
  });

  it('refuses minutes that are not a whole number; a rejected value gets the range', () => {
    const soon = (on: boolean) => ({ on, afterMinutes: 'soon', minSeverity: 'critical' as const });
    expect(patchFromForm({ ...form(), escalation: soon(true) })).toEqual({
      issues: { escalationAfter: { kind: 'wholeNumber' } },
    });
    // Off: the minutes are not sent, so whatever is typed there does not matter.
    expect('patch' in patchFromForm({ ...form(), escalation: soon(false) })).toBe(true);
    const patch = { escalation: { afterMinutes: 5000, minSeverity: 'critical' as const } };
    const details = [{ path: ['escalation', 'afterMinutes'], message: 'Too big' }];
    expect(fieldIssuesFromDetails(details, patch)).toEqual({
      escalationAfter: { kind: 'range', min: 1, max: 1440 },
    });
  });
});
