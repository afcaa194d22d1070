import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Counts } from '../../../shared/notifications';
import { call, tenantWithKeys, warmUp, WARM_UP_TIMEOUT_MS } from '../helpers';
import { deliver, emailAddress } from './deliver';
import { fuzzMessage, seededRandom } from './fuzz-messages';

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
});
