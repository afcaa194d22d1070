import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Counts } from '../../../shared/notifications';
import { deliver, emailAddress } from '../support/email';
import { call, WARM_UP_TIMEOUT_MS, warmUp } from '../support/http';
import { tenantWithKeys } from '../support/tenants';
import { fuzzMessage, longMarketoLink, nonAscii, seededRandom, utf8Base64 } from './fuzz-messages';

const MESSAGES = 1_000;

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('fuzz: malformed and random MIME messages through email()', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
  beforeAll(() => addEventListener('unhandledrejection', onUnhandled));
  afterAll(() => removeEventListener('unhandledrejection', onUnhandled));

  it(`${MESSAGES} messages: none throws; each is refused or stored as a marketo_email`, async () => {
    const t = await tenantWithKeys();
    const address = await emailAddress(t.admin);
    const random = seededRandom(12);
    let refused = 0;
    for (let i = 0; i < MESSAGES; i++) {
      const reason = await deliver(address, fuzzMessage(random), { from: 'fuzz@example.com' });
      if (reason !== null) {
        expect(reason, `message ${i}`).toMatch(/^Message refused: /);
        refused += 1;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
    const counts = await (await call('/v1/counts', { token: t.read })).json<Counts>();
    const accepted = MESSAGES - refused;
    // Byte-identical messages (the empty one, say) are one mail: at most one notification each.
    expect(counts.byType.marketo_email).toBeGreaterThan(accepted * 0.9);
    expect(counts.byType.marketo_email).toBeLessThanOrEqual(accepted);
    expect(counts.unread).toBe(counts.byType.marketo_email);
    expect(refused).toBeGreaterThan(0);
  }, 180_000);

  it('long non-ASCII links and header values: each well-formed mail is stored, none throws', async () => {
    const t = await tenantWithKeys();
    const address = await emailAddress(t.admin);
    const random = seededRandom(18);
    const MAILS = 60;
    for (let i = 0; i < MAILS; i++) {
      const encoded = `=?utf-8?B?${utf8Base64(nonAscii(random, 1_500))}?=`;
      const subject = i % 2 === 0 ? nonAscii(random, 3_000) : encoded;
      const from = `"${nonAscii(random, 400)}" <${i % 3 === 0 ? nonAscii(random, 300) : 'n'}@mktomail.com>`;
      const link = longMarketoLink(random, 2_500);
      const html = `<html><body><a href="${link}">${nonAscii(random, 40)}</a></body></html>`;
      const body = i % 2 === 0 ? `See ${link} now` : html;
      const type = i % 2 === 0 ? 'text/plain' : 'text/html';
      const raw =
        `Subject: ${subject}\r\nFrom: ${from}\r\nMessage-ID: <long-${i}@fuzz>\r\n` +
        `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n`;
      const reason = await deliver(address, new TextEncoder().encode(raw), { from: 'fuzz@example.com' });
      expect(reason, `mail ${i}`).toBeNull();
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
    const counts = await (await call('/v1/counts', { token: t.read })).json<Counts>();
    expect(counts.byType.marketo_email).toBe(MAILS);
  }, 120_000);
});
