import { app } from './app';
import type { Env } from './env';

export { TenantDurableObject } from './tenant-durable-object';

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
} satisfies ExportedHandler<Env>;
