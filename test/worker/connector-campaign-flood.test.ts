import { beforeAll, describe, expect, it } from 'vitest';

import { type Notification, NotificationPage } from '../../shared/notifications';
import { WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { connectedTenant, sim } from './support/marketo';
import { MEMBER } from './support/members';
import type { TenantStub } from './support/tenant-object';

const NOON = Date.parse('2026-05-05T17:00:00Z');
const MIN = 60_000;

type Stub = TenantStub;
const feed = async (stub: Stub): Promise<Notification[]> =>
  NotificationPage.parse(await stub.list(MEMBER, { status: 'all', limit: 100 })).items;
const moreOf = (n: Notification) => ('more' in n.data ? n.data.more : undefined);

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('connector poll: many campaign changes at once', () => {
  const TEN_THOUSAND = '10,000 trigger campaigns turned inactive: 20 notifications, the last says 9,980 more';
  it(TEN_THOUSAND, { timeout: 120_000 }, async () => {
    const campaigns = Array.from({ length: 10_000 }, (_, i) => ({ id: 10_000 + i, name: `Trigger ${i}` }));
    const { stub, clientId } = await connectedTenant({ nowMs: NOON, campaigns });
    await stub.pollConnector(NOON);
    await sim.campaigns(clientId, { isActive: false, status: 'Inactive' }, 'trigger');
    await stub.pollConnector(NOON + MIN);
    const items = await feed(stub);
    expect(items).toHaveLength(20);
    expect(new Set(items.map((n) => n.type))).toEqual(new Set(['trigger_campaign_cleanup']));
    const folded = items.filter((n) => moreOf(n) !== undefined);
    expect(folded).toHaveLength(1);
    expect(folded[0]!.data).toMatchObject({
      campaign: { id: 10_019 },
      action: 'deactivated',
      more: { total: 9_980, byKind: { deactivated: 9_980 } },
    });
    expect((await stub.counts(MEMBER, NOON + MIN)).unread).toBe(20);
  });

  it('folds changes of both kinds and says how many of each; fewer than 21 are not folded', async () => {
    const triggers = Array.from({ length: 25 }, (_, i) => ({ id: 100 + i, name: `Trigger ${i}` }));
    const batch = { type: 'batch' as const, isActive: false };
    const batches = Array.from({ length: 10 }, (_, i) => ({ id: 200 + i, name: `Batch ${i}`, ...batch }));
    const { stub, clientId } = await connectedTenant({ nowMs: NOON, campaigns: [...triggers, ...batches] });
    await stub.pollConnector(NOON);
    await sim.campaigns(clientId, { isActive: false, status: 'Inactive' }, 'trigger');
    await sim.campaigns(clientId, { status: 'Invalid' }, 'batch');
    await stub.pollConnector(NOON + MIN);
    const items = await feed(stub);
    expect(items).toHaveLength(20);
    const more = items.flatMap((n) => moreOf(n) ?? []);
    expect(more).toEqual([{ total: 15, byKind: { deactivated: 5, invalid: 10 } }]);
    // Twenty changes: each its own notification, none folded.
    const other = await connectedTenant({ nowMs: NOON, campaigns: triggers.slice(0, 20) });
    await other.stub.pollConnector(NOON);
    await sim.campaigns(other.clientId, { isActive: false, status: 'Inactive' }, 'trigger');
    await other.stub.pollConnector(NOON + MIN);
    const twenty = await feed(other.stub);
    expect(twenty).toHaveLength(20);
    expect(twenty.filter((n) => moreOf(n) !== undefined)).toEqual([]);
  });
});
