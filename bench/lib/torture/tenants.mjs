// Extra tenants on the torture worker, one per phase, so each phase's invariants stand alone.
import { createKey, ensureTenant } from '../../../scripts/lib/local-worker.mjs';

export async function provisionTenant(worker, tenant) {
  await ensureTenant(worker.url, worker.rootToken, tenant, `torture ${tenant}`);
  const keys = {};
  for (const role of ['ingest', 'read', 'admin']) {
    keys[role] = (await createKey(worker.url, worker.rootToken, tenant, role, `torture ${role}`)).key;
  }
  return { tenant, keys };
}
