import { describe, expect, it } from 'vitest';

import { ADOBE_KEY_HOST, keyHostOf, keyUrl } from '../../../worker/io-events/key-path';

describe('keyUrl: a key path is a path on the key host and nothing else', () => {
  it('builds the URL on Adobe’s host, or the configured one', () => {
    expect(keyHostOf(undefined)).toBe(ADOBE_KEY_HOST);
    expect(keyHostOf('  ')).toBe(ADOBE_KEY_HOST);
    expect(keyHostOf('http://127.0.0.1:8792/')).toBe('http://127.0.0.1:8792');
    const path = '/prod/keys/pub-key-voy5XEbWmT.pem';
    expect(keyUrl(ADOBE_KEY_HOST, path)).toBe(`https://static.adobeioevents.com${path}`);
    expect(keyUrl('http://127.0.0.1:8792', path)).toBe(`http://127.0.0.1:8792${path}`);
  });

  it.each([
    null,
    '',
    '/',
    'prod/keys/a.pem',
    '//evil.example/k.pem',
    '/prod//keys/a.pem',
    'https://evil.example/k.pem',
    '@evil.example/k.pem',
    '/prod/keys/a.pem@evil.example',
    '/prod/keys/../../k.pem',
    '/prod/keys/./a.pem',
    '/prod/keys/%2e%2e/a.pem',
    '/prod/keys/a.pem?x=1',
    '/prod/keys/a.pem#x',
    '/prod\\keys\\a.pem',
    '/prod/keys/a.pem\n',
    `/${'a'.repeat(301)}`,
  ])('refuses %j', (path) => {
    expect(keyUrl(ADOBE_KEY_HOST, path)).toBeNull();
  });
});
