import { env } from 'cloudflare:workers';
import { vi } from 'vitest';

import worker from '../../../worker/index';
import { call } from './http';

/**
 * One message through the worker's email() handler, as Email Routing hands it over: a hand-built
 * ForwardableEmailMessage (cloudflare:test has no e-mail helper). Answers the reject reason, or null.
 */
export async function deliver(
  to: string,
  raw: Uint8Array,
  options: { rawSize?: number; from?: string } = {},
): Promise<string | null> {
  const setReject = vi.fn<(reason: string) => void>();
  const message = {
    from: options.from ?? 'notifications@mktomail.com',
    to,
    raw: new Blob([raw]).stream(),
    rawSize: options.rawSize ?? raw.byteLength,
    headers: new Headers(),
    setReject,
    forward: vi.fn(),
    reply: vi.fn(),
  };
  await worker.email(message as unknown as ForwardableEmailMessage, env);
  return setReject.mock.calls[0]?.[0] ?? null;
}

/** A new address for the tenant (POST /v1/email-address with its admin key). */
export async function emailAddress(adminKey: string): Promise<string> {
  const response = await call('/v1/email-address', { method: 'POST', token: adminKey });
  if (response.status !== 200) throw new Error(`email address: ${response.status}`);
  return (await response.json<{ address: string }>()).address;
}
