import type { FeedGroup } from '../../lib/feed';
import type { Translator } from '../../lib/i18n';
import type { OnTriage } from '../../lib/ui/Triage';
import { NotificationItem } from './NotificationItem';

interface Props {
  groups: FeedGroup[];
  tr: Translator;
  now: number;
  onMarkRead: (id: string) => void;
  onTriage: OnTriage;
}

export function Feed({ groups, tr, now, onMarkRead, onTriage }: Props) {
  return (
    <div class="groups">
      {groups.map((group) => (
        <section class="group" key={group.type} data-testid={`feed-group-${group.type}`} aria-labelledby={`group-${group.type}`}>
          <h3 id={`group-${group.type}`} class="group-title">
            {tr.t(`type.${group.type}`)}{' '}
            <span class="muted">
              {group.unread > 0 ? tr.t('popup.unreadCount', { count: group.unread }) : tr.t('popup.groupCount', { count: group.items.length })}
            </span>
          </h3>
          <ul class="items">
            {group.items.map((n) => (
              <NotificationItem key={n.id} notification={n} tr={tr} now={now} onMarkRead={onMarkRead} onTriage={onTriage} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
