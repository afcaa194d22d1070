import { describe, expect, it } from 'vitest';

import { isMarketoPage, marketoLink } from '../../extension/lib/notification/marketo-link';

describe('open in Marketo link', () => {
  it('accepts https links to Marketo hosts', () => {
    expect(marketoLink('https://app-ab12.marketo.com/#SC1234A1')).toBe(
      'https://app-ab12.marketo.com/#SC1234A1',
    );
    expect(marketoLink('https://experience.adobe.com/#/@acme/marketo')).toBe(
      'https://experience.adobe.com/#/@acme/marketo',
    );
    expect(marketoLink('https://APP-AB12.Marketo.com/x')).toBe('https://app-ab12.marketo.com/x');
    expect(marketoLink('https://engage-ab12.marketo.com/#PG1A1')).toBe(
      'https://engage-ab12.marketo.com/#PG1A1',
    );
  });

  it.each([
    'javascript:alert(1)',
    'http://app-ab12.marketo.com/',
    'https://marketo.com.evil.com/',
    'https://evilmarketo.com/',
    'https://marketo.com/',
    'https://go.marketo.com/landing-page.html',
    'https://na-ab12.marketo.com/lp/offer.html',
    'https://pages.marketo.com/offer.html',
    'https://info.acme.marketo.com/',
    'https://app.marketo.com/',
    'https://app-.marketo.com/',
    'https://app.marketo.com@evil.com/',
    'https://user:pw@app.marketo.com/',
    'https://app.marketo.com:8443/',
    'https://experience.adobe.com.evil.com/',
    'data:text/html,hi',
    'not a url',
    '',
  ])('rejects %s', (url) => {
    expect(marketoLink(url)).toBeNull();
  });

  it('rejects non-strings', () => {
    expect(marketoLink(undefined)).toBeNull();
    expect(marketoLink(42)).toBeNull();
  });
});

describe('Marketo page detection for the overlay', () => {
  it('knows Marketo pages by host, and in Experience Cloud by path or hash', () => {
    expect(isMarketoPage('https://app-ab12.marketo.com/#MM0A1')).toBe(true);
    expect(
      isMarketoPage('https://experience.adobe.com/#/@acme/so:123-ABC-456/marketo-engage/classic/MM0A1'),
    ).toBe(true);
    expect(isMarketoPage('https://experience.adobe.com/#/@acme/analytics')).toBe(false);
    expect(isMarketoPage('https://example.com/marketo')).toBe(false);
    expect(isMarketoPage('https://engage-ab12.marketo.com/')).toBe(true);
    // Landing pages are served on *.marketo.com too: no overlay there.
    expect(isMarketoPage('https://pages.acme.marketo.com/offer.html')).toBe(false);
    expect(isMarketoPage('https://na-ab12.marketo.com/lp/offer.html')).toBe(false);
  });
});
