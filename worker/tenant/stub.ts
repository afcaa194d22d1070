/** The Durable Object of a tenant, named by its Munchkin ID: the one place its stub is looked up. */
export function tenantStub(env: Env, tenantId: string) {
  return env.TENANT.get(env.TENANT.idFromName(tenantId));
}
