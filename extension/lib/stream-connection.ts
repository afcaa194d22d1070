import { StreamMessage } from '../../shared/notifications';
import type { ApiResult } from './api-client';
import { backoffDelay, STREAM_BACKOFF } from './backoff';
import type { ConnectionProblem } from './connection-problem';

/** The part of WebSocket the stream uses (the browser's, or a fake in tests). */
export type SocketLike = Pick<WebSocket, 'onopen' | 'onmessage' | 'onclose' | 'onerror' | 'send' | 'close'>;

export interface StreamDeps {
  /** Swaps the key for a one-use ticket and answers the WebSocket URL. */
  streamUrl: () => Promise<ApiResult<string>>;
  openSocket: (url: string) => SocketLike;
  onMessage: (message: StreamMessage) => void;
  onOpen: () => void;
  onDown: (problem: ConnectionProblem | null) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
}

/** Chrome keeps a service worker alive while its WebSocket sees traffic at least every 30 s. */
export const KEEPALIVE_MS = 20_000;

/** One WebSocket to /v1/stream that reconnects with exponential backoff and jitter. */
export class StreamConnection {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private retryTimer: unknown = null;
  private keepaliveTimer: unknown = null;
  private stopped = true;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: StreamDeps) {
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get isOpen(): boolean {
    return this.socket !== null;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'stopped');
    }
  }

  private async connect(): Promise<void> {
    const url = await this.deps.streamUrl();
    if (this.stopped) return;
    if (!url.ok) return this.scheduleRetry(url.problem);
    let socket: SocketLike;
    try {
      socket = this.deps.openSocket(url.value);
    } catch {
      return this.scheduleRetry({ kind: 'unreachable' });
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.startKeepalive(socket);
      this.deps.onOpen();
    };
    socket.onmessage = (event) => this.handleData(event.data);
    socket.onerror = () => undefined; // onclose follows and handles it.
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleRetry(null);
    };
  }

  private handleData(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return; // e.g. a "pong" to the keepalive
    }
    const parsed = StreamMessage.safeParse(json);
    if (parsed.success) this.deps.onMessage(parsed.data);
  }

  private scheduleRetry(problem: ConnectionProblem | null): void {
    this.clearTimers();
    if (this.stopped) return;
    this.deps.onDown(problem);
    const delay = backoffDelay(this.attempt++, STREAM_BACKOFF, this.deps.random);
    this.retryTimer = this.setTimer(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private startKeepalive(socket: SocketLike): void {
    const tick = () => {
      if (this.socket !== socket) return;
      try {
        socket.send('ping');
      } catch {
        return;
      }
      this.keepaliveTimer = this.setTimer(tick, KEEPALIVE_MS);
    };
    this.keepaliveTimer = this.setTimer(tick, KEEPALIVE_MS);
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
    if (this.keepaliveTimer !== null) this.clearTimer(this.keepaliveTimer);
    this.retryTimer = null;
    this.keepaliveTimer = null;
  }
}
