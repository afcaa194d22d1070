import type { QuotaState } from '../../shared/notifications';
import { SocketsOwner } from '../sockets/socket-owner';
import { CommitGroup } from '../store/commit-group';
import { RetentionGauge } from '../store/housekeeping';
import { tenantIdOf } from '../store/meta';
import { AlarmPlanner } from './alarm-planner';
import { Changes } from './changes';
import { quotaStateOf } from './counts';
import { OutboxHook } from './outbox-hook';
import { SettingsCache } from './settings-cache';

/**
 * What every part of the tenant object shares (the team, the ingest path, the connector): its
 * storage, settings, alarm, commit group and change pushes. Made once per object life.
 */
export class TenantContext {
  readonly sql: SqlStorage;
  readonly settings: SettingsCache;
  readonly alarms: AlarmPlanner;
  readonly sockets: SocketsOwner;
  readonly changes: Changes;
  /** Writes of concurrent requests share one storage commit (see CommitGroup). */
  readonly commits: CommitGroup;
  readonly retention = new RetentionGauge();
  /** Writes outbound deliveries with the notifications that cause them. */
  readonly outbox: OutboxHook;

  constructor(
    readonly state: DurableObjectState,
    private readonly env: Env,
  ) {
    this.sql = state.storage.sql;
    this.settings = new SettingsCache(this.sql);
    this.alarms = new AlarmPlanner(state.storage);
    this.outbox = new OutboxHook(this.sql, this.settings, this.alarms);
    this.sockets = new SocketsOwner(state);
    this.changes = new Changes(this.sql, this.sockets, this);
    this.commits = new CommitGroup({
      sync: () => state.storage.sync(),
      afterBatch: () => this.changes.publishBatch(),
    });
  }

  /** The tenant's Munchkin ID (the object's name). */
  tenantId(): string {
    return tenantIdOf(this.state.id, this.sql);
  }

  /** The worker secret CONNECTOR_KEY; without it no connector secret is sealed or opened. */
  connectorKey(): string | undefined {
    return this.env.CONNECTOR_KEY;
  }

  /** What outbound delivery reads of the worker's environment: the e-mail binding and the public origin. */
  outboundEnv(): { email: SendEmail | undefined; emailDomain: string; publicUrl: string | undefined } {
    return {
      email: this.env.EMAIL,
      emailDomain: this.env.EMAIL_DOMAIN ?? '',
      publicUrl: this.env.PUBLIC_URL,
    };
  }

  quotaState(nowMs: number): QuotaState {
    return quotaStateOf(this.sql, this.settings.current(), nowMs);
  }

  /** One synchronous transaction on the tenant's storage. */
  transaction<T>(change: () => T): T {
    return this.state.storage.transactionSync(change);
  }
}
