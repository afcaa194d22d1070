import type { Notification } from '../../shared/notifications';
import { notificationFor } from '../store/notifications';
import { type Concerned, snoozeFor, stateRow } from '../store/read-state';
import { acknowledge, resolve } from '../store/triage';
import type { TenantContext } from './context';
import type { TenantTeam } from './team';

type Triaged<E extends string> = Notification | { error: E };

/** Team triage: "I'm on it" and resolved for every member, snoozes for one. */
export class TeamTriage {
  constructor(
    private readonly ctx: TenantContext,
    private readonly team: TenantTeam,
  ) {}

  /** "I'm on it", for every member to see. */
  acknowledge(member: string, id: string, nowMs: number): Triaged<'not_found'> {
    return this.forAll(member, id, nowMs, () => acknowledge(this.ctx.sql, id, member, nowMs));
  }

  /** Resolved, and read for every member. */
  resolve(member: string, id: string, nowMs: number): Triaged<'not_found'> {
    return this.forAll(member, id, nowMs, () => resolve(this.ctx.sql, id, member, nowMs));
  }

  /** Hidden from this member's unread until `untilMs`; the alarm tells the sockets when it ends. */
  async snooze(
    member: string,
    id: string,
    untilMs: number,
    nowMs: number,
  ): Promise<Triaged<'not_found' | 'read'>> {
    const outcome = this.change(member, id, nowMs, new Set([member]), () => {
      const row = stateRow(this.ctx.sql, id);
      return row === undefined ? 'not_found' : snoozeFor(this.ctx.sql, member, row, untilMs, nowMs) || 'read';
    });
    if (!('error' in outcome)) await this.ctx.alarms.plan('snoozeEnd', untilMs);
    return outcome;
  }

  /** A change every member sees; false: no such notification. */
  private forAll(member: string, id: string, nowMs: number, change: () => boolean): Triaged<'not_found'> {
    return this.change(member, id, nowMs, 'all', change) as Triaged<'not_found'>;
  }

  /** One triage change in a transaction, pushed to the members it concerns; answers the caller's view. */
  private change(
    member: string,
    id: string,
    nowMs: number,
    concerned: Concerned,
    change: () => boolean | 'not_found' | 'read',
  ): Triaged<'not_found' | 'read'> {
    this.team.seen(member, nowMs);
    const outcome = this.ctx.transaction(change);
    if (outcome !== true) return { error: outcome === false ? ('not_found' as const) : outcome };
    this.ctx.changes.publish([], nowMs, concerned, [id]);
    return notificationFor(this.ctx.sql, id, member, nowMs)!;
  }
}
