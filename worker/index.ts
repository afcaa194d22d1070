import { app } from './app';
import { receiveEmail } from './email/handler';

export { TenantDurableObject } from './tenant/object';

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  email: (message, env) => receiveEmail(message, env),
} satisfies ExportedHandler<Env>;
