import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';

import { ConnectorPut, ConnectorStatus, ConnectorView, QuotaHistory } from '../../shared/connector';
import { checkRestUrl, DEFAULT_MARKETO_HOSTS } from '../connector/host-policy';
import { ApiFailure, notFound } from '../errors';
import { requireRole } from '../middleware/auth';
import { readBody } from '../middleware/body';
import { bearerSecurity, errorResponses, json, newRouter, onTenant } from './resource-kit';

const putConnector = createRoute({
  method: 'put',
  path: '/connector',
  summary:
    "Connects the tenant's Marketo REST API: the first PUT names restUrl, clientId and clientSecret; " +
    'later ones change what they name',
  description:
    'clientSecret is write-only: stored sealed with CONNECTOR_KEY, never answered; null removes it. ' +
    'A restUrl on another origin than the stored one needs clientSecret again (400 secret_required). ' +
    'A restUrl whose host and port MARKETO_HOSTS does not list gets 400 host_not_allowed (a pattern ' +
    'without a port allows 443 only, so https://x.mktorest.com:1 is refused); https only, except a ' +
    'loopback host MARKETO_HOSTS lists with its port.',
  security: bearerSecurity,
  middleware: [requireRole('admin'), readBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ConnectorPut } } } },
  responses: {
    200: json(ConnectorView, 'The connector without its secret, and its status'),
    ...errorResponses(400, 401, 403, 409, 413, 415, 429),
  },
});

const getConnector = createRoute({
  method: 'get',
  path: '/connector',
  summary: 'The connector without its secret (secretSet says whether one is stored), and its status',
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  responses: {
    200: json(ConnectorView, 'The connector and its status'),
    ...errorResponses(401, 403, 404, 429),
  },
});

const deleteConnector = createRoute({
  method: 'delete',
  path: '/connector',
  summary: 'Forgets the connector, its secret and its campaign baseline',
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  responses: {
    200: json(z.object({ deleted: z.literal(true) }), 'Forgotten'),
    ...errorResponses(401, 403, 404, 429),
  },
});

const pollConnector = createRoute({
  method: 'post',
  path: '/connector/poll',
  summary:
    'Polls Marketo now (usage, errors and campaigns); a failure of Marketo is in the status, not the HTTP status',
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  responses: {
    200: json(ConnectorStatus, 'The status after the poll'),
    ...errorResponses(401, 403, 404, 429),
  },
});

const getQuotaHistory = createRoute({
  method: 'get',
  path: '/quota/history',
  summary:
    "Today's usage as the connector's polls saw it, Marketo's last 7 days, and the forecast: the popup's chart",
  security: bearerSecurity,
  middleware: [requireRole('read')] as const,
  responses: { 200: json(QuotaHistory, 'Samples oldest first'), ...errorResponses(401, 403, 429) },
});

const restUrlField = (key: 'https_required' | 'rest_url_invalid') =>
  new ApiFailure(400, 'invalid_input', 'invalid_body', { details: { fields: [{ path: ['restUrl'], key }] } });

export const connectorRoutes = newRouter()
  .openapi(putConnector, async (c) => {
    const input = c.req.valid('json');
    let restUrl = input.restUrl;
    if (restUrl !== undefined) {
      const patterns = c.env.MARKETO_HOSTS ?? DEFAULT_MARKETO_HOSTS;
      const checked = checkRestUrl(restUrl, patterns);
      if (!checked.ok && checked.reason === 'host_not_allowed')
        throw new ApiFailure(400, 'host_not_allowed', 'host_not_allowed', { params: { patterns } });
      if (!checked.ok)
        throw restUrlField(checked.reason === 'https_required' ? 'https_required' : 'rest_url_invalid');
      restUrl = checked.restUrl;
    }
    const saved = await onTenant(c, (t) => t.putConnector({ ...input, restUrl }));
    if ('error' in saved && saved.error === 'connector_key_missing')
      throw new ApiFailure(409, 'conflict', 'connector_key_missing');
    if ('error' in saved && saved.error === 'secret_required') {
      const fields = [{ path: ['clientSecret'], key: 'field_required' as const }];
      throw new ApiFailure(400, 'secret_required', 'secret_required', { details: { fields } });
    }
    if ('error' in saved) {
      throw new ApiFailure(400, 'invalid_input', 'connector_incomplete', {
        details: { fields: saved.missing.map((f) => ({ path: [f], key: 'field_required' as const })) },
      });
    }
    return c.json(saved, 200);
  })
  .openapi(getConnector, async (c) => {
    const view = await onTenant(c, (t) => t.getConnector());
    if (view === null) throw notFound('connector_unknown');
    return c.json(view, 200);
  })
  .openapi(deleteConnector, async (c) => {
    const { deleted } = await onTenant(c, (t) => t.deleteConnector());
    if (!deleted) throw notFound('connector_unknown');
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(pollConnector, async (c) => {
    const status = await onTenant(c, (t) => t.pollConnector());
    if (status === null) throw notFound('connector_unknown');
    return c.json(status, 200);
  })
  .openapi(getQuotaHistory, async (c) => c.json(await onTenant(c, (t) => t.quotaHistory()), 200));
