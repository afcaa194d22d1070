import type { SimulatedInstance } from './instance.mjs';

export const SIMULATION_NOTICE: string;

/** What the simulator answered: JSON (`body`), raw text (`text`), or nothing for `hangMs`. */
export interface SimulatedAnswer {
  status?: number;
  body?: any;
  text?: string;
  hangMs?: number;
  /** Sent after this many ms (`slow`). */
  delayMs?: number;
  /** A huge answer generated while it is sent (`huge`): `sent` bytes so far of `bytes`. */
  stream?: { bytes: number; sent: number };
}

export interface InstanceConfig {
  clientId: string;
  clientSecret: string;
  apiUser: string;
  /** Today's calls per API user before any call of the connector. */
  users?: Record<string, number>;
  /** Today's errors per code. */
  errors?: Record<string, number>;
  campaigns?: Array<{ id: number; name: string; type?: 'batch' | 'default' | 'trigger'; isActive?: boolean; status?: string }>;
  history?: Array<{ date: string; total: number }>;
  tokenTtlSeconds?: number;
  host?: string;
  nowMs?: number;
}

export interface MarketoSimulator {
  url: string;
  port: number;
  host: string;
  notice: string;
  instances: Map<string, SimulatedInstance>;
  addInstance(config: InstanceConfig): SimulatedInstance;
  instance(clientId: string): SimulatedInstance | undefined;
  close(): Promise<void>;
}

export function startMarketoSimulator(options?: {
  port?: number;
  host?: string;
  onAnswer?: (kind: string, answer: SimulatedAnswer) => void;
}): Promise<MarketoSimulator>;
