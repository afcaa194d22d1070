import type { MarketoEvent } from '../../shared/events';
import type { Recorded } from '../store/notifications';
import { reportsQuotaReached } from './quota';
import { quotaReached } from './quota-usage';
import { type ApplyContext, recordIfEnabled } from './record';
import { applyRule } from './registry';

/** When it happened: the event's occurredAt, but never later than now. */
function occurredMs(event: MarketoEvent, nowMs: number): number {
  const at = event.occurredAt === undefined ? NaN : Date.parse(event.occurredAt);
  return Number.isFinite(at) ? Math.min(at, nowMs) : nowMs;
}

/** One event through the rule of its type (see RULES), and through the 607 rule when it carries 607. */
export function applyEvent(ctx: ApplyContext, event: MarketoEvent): Recorded[] {
  const atMs = occurredMs(event, ctx.nowMs);
  const own = recordIfEnabled(ctx, applyRule(ctx, event), atMs);
  if (event.type === 'web_services_quota' || !reportsQuotaReached(event)) return own;
  return [...own, ...recordIfEnabled(ctx, quotaReached(ctx, event), atMs)];
}
