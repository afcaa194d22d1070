import { mergeSettings, type Settings, type SettingsPatch } from '../../shared/settings';
import { applyQuotaSettings } from '../rules/quota-usage';
import { HOUSEKEEPING_DELAY_MS } from './alarm-planner';
import type { TenantContext } from './context';

/** Reading and changing the tenant's settings, with what a change sets off. */
export class TenantSettings {
  constructor(private readonly ctx: TenantContext) {}

  get(): Settings {
    return this.ctx.settings.current();
  }

  /** Also fires quota thresholds that today's usage already crosses under the new settings. */
  async update(patch: SettingsPatch, nowMs: number): Promise<Settings> {
    const { saved, recorded } = this.ctx.transaction(() => {
      const saved = this.ctx.settings.save(mergeSettings(this.ctx.settings.current(), patch));
      const outbox = this.ctx.outbox.batch(nowMs);
      const recorded = applyQuotaSettings({
        sql: this.ctx.sql,
        settings: saved,
        nowMs,
        outbox: outbox.record,
      });
      outbox.finish();
      return { saved, recorded };
    });
    await this.ctx.outbox.planDue();
    // The daily limit is part of the counts the sockets show.
    this.ctx.changes.publish(recorded, nowMs);
    if (patch.retention === undefined) return saved;
    await this.ctx.alarms.plan('housekeeping', nowMs + HOUSEKEEPING_DELAY_MS);
    return saved;
  }
}
