import type { z } from 'zod';

import { type AccessToken, needsNewToken, tokenFromIdentity, usableToken } from './access-token';
import { type CallLimits, fail, getRest, type Outcome, requestToken } from './marketo-call';
import { scrubMarketoText } from './scrub';

export interface SessionOptions {
  restUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  /** Aborted when the poll's time is up: the call under way stops, no other starts. */
  pollDeadline?: AbortSignal;
  now: () => number;
  /** The cached token (kept by the tenant object between polls). */
  tokens: { get(): AccessToken | null; set(token: AccessToken | null): void };
  /** Counts one REST call against maxDailyCalls; false when the budget is spent (no call is made). */
  takeCall(): boolean;
}

/** Calls of one poll: one at a time (Marketo allows 10 at once for everyone), one token, one retry on 601/602. */
export class MarketoSession {
  /**
   * The token this session uses. Identity gives the same token again while it lives, with its remaining
   * lifespan: once asked, it serves the whole poll even inside the last minute (a 602 still renews it).
   */
  private current: AccessToken | null = null;

  constructor(private readonly options: SessionOptions) {}

  async token(): Promise<Outcome<AccessToken>> {
    if (this.current !== null) return { ok: true, value: this.current };
    const cached = usableToken(this.options.tokens.get(), this.options.now());
    if (cached !== null) return { ok: true, value: (this.current = cached) };
    const { restUrl, clientId, clientSecret } = this.options;
    const answer = this.scrubbed(await requestToken(restUrl, clientId, clientSecret, this.limits()));
    if (!answer.ok) return answer;
    // The scope is shown as the API user: it must not carry the credentials either.
    const scope = scrubMarketoText(answer.value.scope, [clientSecret, clientId, answer.value.access_token]);
    const token = tokenFromIdentity({ ...answer.value, scope }, this.options.now());
    this.options.tokens.set(token);
    return { ok: true, value: (this.current = token) };
  }

  async get<T extends z.ZodType>(pathAndQuery: string, item: T): Promise<Outcome<z.output<T>[]>> {
    const first = await this.attempt(pathAndQuery, item);
    if (first.ok || first.failure.kind !== 'marketo' || !needsNewToken(first.failure.code)) return first;
    this.current = null;
    this.options.tokens.set(null);
    return this.attempt(pathAndQuery, item);
  }

  private async attempt<T extends z.ZodType>(pathAndQuery: string, item: T): Promise<Outcome<z.output<T>[]>> {
    const token = await this.token();
    if (!token.ok) return token;
    // Out of time: not even counted as a call.
    if (this.options.pollDeadline?.aborted) return fail({ kind: 'poll_deadline' });
    if (!this.options.takeCall()) return fail({ kind: 'max_daily_calls' });
    const answer = await getRest(this.options.restUrl, pathAndQuery, token.value.value, item, this.limits());
    return this.scrubbed(answer, token.value.value);
  }

  private limits(): CallLimits {
    return { timeoutMs: this.options.timeoutMs, pollDeadline: this.options.pollDeadline };
  }

  /** Marketo's error text as it may be kept: without the credentials (a host may quote the request), cut. */
  private scrubbed<T>(outcome: Outcome<T>, accessToken?: string): Outcome<T> {
    if (outcome.ok || outcome.failure.kind !== 'marketo') return outcome;
    const { clientSecret, clientId } = this.options;
    const message = scrubMarketoText(outcome.failure.message, [clientSecret, clientId, accessToken]);
    return fail({ ...outcome.failure, message });
  }
}
