import type { StreamMessage } from '../../shared/notifications';
import { sendText } from './broadcast';

/** A socket carries two tags: the key that opened it (revocation) and its member (what it is sent). */
const MEMBER_TAG = 'member:';
export const memberTag = (member: string) => MEMBER_TAG + member;

/** The open sockets by member; `concerned` limits them to some members. */
export function socketsByMember(ctx: DurableObjectState, concerned: 'all' | ReadonlySet<string>): Map<string, WebSocket[]> {
  const byMember = new Map<string, WebSocket[]>();
  for (const socket of ctx.getWebSockets()) {
    const tags = ctx.getTags(socket);
    const tag = tags.find((t) => t.startsWith(MEMBER_TAG));
    // Sockets opened before members existed carry only their key's id, which is also their member.
    const member = tag === undefined ? tags[0] : tag.slice(MEMBER_TAG.length);
    if (member === undefined) continue;
    if (concerned !== 'all' && !concerned.has(member)) continue;
    const list = byMember.get(member) ?? [];
    list.push(socket);
    byMember.set(member, list);
  }
  return byMember;
}

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
