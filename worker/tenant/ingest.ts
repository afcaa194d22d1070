import type { EventsAccepted, MarketoEvent } from '../../shared/events';
import type { QuotaState } from '../../shared/notifications';
import { applyEventBatch } from '../rules/apply-batch';
import { applyEmail, type EmailDelivery } from '../rules/apply-email';
import { applyUsage } from '../rules/quota-usage';
import type { ApplyContext } from '../rules/record';
import type { Recorded } from '../store/notifications';
import { HOUSEKEEPING_DELAY_MS, HOUSEKEEPING_MAX_DELAY_MS } from './alarm-planner';
import type { TenantContext } from './context';

/**
 * What comes in: posted events, notification e-mails and API usage. Each request is one transaction
 * of the commit group; what it recorded is pushed once per batch.
 */
export class TenantIngest {
  constructor(private readonly ctx: TenantContext) {}

  /** Idempotent by event id; all events of one call are applied in one transaction. */
  async events(events: MarketoEvent[], nowMs: number): Promise<EventsAccepted> {
    const { accepted, duplicates, created } = await this.ctx.commits.run(() => {
      const outcome = this.recording(nowMs, (apply) => applyEventBatch(apply, events));
      if (outcome.accepted > 0) this.ctx.changes.collect(outcome.recorded);
      return outcome;
    });
    if (accepted > 0) await this.housekeepAfter(created, nowMs);
    await this.ctx.outbox.planDue();
    return { accepted, duplicates };
  }

  /** One notification e-mail; a mail already seen (same mailKey) is a duplicate and changes nothing. */
  async email(mail: EmailDelivery, nowMs: number): Promise<{ duplicate: boolean }> {
    const { duplicate, created } = await this.ctx.commits.run(() => {
      const outcome = this.recording(nowMs, (apply) => applyEmail(apply, mail));
      this.ctx.changes.collect(outcome.recorded);
      return outcome;
    });
    await this.housekeepAfter(created, nowMs);
    await this.ctx.outbox.planDue();
    return { duplicate };
  }

  /** Adds API calls to today's quota counter (America/Chicago day) and fires thresholds. */
  async usage(calls: number, nowMs: number): Promise<QuotaState> {
    const safeCalls = Number.isSafeInteger(calls) && calls > 0 ? calls : 0;
    const quota = await this.ctx.commits.run(() => {
      const { recorded } = this.ctx.transaction(() => {
        const outbox = this.ctx.outbox.batch(nowMs);
        const settings = this.ctx.settings.current();
        const applied = applyUsage({ sql: this.ctx.sql, settings, nowMs, outbox: outbox.record }, safeCalls);
        outbox.finish();
        return applied;
      });
      this.ctx.changes.collect(recorded);
      return this.ctx.quotaState(nowMs);
    });
    await this.ctx.outbox.planDue();
    return quota;
  }

  /** Applies in one transaction and counts the notifications created, for retention. */
  private recording<T extends { recorded: Recorded[] }>(
    nowMs: number,
    apply: (ctx: ApplyContext) => T,
  ): T & { created: number } {
    return this.ctx.transaction(() => {
      const settings = this.ctx.settings.current();
      const outbox = this.ctx.outbox.batch(nowMs);
      const outcome = apply({ sql: this.ctx.sql, settings, nowMs, outbox: outbox.record });
      outbox.finish();
      const created = this.ctx.retention.recorded(this.ctx.sql, settings, outcome.recorded, nowMs);
      return { ...outcome, created };
    });
  }

  /** Housekeeping within a minute when notifications were created, else within a day. */
  private housekeepAfter(created: number, nowMs: number): Promise<void> {
    const delayMs = created > 0 ? HOUSEKEEPING_DELAY_MS : HOUSEKEEPING_MAX_DELAY_MS;
    return this.ctx.alarms.plan('housekeeping', nowMs + delayMs);
  }
}
