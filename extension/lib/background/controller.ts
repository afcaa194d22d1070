import { browser } from '#imports';
import type { Counts, MarkRead, Notification, StreamMessage } from '../../../shared/notifications';
import { createApi, type Api, type ApiResult } from '../connection/api-client';
import type { ConnectionProblem } from '../connection/connection-problem';
import { streamUrl } from '../connection/connection-url';
import type { RequestHandlers, TriageRequest } from '../state/protocol';
import { connectionItem, getTypePrefs, stateItem, type BackgroundState } from '../state/storage';
import { LongPoll } from './long-poll';
import { StreamConnection, type SocketLike } from './stream-connection';
import { announce, relayUpdate, rememberSilently } from './announce';
import { paintBadge } from './badge-painter';
import { currentTranslator } from './translator';

/** How many unread notifications polling looks at for ones to announce (newest first). */
const ANNOUNCE_PAGE = 50;

/** Problems that no retry fixes until the user changes the connection. */
const FATAL: ReadonlySet<ConnectionProblem['kind']> = new Set(['refused', 'wrong_role', 'bad_url', 'not_configured']);

/**
 * Owns the connection to the worker: stream when possible, polling otherwise; keeps
 * BackgroundState in storage (pages and the overlay watch it) and the badge in step with it.
 */
export interface ControllerDeps {
  /** The browser's WebSocket, or a fake in tests. */
  openSocket?: (url: string) => SocketLike;
}

export class BackgroundController {
  private api: Api | null = null;
  private stream: StreamConnection | null = null;
  /** Serves while the stream is down (e.g. a proxy refuses WebSockets); stops when it opens. */
  private longPoll: LongPoll | null = null;
  private state: BackgroundState | null = null;
  private generation = 0;
  /** Settles when the current configure() has made (or failed to make) the API client. */
  private ready: Promise<void> = Promise.resolve();
  private readonly openSocket: (url: string) => SocketLike;

  constructor(deps: ControllerDeps = {}) {
    this.openSocket = deps.openSocket ?? ((url) => new WebSocket(url));
  }

  /**
   * (Re)connects with the stored connection. Request handlers wait for the client this makes, so
   * that a request which woke the service worker is not answered before the client exists.
   */
  configure(): Promise<void> {
    const generation = ++this.generation;
    this.stopStreaming();
    let clientMade!: () => void;
    this.ready = new Promise((resolve) => (clientMade = resolve));
    return this.connect(generation, clientMade).finally(clientMade);
  }

  private async connect(generation: number, clientMade: () => void): Promise<void> {
    const api = createApi(await connectionItem.getValue());
    if (generation !== this.generation) return;
    if (!api.ok) {
      this.api = null;
      clientMade();
      const unconfigured = api.problem.kind === 'not_configured';
      await this.setState({ status: unconfigured ? 'unconfigured' : 'error', problem: unconfigured ? null : api.problem, counts: null, updatedAt: null });
      return;
    }
    this.api = api.value;
    clientMade();
    await this.setState({ ...(await this.currentState()), status: 'connecting', problem: null });
    await this.poll();
    if (generation === this.generation) this.startStream(api.value);
  }

  /** Settles once the latest configure() has made its client, also when another one started meanwhile. */
  private async whenReady(): Promise<void> {
    for (let current = this.ready; ; current = this.ready) {
      await current;
      if (current === this.ready) return;
    }
  }

  /** Drops the connection (tests, and before a reconfigure). */
  stop(): void {
    this.generation++;
    this.stopStreaming();
    this.api = null;
  }

  private stopStreaming(): void {
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
    await this.whenReady();
    if (!this.api) return this.configure();
    if (this.stream?.isOpen || this.longPoll?.isRunning) return;
    await this.poll();
    if (!this.stream) this.startStream(this.api);
  }

  async poll(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const previous = await this.currentState();
    const counts = await api.counts();
    if (api !== this.api) return;
    if (!counts.ok) return this.setProblem(counts.problem);
    const status = this.stream?.isOpen ? 'live' : previous.status === 'connecting' ? 'connecting' : 'polling';
    await this.applyPolledCounts(api, counts.value, status, previous);
  }

  private async applyPolledCounts(api: Api, counts: Counts, status: BackgroundState['status'], previous: BackgroundState): Promise<void> {
    await this.setState({ status, problem: null, counts, updatedAt: new Date().toISOString() });
    // While the stream is open it announces; while polling, counts alone cannot tell what is new
    // (one read and one new leave them flat), so look at the unread critical ones themselves.
    if (!this.stream?.isOpen && (counts.bySeverity.critical ?? 0) > 0) await this.announceUnannounced(api, previous.counts === null);
  }

  private startLongPoll(api: Api): void {
    if (this.longPoll?.isRunning) return;
    const longPoll = new LongPoll({
      countsWhenChanged: (tag, waitSeconds, signal) => api.countsWhenChanged(tag, waitSeconds, signal),
      onCounts: async (counts) => {
        if (this.longPoll !== longPoll) return;
        const previous = await this.currentState();
        // Unchanged counts still refresh updatedAt: the storage write also keeps the service worker awake.
        if (counts === null) return this.patchState({ status: 'polling', problem: null, updatedAt: new Date().toISOString() });
        await this.applyPolledCounts(api, counts, 'polling', previous);
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

  handlers(): RequestHandlers {
    return {
      getState: async () => {
        await this.whenReady();
        return this.currentState();
      },
      refresh: async () => {
        await this.tick();
        return this.currentState();
      },
      markRead: (payload) => this.markRead(payload.selection),
      triage: (payload) => this.triage(payload),
    };
  }

  async repaint(): Promise<void> {
    await paintBadge(await this.currentState(), await getTypePrefs(), await currentTranslator());
  }

  private async triage(request: TriageRequest): Promise<ApiResult<Notification>> {
    await this.whenReady();
    if (!this.api) return { ok: false, problem: { kind: 'not_configured' } };
    const api = this.api;
    const result = await (request.action === 'snooze'
      ? api.snooze(request.id, request.until)
      : request.action === 'ack'
        ? api.acknowledge(request.id)
        : api.resolve(request.id));
    if (result.ok) await this.poll();
    return result;
  }

  private async markRead(selection: MarkRead): Promise<ApiResult<{ updated: number }>> {
    await this.whenReady();
    if (!this.api) return { ok: false, problem: { kind: 'not_configured' } };
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
      openSocket: this.openSocket,
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
      await this.setState({ status: 'live', problem: null, counts: message.counts, updatedAt: new Date().toISOString() });
      return;
    }
    if (message.kind === 'update') return relayUpdate(message.notification);
    await this.announceOne(message.notification);
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
    if (!page.ok || api !== this.api) return;
    const critical = page.value.items.filter((n) => n.severity === 'critical').reverse();
    if (firstContact) {
      await rememberSilently(critical);
      return;
    }
    for (const n of critical) await this.announceOne(n);
  }

  private async announceOne(n: Notification): Promise<void> {
    await announce(n, await getTypePrefs(), await currentTranslator());
  }

  private async setProblem(problem: ConnectionProblem): Promise<void> {
    await this.patchState({ status: 'error', problem });
  }

  private async patchState(patch: Partial<BackgroundState>): Promise<void> {
    await this.setState({ ...(await this.currentState()), ...patch });
  }

  private async currentState(): Promise<BackgroundState> {
    this.state ??= await stateItem.getValue();
    return this.state;
  }

  private async setState(next: BackgroundState): Promise<void> {
    this.state = next;
    await stateItem.setValue(next);
    await this.repaint();
  }
}

export function watchForChanges(controller: BackgroundController, items: { watch(cb: () => void): unknown }[]): void {
  for (const item of items) item.watch(() => void controller.repaint());
}

export const POLL_ALARM = 'marketo-notifier-poll';
export function schedulePolling(): void {
  void browser.alarms.create(POLL_ALARM, { periodInMinutes: 1 });
}
