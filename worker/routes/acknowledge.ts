import { Hono } from 'hono';

import { MemberName } from '../../shared/members';
import { requestLanguage } from '../i18n/messages';
import { readBody } from '../middleware/body';
import type { AppContext, AppEnv } from '../middleware/context';
import {
  type AckPageInput,
  type AckTokenPayload,
  renderAckPage,
  verifyAckToken,
} from '../outbound/rendering';
import { tenantStub } from '../tenant/stub';

/**
 * Acknowledge links, `<worker>/a/<token>`: pages, not API answers. GET shows the notification and
 * a form and changes nothing (chat unfurlers and mail scanners open links); POST acknowledges or
 * resolves as "name (via Slack)". A forged or another key's token: 404; an expired one: 410.
 */
const page = (c: AppContext, input: AckPageInput) => {
  const rendered = renderAckPage(input);
  return c.body(rendered.body, rendered.status as 200, rendered.headers);
};

type Verified = { payload: AckTokenPayload } | { refused: Response };

async function verified(c: AppContext): Promise<Verified> {
  const key = c.env.CONNECTOR_KEY;
  const outcome =
    key === undefined ? 'invalid' : await verifyAckToken(c.req.param('token') ?? '', key, Date.now());
  if (typeof outcome === 'string')
    return { refused: page(c, { language: requestLanguage(c), state: outcome }) };
  return { payload: outcome };
}

const ACTIONS = new Set(['ack', 'resolve']);

export const acknowledgeRoutes = new Hono<AppEnv>()
  .get('/a/:token', async (c) => {
    const v = await verified(c);
    if ('refused' in v) return v.refused;
    const view = await tenantStub(c.env, v.payload.tenantId).ackView(v.payload.notificationId);
    if (view.notification === null) return page(c, { language: view.language, state: 'invalid' });
    return page(c, { language: view.language, state: 'open', notification: view.notification });
  })
  .post('/a/:token', readBody({ form: true }), async (c) => {
    const v = await verified(c);
    if ('refused' in v) return v.refused;
    const form = (c.get('body') ?? {}) as Record<string, unknown>;
    const name = MemberName.safeParse(form.name);
    const action =
      typeof form.action === 'string' && ACTIONS.has(form.action) ? (form.action as 'ack' | 'resolve') : null;
    const stub = tenantStub(c.env, v.payload.tenantId);
    if (!name.success || action === null) {
      const view = await stub.ackView(v.payload.notificationId);
      if (view.notification === null) return page(c, { language: view.language, state: 'invalid' });
      const typed = typeof form.name === 'string' ? form.name.slice(0, 200) : '';
      return page(c, {
        language: view.language,
        state: 'open',
        notification: view.notification,
        name: typed,
        nameInvalid: true,
      });
    }
    const done = await stub.ackVia(v.payload.notificationId, name.data, action, v.payload.channelKind);
    if (done.notification === null) return page(c, { language: done.language, state: 'invalid' });
    return page(c, { language: done.language, state: 'done', notification: done.notification });
  });
