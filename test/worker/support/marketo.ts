// The simulated Marketo (test/global/marketo-simulator.ts): its control API and a tenant connected to it.
import { inject } from 'vitest';

import { newTenant } from './tenant-object';

declare module 'vitest' {
  export interface ProvidedContext {
    marketoSimUrl: string;
  }
}

/** The simulated Marketo started by test/global/marketo-simulator.ts. */
export const simUrl = () => inject('marketoSimUrl');

async function control(path: string, method: string, body?: unknown): Promise<any> {
  const res = await fetch(`${simUrl()}/__sim/instances/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${method} ${path}: ${res.status}`);
  return res.json();
}

export interface SimInstanceConfig {
  users?: Record<string, number>;
  errors?: Record<string, number>;
  campaigns?: { id: number; name: string; type?: 'batch' | 'trigger'; isActive?: boolean; status?: string }[];
  nowMs?: number;
  tokenTtlSeconds?: number;
}

export const CLIENT_SECRET = 'sim-client-secret-0123456789abcdef';

/** A simulated instance of its own: a new client id. */
export async function simInstance(config: SimInstanceConfig = {}): Promise<string> {
  const clientId = `c-${crypto.randomUUID()}`;
  await control(clientId, 'PUT', {
    clientSecret: CLIENT_SECRET,
    apiUser: 'notifier-api@example.com',
    ...config,
  });
  return clientId;
}

/** A queued failure; `huge` streams `bytes` with HTTP `status`, `slow` answers after `delayMs`. */
export interface Replay {
  on?: string;
  fault: string;
  times?: number;
  delayMs?: number;
  bytes?: number;
  status?: number;
}

export interface SimReport {
  identityCalls: number;
  restCalls: number;
  calls: { kind: string; outcome: string; stream?: { bytes: number; sent: number } }[];
  usage: { total: number };
}

export const sim = {
  report: (clientId: string): Promise<SimReport> => control(clientId, 'GET'),
  replay: (clientId: string, ...replays: Replay[]) => control(`${clientId}/replays`, 'POST', { replays }),
  usage: (clientId: string, users: Record<string, number>) => control(`${clientId}/usage`, 'POST', users),
  errors: (clientId: string, codes: Record<string, number>) => control(`${clientId}/errors`, 'POST', codes),
  campaign: (clientId: string, id: number, changes: Record<string, unknown>) =>
    control(`${clientId}/campaigns/${id}`, 'POST', changes),
  /** Changes every campaign of `type` (all when absent) at once. */
  campaigns: (clientId: string, changes: Record<string, unknown>, type?: 'batch' | 'trigger') =>
    control(`${clientId}/campaigns`, 'POST', { changes, type }),
  clock: (clientId: string, nowMs: number) => control(clientId, 'PATCH', { nowMs }),
};

/** A tenant object connected to a new simulated instance. */
export async function connectedTenant(
  config: SimInstanceConfig = {},
  settings: Record<string, unknown> = {},
) {
  const clientId = await simInstance(config);
  const stub = newTenant('connector');
  const saved = await stub.putConnector(
    { restUrl: simUrl(), clientId, clientSecret: CLIENT_SECRET, ...settings },
    config.nowMs,
  );
  if ('error' in saved) throw new Error(saved.error);
  return { stub, clientId };
}
