import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';

import { json, newRouter } from './resource-kit';

const getHealth = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness check (no key needed)',
  security: [],
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'The worker is up') },
});

export const healthRoutes = newRouter().openapi(getHealth, (c) => c.json({ ok: true as const }, 200));
