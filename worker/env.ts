import type { TenantDurableObject } from './tenant-durable-object';

/** The worker's bindings (wrangler.toml; ROOT_TOKEN from secrets or .dev.vars). */
export interface Env {
  KV: KVNamespace;
  TENANT: DurableObjectNamespace<TenantDurableObject>;
  ROOT_TOKEN: string;
  INGEST_LIMITER: RateLimit;
  READ_LIMITER: RateLimit;
  ADMIN_LIMITER: RateLimit;
  ROOT_FAILURE_LIMITER: RateLimit;
}
