import { describe, expect, it } from 'vitest';

import { campaignFailureOccurrence } from '../../../worker/rules/campaign-failure';
import { asNotification, event } from './support';

describe('campaign failure rule', () => {
  it('groups campaign failures per campaign id and error code, numbers and digits alike', () => {
    const a = campaignFailureOccurrence(
      event<'campaign_failure'>({
        type: 'campaign_failure',
        campaign: { id: 7, name: 'A' },
        error: { code: 611, message: 'x' },
      }),
    );
    const b = campaignFailureOccurrence(
      event<'campaign_failure'>({
        type: 'campaign_failure',
        campaign: { id: '7', name: 'A' },
        error: { code: '611', message: 'y' },
      }),
    );
    const c = campaignFailureOccurrence(
      event<'campaign_failure'>({
        type: 'campaign_failure',
        campaign: { id: 7, name: 'A' },
        error: { code: 612, message: 'x' },
      }),
    );
    expect(a.groupKey).toBe(b.groupKey);
    expect(a.groupKey).not.toBe(c.groupKey);
    expect(a.severity).toBe('critical');
    expect(asNotification(a).type).toBe('campaign_failure');
  });

  it("falls back to the event's Marketo code when the error has none", () => {
    const fail = (errorCode: number) =>
      campaignFailureOccurrence(
        event<'campaign_failure'>({
          type: 'campaign_failure',
          errorCode,
          campaign: { id: 7, name: 'A' },
          error: { message: 'x' },
        }),
      );
    expect(fail(606).groupKey).not.toBe(fail(607).groupKey);
    expect(fail(606).data).toMatchObject({ errorCode: 606, error: { message: 'x' } });
    expect(asNotification(fail(606)).data).toHaveProperty('error', { message: 'x' });
  });
});
