import type { Notification } from '../../../shared/notifications';
import { describeNotification } from '../../lib/describe';
import { formatDateTime, relativeTime } from '../../lib/format';
import type { Translator } from '../../lib/i18n';
import { marketoLink } from '../../lib/marketo-link';
import { NotificationFacts } from '../../lib/ui/NotificationFacts';

interface Props {
  notification: Notification;
  tr: Translator;
  now: number;
  onMarkRead: (id: string) => void;
}

export function NotificationItem({ notification: n, tr, now, onMarkRead }: Props) {
  const description = describeNotification(n, tr);
  const link = marketoLink(n.data.url);
  const unread = n.readAt === null;
  const titleId = `title-${n.id}`;
  return (
    <li
      class={`item sev-border-${n.severity}${unread ? ' unread' : ' read'}`}
      data-testid={`notification-${n.id}`}
      data-read={String(!unread)}
      aria-labelledby={titleId}
    >
      <div class="item-head">
        <span class={`severity sev-${n.severity}`}>{tr.t(`severity.${n.severity}`)}</span>
        <h4 id={titleId} class="item-title">
          {description.title}
        </h4>
        {n.count > 1 && (
          <span class="times" data-testid="notification-count">
            <span aria-hidden="true">{tr.t('popup.times', { count: n.count })}</span>
            <span class="visually-hidden">{tr.t('popup.timesLabel', { count: n.count })}</span>
          </span>
        )}
      </div>
      <time class="muted when" dateTime={n.lastAt} title={formatDateTime(n.lastAt, tr.lang)}>
        {relativeTime(n.lastAt, now, tr.lang)}
      </time>
      <NotificationFacts description={description} />
      <div class="item-actions">
        {link && (
          <a href={link} target="_blank" rel="noopener noreferrer" data-testid="open-in-marketo">
            {tr.t('popup.openInMarketo')}
          </a>
        )}
        {unread ? (
          <button
            type="button"
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
    </li>
  );
}
