import { closeQuietly } from './broadcast';

/**
 * Who a socket belongs to: the key that opened it (revocation, caps), its member (what it is sent),
 * and the enroll key that bought the key, if one did (the sockets of its keys are capped together).
 */
export interface SocketOwner {
  keyId: string;
  member: string;
  enrolledBy?: string;
}

/** Before sockets carried an attachment, the member was a tag with this prefix. */
const LEGACY_MEMBER_TAG = 'member:';

/**
 * The tenant object's one owner of its hibernatable WebSockets: it accepts them, and finds them by
 * key or member. Who owns a socket is kept in its serialized attachment, which survives hibernation;
 * the key is also a tag, only so that `getWebSockets(keyId)` finds a key's sockets.
 */
export class SocketsOwner {
  constructor(private readonly state: DurableObjectState) {}

  accept(socket: WebSocket, owner: SocketOwner): void {
    this.state.acceptWebSocket(socket, [owner.keyId]);
    const attachment: SocketOwner = { keyId: owner.keyId, member: owner.member };
    if (owner.enrolledBy !== undefined) attachment.enrolledBy = owner.enrolledBy;
    socket.serializeAttachment(attachment);
  }

  /** The socket's owner; null for a socket that names none. */
  ownerOf(socket: WebSocket): SocketOwner | null {
    const attached: unknown = socket.deserializeAttachment();
    if (isSocketOwner(attached)) return attached;
    return this.ownerFromTags(socket);
  }

  byKey(keyId: string): WebSocket[] {
    return this.state.getWebSockets(keyId);
  }

  /** The open sockets by member; `concerned` limits them to some members. */
  byMember(concerned: 'all' | ReadonlySet<string>): Map<string, WebSocket[]> {
    const byMember = new Map<string, WebSocket[]>();
    for (const socket of this.state.getWebSockets()) {
      const member = this.ownerOf(socket)?.member;
      if (member === undefined || (concerned !== 'all' && !concerned.has(member))) continue;
      const list = byMember.get(member) ?? [];
      list.push(socket);
      byMember.set(member, list);
    }
    return byMember;
  }

  count(): number {
    return this.state.getWebSockets().length;
  }

  /** How many open sockets belong to keys enrolled through the enroll key `enrolledBy`. */
  countEnrolment(enrolledBy: string): number {
    let count = 0;
    for (const socket of this.state.getWebSockets()) {
      if (this.ownerOf(socket)?.enrolledBy === enrolledBy) count++;
    }
    return count;
  }

  /** Closes the key's sockets with `code`; answers how many were open. */
  closeKey(keyId: string, code: number, reason: string): number {
    const sockets = this.byKey(keyId);
    for (const socket of sockets) closeQuietly(socket, code, reason);
    return sockets.length;
  }

  /**
   * Sockets accepted before attachments were used carry tags: the key first, then `member:<member>`,
   * or the key alone (opened before members existed; the key's id was also its member).
   */
  private ownerFromTags(socket: WebSocket): SocketOwner | null {
    const tags = this.state.getTags(socket);
    const keyId = tags.find((tag) => !tag.startsWith(LEGACY_MEMBER_TAG));
    const memberTag = tags.find((tag) => tag.startsWith(LEGACY_MEMBER_TAG));
    const member = memberTag === undefined ? keyId : memberTag.slice(LEGACY_MEMBER_TAG.length);
    return keyId === undefined || member === undefined ? null : { keyId, member };
  }
}

function isSocketOwner(value: unknown): value is SocketOwner {
  if (typeof value !== 'object' || value === null) return false;
  const { keyId, member, enrolledBy } = value as Partial<Record<keyof SocketOwner, unknown>>;
  const enrolment = enrolledBy === undefined || typeof enrolledBy === 'string';
  return typeof keyId === 'string' && typeof member === 'string' && enrolment;
}
