// The demo tenant's Marketo: the simulated Marketo with one instance whose usage climbs, a few
// errors and some campaigns, and the demo tenant's connector pointed at it. Used by `npm start` and
// the end-to-end tests. It is a simulation, and says so.
import { randomBytes } from 'node:crypto';

import { callWorker, SIM_PORT } from './local-worker.mjs';
import { demoCampaigns } from './marketo-sim/campaigns.ts';
import { centralMinutes } from './marketo-sim/clock.ts';
import type { SimulatedInstance } from './marketo-sim/instance.ts';
import { type MarketoSimulator, startMarketoSimulator } from './marketo-sim/server.ts';

export { SIM_PORT };
export const DEMO_CLIENT_ID = 'demo-client';
export const DEMO_API_USER = 'notifier-api@demo.example';

/** The simulator with its one instance: `instance` is that instance, not the lookup by client id. */
export interface DemoMarketo extends Omit<MarketoSimulator, 'instance'> {
  clientId: string;
  clientSecret: string;
  instance: SimulatedInstance;
}

/** Integrations that share the demo instance's quota, and how many calls each makes a minute. */
const DEMO_USERS = {
  'etl-sync@demo.example': 8,
  'crm-connector@demo.example': 4,
  'webinar-app@demo.example': 1,
};

/**
 * Starts the simulated Marketo with the demo instance. Usage starts where a working day would be at this
 * hour of Marketo's (Central) quota day, the last 7 days go at the same pace, and it climbs every 15 s;
 * a secret is made up for this run.
 */
export async function startDemoMarketo({
  port = SIM_PORT,
  climbEveryMs = 15_000,
}: { port?: number; climbEveryMs?: number } = {}): Promise<DemoMarketo> {
  const sim = await startMarketoSimulator({ port });
  const clientSecret = randomBytes(16).toString('hex');
  // At least an hour's worth, so that the users' order is clear from the first poll.
  const minutesToday = Math.max(60, centralMinutes(Date.now()));
  const users = Object.fromEntries(
    Object.entries(DEMO_USERS).map(([user, perMinute]) => [user, perMinute * minutesToday]),
  );
  const instance = sim.addInstance({
    clientId: DEMO_CLIENT_ID,
    clientSecret,
    apiUser: DEMO_API_USER,
    users,
    errors: { '604': 2, '610': 3 },
    campaigns: demoCampaigns('app-sim.marketo.com'),
  });
  const climb = setInterval(() => {
    for (const [user, perMinute] of Object.entries(DEMO_USERS))
      instance.addUsage(user, Math.max(1, Math.round((perMinute * climbEveryMs) / 60_000)));
  }, climbEveryMs);
  climb.unref();
  return {
    ...sim,
    clientId: DEMO_CLIENT_ID,
    clientSecret,
    instance,
    close: () => {
      clearInterval(climb);
      return sim.close();
    },
  };
}

/** Points the tenant's connector at the simulated Marketo and polls once; answers the status. */
export async function connectToSimulator(
  workerUrl: string,
  adminKey: string,
  sim: DemoMarketo,
  { pollMinutes = 1 }: { pollMinutes?: number } = {},
): Promise<any> {
  const put = await callWorker(workerUrl, '/v1/connector', {
    method: 'PUT',
    token: adminKey,
    body: { restUrl: sim.url, clientId: sim.clientId, clientSecret: sim.clientSecret, pollMinutes },
  });
  if (put.status !== 200)
    throw new Error(
      `connect the demo tenant to the simulated Marketo: HTTP ${put.status} ${JSON.stringify(put.body)}`,
    );
  const poll = await callWorker(workerUrl, '/v1/connector/poll', { method: 'POST', token: adminKey });
  if (poll.status !== 200) throw new Error(`first poll: HTTP ${poll.status}`);
  return poll.body;
}
