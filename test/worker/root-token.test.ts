import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { app } from '../../worker/app';
import { EXAMPLE_ROOT_TOKEN } from '../../worker/keys/root-token';
import { errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { uniqueTenantId } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

/** PUT /v1/tenants/:id with `rootToken` as the bearer, against a worker configured with that same ROOT_TOKEN. */
async function asRoot(rootToken: string) {
  const ctx = createExecutionContext();
  const request = new Request(`https://worker.test/v1/tenants/${uniqueTenantId()}`, {
    method: 'PUT',
    headers: {
      Authorization: `Bearer ${rootToken}`,
      'Content-Type': 'application/json',
      'CF-Connecting-IP': `192.0.2.${Math.floor(Math.random() * 250)}`,
    },
    body: '{}',
  });
  const response = await app.fetch(request, { ...env, ROOT_TOKEN: rootToken }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe('a weak ROOT_TOKEN', () => {
  it(
    'turns root access off when it is short or the example ' +
      'value; the first request warns once, never quoting it',
    async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const weak = ['short-but-not-empty-token-31chr', EXAMPLE_ROOT_TOKEN];
      for (const token of [...weak, ...weak]) {
        const response = await asRoot(token);
        expect(response.status).toBe(401);
        const error = await errorOf(response);
        expect(error.code).toBe('unauthorized');
        expect(error.message).toMatch(/ROOT_TOKEN/);
        expect(JSON.stringify(error)).not.toContain(token);
      }
      expect(warn).toHaveBeenCalledTimes(1);
      const warning = warn.mock.calls[0]!.join(' ');
      expect(warning).toMatch(/root access is off/);
      for (const token of weak) expect(warning).not.toContain(token);
      warn.mockRestore();
    },
  );

  it('keeps a strong token working', async () => {
    expect((await asRoot('a-strong-random-root-token-0123456789')).status).toBe(201);
  });
});
