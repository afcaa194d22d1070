// A real receiver for the outbound tests in workerd: a Node server on 127.0.0.1 whose answer is
// chosen by the path's first segment. The port is chosen in vitest.config.ts (the worker's
// OUTBOUND_DEV_HOSTS must name it) and reaches the tests with provide/inject.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    outboundReceiverUrl: string;
  }
}

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

const SLOW_MS = 15_000;
const HUGE_BYTES = 50 * 1024 * 1024;

/**
 * `/ok/...` 200; `/fail/...` 500; `/limit/...` 429; `/limit-after/<s>/...` 429 with Retry-After;
 * `/gone/...` 410; `/missing/...` 404; `/forbidden/...` 403; `/redirect/...` 302 to /ok/;
 * `/slow/...` 200 after 15 s; `/huge/...` 500 with a 50 MB body; `/script/<name>/...` the statuses
 * POSTed to `/_script/<name>` in turn (then 200). `GET /_received?prefix=` lists what came.
 */
export function startOutboundReceiver(port: number) {
  const received: Received[] = [];
  const scripts = new Map<string, number[]>();
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });

  const answer = (res: ServerResponse, status: number, headers: Record<string, string> = {}, body = 'ok') => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    if (url.pathname === '/_received') {
      const prefix = url.searchParams.get('prefix') ?? '';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(received.filter((r) => r.path.startsWith(prefix))));
      return;
    }
    if (url.pathname.startsWith('/_script/')) {
      scripts.set(url.pathname.slice('/_script/'.length), JSON.parse(body) as number[]);
      answer(res, 204, {}, '');
      return;
    }
    received.push({
      path: url.pathname,
      headers: req.headers as Record<string, string>,
      body,
      at: Date.now(),
    });
    const [, mode = '', arg = ''] = url.pathname.split('/');
    switch (mode) {
      case 'ok':
        return answer(res, 200);
      case 'fail':
        return answer(res, 500, {}, 'rollup_error');
      case 'limit':
        return answer(res, 429, {}, 'rate_limited');
      case 'limit-after':
        return answer(res, 429, { 'retry-after': arg }, 'rate_limited');
      case 'gone':
        return answer(res, 410, {}, 'channel_is_archived');
      case 'missing':
        return answer(res, 404, {}, 'no_service');
      case 'forbidden':
        return answer(res, 403, {}, 'action_prohibited');
      case 'redirect':
        return answer(res, 302, { location: `http://127.0.0.1:${port}/ok${url.pathname}` }, '');
      case 'slow': {
        const timer = setTimeout(() => answer(res, 200), SLOW_MS);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'huge': {
        res.writeHead(500, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        const pump = () => {
          while (sent < HUGE_BYTES) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => (sent = HUGE_BYTES));
        return pump();
      }
      case 'script': {
        const statuses = scripts.get(arg) ?? [];
        return answer(res, statuses.shift() ?? 200);
      }
      default:
        return answer(res, 404, {}, 'unknown path');
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}

export default async function setup(project: TestProject) {
  const port = Number(process.env.OUTBOUND_RECEIVER_PORT);
  const receiver = await startOutboundReceiver(port);
  project.provide('outboundReceiverUrl', receiver.url);
  return () => receiver.close();
}
