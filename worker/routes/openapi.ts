import type { OpenAPIHono } from '@hono/zod-openapi';

import { MAX_BODY_BYTES } from '../../shared/events';
import type { AppEnv } from '../middleware/context';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

const DESCRIPTION = [
  'Marketo Engage problems as live notifications.',
  'Every error is {"error":{"code","message","details"?}}; `details` lists the failing fields.',
  'Messages follow Accept-Language.',
  'JSON bodies need Content-Type: application/json (else 415) ' +
    `and may be at most ${MAX_BODY_BYTES / 1024} KiB (else 413).`,
  'A path asked with a method it does not have answers 405 with Allow; ' +
    'a key over its rate limit gets 429 with Retry-After.',
].join(' ');

/** `DELETE /v1/tenants/{id}/keys/{keyId}` → `deleteTenantsByIdKeysByKeyId`: stable, unique, and never forgotten. */
function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((part) => part && part !== 'v1')
    .map((part) => part.replace(/^\{(.+)\}$/, 'by-$1'))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return method + words.join('');
}

interface Operation {
  operationId?: string;
  requestBody?: { required?: boolean; content?: object };
}
type Paths = Record<string, Partial<Record<string, Operation>>>;

/**
 * Fills in what the routes cannot say themselves, in one pass over the operations: an
 * `operationId` each; and a body offered in two media types (POST /v1/events: JSON or a form) is
 * required. That route says `required: false` only so that each media type's validator runs for
 * its own requests alone; a missing body is refused all the same (readBody), and the document says so.
 */
function completeOperations(paths: Paths): void {
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.operationId ??= operationIdOf(method, path);
      const body = operation.requestBody;
      if (body && Object.keys(body.content ?? {}).length > 1) body.required = true;
    }
  }
}

/** Adds GET /v1/openapi.json, generated from the routes' own zod schemas. */
export function serveOpenApiDocument(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A tenant key (mn_…), or the root token for tenant management',
  });
  let cached: unknown;
  app.get('/v1/openapi.json', (c) => {
    if (!cached) {
      const document = app.getOpenAPIDocument({
        openapi: '3.0.3',
        info: { title: 'marketo-notifier', version: '1', description: DESCRIPTION },
        // Relative: the paths are served by whichever deployment serves this document.
        servers: [{ url: '/', description: 'The worker serving this document' }],
      });
      completeOperations(document.paths as Paths);
      cached = document;
    }
    return c.json(cached as object);
  });
}
