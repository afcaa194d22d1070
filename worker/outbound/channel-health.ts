import type { ChannelState } from '../../shared/channels';

/** Failed attempts in a row (tests excluded) that make a channel `failing`. */
export const FAILING_AFTER = 5;

export interface ChannelHealth {
  state: ChannelState;
  consecutiveFailures: number;
}

export type AttemptVerdict = 'delivered' | 'failed' | 'disabled';

export interface HealthChange extends ChannelHealth {
  /** The channel just turned failing or disabled: raise a `channel` notification. */
  raised: 'failing' | 'disabled' | null;
  /** A delivery succeeded: a raised `channel` notification is read by itself. */
  recovered: boolean;
}

/** The channel's health after one attempt of a (non-test) delivery. */
export function healthAfter(current: ChannelHealth, verdict: AttemptVerdict): HealthChange {
  if (verdict === 'delivered') {
    const recovered = current.state !== 'ok' || current.consecutiveFailures > 0;
    return {
      state: current.state === 'disabled' ? 'disabled' : 'ok',
      consecutiveFailures: 0,
      raised: null,
      recovered,
    };
  }
  if (verdict === 'disabled') {
    const raised = current.state === 'disabled' ? null : 'disabled';
    return {
      state: 'disabled',
      consecutiveFailures: current.consecutiveFailures + 1,
      raised,
      recovered: false,
    };
  }
  const consecutiveFailures = current.consecutiveFailures + 1;
  if (current.state === 'ok' && consecutiveFailures >= FAILING_AFTER) {
    return { state: 'failing', consecutiveFailures, raised: 'failing', recovered: false };
  }
  return { ...current, consecutiveFailures, raised: null, recovered: false };
}
