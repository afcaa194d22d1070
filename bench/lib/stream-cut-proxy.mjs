// A loopback HTTP proxy in front of the worker that refuses every WebSocket upgrade:
// the extension behind it gets its HTTP calls answered but no push, so its long-poll fallback serves.
import { createServer, request as httpRequest } from 'node:http';

export async function startStreamCutProxy(targetUrl) {
  const target = new URL(targetUrl);
  let refusedUpgrades = 0;
  const server = createServer((req, res) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"bad_gateway","message":"worker unreachable"}}');
    });
    req.pipe(upstream);
  });
  server.on('upgrade', (_req, socket) => {
    refusedUpgrades++;
    socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    refusedUpgrades: () => refusedUpgrades,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
