import type { MarketoEvent } from '../../shared/events';
import { rememberNewEvent } from '../store/idempotency';
import type { Recorded } from '../store/notifications';
import { applyEvent } from './apply-event';
import type { ApplyContext } from './record';

/** Applies one request's events (the caller makes it one transaction); ids already seen are duplicates. */
export function applyEventBatch(
  ctx: ApplyContext,
  events: MarketoEvent[],
): { accepted: number; duplicates: number; recorded: Recorded[] } {
  const seenInBatch = new Set<string>();
  const recorded: Recorded[] = [];
  let accepted = 0;
  let duplicates = 0;
  for (const event of events) {
    if (event.id !== undefined) {
      if (seenInBatch.has(event.id) || !rememberNewEvent(ctx.sql, event.id, ctx.nowMs)) {
        duplicates += 1;
        continue;
      }
      seenInBatch.add(event.id);
    }
    accepted += 1;
    recorded.push(...applyEvent(ctx, event));
  }
  return { accepted, duplicates, recorded };
}
