// Starts the simulated Marketo for the workerd tests: the tenant objects' polls reach it on loopback.
import type { TestProject } from 'vitest/node';

import { startMarketoSimulator } from '../../scripts/lib/marketo-sim/server';

declare module 'vitest' {
  export interface ProvidedContext {
    marketoSimUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // vitest.config.ts chose the port and named it in MARKETO_HOSTS.
  const sim = await startMarketoSimulator({ port: Number(process.env.MARKETO_SIM_PORT) });
  project.provide('marketoSimUrl', sim.url);
  return () => sim.close();
}
