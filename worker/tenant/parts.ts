import { ConnectorHost } from './connector-host';
import type { TenantContext } from './context';
import { MemberFeed } from './feed';
import { TenantIngest } from './ingest';
import { TenantIoEvents } from './io-events';
import { KeyAccess } from './key-access';
import { TenantOutbound } from './outbound';
import { TenantTeam } from './team';
import { TenantSettings } from './tenant-settings';
import { TeamTriage } from './triage';

/** The tenant object's operations, each part on the one shared context. */
export interface TenantParts {
  keys: KeyAccess;
  ingest: TenantIngest;
  feed: MemberFeed;
  team: TenantTeam;
  triage: TeamTriage;
  settings: TenantSettings;
  connector: ConnectorHost;
  outbound: TenantOutbound;
  ioEvents: TenantIoEvents;
}

export function tenantParts(ctx: TenantContext): TenantParts {
  const team = new TenantTeam(ctx);
  return {
    keys: new KeyAccess(ctx, team),
    ingest: new TenantIngest(ctx),
    feed: new MemberFeed(ctx, team),
    team,
    triage: new TeamTriage(ctx, team),
    settings: new TenantSettings(ctx),
    connector: new ConnectorHost(ctx),
    outbound: new TenantOutbound(ctx),
    ioEvents: new TenantIoEvents(ctx),
  };
}
