import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

import { writeMeta } from '../../../worker/store/meta';
import { uniqueTenantId } from '../support/tenants';

describe('settings saved before marketo_email existed', () => {
  it("keep the tenant's choices; the new type gets its default", async () => {
    const stub = env.TENANT.get(env.TENANT.idFromName(uniqueTenantId()));
    const saved = {
      types: Object.fromEntries(
        [
          'campaign_failure',
          'crm_sync',
          'engagement_exhausted',
          'facebook',
          'trigger_campaign_cleanup',
          'linkedin',
          'web_services_quota',
        ].map((t) => [t, { enabled: t !== 'facebook' }]),
      ),
      quota: { dailyLimit: 12_345, thresholds: [50, 100] },
      linkedin: { maxAttempts: 5 },
      dynamics: { digestHours: 12 },
    };
    await runInDurableObject(stub, (_instance, state) =>
      writeMeta(state.storage.sql, 'settings', JSON.stringify(saved)),
    );
    const settings = await stub.getSettings();
    expect(settings).toMatchObject({
      quota: { dailyLimit: 12_345 },
      linkedin: { maxAttempts: 5 },
      types: { facebook: { enabled: false }, marketo_email: { enabled: true } },
    });
  });
});
