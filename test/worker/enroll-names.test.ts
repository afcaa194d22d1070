import { beforeAll, describe, expect, it } from 'vitest';

import { Enrolled, MemberList } from '../../shared/members';
import { call, errorOf, ROOT_TOKEN, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { createTenant } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

async function keyFor(tenant: string, role: string, member?: string): Promise<{ id: string; key: string }> {
  const json = { role, ...(member ? { member } : {}) };
  const response = await call(`/v1/tenants/${tenant}/keys`, { token: ROOT_TOKEN, json });
  expect(response.status).toBe(201);
  return response.json<{ id: string; key: string }>();
}

/** A tenant with the admin "Admin Alice", the reader "Anna Berg", a key without member, an enroll key. */
async function team() {
  const tenant = await createTenant();
  const [alice, anna, unnamed, enroll] = await Promise.all([
    keyFor(tenant, 'admin', 'Admin Alice'),
    keyFor(tenant, 'read', 'Anna Berg'),
    keyFor(tenant, 'read'),
    keyFor(tenant, 'enroll'),
  ]);
  return { tenant, alice, anna, unnamed, enroll: enroll.key };
}

const REFUSED_NAME = { code: 'invalid_input', details: [{ path: ['member'] }] };

const enrol = (enrollKey: string, member: string) =>
  call('/v1/enroll', { token: enrollKey, json: { member } });

async function members(tenant: string, adminKey: string): Promise<string[]> {
  const response = await call('/v1/members', { token: adminKey });
  return MemberList.parse(await response.json()).members.map((m) => m.member);
}

describe('enrolment creates a new member, never a key of an existing one', () => {
  it('answers 409 member_exists for an admin’s, a reader’s and default names, however written', async () => {
    const t = await team();
    const before = await members(t.tenant, t.alice.key);
    const taken = [
      'Admin Alice',
      'admin alice',
      'ADMIN ALICE',
      ' Anna Berg ',
      '\u00a0Anna Berg\u3000',
      'Anna  Berg',
      'Ａｎｎａ Ｂｅｒｇ',
      'ANNA BERG',
    ];
    for (const member of taken) {
      const response = await enrol(t.enroll, member);
      expect(response.status, JSON.stringify(member)).toBe(409);
      expect((await errorOf(response)).code).toBe('member_exists');
    }
    expect(await members(t.tenant, t.alice.key)).toEqual(before);
  });

  it('refuses names of the form key_<id>, taken or not, with 400', async () => {
    const t = await team();
    const keyIds = [t.unnamed.id, t.unnamed.id.toUpperCase(), 'key_abcdefghijklmnop', ` ${t.unnamed.id} `];
    for (const member of keyIds) {
      const response = await enrol(t.enroll, member);
      expect(response.status, member).toBe(400);
      expect(await errorOf(response)).toMatchObject(REFUSED_NAME);
    }
  });

  const invisible = ['Anna\u200bBerg', '\u202egreB annA', 'Anna\u200dBerg', 'An\ufeffna', 'Anna\u2066Berg'];
  invisible.push('Anna\u00adBerg');
  it.each([...invisible, 'Anna\u0085Berg'])(
    'refuses the name %j with its format or control character',
    async (member) => {
      const t = await team();
      const response = await enrol(t.enroll, member);
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject(REFUSED_NAME);
    },
  );

  it('enrols a new name once; the second enrolment of the same name is refused', async () => {
    const t = await team();
    const first = await enrol(t.enroll, 'Carla Díaz');
    expect(first.status).toBe(201);
    expect(Enrolled.parse(await first.json()).member).toBe('Carla Díaz');
    const again = await enrol(t.enroll, 'carla díaz');
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('member_exists');
    // Decomposed é is the same name after NFKC.
    expect((await enrol(t.enroll, 'Carla Di\u0301az')).status).toBe(409);
  });

  it('refuses concurrent enrolments of one name but one', async () => {
    const t = await team();
    const answers = await Promise.all(Array.from({ length: 6 }, () => enrol(t.enroll, 'Dana Eze')));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('frees the name of a revoked enrolled key', async () => {
    const t = await team();
    const first = Enrolled.parse(await (await enrol(t.enroll, 'Eve Fox')).json());
    const revoked = await call(`/v1/tenants/${t.tenant}/keys/${first.id}`, {
      method: 'DELETE',
      token: ROOT_TOKEN,
    });
    expect(revoked.status).toBe(204);
    expect((await enrol(t.enroll, 'Eve Fox')).status).toBe(201);
  });

  it('still lets an admin give an existing member a second key', async () => {
    const t = await team();
    const second = await keyFor(t.tenant, 'read', 'Anna Berg');
    expect((await call('/v1/key', { token: second.key })).status).toBe(200);
    const unnamedAgain = await keyFor(t.tenant, 'read', t.unnamed.id);
    expect((await call('/v1/key', { token: unnamedAgain.key })).status).toBe(200);
  });
});
