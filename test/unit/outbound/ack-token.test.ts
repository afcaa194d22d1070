import { describe, expect, it } from 'vitest';

import { fromBase64Url, toBase64Url } from '../../../shared/base64url';
import {
  ACK_TOKEN_TTL_MS,
  ackLink,
  ackTokenExpiry,
  deriveAckKey,
  signAckToken,
  verifyAckToken,
} from '../../../worker/outbound';

const CONNECTOR_KEY = 'test-connector-key';
const NOW = Date.parse('2026-12-07T10:00:00.000Z');
const payload = {
  tenantId: 'acme',
  notificationId: 'n-1',
  channelKind: 'slack' as const,
  expiresAtMs: ackTokenExpiry(NOW),
};

describe('acknowledge tokens', () => {
  it('verify a token made with the same key, for 7 days', async () => {
    const token = await signAckToken(payload, CONNECTOR_KEY);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(await verifyAckToken(token, CONNECTOR_KEY, NOW)).toEqual(payload);
    const key = await deriveAckKey(CONNECTOR_KEY);
    expect(await verifyAckToken(token, key, NOW + ACK_TOKEN_TTL_MS - 1)).toEqual(payload);
    expect(await verifyAckToken(token, key, NOW + ACK_TOKEN_TTL_MS)).toBe('expired');
    expect(ACK_TOKEN_TTL_MS).toBe(7 * 24 * 3_600_000);
  });

  it('make the link under the worker, with or without a trailing slash', async () => {
    const token = await signAckToken(payload, CONNECTOR_KEY);
    expect(ackLink('https://notifier.example.com/', token)).toBe(`https://notifier.example.com/a/${token}`);
    expect(ackLink('http://127.0.0.1:8787', token)).toBe(`http://127.0.0.1:8787/a/${token}`);
  });

  it('refuse a token signed with another key', async () => {
    const forged = await signAckToken(payload, 'another-connector-key');
    expect(await verifyAckToken(forged, CONNECTOR_KEY, NOW)).toBe('invalid');
  });

  it('refuse a token whose payload names another tenant or notification', async () => {
    const token = await signAckToken(payload, CONNECTOR_KEY);
    const [version, body, mac] = token.split('.');
    const fields = JSON.parse(fromBase64Url(body!)) as unknown[];
    for (const changed of [
      ['other', ...fields.slice(1)],
      [fields[0], 'n-2', ...fields.slice(2)],
      [...fields.slice(0, 3), Number(fields[3]) + ACK_TOKEN_TTL_MS],
    ]) {
      const altered = `${version}.${toBase64Url(JSON.stringify(changed))}.${mac}`;
      expect(await verifyAckToken(altered, CONNECTOR_KEY, NOW)).toBe('invalid');
    }
    // Each tenant's token answers its own tenant only.
    const other = await signAckToken({ ...payload, tenantId: 'globex' }, CONNECTOR_KEY);
    expect(await verifyAckToken(other, CONNECTOR_KEY, NOW)).toMatchObject({ tenantId: 'globex' });
  });

  it('refuse truncated, padded and malformed tokens', async () => {
    const token = await signAckToken(payload, CONNECTOR_KEY);
    const cases = [
      token.slice(0, -1),
      token.slice(0, -10),
      token.slice(0, token.lastIndexOf('.')),
      token.slice(3),
      `${token}.x`,
      `${token}A`,
      `v2${token.slice(2)}`,
      '',
      '...',
      'v1.%%%.%%%',
      'v1.e30.' + 'A'.repeat(43),
      token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      'x'.repeat(5000),
    ];
    for (const bad of cases)
      expect(await verifyAckToken(bad, CONNECTOR_KEY, NOW), bad.slice(0, 40)).toBe('invalid');
  });

  it('call an expired forgery invalid, not expired', async () => {
    const forged = await signAckToken({ ...payload, expiresAtMs: NOW - 1 }, 'another-connector-key');
    expect(await verifyAckToken(forged, CONNECTOR_KEY, NOW)).toBe('invalid');
    const expired = await signAckToken({ ...payload, expiresAtMs: NOW - 1 }, CONNECTOR_KEY);
    expect(await verifyAckToken(expired, CONNECTOR_KEY, NOW)).toBe('expired');
  });
});
