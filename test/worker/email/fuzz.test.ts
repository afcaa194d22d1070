import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeEmail } from '../../../worker/email/intake';
import { fuzzMessage, seededRandom } from './fuzz-messages';

const MESSAGES = 1_000;

describe('fuzz: malformed and random MIME messages', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
  beforeAll(() => addEventListener('unhandledrejection', onUnhandled));
  afterAll(() => removeEventListener('unhandledrejection', onUnhandled));

  it(`${MESSAGES} messages: each refused or kept as a marketo_email, none throws`, async () => {
    const random = seededRandom(12);
    const tally = { reject: 0, unknown: 0 };
    for (let i = 0; i < MESSAGES; i++) {
      const intake = await intakeEmail(fuzzMessage(random), 'sender@example.com');
      if (intake.kind === 'reject') tally.reject += 1;
      else {
        expect(intake.outcome.kind, `message ${i}`).toBe('unknown');
        expect(intake.origin.excerpt.length).toBeLessThanOrEqual(500);
        tally.unknown += 1;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
    expect(tally.reject + tally.unknown).toBe(MESSAGES);
    // Both paths are exercised: the generator is not trivially rejected or trivially accepted.
    expect(tally.reject).toBeGreaterThan(0);
    expect(tally.unknown).toBeGreaterThan(MESSAGES / 2);
  }, 120_000);
});
