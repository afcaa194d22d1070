import { browser } from '#imports';

import type { MarkRead, Notification } from '../../../shared/notifications';
import type { ApiResult } from '../connection/api-client';
import { updateConnections } from '../state/connections-update';
import type { RequestHandlers, TriageRequest } from '../state/protocol';
import {
  type BackgroundStates,
  connectionsItem,
  INITIAL_STATE,
  prefsOf,
  statesItem,
  typePrefsItem,
} from '../state/storage';
import { announce, relayUpdate, rememberSilently } from './announce';
import { paintBadge } from './badge-painter';
import { ConnectionLink } from './connection-link';
import type { SocketLike } from './stream-connection';
import { currentTranslator } from './translator';

export interface ControllerDeps {
  /** The browser's WebSocket, or a fake in tests. */
  openSocket?: (url: string) => SocketLike;
}

/**
 * Owns one ConnectionLink per stored connection, each independent of the others; keeps their
 * states in storage (pages and the overlay watch them) and the badge, summed over them, in step.
 */
export class BackgroundController {
  private links = new Map<string, ConnectionLink>();
  private states: BackgroundStates | null = null;
  /** Settles when the current configure() has made the links. */
  private ready: Promise<void> = Promise.resolve();
  private readonly openSocket: (url: string) => SocketLike;
  /** State writes one after the other: links report at the same time. */
  private painting: Promise<void> = Promise.resolve();
  private writes: Promise<unknown> = Promise.resolve();

  constructor(deps: ControllerDeps = {}) {
    this.openSocket = deps.openSocket ?? ((url) => new WebSocket(url));
  }

  /**
   * Makes the links match the stored connections: a connection whose worker and key did not
   * change keeps its link; others are made anew; links of removed connections stop.
   */
  configure(): Promise<void> {
    const run = this.ready.then(() => this.reconcile());
    this.ready = run.catch(() => undefined);
    return run;
  }

  private async reconcile(): Promise<void> {
    const connections = await connectionsItem.getValue();
    const states = await this.currentStates();
    const ids = new Set(connections.map((c) => c.id));
    for (const [id, link] of this.links) {
      if (!ids.has(id)) {
        link.stop();
        this.links.delete(id);
      }
    }
    const made: ConnectionLink[] = [];
    for (const connection of connections) {
      const link = this.links.get(connection.id);
      if (link?.serves(connection)) {
        Object.assign(link.connection, connection);
        continue;
      }
      link?.stop();
      const start = link ? INITIAL_STATE : (states[connection.id] ?? INITIAL_STATE);
      const next = new ConnectionLink(connection, start, this.linkDeps(connection.id));
      this.links.set(connection.id, next);
      made.push(next);
    }
    await this.writeStates((current) =>
      Object.fromEntries(Object.entries(current).filter(([id]) => ids.has(id))),
    );
    await Promise.all(made.map((link) => link.whenReady()));
  }

  private linkDeps(id: string) {
    const connection = () => this.links.get(id)?.connection;
    return {
      openSocket: this.openSocket,
      onState: (state: BackgroundStates[string]) =>
        this.writeStates((current) => ({ ...current, [id]: state })),
      announce: async (n: Notification) => {
        const c = connection();
        if (c) await announce(c, n, prefsOf(c, await typePrefsItem.getValue()), await currentTranslator());
      },
      relayUpdate: (n: Notification) => relayUpdate(id, n),
      rememberSilently: (items: readonly Notification[]) => rememberSilently(id, items),
      onTenant: (tenant: string) =>
        updateConnections((list) =>
          list.some((c) => c.id === id && c.tenant !== tenant)
            ? list.map((c) => (c.id === id ? { ...c, tenant } : c))
            : null,
        ),
    };
  }

  /** Settles once the latest configure() has made its links. */
  private async whenReady(): Promise<void> {
    for (let current = this.ready; ; current = this.ready) {
      await current;
      if (current === this.ready) return;
    }
  }

  /** Drops every connection (tests). */
  stop(): void {
    for (const link of this.links.values()) link.stop();
    this.links.clear();
  }

  /** Alarm and wake-up path: each connection catches up on its own, none waits for another. */
  async tick(): Promise<void> {
    await this.whenReady();
    if (this.links.size === 0) await this.configure();
    await Promise.all([...this.links.values()].map((link) => link.tick()));
  }

  /** Fetches every connection's counts now (each on its own). */
  async poll(): Promise<void> {
    await this.whenReady();
    await Promise.all([...this.links.values()].map((link) => link.poll()));
  }

  handlers(): RequestHandlers {
    return {
      getState: async () => {
        await this.whenReady();
        return this.currentStates();
      },
      refresh: async () => {
        await this.tick();
        return this.currentStates();
      },
      markRead: ({ connectionId, selection }) => this.markRead(connectionId, selection),
      triage: ({ connectionId, ...request }) => this.triage(connectionId, request as TriageRequest),
    };
  }

  /**
   * Paints the badge from what is stored now. Paints run one after the other: one started later
   * (by a newer state) must not be overtaken by an older one still reading storage.
   */
  repaint(): Promise<void> {
    const run = this.painting.then(() => this.paint());
    this.painting = run.catch(() => undefined);
    return run;
  }

  private async paint(): Promise<void> {
    const [connections, shared, states] = await Promise.all([
      connectionsItem.getValue(),
      typePrefsItem.getValue(),
      this.currentStates(),
    ]);
    const views = connections.map((c) => ({
      label: c.label,
      prefs: prefsOf(c, shared),
      state: states[c.id] ?? INITIAL_STATE,
    }));
    await paintBadge(views, await currentTranslator());
  }

  private async linkFor(connectionId: string): Promise<ConnectionLink | undefined> {
    await this.whenReady();
    return this.links.get(connectionId);
  }

  private async triage(connectionId: string, request: TriageRequest): Promise<ApiResult<Notification>> {
    const link = await this.linkFor(connectionId);
    return link ? link.triage(request) : { ok: false, problem: { kind: 'not_configured' } };
  }

  private async markRead(connectionId: string, selection: MarkRead): Promise<ApiResult<{ updated: number }>> {
    const link = await this.linkFor(connectionId);
    return link ? link.markRead(selection) : { ok: false, problem: { kind: 'not_configured' } };
  }

  private async currentStates(): Promise<BackgroundStates> {
    this.states ??= await statesItem.getValue();
    return this.states;
  }

  private writeStates(change: (current: BackgroundStates) => BackgroundStates): Promise<void> {
    const run = this.writes.then(async () => {
      this.states = change(await this.currentStates());
      await statesItem.setValue(this.states);
      await this.repaint();
    });
    this.writes = run.catch(() => undefined);
    return run;
  }
}

export function watchForChanges(
  controller: BackgroundController,
  items: { watch(cb: () => void): unknown }[],
): void {
  for (const item of items) item.watch(() => void controller.repaint());
}

export const POLL_ALARM = 'marketo-notifier-poll';
export function schedulePolling(): void {
  void browser.alarms.create(POLL_ALARM, { periodInMinutes: 1 });
}
