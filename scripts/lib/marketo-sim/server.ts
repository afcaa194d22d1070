// A simulated Marketo REST API on loopback, for tests and `npm start`. It serves the identity
// endpoint, the Usage API (today, last 7 days, errors) and the Asset API's smart campaigns, for any
// number of instances told apart by their client id, and replays failures on request. It says
// plainly, on every answer, that it is a simulation.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { type InstanceConfig, type SimulatedAnswer, SimulatedInstance } from './instance.ts';

export type { InstanceConfig, SimulatedAnswer } from './instance.ts';

export const SIMULATION_NOTICE =
  'This is a simulated Marketo for local runs and tests; it is not Adobe Marketo Engage.';

export interface MarketoSimulator {
  url: string;
  port: number;
  host: string;
  notice: string;
  instances: Map<string, SimulatedInstance>;
  addInstance(config: InstanceConfig): SimulatedInstance;
  instance(clientId: string): SimulatedInstance | undefined;
  close(): Promise<void>;
}

export interface SimulatorOptions {
  port?: number;
  host?: string;
  onAnswer?: (kind: string, answer: SimulatedAnswer) => void;
}

const REST_PATHS: Record<string, string> = {
  '/rest/v1/stats/usage.json': 'usage',
  '/rest/v1/stats/usage/last7days.json': 'usage7',
  '/rest/v1/stats/errors.json': 'errors',
  '/rest/asset/v1/smartCampaigns.json': 'campaigns',
};

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json;charset=UTF-8') {
  res.writeHead(status, { 'content-type': type, 'x-simulation': 'marketo-notifier simulated Marketo' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

const HUGE_START = Buffer.from('{"requestId":"huge#1","success":true,"result":[');
const HUGE_CHUNK = Buffer.from(`{"id":1,"name":"${'x'.repeat(16_300)}","type":"trigger","isActive":true},`);

/**
 * A huge answer, written chunk by chunk as the socket takes it (never held whole): `stream.sent` counts
 * what was written when the caller stopped reading, or all of `stream.bytes`.
 */
function streamHuge(res: ServerResponse, { status, stream }: SimulatedAnswer): void {
  if (!stream) return;
  res.writeHead(status ?? 200, {
    'content-type': 'application/json;charset=UTF-8',
    'x-simulation': 'marketo-notifier simulated Marketo',
  });
  let closed = false;
  res.on('close', () => (closed = true));
  const write = () => {
    while (!closed && stream.sent < stream.bytes) {
      const chunk = stream.sent === 0 ? HUGE_START : HUGE_CHUNK;
      stream.sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', write);
    }
    if (!closed) res.end('{}]}');
  };
  write();
}

/**
 * Starts the simulator. Answers `{url, port, instances, addInstance, instance, close}`.
 * `onAnswer(kind, answer)` sees every answer (the conformance tests validate them).
 */
export async function startMarketoSimulator({
  port = 0,
  host = '127.0.0.1',
  onAnswer,
}: SimulatorOptions = {}): Promise<MarketoSimulator> {
  const instances = new Map<string, SimulatedInstance>();
  /** token -> instance, so that a REST call finds its instance from the bearer token alone. */
  const byToken = (token: string) => [...instances.values()].find((i) => i.tokens.has(token));
  const hanging = new Set<NodeJS.Timeout>();

  const addInstance = (config: InstanceConfig) => {
    const instance = new SimulatedInstance(config);
    instances.set(instance.clientId, instance);
    return instance;
  };

  const answer = (res: ServerResponse, kind: string, result: SimulatedAnswer) => {
    onAnswer?.(kind, result);
    if (result.stream) return streamHuge(res, result);
    if (result.delayMs) {
      const { delayMs, ...rest } = result;
      const timer = setTimeout(() => {
        hanging.delete(timer);
        answer(res, kind, rest);
      }, delayMs);
      hanging.add(timer);
      return;
    }
    if (result.hangMs) {
      // A timeout: hold the request, then drop the connection without an answer.
      const timer = setTimeout(() => res.destroy(), result.hangMs);
      hanging.add(timer);
      res.on('close', () => {
        clearTimeout(timer);
        hanging.delete(timer);
      });
      return;
    }
    if (result.text !== undefined)
      send(
        res,
        result.status,
        result.text,
        result.status === 200 ? 'application/json;charset=UTF-8' : 'text/plain',
      );
    else send(res, result.status, result.body);
  };

  const control = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const match =
      /^\/__sim\/instances\/([^/]+)(\/replays|\/campaigns\/(\d+)|\/campaigns|\/usage|\/errors)?$/.exec(path);
    if (path === '/__sim' || path === '/')
      return send(res, 200, { simulation: true, notice: SIMULATION_NOTICE, instances: instances.size });
    if (!match) return send(res, 404, { error: 'unknown simulator path' });
    const clientId = decodeURIComponent(match[1]);
    const body = req.method === 'GET' || req.method === 'DELETE' ? {} : await readJson(req);
    if (!match[2] && req.method === 'PUT') return send(res, 201, addInstance({ ...body, clientId }).report());
    const instance = instances.get(clientId);
    if (!instance) return send(res, 404, { error: `no simulated instance ${clientId}` });
    if (!match[2] && req.method === 'GET') return send(res, 200, instance.report());
    if (!match[2] && req.method === 'DELETE') return send(res, 200, { deleted: instances.delete(clientId) });
    const counts = body as Record<string, number>;
    if (match[2] === '/replays') for (const replay of body.replays ?? [body]) instance.queue(replay);
    else if (match[2] === '/usage')
      for (const [user, count] of Object.entries(counts)) instance.addUsage(user, count);
    else if (match[2] === '/errors')
      for (const [code, count] of Object.entries(counts)) instance.addErrors(code, count);
    else if (match[3]) instance.updateCampaign(Number(match[3]), body);
    else if (match[2] === '/campaigns') instance.updateCampaigns(body.changes ?? {}, body.type);
    if (!match[2] && req.method === 'PATCH' && 'nowMs' in body) instance.fixedNowMs = body.nowMs;
    return send(res, 200, instance.report());
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const handle = async () => {
      if (url.pathname === '/' || url.pathname.startsWith('/__sim')) return control(req, res, url.pathname);
      if (url.pathname === '/identity/oauth/token' && (req.method === 'GET' || req.method === 'POST')) {
        const instance = instances.get(url.searchParams.get('client_id') ?? '');
        if (!instance)
          return answer(res, 'identity', {
            status: 401,
            body: { error: 'unauthorized', error_description: 'Bad client credentials' },
          });
        return answer(res, 'identity', instance.identity(url.searchParams));
      }
      const kind = REST_PATHS[url.pathname];
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      const instance = token === undefined ? undefined : byToken(token);
      if (kind && req.method === 'GET' && instance)
        return answer(res, kind, instance.rest(kind, req.headers.authorization, url.searchParams));
      if (kind && req.method === 'GET') {
        // No known token: Marketo answers 601 with HTTP 200.
        return answer(res, kind, {
          status: 200,
          body: {
            requestId: 'sim#0',
            success: false,
            errors: [{ code: '601', message: 'Access token invalid' }],
            ...(kind === 'campaigns' ? {} : { result: [] }),
            warnings: [],
          },
        });
      }
      return answer(res, 'unknown', {
        status: 200,
        body: {
          requestId: 'sim#0',
          success: false,
          errors: [{ code: '610', message: 'Requested resource not found' }],
          result: [],
          warnings: [],
        },
      });
    };
    handle().catch((error) =>
      send(res, 400, { error: error instanceof Error ? error.message : 'bad request' }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    host,
    notice: SIMULATION_NOTICE,
    instances,
    addInstance,
    instance: (clientId: string) => instances.get(clientId),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of hanging) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
