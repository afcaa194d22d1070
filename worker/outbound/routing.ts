import type { ChannelState } from '../../shared/channels';
import { type NotificationType, type Severity, SEVERITY_RANK } from '../../shared/notification-types';

/** What routing reads of a channel. */
export interface RoutedChannel {
  enabled: boolean;
  state: ChannelState;
  types: readonly NotificationType[];
  minSeverity: Severity;
}

/** True when `severity` is `min` or worse (critical > warning > info). */
export function atLeast(severity: Severity, min: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[min];
}

/** Whether a notification of this type and severity goes to the channel at all. */
export function channelMatches(
  channel: RoutedChannel,
  notification: { type: NotificationType; severity: Severity },
): boolean {
  if (!channel.enabled || channel.state === 'disabled') return false;
  return channel.types.includes(notification.type) && atLeast(notification.severity, channel.minSeverity);
}
