import { useEffect, useState } from 'preact/hooks';

import type { Translator } from '../i18n';
import type { OnTriage } from '../ui/Triage';
import type { FeedGroup } from './feed';
import { NotificationItem } from './NotificationItem';

interface Props {
  groups: FeedGroup[];
  tr: Translator;
  now: number;
  onMarkRead: (id: string) => void;
  onTriage: OnTriage;
  /** In "All" with several connections: the label of the notification's connection. */
  labelOf?: (id: string) => string;
}

/** What fills the popup's first screen; the rest of the page follows in the next frame. */
const FIRST_FRAME_ITEMS = 12;

/** The groups cut to their first `limit` notifications in all (groups left empty are left out). */
function firstItems(groups: FeedGroup[], limit: number): FeedGroup[] {
  let left = limit;
  const shown: FeedGroup[] = [];
  for (const group of groups) {
    if (left <= 0) break;
    shown.push(group.items.length <= left ? group : { ...group, items: group.items.slice(0, left) });
    left -= group.items.length;
  }
  return shown;
}

export function Feed({ groups, tr, now, onMarkRead, onTriage, labelOf }: Props) {
  // The first notifications are painted sooner when the first frame does not also lay out the
  // rest: those follow once that frame is painted (the next frame, then a task).
  const [limit, setLimit] = useState(FIRST_FRAME_ITEMS);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setLimit(Infinity))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return (
    <div class="groups">
      {firstItems(groups, limit).map((group) => (
        <section
          class="group"
          key={group.type}
          data-testid={`feed-group-${group.type}`}
          aria-labelledby={`group-${group.type}`}
        >
          <h3 id={`group-${group.type}`} class="group-title">
            {tr.t(`type.${group.type}`)}{' '}
            <span class="muted">
              {group.unread > 0
                ? tr.t('popup.unreadCount', { count: group.unread })
                : tr.t('popup.groupCount', { count: group.items.length })}
            </span>
          </h3>
          <ul class="items">
            {group.items.map((n) => (
              <NotificationItem
                key={n.id}
                notification={n}
                tr={tr}
                now={now}
                label={labelOf?.(n.id)}
                onMarkRead={onMarkRead}
                onTriage={onTriage}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
