import { useState } from 'preact/hooks';

import type { Notification } from '../../../shared/notifications';
import type { Translator } from '../i18n';
import { describeNotification } from '../notification/describe';
import { formatDateTime, relativeTime } from '../notification/format';
import { marketoLink } from '../notification/marketo-link';
import { NotificationFacts } from '../ui/NotificationFacts';
import { type OnTriage, TriageActions, TriageLine } from '../ui/Triage';

interface Props {
  notification: Notification;
  tr: Translator;
  now: number;
  /** The connection's label, in "All" with several connections. */
  label?: string | undefined;
  onMarkRead: (id: string) => void;
  onTriage: OnTriage;
}

/** One compact row (title, time, who is on it); the facts and the team's actions open on demand. */
export function NotificationItem({ notification: n, tr, now, label, onMarkRead, onTriage }: Props) {
  const [open, setOpen] = useState(false);
  const description = describeNotification(n, tr);
  const link = marketoLink(n.data.url);
  const unread = n.readAt === null;
  const titleId = `title-${n.id}`;
  const detailsId = `details-${n.id}`;
  return (
    <li
      class={`item sev-border-${n.severity}${unread ? ' unread' : ' read'}`}
      data-testid={`notification-${n.id}`}
      data-read={String(!unread)}
      aria-labelledby={titleId}
    >
      <div class="item-head">
        <span class={`severity sev-${n.severity}`} title={tr.t(`severity.${n.severity}`)}>
          <span class="visually-hidden">{tr.t(`severity.${n.severity}`)}</span>
        </span>
        <h4 id={titleId} class="item-title">
          {description.title}
        </h4>
        {n.count > 1 && (
          <span class="times" data-testid="notification-count">
            <span aria-hidden="true">{tr.t('popup.times', { count: n.count })}</span>
            <span class="visually-hidden">{tr.t('popup.timesLabel', { count: n.count })}</span>
          </span>
        )}
        <time class="muted when" dateTime={n.lastAt} title={formatDateTime(n.lastAt, tr.lang)}>
          {relativeTime(n.lastAt, now, tr.lang)}
        </time>
        <button
          type="button"
          class="icon"
          data-testid={`details-${n.id}`}
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={tr.t('team.detailsLabel', { title: description.title })}
          onClick={() => setOpen(!open)}
        >
          {open ? '▴' : '▾'}
        </button>
      </div>
      <div class="item-meta">
        {label && (
          <span class="row-connection" data-testid="row-connection">
            {label}
          </span>
        )}
        <TriageLine notification={n} tr={tr} now={now} />
        {unread ? (
          <button
            type="button"
            class="link"
            data-testid={`mark-read-${n.id}`}
            aria-label={tr.t('popup.markReadLabel', { title: description.title })}
            onClick={() => onMarkRead(n.id)}
          >
            {tr.t('popup.markRead')}
          </button>
        ) : (
          <span class="muted">{tr.t('popup.read')}</span>
        )}
      </div>
      <div id={detailsId} class="item-details" hidden={!open}>
        <NotificationFacts description={description} />
        <div class="item-actions">
          {link && (
            <a href={link} target="_blank" rel="noopener noreferrer" data-testid="open-in-marketo">
              {tr.t('popup.openInMarketo')}
            </a>
          )}
          <TriageActions notification={n} tr={tr} title={description.title} onTriage={onTriage} />
        </div>
      </div>
    </li>
  );
}
