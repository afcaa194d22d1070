import { createRoute } from '@hono/zod-openapi';

import { EmailAddress } from '../../shared/email';
import { currentAddress, rotateAddress } from '../email/address-store';
import { notFound } from '../errors';
import { callerKey, requireRoleAdmitted } from '../middleware/auth';
import type { AppContext } from '../middleware/context';
import { bearerSecurity, errorResponses, json, newRouter } from './resource-kit';

const postAddress = createRoute({
  method: 'post',
  path: '/email-address',
  summary:
    "Creates or rotates the tenant's address for Marketo's notification e-mails; the previous one stops working",
  security: bearerSecurity,
  middleware: [requireRoleAdmitted('admin')] as const,
  responses: { 200: json(EmailAddress, 'The new address'), ...errorResponses(401, 403, 404, 429) },
});

const getAddress = createRoute({
  method: 'get',
  path: '/email-address',
  summary: "The tenant's address for Marketo's notification e-mails",
  security: bearerSecurity,
  middleware: [requireRoleAdmitted('admin')] as const,
  responses: { 200: json(EmailAddress, 'The current address'), ...errorResponses(401, 403, 404, 429) },
});

/** The worker var EMAIL_DOMAIN; without it, the worker takes no mail and has no addresses to give. */
function emailDomain(c: AppContext): string {
  const domain = String(c.env.EMAIL_DOMAIN ?? '').trim();
  if (domain === '') throw notFound('email_domain_unset');
  return domain;
}

export const emailAddressRoutes = newRouter()
  .openapi(postAddress, async (c) =>
    c.json({ address: await rotateAddress(c.env.KV, callerKey(c).tenant, emailDomain(c)) }, 200),
  )
  .openapi(getAddress, async (c) => {
    emailDomain(c);
    const address = await currentAddress(c.env.KV, callerKey(c).tenant);
    if (address === null) throw notFound('email_address_none');
    return c.json({ address }, 200);
  });
