import type { MarketoSimulator } from './marketo-sim/server.mjs';
import type { SimulatedInstance } from './marketo-sim/instance.mjs';

export const SIM_PORT: number;
export const DEMO_CLIENT_ID: string;
export const DEMO_API_USER: string;
export const LOCAL_MARKETO_HOSTS: string;

export interface DemoMarketo extends MarketoSimulator {
  clientId: string;
  clientSecret: string;
  instance: SimulatedInstance;
}

export function startDemoMarketo(options?: { port?: number; climbEveryMs?: number }): Promise<DemoMarketo>;
export function connectToSimulator(workerUrl: string, adminKey: string, sim: DemoMarketo, options?: { pollMinutes?: number }): Promise<any>;
