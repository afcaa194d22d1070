
/** The Durable Object of a tenant, named by its Munchkin ID. */
export function tenantObject(env: Env, tenantId: string) {
  return env.TENANT.get(env.TENANT.idFromName(tenantId));
}
