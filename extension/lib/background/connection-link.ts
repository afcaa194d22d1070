import type { Counts, MarkRead, Notification, StreamMessage } from '../../../shared/notifications';
import type { ApiResult } from '../connection/api-client';
import type { ConnectionProblem } from '../connection/connection-problem';
import { streamUrl } from '../connection/connection-url';
import type { TriageRequest } from '../state/protocol';
import type { BackgroundState, Connection } from '../state/storage';
import { type BackgroundApi as Api, createBackgroundApi } from './background-api';
import { LongPoll } from './long-poll';
import { type SocketLike, StreamConnection } from './stream-connection';

/** How many unread notifications polling looks at for ones to announce (newest first). */
const ANNOUNCE_PAGE = 50;

/** Problems that no retry fixes until the user changes the connection. */
export const FATAL: ReadonlySet<ConnectionProblem['kind']> = new Set([
  'refused',
  'wrong_role',
  'bad_url',
  'not_configured',
]);

export interface LinkDeps {
  /** The browser's WebSocket, or a fake in tests. */
  openSocket: (url: string) => SocketLike;
  /** The state this connection is in now (stored by the controller, which repaints the badge). */
  onState: (state: BackgroundState) => Promise<void>;
  /** A notification to announce (desktop, overlay, open pages), once per occurrence. */
  announce: (n: Notification) => Promise<void>;
  /** A notification that changed (acknowledged, resolved, snoozed): shown in place, never announced. */
  relayUpdate: (n: Notification) => Promise<void>;
  /** Remembers notifications as announced without showing them (first contact). */
  rememberSilently: (items: readonly Notification[]) => Promise<unknown>;
  /** The tenant the key belongs to, once the worker named it. */
  onTenant: (tenant: string) => Promise<void>;
}

/**
 * One connection to one worker: stream when possible, long polling otherwise, and the catch-up
 * polls the alarm asks for. Each connection has its own, so that one worker down or one key
 * revoked never holds up the others.
 */
export class ConnectionLink {
  private api: Api | null = null;
  private stream: StreamConnection | null = null;
  /** Serves while the stream is down (e.g. a proxy refuses WebSockets); stops when it opens. */
  private longPoll: LongPoll | null = null;
  private stopped = false;
  private ready: Promise<void>;

  constructor(
    readonly connection: Connection,
    private state: BackgroundState,
    private readonly deps: LinkDeps,
  ) {
    this.ready = this.connect();
  }

  /** Same worker and key: the link goes on serving the connection (a new label or prefs change nothing here). */
  serves(connection: Connection): boolean {
    return connection.workerUrl === this.connection.workerUrl && connection.key === this.connection.key;
  }

  get current(): BackgroundState {
    return this.state;
  }

  private async connect(): Promise<void> {
    const api = createBackgroundApi(this.connection);
    if (!api.ok) {
      const unconfigured = api.problem.kind === 'not_configured';
      await this.setState({
        status: unconfigured ? 'unconfigured' : 'error',
        problem: unconfigured ? null : api.problem,
        counts: null,
        updatedAt: null,
      });
      return;
    }
    this.api = api.value;
    await this.setState({ ...this.state, status: 'connecting', problem: null });
    if (this.connection.tenant === undefined) void this.learnTenant(api.value);
    await this.poll();
    if (!this.stopped && !FATAL.has(this.state.problem?.kind ?? 'server')) this.startStream(api.value);
  }

  private async learnTenant(api: Api): Promise<void> {
    const key = await api.key();
    if (key.ok && !this.stopped) await this.deps.onTenant(key.value.tenant);
  }

  /** Settles once the client exists (or could not be made). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  stop(): void {
    this.stopped = true;
    this.stream?.stop();
    this.stream = null;
    this.stopLongPoll();
  }

  private stopLongPoll(): void {
    this.longPoll?.stop();
    this.longPoll = null;
  }

  /** Alarm and wake-up path: fetch counts unless the stream is open and delivering them. */
  async tick(): Promise<void> {
    await this.ready;
    if (!this.api || this.stopped) return;
    if (this.stream?.isOpen || this.longPoll?.isRunning) return;
    await this.poll();
    if (!this.stream && !FATAL.has(this.state.problem?.kind ?? 'server')) this.startStream(this.api);
  }

  async poll(): Promise<void> {
    const api = this.api;
    if (!api || this.stopped) return;
    const previous = this.state;
    const counts = await api.counts();
    if (this.stopped) return;
    if (!counts.ok) return this.setProblem(counts.problem);
    const status = this.stream?.isOpen ? 'live' : previous.status === 'connecting' ? 'connecting' : 'polling';
    await this.applyPolledCounts(api, counts.value, status, previous);
  }

  private async applyPolledCounts(
    api: Api,
    counts: Counts,
    status: BackgroundState['status'],
    previous: BackgroundState,
  ): Promise<void> {
    await this.setState({ status, problem: null, counts, updatedAt: new Date().toISOString() });
    // While the stream is open it announces; while polling, counts alone cannot tell what is new
    // (one read and one new leave them flat), so look at the unread critical ones themselves.
    if (!this.stream?.isOpen && (counts.bySeverity.critical ?? 0) > 0)
      await this.announceUnannounced(api, previous.counts === null);
  }

  private startLongPoll(api: Api): void {
    if (this.longPoll?.isRunning || this.stopped) return;
    const longPoll = new LongPoll({
      countsWhenChanged: (tag, waitSeconds, signal) => api.countsWhenChanged(tag, waitSeconds, signal),
      onCounts: async (counts) => {
        if (this.longPoll !== longPoll) return;
        // Unchanged counts still refresh updatedAt: the storage write also keeps the service worker awake.
        if (counts === null)
          return this.patchState({ status: 'polling', problem: null, updatedAt: new Date().toISOString() });
        await this.applyPolledCounts(api, counts, 'polling', this.state);
      },
      onProblem: async (problem) => {
        if (this.longPoll !== longPoll) return;
        if (FATAL.has(problem.kind)) longPoll.stop();
        await this.setProblem(problem);
      },
    });
    this.longPoll = longPoll;
    longPoll.start();
  }

  async triage(request: TriageRequest): Promise<ApiResult<Notification>> {
    await this.ready;
    const api = this.api;
    if (!api) return { ok: false, problem: this.state.problem ?? { kind: 'not_configured' } };
    const result = await (request.action === 'snooze'
      ? api.snooze(request.id, request.until)
      : request.action === 'ack'
        ? api.acknowledge(request.id)
        : api.resolve(request.id));
    if (result.ok) await this.poll();
    return result;
  }

  async markRead(selection: MarkRead): Promise<ApiResult<{ updated: number }>> {
    await this.ready;
    if (!this.api) return { ok: false, problem: this.state.problem ?? { kind: 'not_configured' } };
    const result = await this.api.markRead(selection);
    // The stream pushes new counts too; polling makes the badge right even without it.
    if (result.ok) await this.poll();
    return result;
  }

  private startStream(api: Api): void {
    const stream = new StreamConnection({
      streamUrl: async () => {
        const ticket = await api.ticket();
        return ticket.ok ? { ok: true, value: streamUrl(api.baseUrl, ticket.value.ticket) } : ticket;
      },
      openSocket: this.deps.openSocket,
      onOpen: () => {
        this.stopLongPoll();
        void this.patchState({ status: 'live', problem: null });
      },
      onMessage: (message) => void this.onStreamMessage(message),
      onDown: (problem) => void this.onStreamDown(stream, problem),
    });
    this.stream = stream;
    stream.start();
  }

  private async onStreamMessage(message: StreamMessage): Promise<void> {
    if (message.kind === 'counts') {
      await this.setState({
        status: 'live',
        problem: null,
        counts: message.counts,
        updatedAt: new Date().toISOString(),
      });
      return;
    }
    if (message.kind === 'update') return this.deps.relayUpdate(message.notification);
    await this.deps.announce(message.notification);
  }

  private async onStreamDown(stream: StreamConnection, problem: ConnectionProblem | null): Promise<void> {
    if (problem && FATAL.has(problem.kind)) {
      stream.stop();
      if (this.stream === stream) this.stream = null;
      this.stopLongPoll();
      return this.setProblem(problem);
    }
    await this.patchState({ status: 'polling' });
    if (this.stream === stream && this.api) this.startLongPoll(this.api);
  }

  /**
   * Announces the unread critical notifications not announced before, oldest first. On the first
   * contact with a worker they are only remembered: what was there before is not news.
   */
  private async announceUnannounced(api: Api, firstContact: boolean): Promise<void> {
    const page = await api.notifications({ status: 'unread', limit: ANNOUNCE_PAGE });
    if (!page.ok || this.stopped) return;
    const critical = page.value.items.filter((n) => n.severity === 'critical').reverse();
    if (firstContact) {
      await this.deps.rememberSilently(critical);
      return;
    }
    for (const n of critical) await this.deps.announce(n);
  }

  private async setProblem(problem: ConnectionProblem): Promise<void> {
    await this.patchState({ status: 'error', problem });
  }

  private async patchState(patch: Partial<BackgroundState>): Promise<void> {
    await this.setState({ ...this.state, ...patch });
  }

  private async setState(next: BackgroundState): Promise<void> {
    if (this.stopped) return;
    this.state = next;
    await this.deps.onState(next);
  }
}
