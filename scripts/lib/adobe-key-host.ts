// A local stand-in for Adobe I/O Events' key host (https://static.adobeioevents.com), for tests
// and `npm start`: the worker fetches the public keys that sign deliveries from it, by path, when
// its var ADOBE_IO_KEYS_URL names this server. It says on every answer that it is a simulation.
//
// Paths: /prod/keys/<name>-<anything>.pem serves the public key `name` (e.g. `a-1234.pem`); and
// for tests `bad-…` (no key), `slow-…` (answers after `slowMs`), `fail-…` (500); anything else is
// 404. GET /__hits?path=<path> answers how many times the path was asked for.
import { createServer } from 'node:http';

export interface AdobeKeyHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface KeyHostOptions {
  /** Key names to PEM (SPKI) texts. */
  publicKeys: Record<string, string>;
  port?: number;
  host?: string;
  slowMs?: number;
}

const KEY_PATH = /^\/prod\/keys\/([a-z0-9]+)-[A-Za-z0-9._-]+\.pem$/;

/** Answers `{url, port, close}`; `publicKeys` maps names to PEM (SPKI) texts. */
export async function startAdobeKeyHost(options: KeyHostOptions): Promise<AdobeKeyHost> {
  const { publicKeys, port = 0, host = '127.0.0.1', slowMs = 7_000 } = options;
  const hits = new Map<string, number>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const headers = { 'x-simulation': 'marketo-notifier local key host, not Adobe I/O Events' };
    if (url.pathname === '/__hits') {
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      res.end(JSON.stringify({ hits: hits.get(url.searchParams.get('path') ?? '') ?? 0 }));
      return;
    }
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const name = KEY_PATH.exec(url.pathname)?.[1];
    const pem = name === undefined ? undefined : publicKeys[name];
    if (pem !== undefined) {
      res.writeHead(200, { ...headers, 'content-type': 'application/x-pem-file' });
      res.end(pem);
    } else if (name === 'bad') {
      res.writeHead(200, { ...headers, 'content-type': 'application/x-pem-file' });
      res.end('-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n');
    } else if (name === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.writeHead(200, headers);
        res.end(Object.values(publicKeys)[0] ?? '');
      }, slowMs);
      timers.add(timer);
      res.on('close', () => clearTimeout(timer));
    } else if (name === 'fail') {
      res.writeHead(500, headers);
      res.end('simulated failure');
    } else {
      res.writeHead(404, headers);
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
