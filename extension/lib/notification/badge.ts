import { NOTIFICATION_TYPES, SEVERITIES, SEVERITY_RANK, TYPE_SEVERITIES, type NotificationType, type Severity } from '../../../shared/notification-types';
import type { Counts } from '../../../shared/notifications';
import { problemKey, problemParams } from '../connection/connection-problem';
import type { Translator } from '../i18n';
import type { BackgroundState, TypePrefs } from '../state/storage';

export interface BadgeView {
  text: string;
  color: string;
  textColor: string;
  title: string;
}

export const BADGE_COLORS: Record<Severity | 'error', string> = {
  critical: '#C5221F',
  warning: '#F29900',
  info: '#1A73E8',
  error: '#5F6368',
};
const TEXT_COLORS: Record<Severity | 'error', string> = { critical: '#FFFFFF', warning: '#202124', info: '#FFFFFF', error: '#FFFFFF' };

export function isCounted(prefs: TypePrefs, type: NotificationType): boolean {
  return prefs[type].show && prefs[type].countInBadge;
}

/** Unread notifications of the types the user counts. */
export function countedUnread(counts: Counts, prefs: TypePrefs): number {
  return NOTIFICATION_TYPES.filter((type) => isCounted(prefs, type)).reduce((sum, type) => sum + (counts.byType[type] ?? 0), 0);
}

/**
 * The worst severity that is unread overall AND possible for a counted type with unread items.
 * Counts carry severities per tenant, not per type, so this is exact unless a type that is not
 * counted shares a severity with one that is.
 */
export function worstCountedSeverity(counts: Counts, prefs: TypePrefs): Severity | null {
  const possible = new Set<Severity>();
  for (const type of NOTIFICATION_TYPES) {
    if (isCounted(prefs, type) && (counts.byType[type] ?? 0) > 0) TYPE_SEVERITIES[type].forEach((s) => possible.add(s));
  }
  const ordered = [...SEVERITIES].sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b]);
  const unreadAndPossible = ordered.filter((s) => possible.has(s) && (counts.bySeverity[s] ?? 0) > 0);
  return unreadAndPossible[0] ?? ordered.filter((s) => possible.has(s)).at(-1) ?? null;
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export function computeBadge(state: BackgroundState, prefs: TypePrefs, tr: Translator): BadgeView {
  if (state.status === 'error' && state.problem) {
    const reason = tr.t(problemKey(state.problem.kind), problemParams(state.problem));
    return { text: '!', color: BADGE_COLORS.error, textColor: TEXT_COLORS.error, title: tr.t('badge.titleError', { reason }) };
  }
  if (state.status === 'unconfigured' || !state.counts) {
    const title = tr.t(state.status === 'unconfigured' ? 'badge.titleUnconfigured' : 'badge.titleNone');
    return { text: '', color: BADGE_COLORS.info, textColor: TEXT_COLORS.info, title };
  }
  const count = countedUnread(state.counts, prefs);
  const severity = worstCountedSeverity(state.counts, prefs) ?? 'info';
  const title = count > 0 ? tr.t('badge.title', { count }) : tr.t('badge.titleNone');
  return { text: badgeText(count), color: BADGE_COLORS[severity], textColor: TEXT_COLORS[severity], title };
}
