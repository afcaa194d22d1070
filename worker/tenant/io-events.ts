import type { IoEventsReceived, IoEventsState } from '../../shared/io-events';
import type { IoEvent } from '../io-events/envelope';
import { applyIoEvents } from '../rules/apply-io-events';
import { deleteIoRegistration, ioRegistration, ioState, saveIoRegistration } from '../store/io-events';
import { HOUSEKEEPING_DELAY_MS, HOUSEKEEPING_MAX_DELAY_MS } from './alarm-planner';
import type { TenantContext } from './context';

/**
 * Marketo's own streams (worker/io-events/): the registration, kept by the hash of the receiving
 * URL's token, and the verified deliveries, which go through the rules like posted events.
 */
export class TenantIoEvents {
  constructor(private readonly ctx: TenantContext) {}

  /** Registers (or rotates) the receiving URL; answers the previous token hash, if any. */
  register(clientId: string, tokenHash: string, nowMs: number): string | null {
    return this.ctx.transaction(() => saveIoRegistration(this.ctx.sql, { clientId, tokenHash }, nowMs));
  }

  state(): IoEventsState | null {
    return ioState(this.ctx.sql);
  }

  /** Stops receiving; answers the token hash that was registered, null when none was. */
  delete(): string | null {
    return this.ctx.transaction(() => deleteIoRegistration(this.ctx.sql));
  }

  /** The client id the deliveries to this token must name; null when the token is not the current one. */
  client(tokenHash: string): string | null {
    const registration = ioRegistration(this.ctx.sql);
    return registration?.tokenHash === tokenHash ? registration.clientId : null;
  }

  /** Verified events, in one transaction of the commit group; null: the token was rotated away. */
  async receive(tokenHash: string, events: IoEvent[], nowMs: number): Promise<IoEventsReceived | null> {
    const outcome = await this.ctx.commits.run(() => {
      const applied = this.ctx.transaction(() => {
        if (ioRegistration(this.ctx.sql)?.tokenHash !== tokenHash) return null;
        const settings = this.ctx.settings.current();
        const io = applyIoEvents({ sql: this.ctx.sql, settings, nowMs }, this.ctx.tenantId(), events);
        return { ...io, created: this.ctx.retention.recorded(this.ctx.sql, settings, io.recorded, nowMs) };
      });
      if (applied !== null) this.ctx.changes.collect(applied.recorded);
      return applied;
    });
    if (outcome === null) return null;
    const { received, duplicates, created } = outcome;
    if (received > 0) {
      const delayMs = created > 0 ? HOUSEKEEPING_DELAY_MS : HOUSEKEEPING_MAX_DELAY_MS;
      await this.ctx.alarms.plan('housekeeping', nowMs + delayMs);
    }
    return { received, duplicates };
  }
}
