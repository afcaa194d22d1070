import type { ChannelCreate, ChannelPatch, ChannelTestResult } from '../../shared/channels';
import type { Language } from '../../shared/languages';
import type { Notification } from '../../shared/notifications';
import { ChannelAdmin } from '../outbound/channel-admin';
import { OutboundDispatcher, type OutboundHost } from '../outbound/dispatcher';
import type { ChannelKind } from '../outbound/rendering';
import { notificationFor } from '../store/notifications';
import { cancelEscalation } from '../store/outbound-state';
import { acknowledge, resolve } from '../store/triage';
import type { TenantContext } from './context';

/** How an acknowledge link's page sees the notification: in the tenant's language, as everyone sees it. */
export interface AckView {
  language: Language;
  notification: Notification | null;
}

/**
 * Outbound channels on the tenant object: the admin routes' operations, the alarm's deliveries
 * (reason `outbox`), and the acknowledge links' triage.
 */
export class TenantOutbound {
  private readonly admin: ChannelAdmin;
  private readonly dispatcher: OutboundDispatcher;

  constructor(private readonly ctx: TenantContext) {
    const host: OutboundHost = {
      sql: ctx.sql,
      transaction: (change) => ctx.transaction(change),
      settings: () => ctx.settings.current(),
      tenantId: () => ctx.tenantId(),
      connectorKey: () => ctx.connectorKey(),
      email: () => ({ binding: ctx.outboundEnv().email, domain: ctx.outboundEnv().emailDomain }),
      publicUrl: () => ctx.outboundEnv().publicUrl,
      publish: (recorded, updated, nowMs) => ctx.changes.publish(recorded, nowMs, 'all', updated),
    };
    this.admin = new ChannelAdmin(host);
    this.dispatcher = new OutboundDispatcher(host);
  }

  async create(input: ChannelCreate, origin: string, nowMs: number) {
    const made = await this.admin.create(input, origin, nowMs);
    await this.planNext();
    return made;
  }

  list() {
    return this.admin.list();
  }

  get(id: string) {
    return this.admin.get(id);
  }

  async update(id: string, patch: ChannelPatch, origin: string, nowMs: number) {
    const changed = await this.admin.update(id, patch, origin, nowMs);
    await this.planNext();
    return changed;
  }

  delete(id: string): boolean {
    return this.admin.delete(id);
  }

  rotate(id: string, nowMs: number) {
    return this.admin.rotate(id, nowMs);
  }

  deliveries(id: string, limit: number) {
    return this.admin.deliveries(id, limit);
  }

  test(id: string, nowMs: number): Promise<ChannelTestResult | null> {
    return this.dispatcher.test(id, nowMs);
  }

  /** The alarm (tests: with their own clock): escalations, digests and deliveries due, then the next time. */
  async onAlarm(nowMs: number): Promise<void> {
    try {
      await this.dispatcher.run(nowMs);
    } catch {
      // Never out of the alarm: what stayed pending is tried again at the next one.
    }
    await this.planNext();
  }

  /** After a restart: an alarm for what is pending, in case the process died before it was set. */
  planNext(): Promise<void> {
    const next = this.dispatcher.nextDueAt();
    return next === null ? Promise.resolve() : this.ctx.alarms.plan('outbox', next);
  }

  ackView(notificationId: string): AckView {
    return {
      language: this.ctx.settings.current().language,
      notification: notificationFor(this.ctx.sql, notificationId, '', Date.now()),
    };
  }

  /** "I'm on it" or resolved as `name (via <kind>)`, for every member; the escalation stops. */
  ackVia(
    notificationId: string,
    name: string,
    action: 'ack' | 'resolve',
    via: ChannelKind,
    nowMs: number,
  ): AckView {
    const done = this.ctx.transaction(() => {
      const changed =
        action === 'ack'
          ? acknowledge(this.ctx.sql, notificationId, name, nowMs, via)
          : resolve(this.ctx.sql, notificationId, name, nowMs, via);
      if (changed) cancelEscalation(this.ctx.sql, notificationId);
      return changed;
    });
    if (done) this.ctx.changes.publish([], nowMs, 'all', [notificationId]);
    return this.ackView(notificationId);
  }
}
