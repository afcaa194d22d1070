import { describe, expect, it } from 'vitest';

import { keyForUrl, normalizeWorkerUrl, originPattern } from '../../extension/lib/connection/connection-url';

describe('worker URLs the extension accepts', () => {
  it('takes https anywhere, and http only on this computer', () => {
    expect(normalizeWorkerUrl('https://n.example.workers.dev')).toBe('https://n.example.workers.dev');
    expect(normalizeWorkerUrl('http://localhost:8787/')).toBe('http://localhost:8787');
    expect(normalizeWorkerUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    for (const url of [
      'http://n.example.workers.dev',
      'http://192.168.1.5:8787',
      'http://127.0.0.2',
      'http://localhost.example.com',
      'ftp://x',
      'file:///etc/passwd',
    ]) {
      expect(normalizeWorkerUrl(url)).toBeNull();
    }
  });

  it('asks for the host permission of the worker origin only, whatever the port', () => {
    expect(originPattern('https://n.example.workers.dev/base/')).toBe('https://n.example.workers.dev/*');
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
    expect(originPattern('http://evil.example')).toBeNull();
  });
});

describe('the key kept when a URL is saved', () => {
  const stored = { workerUrl: 'https://a.example.workers.dev', key: 'mn_stored' };

  it('is the typed key when one is typed', () => {
    expect(keyForUrl(' mn_typed ', 'https://b.example.workers.dev', stored)).toBe('mn_typed');
  });

  it('is the stored key for the same worker origin, and nothing for another one', () => {
    expect(keyForUrl('', 'https://a.example.workers.dev/', stored)).toBe('mn_stored');
    expect(keyForUrl('', 'https://a.example.workers.dev/other-path', stored)).toBe('mn_stored');
    expect(keyForUrl('', 'https://b.example.workers.dev', stored)).toBe('');
    expect(keyForUrl('', 'https://a.example.workers.dev:8443', stored)).toBe('');
    expect(keyForUrl('', 'not a url', stored)).toBe('');
    expect(keyForUrl('', 'https://a.example.workers.dev', null)).toBe('');
  });
});

describe('a rate-limited answer', () => {
  it('carries the wait the worker asked for, and the backoff waits at least that long', async () => {
    const { problemFromStatus, retryAfterSeconds } =
      await import('../../extension/lib/connection/connection-problem');
    const { delayAfter } = await import('../../extension/lib/background/backoff');
    const problem = problemFromStatus(429, 'Too many requests', undefined, '42');
    expect(problem).toEqual({ kind: 'rate_limited', status: 429, retryAfterSeconds: 42 });
    expect(delayAfter(problem, 0, { baseMs: 1_000, maxMs: 60_000 }, () => 0.5)).toBe(42_000);
    expect(delayAfter({ kind: 'unreachable' } as never, 0, { baseMs: 1_000, maxMs: 60_000 }, () => 0.5)).toBe(
      500,
    );
    expect(retryAfterSeconds(null)).toBe(60);
    expect(retryAfterSeconds('soon')).toBe(60);
    expect(retryAfterSeconds('0')).toBe(1);
  });
});
