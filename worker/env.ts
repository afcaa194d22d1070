import type { TenantDurableObject } from './tenant-durable-object';

/** The worker's bindings (wrangler.toml; ROOT_TOKEN from secrets or .dev.vars). */
export interface Env {
  KV: KVNamespace;
  TENANT: DurableObjectNamespace<TenantDurableObject>;
  ROOT_TOKEN: string;
  /** The domain of the tenants' e-mail addresses (Email Routing); empty: e-mail is off. */
  EMAIL_DOMAIN?: string;
}
