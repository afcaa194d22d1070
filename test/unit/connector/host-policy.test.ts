import { describe, expect, it } from 'vitest';

import { checkRestUrl } from '../../../worker/connector/host-policy';

describe('MARKETO_HOSTS', () => {
  it('accepts a Marketo REST endpoint by default, with or without the /rest Admin > Web Services shows', () => {
    expect(checkRestUrl('https://123-ABC-456.mktorest.com', undefined)).toEqual({
      ok: true,
      restUrl: 'https://123-abc-456.mktorest.com',
    });
    expect(checkRestUrl('https://123-ABC-456.mktorest.com/rest/', undefined)).toEqual({
      ok: true,
      restUrl: 'https://123-abc-456.mktorest.com',
    });
  });

  it('refuses hosts the patterns do not match, and the bare domain of a wildcard', () => {
    expect(checkRestUrl('https://evil.example.com', undefined)).toEqual({
      ok: false,
      reason: 'host_not_allowed',
    });
    expect(checkRestUrl('https://mktorest.com', undefined)).toEqual({
      ok: false,
      reason: 'host_not_allowed',
    });
    expect(checkRestUrl('https://a.mktorest.com.evil.net', undefined)).toEqual({
      ok: false,
      reason: 'host_not_allowed',
    });
    expect(checkRestUrl('https://127.0.0.1:9000', undefined)).toEqual({
      ok: false,
      reason: 'host_not_allowed',
    });
  });

  it('allows http only to a loopback host and port the variable names itself', () => {
    const hosts = '*.mktorest.com, 127.0.0.1:9000';
    expect(checkRestUrl('http://127.0.0.1:9000', hosts)).toEqual({
      ok: true,
      restUrl: 'http://127.0.0.1:9000',
    });
    expect(checkRestUrl('http://123-ABC-456.mktorest.com', hosts)).toEqual({
      ok: false,
      reason: 'https_required',
    });
    expect(checkRestUrl('http://10.0.0.1', '10.0.0.1')).toEqual({ ok: false, reason: 'https_required' });
    expect(checkRestUrl('http://127.0.0.1:9000', '127.0.0.1:8000')).toEqual({
      ok: false,
      reason: 'host_not_allowed',
    });
    // A loopback pattern without a port allows no other port than 443.
    const bare = '*.mktorest.com,127.0.0.1';
    expect(checkRestUrl('http://127.0.0.1:9000', bare)).toEqual({ ok: false, reason: 'host_not_allowed' });
    expect(checkRestUrl('http://127.0.0.1:8000', hosts)).toEqual({ ok: false, reason: 'host_not_allowed' });
  });

  it('refuses any explicit port but 443 unless the pattern names that port', () => {
    for (const port of [1, 8443, 80]) {
      const url = `https://x.mktorest.com:${port}`;
      expect(checkRestUrl(url, undefined), url).toEqual({ ok: false, reason: 'host_not_allowed' });
    }
    const ok = (restUrl: string) => ({ ok: true, restUrl });
    expect(checkRestUrl('https://x.mktorest.com:443', undefined)).toEqual(ok('https://x.mktorest.com'));
    const named = '*.mktorest.com:8443';
    expect(checkRestUrl('https://x.mktorest.com:8443', named)).toEqual(ok('https://x.mktorest.com:8443'));
  });

  it('refuses credentials, queries, fragments, other paths and other schemes', () => {
    for (const url of [
      'https://u:p@a.mktorest.com',
      'https://a.mktorest.com/?x=1',
      'https://a.mktorest.com/#x',
      'https://a.mktorest.com/other',
      'ftp://a.mktorest.com',
      'not a url',
    ]) {
      expect(checkRestUrl(url, undefined)).toEqual({ ok: false, reason: 'invalid_url' });
    }
  });
});
