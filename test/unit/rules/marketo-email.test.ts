import { describe, expect, it } from 'vitest';

import { facebookOccurrence } from '../../../worker/rules/facebook';
import { marketoEmailOccurrence, withEmailOrigin } from '../../../worker/rules/marketo-email';
import { asNotification, event } from './support';

const fact = { subject: 'Your password expires', from: 'noreply@mktomail.com', excerpt: 'Change it soon.' };
const origin = { source: 'email', subject: 'Marketo Notification: Facebook', excerpt: 'Facebook …' } as const;

describe('marketo_email rule', () => {
  it('one notification per mail, info, with the facts and the e-mail source', () => {
    const o = marketoEmailOccurrence(fact, 'id:abc');
    expect(o.groupKey).not.toBe(marketoEmailOccurrence(fact, 'id:def').groupKey);
    expect(asNotification(o)).toMatchObject({
      type: 'marketo_email',
      severity: 'info',
      data: { ...fact, source: 'email' },
    });
  });

  it('a seed type made from a mail carries its origin and keeps its own facts', () => {
    const o = withEmailOrigin(
      facebookOccurrence(event<'facebook'>({ type: 'facebook', problem: 'app_removed' })),
      origin,
    );
    expect(asNotification(o).data).toEqual({ problem: 'app_removed', ...origin });
    expect(o.groupKey).toBe(
      facebookOccurrence(event<'facebook'>({ type: 'facebook', problem: 'app_removed' })).groupKey,
    );
  });
});
