import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../middleware/context';

/** Adds GET /v1/openapi.json, generated from the routes' own zod schemas. */
export function serveOpenApiDocument(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A tenant key (mn_…), or the root token for tenant management',
  });
  let cached: unknown;
  app.get('/v1/openapi.json', (c) => {
    cached ??= app.getOpenAPIDocument({
      openapi: '3.0.3',
      info: {
        title: 'marketo-notifier',
        version: '1',
        description: 'Marketo Engage problems as live notifications. Every error is {"error":{"code","message","details"?}}.',
      },
    });
    return c.json(cached as object);
  });
}
