import { normalizeTypePrefs, type TypePrefs } from '../../extension/lib/state/storage';
import type { Counts, Notification } from '../../shared/notifications';
import { emptyCounts } from '../../shared/notifications';

export const QUOTA = { used: 100, limit: 50_000, resetsAt: '2026-11-23T06:00:00.000Z' };

export function counts(byType: Partial<Counts['byType']>, bySeverity: Partial<Counts['bySeverity']>): Counts {
  const base = emptyCounts(QUOTA);
  const unread = Object.values(byType).reduce((a, b) => a + (b ?? 0), 0);
  return {
    ...base,
    unread,
    byType: { ...base.byType, ...byType },
    bySeverity: { ...base.bySeverity, ...bySeverity },
  };
}

export function prefs(
  overrides: Partial<Record<keyof TypePrefs, Partial<TypePrefs[keyof TypePrefs]>>> = {},
): TypePrefs {
  return normalizeTypePrefs(overrides);
}

export function campaignFailure(id: string, lastAt: string, extra: Partial<Notification> = {}): Notification {
  return {
    id,
    type: 'campaign_failure',
    severity: 'critical',
    count: 1,
    firstAt: lastAt,
    lastAt,
    readAt: null,
    data: {
      campaign: { id: 1, name: 'Welcome' },
      program: { id: 2, name: 'Onboarding' },
      error: { message: 'Token missing' },
    },
    ...extra,
  } as Notification;
}

export function engagement(id: string, lastAt: string): Notification {
  return {
    id,
    type: 'engagement_exhausted',
    severity: 'warning',
    count: 2,
    firstAt: lastAt,
    lastAt,
    readAt: null,
    data: { program: { id: 7, name: 'Nurture' }, stream: { name: 'Stream 1' }, exhaustedLeads: 42 },
  };
}
