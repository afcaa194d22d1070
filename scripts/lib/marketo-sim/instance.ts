// One simulated Marketo instance (one custom service): tokens, today's usage and errors, campaigns,
// and failures queued to replay. Answers follow Adobe's definitions (reference/marketo-openapi).
import { randomBytes, randomUUID } from 'node:crypto';

import { type CampaignFacts, type CampaignRecord, campaignRecord } from './campaigns.ts';
import { centralDay, centralMinutes, daysBefore, weekdayOf } from './clock.ts';

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
  campaigns?: Array<CampaignFacts | CampaignRecord>;
  /** The last 7 days as given; by default they follow `dailyUsers`. */
  history?: Array<{ date: string; total: number }>;
  /**
   * A full working day's calls per API user, which the last 7 days follow (weekends lighter). By default
   * today's `users` extrapolated to the whole quota day, so that the past days match today's pace.
   */
  dailyUsers?: Record<string, number>;
  tokenTtlSeconds?: number;
  host?: string;
  nowMs?: number;
}

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

interface QueuedReplay {
  on: NonNullable<Replay['on']>;
  fault: string;
  remaining: number;
  delayMs?: number;
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

/** Marketo's own wording of the response-level errors it replays. */
export const ERROR_MESSAGES: Record<string, string> = {
  601: 'Access token invalid',
  602: 'Access token expired',
  603: 'Access denied',
  604: 'Request time-out',
  606: "Max rate limit '100' exceeded with in '20' secs",
  607: 'Daily quota reached',
  608: 'API Temporarily Unavailable',
  610: 'Requested resource not found',
  611: 'System error',
  615: 'Concurrent access limit reached',
};

const requestId = () => `${randomBytes(2).toString('hex')}#${Date.now().toString(16)}`;

export class SimulatedInstance {
  clientId: string;
  clientSecret: string;
  apiUser: string;
  host: string;
  fixedNowMs: number | null;
  tokenTtlSeconds: number;
  tokens: Map<string, number>;
  usage: Map<string, Map<string, number>>;
  errorCounts: Map<string, Map<string, number>>;
  campaigns: CampaignRecord[];
  replays: QueuedReplay[];
  log: InstanceReport['calls'];
  identityCalls: number;
  history: Array<{ date: string; total: number }> | null;
  dailyUsers: Record<string, number>;

  constructor({
    clientId,
    clientSecret,
    apiUser,
    users = {},
    errors = {},
    campaigns = [],
    history,
    dailyUsers,
    tokenTtlSeconds = 3600,
    host,
    nowMs,
  }: InstanceConfig) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.apiUser = apiUser;
    this.host = host ?? 'app-sim.marketo.com';
    this.fixedNowMs = nowMs ?? null;
    this.tokenTtlSeconds = tokenTtlSeconds;
    /** token -> expiry (ms); a token that failed with 601 is deleted. */
    this.tokens = new Map();
    /** day -> Map(userId -> count) and day -> Map(code -> count). */
    this.usage = new Map();
    this.errorCounts = new Map();
    this.campaigns = campaigns.map((c) =>
      'computedUrl' in c
        ? (c as CampaignRecord)
        : campaignRecord({ host: this.host, ...(c as CampaignFacts) }),
    );
    this.replays = [];
    /** Every request seen: {at, kind, outcome}; tests count calls with it. */
    this.log = [];
    this.identityCalls = 0;
    const today = this.day();
    for (const [user, count] of Object.entries(users)) this.addUsage(user, count, today);
    for (const [code, count] of Object.entries(errors)) this.addErrors(code, count, today);
    /** The last 7 days; by default made up from the dates before today, so they move with the clock. */
    this.history = history ?? null;
    // At least an hour into the day, so that a pace is not read from a few minutes.
    const share = Math.max(60, centralMinutes(this.now())) / 1440;
    this.dailyUsers =
      dailyUsers ?? Object.fromEntries(Object.entries(users).map(([user, count]) => [user, count / share]));
  }

  now(): number {
    return this.fixedNowMs ?? Date.now();
  }

  day(): string {
    return centralDay(this.now());
  }

  addUsage(userId: string, count: number, day = this.day()): void {
    const users = this.usage.get(day) ?? new Map();
    users.set(userId, (users.get(userId) ?? 0) + count);
    this.usage.set(day, users);
  }

  addErrors(code: string | number, count: number, day = this.day()): void {
    const codes = this.errorCounts.get(day) ?? new Map();
    codes.set(String(code), (codes.get(String(code)) ?? 0) + count);
    this.errorCounts.set(day, codes);
  }

  /**
   * Queues failures: `on` is identity, usage, usage7, errors, campaigns, rest or any; `times` how often.
   * `huge` streams an answer of `bytes` (HTTP `status`, 200 by default); `slow` answers as usual after
   * `delayMs`.
   */
  queue({ on = 'any', fault, times = 1, delayMs, bytes, status }: Replay): void {
    this.replays.push({ on, fault: String(fault), remaining: times, delayMs, bytes, status });
  }

  /** Changes every campaign (of `type`, when given) at once; answers how many. */
  updateCampaigns(changes: Record<string, unknown>, type?: string): number {
    const chosen = this.campaigns.filter((c) => type === undefined || c.type === type);
    for (const campaign of chosen) Object.assign(campaign, changes);
    return chosen.length;
  }

  updateCampaign(id: number, changes: Record<string, unknown>): CampaignRecord {
    const campaign = this.campaigns.find((c) => c.id === id);
    if (!campaign) throw new Error(`no campaign ${id}`);
    Object.assign(campaign, changes);
    return campaign;
  }

  takeReplay(kind: string): QueuedReplay | null {
    const replay = this.replays.find(
      (r) => r.on === kind || r.on === 'any' || (r.on === 'rest' && kind !== 'identity'),
    );
    if (!replay) return null;
    replay.remaining -= 1;
    if (replay.remaining <= 0) this.replays.splice(this.replays.indexOf(replay), 1);
    return replay;
  }

  /** GET /identity/oauth/token: the same token while it lives, as Marketo does. */
  identity(params: URLSearchParams): SimulatedAnswer {
    this.identityCalls += 1;
    const replay = this.takeReplay('identity');
    const request = `GET /identity/oauth/token?${params}`;
    if (replay) return this.record('identity', this.faultAnswer(replay, false, request));
    if (
      params.get('grant_type') !== 'client_credentials' ||
      params.get('client_id') !== this.clientId ||
      params.get('client_secret') !== this.clientSecret
    ) {
      return this.record('identity', {
        status: 401,
        body: { error: 'unauthorized', error_description: 'Bad client credentials' },
      });
    }
    const nowMs = this.now();
    let live: [string, number] | undefined = [...this.tokens].find(([, expiresMs]) => expiresMs > nowMs);
    if (!live) {
      live = [`${randomUUID()}:sim`, nowMs + this.tokenTtlSeconds * 1000];
      this.tokens.set(live[0], live[1]);
    }
    const expiresIn = Math.max(0, Math.floor((live[1] - nowMs) / 1000));
    return this.record('identity', {
      status: 200,
      body: { access_token: live[0], token_type: 'bearer', expires_in: expiresIn, scope: this.apiUser },
    });
  }

  /** A REST call: checks the bearer token, replays a queued failure, counts the call, answers. */
  rest(kind: string, authorization: string | undefined, query: URLSearchParams): SimulatedAnswer {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const expiresMs = token === undefined ? undefined : this.tokens.get(token);
    if (expiresMs === undefined) return this.record(kind, this.errorAnswer(kind, '601'));
    if (expiresMs <= this.now()) return this.record(kind, this.errorAnswer(kind, '602'));
    const replay = this.takeReplay(kind);
    if (replay) {
      // A replayed 601/602 means the token really is gone: the next identity call gives a new one.
      if (replay.fault === '601' || replay.fault === '602') this.tokens.delete(token);
      if (replay.fault === 'slow') {
        this.addUsage(this.apiUser, 1);
        const delayMs = replay.delayMs ?? 1000;
        return this.record(kind, { status: 200, body: this.success(kind, query), delayMs });
      }
      const request = `GET ${kind}?${query} Authorization: ${authorization}`;
      return this.record(kind, this.faultAnswer(replay, kind !== 'campaigns', request));
    }
    // Calls that fail at the response level are not counted (error-codes.md); this one succeeds.
    this.addUsage(this.apiUser, 1);
    return this.record(kind, { status: 200, body: this.success(kind, query) });
  }

  success(kind: string, query: URLSearchParams): Record<string, unknown> {
    const envelope = { requestId: requestId(), success: true, errors: [], warnings: [] };
    const day = this.day();
    if (kind === 'usage') return { ...envelope, result: [this.usageOf(day)] };
    if (kind === 'usage7') return { ...envelope, result: this.lastSevenDays(day) };
    if (kind === 'errors') {
      const codes = [...(this.errorCounts.get(day) ?? new Map())].map(([errorCode, count]) => ({
        errorCode,
        count,
      }));
      return {
        ...envelope,
        result: [{ date: day, total: codes.reduce((sum, c) => sum + c.count, 0), errors: codes }],
      };
    }
    const maxReturn = Math.min(200, Math.max(1, Number(query.get('maxReturn') ?? 20) || 20));
    const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
    const page = this.campaigns.slice(offset, offset + maxReturn);
    // The Asset API answers an empty page with a warning and no result.
    if (page.length === 0)
      return { ...envelope, warnings: ['No assets found for the given search criteria.'] };
    return { ...envelope, result: page.map((c) => structuredClone(c)) };
  }

  /**
   * The 7 days before `day`, oldest first: what was counted on a day when the instance ran then, else
   * a working day of `dailyUsers` (a weekend day at 40 %), varied by up to ±10 % from the date.
   */
  lastSevenDays(day: string): InstanceReport['usage'][] {
    if (this.history) return this.history.map(({ date, total }) => ({ date, total, users: [] }));
    return daysBefore(day, 7)
      .reverse()
      .map((date) => {
        if (this.usage.has(date)) return this.usageOf(date);
        const weekday = weekdayOf(date);
        const variation = 0.9 + ((Number(date.slice(8)) * 37) % 21) / 100;
        const factor = (weekday === 0 || weekday === 6 ? 0.4 : 1) * variation;
        const users = Object.entries(this.dailyUsers).map(([userId, count]) => ({
          userId,
          count: Math.round(count * factor),
        }));
        return { date, total: users.reduce((sum, u) => sum + u.count, 0), users };
      });
  }

  usageOf(day: string): InstanceReport['usage'] {
    const users = [...(this.usage.get(day) ?? new Map())].map(([userId, count]) => ({ userId, count }));
    return { date: day, total: users.reduce((sum, u) => sum + u.count, 0), users };
  }

  /** A response-level error: HTTP 200, success false; the Usage API's envelope lists every member. */
  errorAnswer(kind: string, code: string, message = ERROR_MESSAGES[code] ?? 'Error'): SimulatedAnswer {
    this.addErrors(code, 1);
    const body = { requestId: requestId(), success: false, errors: [{ code: String(code), message }] };
    return {
      status: 200,
      body: kind === 'campaigns' ? { ...body, warnings: [] } : { ...body, result: [], warnings: [] },
    };
  }

  /** `request`: what the call sent, for a host that echoes it (`echo`). */
  faultAnswer(replay: QueuedReplay, restEnvelope: boolean, request = ''): SimulatedAnswer {
    switch (replay.fault) {
      case 'echo': {
        // A hostile or broken host that quotes the request back in a long error message.
        const message = `Cannot serve ${request} ${'.'.repeat(1200)}`;
        return this.errorAnswer(restEnvelope ? 'usage' : 'campaigns', '611', message);
      }
      case 'http500':
        return { status: 500, text: 'Internal Server Error' };
      case 'http502':
        return { status: 502, text: 'Bad Gateway' };
      case 'timeout':
        return { hangMs: replay.delayMs ?? 60_000 };
      case 'huge':
        // Generated while it is sent, never held: the start of a valid envelope, then result items.
        return { status: replay.status ?? 200, stream: { bytes: replay.bytes ?? 1024 ** 3, sent: 0 } };
      case 'malformed':
        return { status: 200, text: '{"requestId":"e42b#1","success":tr' };
      case 'refused':
        return { status: 401, body: { error: 'unauthorized', error_description: 'Bad client credentials' } };
      case 'success_false':
        // success:false with no error object at all: a caller must still see a failure.
        return {
          status: 200,
          body: restEnvelope
            ? { requestId: requestId(), success: false, errors: [], result: [], warnings: [] }
            : { requestId: requestId(), success: false, errors: [], warnings: [] },
        };
      default:
        return this.errorAnswer(restEnvelope ? 'usage' : 'campaigns', replay.fault);
    }
  }

  record(kind: string, answer: SimulatedAnswer): SimulatedAnswer {
    const special = answer.hangMs ? 'timeout' : answer.stream ? 'huge' : answer.delayMs ? 'slow' : null;
    const failed = answer.body?.success === false ? `error${answer.body.errors[0]?.code ?? ''}` : null;
    const answered = failed ?? (answer.text ? 'malformed' : 'ok');
    const plain = answer.status !== 200 ? `http${answer.status}` : answered;
    const outcome = special ?? plain;
    // A streamed answer's entry counts the bytes the server got to send before the caller hung up.
    this.log.push({ at: this.now(), kind, outcome, ...(answer.stream ? { stream: answer.stream } : {}) });
    return answer;
  }

  /** What tests read back: the calls seen and today's counters. */
  report(): InstanceReport {
    const day = this.day();
    return {
      clientId: this.clientId,
      identityCalls: this.identityCalls,
      calls: this.log,
      restCalls: this.log.filter((e) => e.kind !== 'identity').length,
      usage: this.usageOf(day),
      pendingReplays: this.replays.length,
    };
  }
}
