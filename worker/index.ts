import { app } from './app';

export { TenantDurableObject } from './tenant-durable-object';

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
} satisfies ExportedHandler<Env>;
