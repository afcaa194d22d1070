import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import {
  dispatchRequest,
  isPushMessage,
  pushMessage,
  type RequestHandlers,
  requestMessage,
} from '../../extension/lib/state/protocol';
import {
  buildDefaultConnections,
  connectionsItem,
  getTypePrefs,
  INITIAL_STATE,
  languageItem,
  normalizeTypePrefs,
  statesItem,
  typePrefsItem,
} from '../../extension/lib/state/storage';
import { NOTIFICATION_TYPES } from '../../shared/notification-types';
import { campaignFailure } from './fixtures';

beforeEach(() => fakeBrowser.reset());

describe('typed messages', () => {
  const handlers: RequestHandlers = {
    getState: async () => ({ c1: INITIAL_STATE }),
    refresh: async () => ({ c1: { ...INITIAL_STATE, status: 'polling' } }),
    markRead: async ({ selection }) => ({
      ok: true,
      value: { updated: 'ids' in selection ? selection.ids.length : 99 },
    }),
    triage: async ({ id }) => ({ ok: true, value: campaignFailure(id, '2026-05-05T10:00:00.000Z') }),
  };

  it('dispatches a request to its handler and answers through sendResponse', async () => {
    const answer = new Promise((resolve) => {
      expect(
        dispatchRequest(
          requestMessage('markRead', { connectionId: 'c1', selection: { ids: ['a', 'b'] } }),
          handlers,
          resolve,
        ),
      ).toBe(true);
    });
    expect(await answer).toEqual({ ok: true, value: { updated: 2 } });
  });

  it('ignores messages that are not ours or name no handler', () => {
    const fail = () => {
      throw new Error('must not answer');
    };
    expect(dispatchRequest({ type: 'getState' }, handlers, fail)).toBe(false);
    expect(
      dispatchRequest({ channel: 'marketo-notifier', type: 'toString', payload: {} }, handlers, fail),
    ).toBe(false);
    expect(dispatchRequest('getState', handlers, fail)).toBe(false);
  });

  it('recognises pushes by name', () => {
    const push = pushMessage('notificationArrived', {
      connectionId: 'c1',
      notification: campaignFailure('n1', '2026-11-22T10:00:00Z'),
    });
    expect(isPushMessage(push, 'notificationArrived')).toBe(true);
    expect(isPushMessage({ ...push, channel: 'other' }, 'notificationArrived')).toBe(false);
  });
});

describe('storage', () => {
  it('falls back to defaults and keeps what is set', async () => {
    expect(await languageItem.getValue()).toBe('auto');
    expect(await statesItem.getValue()).toEqual({});
    await languageItem.setValue('sv');
    expect(await languageItem.getValue()).toBe('sv');
    const production = { id: 'c1', label: 'Production', workerUrl: 'http://127.0.0.1:8787', key: 'mn_x' };
    await connectionsItem.setValue([production]);
    expect(await connectionsItem.getValue()).toEqual([production]);
  });

  it('fills in types missing from stored prefs and drops unknown ones', async () => {
    await fakeBrowser.storage.local.set({
      typePrefs: { facebook: { show: false }, retired_type: { show: true } },
    });
    const prefs = await getTypePrefs();
    expect(prefs.facebook).toEqual({ show: false, countInBadge: true, desktop: true });
    expect(prefs.linkedin).toEqual({ show: true, countInBadge: true, desktop: true });
    expect(Object.keys(prefs)).not.toContain('retired_type');
    expect(Object.keys(normalizeTypePrefs(null))).toEqual([...NOTIFICATION_TYPES]);
    expect(typePrefsItem.key).toBe('local:typePrefs');
  });

  it('takes the build-time connection only when both URL and key are given', () => {
    expect(
      buildDefaultConnections({ WXT_WORKER_URL: 'http://127.0.0.1:8787', WXT_READ_KEY: 'mn_k' }),
    ).toEqual([{ id: 'default', label: '127.0.0.1:8787', workerUrl: 'http://127.0.0.1:8787', key: 'mn_k' }]);
    expect(buildDefaultConnections({ WXT_WORKER_URL: 'http://127.0.0.1:8787' })).toEqual([]);
    expect(buildDefaultConnections({})).toEqual([]);
  });
});
