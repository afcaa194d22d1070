import { displayText } from '../../../shared/display-text';
import {
  NOTIFICATION_TYPES,
  type NotificationType,
  SEVERITIES,
  type Severity,
  SEVERITY_RANK,
  TYPE_SEVERITIES,
} from '../../../shared/notification-types';
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
const TEXT_COLORS: Record<Severity | 'error', string> = {
  critical: '#FFFFFF',
  warning: '#202124',
  info: '#FFFFFF',
  error: '#FFFFFF',
};

export function isCounted(prefs: TypePrefs, type: NotificationType): boolean {
  return prefs[type].show && prefs[type].countInBadge;
}

/** Unread notifications of the types the user counts. */
export function countedUnread(counts: Counts, prefs: TypePrefs): number {
  return NOTIFICATION_TYPES.filter((type) => isCounted(prefs, type)).reduce(
    (sum, type) => sum + (counts.byType[type] ?? 0),
    0,
  );
}

/**
 * The worst severity that is unread overall AND possible for a counted type with unread items.
 * Counts carry severities per tenant, not per type, so this is exact unless a type that is not
 * counted shares a severity with one that is.
 */
export function worstCountedSeverity(counts: Counts, prefs: TypePrefs): Severity | null {
  const possible = new Set<Severity>();
  for (const type of NOTIFICATION_TYPES) {
    if (isCounted(prefs, type) && (counts.byType[type] ?? 0) > 0)
      TYPE_SEVERITIES[type].forEach((s) => possible.add(s));
  }
  const ordered = [...SEVERITIES].sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b]);
  const unreadAndPossible = ordered.filter((s) => possible.has(s) && (counts.bySeverity[s] ?? 0) > 0);
  return unreadAndPossible[0] ?? ordered.filter((s) => possible.has(s)).at(-1) ?? null;
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** One connection as the badge sees it: its label, its own choices and its state. */
export interface BadgeConnection {
  label: string;
  prefs: TypePrefs;
  state: BackgroundState;
}

const isFailing = (state: BackgroundState) => state.status === 'error' && state.problem !== null;

/**
 * The badge over every connection: the counted unread of each (by its own choices) added up, in
 * the colour of the worst severity among them. A failing connection does not count; the grey "!"
 * only when every configured connection fails. With several, the title lists each with its count
 * and names the failing ones.
 */
export function computeBadge(connections: readonly BadgeConnection[], tr: Translator): BadgeView {
  const configured = connections.filter((c) => c.state.status !== 'unconfigured');
  if (configured.length === 0) {
    return {
      text: '',
      color: BADGE_COLORS.info,
      textColor: TEXT_COLORS.info,
      title: tr.t('badge.titleUnconfigured'),
    };
  }
  const reason = (c: BadgeConnection) =>
    tr.t(problemKey(c.state.problem!.kind), problemParams(c.state.problem!));
  const several = connections.length > 1;
  const lines = configured.map((c) =>
    isFailing(c.state)
      ? tr.t('badge.connectionFailing', { label: displayText(c.label), reason: reason(c) })
      : tr.t('badge.connectionCount', {
          label: displayText(c.label),
          count: c.state.counts ? countedUnread(c.state.counts, c.prefs) : 0,
        }),
  );
  const titled = (first: string) => (several ? [first, ...lines].join('\n') : first);
  if (configured.every((c) => isFailing(c.state))) {
    const first = several
      ? tr.t('badge.titleAllFailing')
      : tr.t('badge.titleError', { reason: reason(configured[0]!) });
    return { text: '!', color: BADGE_COLORS.error, textColor: TEXT_COLORS.error, title: titled(first) };
  }
  const counting = configured.filter((c) => !isFailing(c.state) && c.state.counts);
  const count = counting.reduce((sum, c) => sum + countedUnread(c.state.counts!, c.prefs), 0);
  const ranked = counting
    .map((c) => worstCountedSeverity(c.state.counts!, c.prefs))
    .filter((s): s is Severity => s !== null)
    .sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b]);
  const severity = ranked[0] ?? 'info';
  const title = count > 0 ? tr.t('badge.title', { count }) : tr.t('badge.titleNone');
  return {
    text: badgeText(count),
    color: BADGE_COLORS[severity],
    textColor: TEXT_COLORS[severity],
    title: titled(title),
  };
}
