import { createRoute } from '@hono/zod-openapi';

import { EnrollBody, Enrolled, type Member, MemberList, memberNameKey } from '../../shared/members';
import { ApiFailure } from '../errors';
import { createKey, listKeys, memberOf } from '../keys/store';
import { generateKeyId } from '../keys/tokens';
import { callerKey, requireRole } from '../middleware/auth';
import { readBody } from '../middleware/body';
import { bearerSecurity, errorResponses, json, newRouter, onTenant } from './resource-kit';

const getMembers = createRoute({
  method: 'get',
  path: '/members',
  summary: 'The members of the tenant, with their read and admin keys and when they were last seen',
  security: bearerSecurity,
  middleware: [requireRole('admin')] as const,
  responses: { 200: json(MemberList, 'Every member that has a key'), ...errorResponses(401, 403, 429) },
});

const postEnroll = createRoute({
  method: 'post',
  path: '/enroll',
  summary:
    'With an enroll key: a personal read key for a new member (at most 100 per enroll key per day, UTC); ' +
    '409 member_exists when the name is taken (compared after NFKC and case folding)',
  security: bearerSecurity,
  middleware: [requireRole('enroll'), readBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: EnrollBody } } } },
  responses: {
    201: json(Enrolled, 'The personal read key, shown only in this answer'),
    ...errorResponses(400, 401, 403, 409, 413, 415, 429),
  },
});

const memberExists = () => new ApiFailure(409, 'member_exists', 'member_exists');

/** Seconds until the next UTC midnight, when an enroll key's daily count starts again. */
const secondsToUtcMidnight = (nowMs: number) =>
  Math.ceil((Math.floor(nowMs / 86_400_000 + 1) * 86_400_000 - nowMs) / 1000);

export const memberRoutes = newRouter()
  .openapi(getMembers, async (c) => {
    const tenant = callerKey(c).tenant;
    const [keys, seen] = await Promise.all([listKeys(c.env.KV, tenant), onTenant(c, (t) => t.membersSeen())]);
    const members = new Map<string, Member>();
    for (const key of keys) {
      const member = memberOf(key);
      if (member === null || (key.role !== 'read' && key.role !== 'admin')) continue;
      // Own properties only: a member named `constructor` gets no last-seen time from Object.prototype.
      const lastSeenAt = Object.hasOwn(seen, member) ? seen[member]! : null;
      const entry = members.get(member) ?? { member, keys: [], lastSeenAt };
      entry.keys.push({ id: key.id, role: key.role, label: key.label, createdAt: key.createdAt });
      members.set(member, entry);
    }
    const list = [...members.values()].sort((a, b) => a.member.localeCompare(b.member));
    for (const m of list) m.keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return c.json({ members: list }, 200);
  })
  .openapi(postEnroll, async (c) => {
    const enrollKey = callerKey(c);
    const { member } = c.req.valid('json');
    // A new member only: never a key of an existing member (admins' and default names included).
    const nameKey = memberNameKey(member);
    const keys = await listKeys(c.env.KV, enrollKey.tenant);
    const taken = keys.some((k) => {
      const m = memberOf(k);
      return m !== null && memberNameKey(m) === nameKey;
    });
    if (taken) throw memberExists();
    const keyId = generateKeyId();
    const outcome = await onTenant(c, (t) => t.enrol(nameKey, keyId));
    if ('taken' in outcome) throw memberExists();
    if (!outcome.allowed) {
      const headers = { 'Retry-After': String(secondsToUtcMidnight(Date.now())) };
      throw new ApiFailure(429, 'rate_limited', 'enrol_cap', { params: { limit: outcome.limit }, headers });
    }
    const enrolment = { id: keyId, enrolledBy: enrollKey.id };
    const { record, key } = await createKey(
      c.env.KV,
      enrollKey.tenant,
      'read',
      'enrolled',
      member,
      enrolment,
    );
    return c.json({ id: record.id, key, role: 'read' as const, member }, 201);
  });
