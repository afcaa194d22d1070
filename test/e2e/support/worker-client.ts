import { expect } from 'vitest';

import { callWorker } from '../../../scripts/lib/local-worker.mjs';
import type { Counts, Notification } from '../../../shared/notifications';
import type { Settings, SettingsPatch } from '../../../shared/settings';

export interface TestWorker {
  url: string;
  tenant: string;
  rootToken: string;
  keys: { ingest: string; read: string; admin: string };
  keyIds: { ingest: string; read: string; admin: string };
}

/** Talks to a test worker with its keys; every call asserts the status it expects. */
export function workerClient(worker: TestWorker) {
  return {
    async ingest(events: object[]): Promise<void> {
      const result = await callWorker(worker.url, '/v1/events', {
        method: 'POST',
        token: worker.keys.ingest,
        body: { events },
      });
      expect(result.status, JSON.stringify(result.body)).toBe(202);
    },
    async usage(calls: number): Promise<void> {
      const result = await callWorker(worker.url, '/v1/usage', {
        method: 'POST',
        token: worker.keys.ingest,
        body: { calls },
      });
      expect([200, 202], JSON.stringify(result.body)).toContain(result.status);
    },
    async counts(): Promise<Counts> {
      const result = await callWorker(worker.url, '/v1/counts', { token: worker.keys.admin });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      return result.body as Counts;
    },
    async notifications(status: 'unread' | 'all' = 'unread'): Promise<Notification[]> {
      const result = await callWorker(worker.url, `/v1/notifications?status=${status}&limit=100`, {
        token: worker.keys.admin,
      });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      return (result.body as { items: Notification[] }).items;
    },
    async settings(): Promise<Settings> {
      const result = await callWorker(worker.url, '/v1/settings', { token: worker.keys.admin });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      return result.body as Settings;
    },
    async updateSettings(patch: SettingsPatch): Promise<Settings> {
      const result = await callWorker(worker.url, '/v1/settings', {
        method: 'PUT',
        token: worker.keys.admin,
        body: patch,
      });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      return result.body as Settings;
    },
    async revoke(keyId: string): Promise<void> {
      const result = await callWorker(worker.url, `/v1/tenants/${worker.tenant}/keys/${keyId}`, {
        method: 'DELETE',
        token: worker.rootToken,
      });
      expect([200, 204], JSON.stringify(result.body)).toContain(result.status);
    },
  };
}
