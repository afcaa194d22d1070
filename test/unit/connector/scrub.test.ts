import { describe, expect, it } from 'vitest';

import { MAX_MARKETO_TEXT, scrubMarketoText } from '../../../worker/connector/scrub';

describe('Marketo’s error text', () => {
  const secret = 'se cret/+=&value';

  it('loses every form of the credentials a host may quote back', () => {
    const query = new URLSearchParams({ s: secret }).toString().slice(2);
    const quoted = `raw ${secret} uri ${encodeURIComponent(secret)} query ${query} id c-1`;
    const scrubbed = scrubMarketoText(quoted, [secret, 'c-1', null, '']);
    expect(scrubbed).toBe('raw [redacted] uri [redacted] query [redacted] id [redacted]');
  });

  it('is cut to 500 characters after the credentials are gone, so no cut leaves part of one', () => {
    const text = `${'x'.repeat(MAX_MARKETO_TEXT - 5)}${secret}${'y'.repeat(2000)}`;
    const scrubbed = scrubMarketoText(text, [secret]);
    expect(scrubbed).toHaveLength(MAX_MARKETO_TEXT);
    expect(scrubbed).toBe(`${'x'.repeat(MAX_MARKETO_TEXT - 5)}[reda`);
    expect(scrubMarketoText('short', [secret])).toBe('short');
  });
});
