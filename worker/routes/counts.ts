import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';

import { Counts } from '../../shared/notifications';
import { tooManyStreams } from '../errors';
import { countsTag, parseIfNoneMatch, tagMatches } from '../http/etag';
import { preferredWaitMs } from '../http/prefer';
import { requireRole } from '../middleware/auth';
import { bearerSecurity, errorResponses, json, newRouter, onTenant } from './resource-kit';

const CountsHeaders = z.object({
  'if-none-match': z
    .string()
    .max(1000)
    .optional()
    .openapi({ description: 'The ETag of counts the client has' }),
  prefer: z.string().max(200).optional().openapi({
    description:
      '`wait=<seconds>` (at most 25) with If-None-Match: answer when the counts change, or 304 when the wait ends',
  }),
});

const getCounts = createRoute({
  method: 'get',
  path: '/counts',
  summary:
    'Unread counts by type and severity, and the daily API quota; a long poll with If-None-Match and Prefer: wait',
  security: bearerSecurity,
  middleware: [requireRole('read')] as const,
  request: { headers: CountsHeaders },
  responses: {
    200: { ...json(Counts, 'The counts; ETag names them'), headers: z.object({ ETag: z.string() }) },
    304: {
      description: 'The counts still match If-None-Match (also after waiting)',
      headers: z.object({ ETag: z.string() }),
    },
    ...errorResponses(400, 401, 403, 429),
  },
});

export const countsRoutes = newRouter().openapi(getCounts, async (c) => {
  const { 'if-none-match': ifNoneMatch, prefer } = c.req.valid('header');
  const known = parseIfNoneMatch(ifNoneMatch);
  const waitMs = preferredWaitMs(prefer);
  // Waiting needs one definite tag to compare with; anything else answers at once.
  const waitFor = known.length === 1 && known[0] !== '*' && waitMs ? known[0]! : null;
  const counts = await onTenant(c, (t) =>
    waitFor !== null ? t.countsAfterChange(waitFor, waitMs!) : t.counts(),
  );
  if ('error' in counts) throw tooManyStreams(counts);
  const tag = countsTag(counts);
  c.header('ETag', tag);
  c.header('Cache-Control', 'no-store');
  if (tagMatches(known, tag)) return c.body(null, 304);
  return c.json(counts, 200);
});
