import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';

import { MAX_CHANNELS } from '../../shared/channel-limits';
import { type ChannelUrlProblem, checkChannelUrl } from '../../shared/channel-urls';
import {
  Channel,
  ChannelCreate,
  type ChannelKind,
  ChannelList,
  ChannelPatch,
  ChannelTestResult,
  ChannelWithSecret,
  DeliveryList,
} from '../../shared/channels';
import { queryInt } from '../../shared/notifications';
import { ApiFailure, notFound } from '../errors';
import type { MessageKey } from '../i18n/messages';
import { requireRole } from '../middleware/auth';
import { readBody } from '../middleware/body';
import type { AppContext } from '../middleware/context';
import { bearerSecurity, errorResponses, json, newRouter, onTenant } from './resource-kit';

const ChannelParams = z.object({ id: z.string().min(1).max(100) });
const DeliveriesQuery = z.strictObject({
  limit: z.preprocess((v) => (v === '' ? undefined : v), queryInt(1, 100).default(20)),
});

const body = <S extends z.ZodType>(schema: S) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

const createChannel = createRoute({
  method: 'post',
  path: '/channels',
  summary:
    'Adds an outbound channel (Slack, Microsoft Teams, a signed webhook or e-mail); at most 20 per tenant',
  description:
    'The URL is a secret: stored sealed, answered only as `target`. Each kind has its hosts; http only ' +
    'to the loopback host:ports of OUTBOUND_DEV_HOSTS. A webhook channel answers its secret here once.',
  security: bearerSecurity,
  middleware: [requireRole('admin'), readBody()] as const,
  request: body(ChannelCreate),
  responses: {
    201: json(ChannelWithSecret, "The channel (and a webhook's signing secret, shown once)"),
    ...errorResponses(400, 401, 403, 409, 413, 415, 429),
  },
});

const listChannels = createRoute({
  method: 'get',
  path: '/channels',
  summary: "The tenant's outbound channels, without their URLs",
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  responses: { 200: json(ChannelList, 'The channels'), ...errorResponses(401, 403, 429) },
});

const getChannel = createRoute({
  method: 'get',
  path: '/channels/{id}',
  summary: 'One outbound channel, without its URL',
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  request: { params: ChannelParams },
  responses: { 200: json(Channel, 'The channel'), ...errorResponses(400, 401, 403, 404, 429) },
});

const patchChannel = createRoute({
  method: 'patch',
  path: '/channels/{id}',
  summary: 'Changes what the body names; `enabled: true` or a new `url` re-enables a disabled channel',
  security: bearerSecurity,
  middleware: [requireRole('admin'), readBody()] as const,
  request: { params: ChannelParams, ...body(ChannelPatch) },
  responses: {
    200: json(Channel, 'The channel after the change'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
  },
});

const deleteChannel = createRoute({
  method: 'delete',
  path: '/channels/{id}',
  summary: 'Removes the channel and its deliveries',
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  request: { params: ChannelParams },
  responses: {
    200: json(z.object({ deleted: z.literal(true) }), 'Removed'),
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const testChannel = createRoute({
  method: 'post',
  path: '/channels/{id}/test',
  summary: 'Sends a test message now; 200 also when the receiver failed (see `delivered`)',
  description:
    'The test is listed in the deliveries (reason `test`), is not retried and counts toward neither ' +
    'the throttle nor `failing`.',
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  request: { params: ChannelParams },
  responses: {
    200: json(ChannelTestResult, 'What the receiver answered'),
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const rotateSecret = createRoute({
  method: 'post',
  path: '/channels/{id}/rotate-secret',
  summary: "A webhook channel's new signing secret, shown once; the old one keeps signing too for 24 hours",
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  request: { params: ChannelParams },
  responses: {
    200: json(ChannelWithSecret, 'The channel and its new secret'),
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});

const listDeliveries = createRoute({
  method: 'get',
  path: '/channels/{id}/deliveries',
  summary: "The channel's last deliveries, newest first",
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  request: { params: ChannelParams, query: DeliveriesQuery },
  responses: { 200: json(DeliveryList, 'The deliveries'), ...errorResponses(400, 401, 403, 404, 429) },
});

const URL_PROBLEM_KEYS: Record<ChannelUrlProblem, MessageKey> = {
  invalid_url: 'channel_url_invalid',
  userinfo: 'channel_url_public',
  ip_literal: 'channel_url_public',
  localhost: 'channel_url_public',
  single_label: 'channel_url_public',
  port: 'channel_url_public',
  https_required: 'channel_url_public',
  host_not_allowed: 'channel_url_host',
};

/** The URL as stored, or 400 naming what is wrong with it for the kind. */
function checkedUrl(c: AppContext, kind: ChannelKind, url: string | undefined): string | undefined {
  if (url === undefined || kind === 'email') return undefined;
  const checked = checkChannelUrl(kind, url, c.env.OUTBOUND_DEV_HOSTS);
  if (checked.ok) return checked.url;
  throw new ApiFailure(400, 'invalid_input', 'invalid_body', {
    details: { fields: [{ path: ['url'], key: URL_PROBLEM_KEYS[checked.problem] }] },
  });
}

const origin = (c: AppContext) => new URL(c.req.url).origin;
const unknownChannel = () => notFound('channel_unknown');

/** Refusals the tenant object answers as values. */
function refused(answer: { error: string }): never {
  if (answer.error === 'too_many_channels')
    throw new ApiFailure(409, 'too_many_channels', 'too_many_channels', { params: { max: MAX_CHANNELS } });
  if (answer.error === 'not_webhook') throw new ApiFailure(409, 'conflict', 'channel_not_webhook');
  if (answer.error === 'connector_key_missing') throw new ApiFailure(409, 'conflict', 'channel_key_missing');
  throw unknownChannel();
}

export const channelRoutes = newRouter()
  .openapi(createChannel, async (c) => {
    const input = c.req.valid('json');
    const url = checkedUrl(c, input.kind, input.url);
    const made = await onTenant(c, (t) => t.createChannel({ ...input, url }, origin(c)));
    if ('error' in made) refused(made);
    return c.json(made, 201);
  })
  .openapi(listChannels, async (c) => c.json(await onTenant(c, (t) => t.listChannels()), 200))
  .openapi(getChannel, async (c) => {
    const channel = await onTenant(c, (t) => t.getChannel(c.req.valid('param').id));
    if (channel === null) throw unknownChannel();
    return c.json(channel, 200);
  })
  .openapi(patchChannel, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const current = await onTenant(c, (t) => t.getChannel(id));
    if (current === null) throw unknownChannel();
    // The kind stays: `url` is for every kind but e-mail, `to` for e-mail only.
    const stray =
      current.kind === 'email'
        ? patch.url === undefined
          ? null
          : 'url'
        : patch.to === undefined
          ? null
          : 'to';
    if (stray !== null) {
      throw new ApiFailure(400, 'invalid_input', 'invalid_body', {
        details: { fields: [{ path: [stray], key: 'channel_field_kind' }] },
      });
    }
    const url = checkedUrl(c, current.kind, patch.url);
    const changed = await onTenant(c, (t) => t.updateChannel(id, { ...patch, url }, origin(c)));
    if (changed === null) throw unknownChannel();
    if ('error' in changed) refused(changed);
    return c.json(changed, 200);
  })
  .openapi(deleteChannel, async (c) => {
    if (!(await onTenant(c, (t) => t.deleteChannel(c.req.valid('param').id)))) throw unknownChannel();
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(testChannel, async (c) => {
    const result = await onTenant(c, (t) => t.testChannel(c.req.valid('param').id));
    if (result === null) throw unknownChannel();
    return c.json(result, 200);
  })
  .openapi(rotateSecret, async (c) => {
    const rotated = await onTenant(c, (t) => t.rotateChannelSecret(c.req.valid('param').id));
    if (rotated === null) throw unknownChannel();
    if ('error' in rotated) refused(rotated);
    return c.json(rotated, 200);
  })
  .openapi(listDeliveries, async (c) => {
    const list = await onTenant(c, (t) =>
      t.channelDeliveries(c.req.valid('param').id, c.req.valid('query').limit),
    );
    if (list === null) throw unknownChannel();
    return c.json(list, 200);
  });
