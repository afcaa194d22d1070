import type { StreamMessage } from '../../../shared/notifications';
import type { ApiResult } from '../connection/api-client';
import type { ConnectionProblem } from '../connection/connection-problem';
import { checkStreamMessage } from '../wire/stream';
import { delayAfter, STREAM_BACKOFF } from './backoff';

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
/** A socket that has not opened by then is given up and tried again (with backoff). */
export const CONNECT_TIMEOUT_MS = 15_000;
/** The worker answers "ping" with "pong" at once; no answer by then means the socket is dead. */
export const PONG_TIMEOUT_MS = 10_000;

/**
 * One WebSocket to /v1/stream that reconnects with exponential backoff and jitter. It counts as
 * open only between `onopen` and the first sign of death (close, connect timeout, missing pong),
 * so that polling serves whenever the stream does not.
 */
export class StreamConnection {
  private socket: SocketLike | null = null;
  private opened = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  private connectTimer: unknown = null;
  private keepaliveTimer: unknown = null;
  private pongTimer: unknown = null;
  private stopped = true;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: StreamDeps) {
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** True only while the socket is open and answering; false while connecting. */
  get isOpen(): boolean {
    return this.socket !== null && this.opened;
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
    this.dropSocket(1000, 'stopped');
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
    this.opened = false;
    this.connectTimer = this.setTimer(() => {
      this.connectTimer = null;
      if (this.socket === socket && !this.opened) this.giveUp();
    }, CONNECT_TIMEOUT_MS);
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.opened = true;
      this.attempt = 0;
      this.clearTimer(this.connectTimer);
      this.connectTimer = null;
      this.startKeepalive(socket);
      this.deps.onOpen();
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.handleData(event.data);
    };
    socket.onerror = () => undefined; // onclose follows and handles it.
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.opened = false;
      this.scheduleRetry(null);
    };
  }

  private handleData(data: unknown): void {
    if (typeof data !== 'string') return;
    // Any answer proves the socket alive; "pong" is the keepalive's.
    this.clearPongDeadline();
    if (data === 'pong') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = checkStreamMessage(json);
    if (parsed.success) this.deps.onMessage(parsed.data);
  }

  /** A socket that never opened or stopped answering: close it and reconnect as after a close. */
  private giveUp(): void {
    this.dropSocket(4000, 'unresponsive');
    this.scheduleRetry(null);
  }

  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = null;
    this.opened = false;
    if (!socket) return;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    try {
      socket.close(code, reason);
    } catch {
      // Already closing: nothing more to do.
    }
  }

  private scheduleRetry(problem: ConnectionProblem | null): void {
    this.clearTimers();
    if (this.stopped) return;
    this.deps.onDown(problem);
    const delay = delayAfter(problem, this.attempt++, STREAM_BACKOFF, this.deps.random);
    this.retryTimer = this.setTimer(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private startKeepalive(socket: SocketLike): void {
    const tick = () => {
      this.keepaliveTimer = null;
      if (this.socket !== socket) return;
      try {
        socket.send('ping');
      } catch {
        return this.giveUp();
      }
      if (this.pongTimer === null) {
        this.pongTimer = this.setTimer(() => {
          this.pongTimer = null;
          if (this.socket === socket) this.giveUp();
        }, PONG_TIMEOUT_MS);
      }
      this.keepaliveTimer = this.setTimer(tick, KEEPALIVE_MS);
    };
    this.keepaliveTimer = this.setTimer(tick, KEEPALIVE_MS);
  }

  private clearPongDeadline(): void {
    if (this.pongTimer !== null) this.clearTimer(this.pongTimer);
    this.pongTimer = null;
  }

  private clearTimers(): void {
    for (const timer of [this.retryTimer, this.connectTimer, this.keepaliveTimer, this.pongTimer]) {
      if (timer !== null) this.clearTimer(timer);
    }
    this.retryTimer = null;
    this.connectTimer = null;
    this.keepaliveTimer = null;
    this.pongTimer = null;
  }
}
