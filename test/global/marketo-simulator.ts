// Starts the simulated Marketo for the workerd tests: the tenant objects' polls reach it on loopback.
import type { TestProject } from 'vitest/node';
import { startMarketoSimulator } from '../../scripts/lib/marketo-sim/server';

declare module 'vitest' {
  export interface ProvidedContext {
    marketoSimUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const sim = await startMarketoSimulator();
  project.provide('marketoSimUrl', sim.url);
  return () => sim.close();
}
