import { useState } from 'preact/hooks';

import { displayText } from '../../../shared/display-text';
import type { Triage } from '../../../shared/members';
import type { Notification } from '../../../shared/notifications';
import type { Translator } from '../i18n';
import { formatDateTime, relativeTime } from '../notification/format';
import { SNOOZE_CHOICES, type SnoozeChoice, snoozeUntil } from '../notification/snooze-times';
import type { TriageRequest } from '../state/protocol';

export type OnTriage = (request: TriageRequest) => void;

const SNOOZE_LABELS = {
  hour: 'team.snoozeHour',
  tomorrow: 'team.snoozeTomorrow',
  week: 'team.snoozeWeek',
} as const satisfies Record<SnoozeChoice, string>;

/** Who is on it or resolved it, and when; and the member's own snooze. Plain text only. */
export function TriageLine({
  notification: n,
  tr,
  now,
}: {
  notification: Notification;
  tr: Translator;
  now: number;
}) {
  const parts: string[] = [];
  // Set from a channel's acknowledge link: "Anna (via Slack)".
  const who = ({ member, at, via }: Triage) => ({
    member: via
      ? tr.t('team.via', { member: displayText(member), channel: tr.t(`channel.${via}`) })
      : displayText(member),
    time: relativeTime(at, now, tr.lang),
  });
  if (n.resolved) parts.push(tr.t('team.resolvedBy', who(n.resolved)));
  else if (n.ack) parts.push(tr.t('team.ackedBy', who(n.ack)));
  if (n.snoozedUntil)
    parts.push(tr.t('team.snoozedUntil', { time: formatDateTime(n.snoozedUntil, tr.lang) }));
  return (
    <span class="triage muted" data-testid="triage">
      {parts.join(' · ')}
    </span>
  );
}

/** "I'm on it", resolve and snooze (1 hour, tomorrow 9:00, 1 week); what no longer applies is left out. */
export function TriageActions({
  notification: n,
  tr,
  title,
  onTriage,
}: {
  notification: Notification;
  tr: Translator;
  title: string;
  onTriage: OnTriage;
}) {
  const [choosing, setChoosing] = useState(false);
  if (n.resolved) return null;
  return (
    <span class="triage-actions">
      <button
        type="button"
        data-testid={`ack-${n.id}`}
        aria-label={tr.t('team.ackLabel', { title })}
        onClick={() => onTriage({ id: n.id, action: 'ack' })}
      >
        {tr.t('team.ack')}
      </button>
      <button
        type="button"
        data-testid={`resolve-${n.id}`}
        aria-label={tr.t('team.resolveLabel', { title })}
        onClick={() => onTriage({ id: n.id, action: 'resolve' })}
      >
        {tr.t('team.resolve')}
      </button>
      {n.readAt === null && (
        <button
          type="button"
          data-testid={`snooze-${n.id}`}
          aria-expanded={choosing}
          aria-label={tr.t('team.snoozeLabel', { title })}
          onClick={() => setChoosing(!choosing)}
        >
          {tr.t('team.snooze')}
        </button>
      )}
      {choosing && n.readAt === null && (
        <span class="snooze-choices" role="group" aria-label={tr.t('team.snoozeLabel', { title })}>
          {SNOOZE_CHOICES.map((choice) => (
            <button
              type="button"
              key={choice}
              data-testid={`snooze-${choice}-${n.id}`}
              onClick={() => {
                setChoosing(false);
                onTriage({
                  id: n.id,
                  action: 'snooze',
                  until: snoozeUntil(choice, new Date()).toISOString(),
                });
              }}
            >
              {tr.t(SNOOZE_LABELS[choice])}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
