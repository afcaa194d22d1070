import { cors } from 'hono/cors';

import { allowedMethodsFinder } from './http/allowed-methods';
import { notFoundOrWrongMethod, onError } from './middleware/errors';
import { acknowledgeRoutes } from './routes/acknowledge';
import { channelRoutes } from './routes/channels';
import { connectorRoutes } from './routes/connector';
import { countsRoutes } from './routes/counts';
import { emailAddressRoutes } from './routes/email-address';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { ioEventsRoutes, ioReceiverRoutes } from './routes/io-events';
import { keyRoutes } from './routes/keys';
import { memberRoutes } from './routes/members';
import { notificationRoutes } from './routes/notifications';
import { serveOpenApiDocument } from './routes/openapi';
import { newRouter } from './routes/resource-kit';
import { settingsRoutes } from './routes/settings';
import { streamRoutes } from './routes/stream';
import { tenantRoutes } from './routes/tenants';

/** Keys are bearer tokens, never cookies, so any origin (the extension's included) may call. */
const corsForApi = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: [
    'Authorization',
    'Content-Type',
    'Idempotency-Key',
    'If-None-Match',
    'Prefer',
    'Accept-Language',
  ],
  exposeHeaders: ['ETag', 'Retry-After', 'Allow'],
  maxAge: 86_400,
});

function buildApp() {
  const app = newRouter();
  app.use('/v1/*', corsForApi);
  app.onError(onError);
  const routes = app
    .route('/', healthRoutes)
    .route('/v1', eventRoutes)
    .route('/v1', notificationRoutes)
    .route('/v1', countsRoutes)
    .route('/v1', streamRoutes)
    .route('/v1', settingsRoutes)
    .route('/v1', tenantRoutes)
    .route('/v1', keyRoutes)
    .route('/v1', memberRoutes)
    .route('/v1', connectorRoutes)
    .route('/v1', emailAddressRoutes)
    .route('/v1', channelRoutes)
    .route('/v1', ioEventsRoutes)
    .route('/', acknowledgeRoutes)
    .route('/', ioReceiverRoutes);
  serveOpenApiDocument(app);
  app.notFound(notFoundOrWrongMethod(allowedMethodsFinder(app.routes)));
  return routes;
}

export const app = buildApp();

/** The worker's routes and their JSON types, for `hc<AppType>` in the extension. */
export type AppType = typeof app;
