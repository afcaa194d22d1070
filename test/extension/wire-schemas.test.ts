// The extension checks the worker's answers with JSON Schema made from the shared zod schemas at
// build time: on valid answers and on many broken ones, its verdict is zod's.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

import { type ChannelWireName, checkChannelWire } from '../../extension/lib/wire/channels';
import { checkIoWire, type IoWireName } from '../../extension/lib/wire/io-events';
import { checkOptionsWire } from '../../extension/lib/wire/options-schemas';
import {
  type BackgroundWireName,
  checkWire,
  type OptionsWireName,
  type WireName as AnswerName,
} from '../../extension/lib/wire/schemas';
import { checkBackgroundWire, checkStreamMessage } from '../../extension/lib/wire/stream';
import {
  Channel,
  ChannelList,
  ChannelTestResult,
  ChannelWithSecret,
  DeliveryList,
} from '../../shared/channels';
import { ConnectorStatus, ConnectorView, QuotaHistory } from '../../shared/connector';
import { EmailAddress } from '../../shared/email';
import { ApiError } from '../../shared/errors';
import { IoEventsCreated, IoEventsDeleted, IoEventsState } from '../../shared/io-events';
import { Enrolled, MemberList } from '../../shared/members';
import {
  Counts,
  MarkReadResult,
  Notification,
  NotificationPage,
  StreamMessage,
} from '../../shared/notifications';
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from '../../shared/settings';
import { KeyCreated, KeyInfo, KeyList, NoContent, StreamTicket } from '../../shared/tenant';
import { campaignFailure, counts, engagement } from './fixtures';

/** The answers, the stream's messages and the streams' answers (checked from modules of their own). */
type WireName = AnswerName | 'StreamMessage' | IoWireName | ChannelWireName;
/** The answers only the options read: from a module of their own too, which the popup does not load. */
const OPTIONS_ANSWERS = new Set<WireName>([
  'EmailAddress',
  'Settings',
  'SettingsPatch',
  'MemberList',
  'Enrolled',
  'KeyCreated',
  'KeyList',
  'ConnectorView',
  'ConnectorStatus',
] satisfies OptionsWireName[]);
/** The channels' answers, which only the options' Channels section reads (wire/channels.ts). */
const CHANNEL_NAMES = new Set<WireName>([
  'Channel',
  'ChannelWithSecret',
  'ChannelList',
  'ChannelTestResult',
  'DeliveryList',
] satisfies ChannelWireName[]);
/** The streams' answers, which only the options' streams section reads (wire/io-events.ts). */
const IO_NAMES = new Set<WireName>([
  'IoEventsCreated',
  'IoEventsState',
  'IoEventsDeleted',
] satisfies IoWireName[]);
/** The answers only the background reads: with the stream's messages, out of the pages. */
const BACKGROUND_ANSWERS = new Set<WireName>([
  'Notification',
  'StreamTicket',
  'MarkReadResult',
] satisfies BackgroundWireName[]);
const checkWireOrStream = (name: WireName, value: unknown) => {
  if (name === 'StreamMessage') return checkStreamMessage(value);
  if (IO_NAMES.has(name)) return checkIoWire(name as IoWireName, value);
  if (CHANNEL_NAMES.has(name)) return checkChannelWire(name as ChannelWireName, value);
  if (OPTIONS_ANSWERS.has(name)) return checkOptionsWire(name as OptionsWireName, value);
  if (BACKGROUND_ANSWERS.has(name)) return checkBackgroundWire(name as BackgroundWireName, value);
  return checkWire(name as Exclude<AnswerName, OptionsWireName | BackgroundWireName>, value);
};

const ZOD: Record<WireName, z.ZodType> = {
  ApiError,
  EmailAddress,
  Counts,
  MarkReadResult,
  NotificationPage,
  Settings,
  SettingsPatch,
  KeyInfo,
  StreamTicket,
  StreamMessage,
  Notification,
  MemberList,
  Enrolled,
  KeyCreated,
  KeyList,
  ConnectorView,
  ConnectorStatus,
  QuotaHistory,
  NoContent,
  Channel,
  ChannelWithSecret,
  ChannelList,
  ChannelTestResult,
  DeliveryList,
  IoEventsCreated,
  IoEventsState,
  IoEventsDeleted,
};

const page = {
  items: [
    campaignFailure('n1', '2026-11-23T08:00:00.000Z'),
    engagement('n2', '2026-11-23T07:00:00.000Z'),
    {
      id: 'n3',
      type: 'crm_sync',
      severity: 'warning',
      count: 3,
      firstAt: '2026-11-22T08:00:00.000Z',
      lastAt: '2026-11-23T06:00:00.000Z',
      readAt: '2026-11-23T06:30:00.000Z',
      data: {
        kind: 'digest',
        crm: 'dynamics',
        windowStart: 'a',
        windowEnd: 'b',
        causes: { duplicate_lead: 2, other: 1 },
        leads: [1, '2'],
      },
    },
  ],
  nextCursor: null,
};

const channel = {
  id: 'c1',
  kind: 'slack',
  name: 'Ops',
  target: 'https://hooks.slack.com/…abcd',
  to: null,
  types: ['campaign_failure'],
  minSeverity: 'warning',
  quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Amsterdam' },
  mode: 'immediate',
  digestAt: { time: '09:00', timeZone: 'UTC' },
  escalation: false,
  enabled: true,
  state: 'ok',
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T08:00:00.000Z',
};

const connectorStatus = {
  state: 'failing',
  lastPollAt: '2026-11-23T08:00:00.000Z',
  nextPollAt: null,
  lastError: { code: '606', message: 'Max rate limit exceeded' },
  callsToday: 12,
  apiUser: 'api@123-abc-456.com',
};

const VALID: Record<WireName, unknown[]> = {
  ApiError: [
    {
      error: {
        code: 'invalid_input',
        message: 'No',
        details: [{ path: ['quota', 0], message: 'Too small' }],
      },
    },
    { error: { code: 'not_found', message: 'No' } },
  ],
  Counts: [counts({ campaign_failure: 2 }, { critical: 2 })],
  EmailAddress: [{ address: '123-abc-456.k2v9x7q4m8p3w6r1t5y0z2b4@mail.example.com' }],
  MarkReadResult: [{ updated: 3 }],
  NotificationPage: [page, { items: [], nextCursor: 'abc' }],
  Settings: [DEFAULT_SETTINGS],
  SettingsPatch: [{}, { quota: { thresholds: [50, 90] } }, { types: { facebook: { enabled: false } } }],
  KeyInfo: [{ id: 'k1', tenant: '123-ABC-456', role: 'read', label: null }],
  StreamTicket: [{ ticket: '123-ABC-456.x', expiresAt: '2026-11-23T08:00:00.000Z' }],
  StreamMessage: [
    { kind: 'counts', counts: counts({}, {}) },
    { kind: 'notification', notification: page.items[0] },
  ],
  Notification: [page.items[0], page.items[2]],
  MemberList: [
    {
      members: [
        {
          member: 'Ana',
          keys: [{ id: 'k1', role: 'read', label: null, createdAt: '2026-11-23T08:00:00.000Z' }],
          lastSeenAt: null,
        },
      ],
    },
  ],
  Enrolled: [{ id: 'k2', key: 'secret', role: 'read', member: 'Ana' }],
  KeyCreated: [
    { id: 'k3', key: 'secret', role: 'admin' },
    { id: 'k4', key: 'secret', role: 'read', member: 'Ana' },
  ],
  KeyList: [
    {
      keys: [
        {
          id: 'k1',
          role: 'read',
          label: 'Laptop',
          member: 'Ana',
          createdAt: '2026-11-23T08:00:00.000Z',
          lastUsedAt: null,
        },
      ],
    },
  ],
  ConnectorStatus: [connectorStatus],
  ConnectorView: [
    {
      restUrl: 'https://123-ABC-456.mktorest.com',
      clientId: 'id',
      enabled: true,
      pollMinutes: 5,
      campaignsEveryMinutes: 60,
      maxDailyCalls: 1000,
      secretSet: true,
      status: connectorStatus,
    },
  ],
  QuotaHistory: [
    {
      today: [{ at: '2026-11-23T08:00:00.000Z', used: 120 }],
      days: [{ date: '2026-11-22', total: 4000 }],
      forecastAt: null,
    },
  ],
  NoContent: [undefined],
  Channel: [channel, { ...channel, kind: 'email', target: null, to: ['ops@example.com'], quietHours: null }],
  ChannelWithSecret: [{ ...channel, kind: 'webhook', secret: 'whsec_c2VjcmV0' }, channel],
  ChannelList: [{ channels: [channel] }, { channels: [] }],
  ChannelTestResult: [
    { delivered: true, status: 200 },
    { delivered: false, status: null, error: 'timeout' },
  ],
  DeliveryList: [
    {
      deliveries: [
        {
          id: 'd1',
          notificationId: null,
          reason: 'test',
          state: 'failed',
          attempts: 1,
          lastStatus: 500,
          lastError: 'HTTP 500',
          nextAttemptAt: null,
          createdAt: '2026-11-23T08:00:00.000Z',
          deliveredAt: null,
        },
      ],
    },
  ],
  IoEventsCreated: [
    { url: 'https://worker.example/io/k2v9x7q4m8p3w6r1t5y0z2b4', clientId: 'f13cce22f4645328e01b9026' },
  ],
  IoEventsState: [
    {
      clientId: '0f13cce22f4645328e01b90262b3ee51',
      createdAt: '2026-12-07T08:00:00.000Z',
      lastEventAt: null,
      byType: { 'com.adobe.platform.marketo.notification.campaign_failure': 2 },
      unknown: 1,
      mismatched: 0,
      duplicates: 3,
    },
  ],
  IoEventsDeleted: [{ deleted: true }],
};

/** Ways to break a value: every field dropped, emptied, retyped, enlarged, and one field added. */
function* mutations(value: unknown, path: string[] = []): Generator<{ what: string; value: unknown }> {
  if (typeof value !== 'object' || value === null) return;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const rebuild = (key: string, next: unknown, drop = false) => {
    if (Array.isArray(value))
      return drop
        ? value.filter((_, i) => String(i) !== key)
        : value.map((v, i) => (String(i) === key ? next : v));
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (drop) delete copy[key];
    else copy[key] = next;
    return copy;
  };
  if (!Array.isArray(value))
    yield { what: `${path.join('.')}+extra`, value: { ...(value as object), extra: 1 } };
  for (const [key, item] of entries) {
    const where = [...path, key].join('.');
    yield { what: `${where} dropped`, value: rebuild(key, undefined, true) };
    for (const next of [null, 'text', -1, 1.5, 10_000_000_000, '', [], {}, true])
      yield { what: `${where}=${JSON.stringify(next)}`, value: rebuild(key, next) };
    for (const inner of mutations(item, [...path, key]))
      yield { what: inner.what, value: rebuild(key, inner.value) };
  }
}

describe('answers checked without zod', () => {
  it.each(Object.keys(VALID) as WireName[])('%s: valid answers pass, as with zod', (name) => {
    for (const value of VALID[name]) {
      expect(ZOD[name].safeParse(value).success, JSON.stringify(value)).toBe(true);
      expect(checkWireOrStream(name, value)).toEqual({ success: true, data: value });
    }
  });

  // An empty answer has nothing to break.
  it.each((Object.keys(VALID) as WireName[]).filter((name) => name !== 'NoContent'))(
    '%s: each broken answer gets the verdict zod gives',
    (name) => {
      let broken = 0;
      for (const valid of VALID[name]) {
        for (const { what, value } of mutations(valid)) {
          // Time zones are the worker's to judge (Intl in a refine, which JSON Schema cannot say).
          if (/timeZone=/.test(what)) continue;
          const zod = ZOD[name].safeParse(value).success;
          expect(checkWireOrStream(name, value).success, `${name} ${what}`).toBe(zod);
          if (!zod) broken += 1;
        }
      }
      expect(broken).toBeGreaterThan(3);
    },
  );

  it('says where and why, with the bound that was crossed', () => {
    const patch = { quota: { dailyLimit: 0, thresholds: [80, 80, 101] }, linkedin: { maxAttempts: 'x' } };
    const result = checkOptionsWire('SettingsPatch', patch);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { path: ['quota', 'dailyLimit'], code: 'too_small', limit: 1, origin: 'number' },
        { path: ['quota', 'thresholds'], code: 'not_unique' },
        { path: ['quota', 'thresholds', 2], code: 'too_big', limit: 100, origin: 'number' },
        { path: ['linkedin', 'maxAttempts'], code: 'type' },
      ]),
    );
  });
});
