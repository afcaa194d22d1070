import type { StreamMessage } from '../../shared/notifications';
import { sendText } from './broadcast';

/** What one publish sends: the same surfaced notifications to all, then each member's own view and counts. */
export interface MemberPush {
  shared: StreamMessage[];
  own: (member: string) => StreamMessage[];
}

export function pushToMembers(sockets: Map<string, WebSocket[]>, push: MemberPush): void {
  // The shared part is serialized once, however many members listen.
  const shared = push.shared.map((message) => JSON.stringify(message));
  // What is the same for all goes to everyone first; each socket still gets it before its own part.
  for (const list of sockets.values()) for (const text of shared) sendText(list, text);
  for (const [member, list] of sockets) {
    for (const message of push.own(member)) sendText(list, JSON.stringify(message));
  }
}
