import type { InstanceConfig, SimulatedAnswer } from './server.mjs';

export const ERROR_MESSAGES: Record<string, string>;
export const FAULTS: string[];

export interface Replay {
  on?: 'identity' | 'usage' | 'usage7' | 'errors' | 'campaigns' | 'rest' | 'any';
  /**
   * A Marketo error code ("606"), or http500, http502, timeout, malformed, success_false, refused, echo,
   * huge, slow.
   */
  fault: string;
  times?: number;
  delayMs?: number;
  /** `huge`: the answer's size in bytes (1 GiB by default) and HTTP status (200 by default). */
  bytes?: number;
  status?: number;
}

export interface InstanceReport {
  clientId: string;
  identityCalls: number;
  calls: Array<{ at: number; kind: string; outcome: string; stream?: { bytes: number; sent: number } }>;
  restCalls: number;
  usage: { date: string; total: number; users: Array<{ userId: string; count: number }> };
  pendingReplays: number;
}

export class SimulatedInstance {
  constructor(config: InstanceConfig);
  clientId: string;
  clientSecret: string;
  apiUser: string;
  fixedNowMs: number | null;
  tokens: Map<string, number>;
  campaigns: any[];
  history: Array<{ date: string; total: number }> | null;
  lastSevenDays(day: string): Array<{ date: string; total: number }>;
  now(): number;
  day(): string;
  addUsage(userId: string, count: number, day?: string): void;
  addErrors(code: string | number, count: number, day?: string): void;
  queue(replay: Replay): void;
  updateCampaign(id: number, changes: Record<string, unknown>): any;
  updateCampaigns(changes: Record<string, unknown>, type?: string): number;
  identity(params: URLSearchParams): SimulatedAnswer;
  rest(kind: string, authorization: string | undefined, query: URLSearchParams): SimulatedAnswer;
  report(): InstanceReport;
}
