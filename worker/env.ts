import type { TenantDurableObject } from './tenant-durable-object';

/** The worker's bindings (wrangler.toml; ROOT_TOKEN from secrets or .dev.vars). */
export interface Env {
  KV: KVNamespace;
  TENANT: DurableObjectNamespace<TenantDurableObject>;
  ROOT_TOKEN: string;
  /** Seals the Marketo client secrets (a worker secret; .dev.vars locally). */
  CONNECTOR_KEY?: string;
  /** Hosts the connector may call: comma-separated patterns (wrangler.toml [vars]). */
  MARKETO_HOSTS?: string;
}
