// Requests to the worker's own fetch handler, as a client sends them.
import { fetchWorker } from './openapi';

/** The root token vitest.config.ts gives the worker. */
export const ROOT_TOKEN = 'test-root-token-of-forty-characters-0123';
const BASE = 'https://worker.test';

const randomAddress = () => `10.${Array.from(crypto.getRandomValues(new Uint8Array(3))).join('.')}`;

export interface CallOptions {
  method?: string;
  token?: string;
  /** Sent as JSON unless `raw` is given. */
  json?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
}

/**
 * One request to the worker's own fetch handler (real KV and Durable Objects); the answer is
 * checked against the OpenAPI document.
 */
export function call(path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  // Each call comes from its own address unless the test names one: failed root-token attempts count per address.
  if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', randomAddress());
  if (options.token !== undefined) headers.set('Authorization', `Bearer ${options.token}`);
  let body = options.raw;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  return fetchWorker(new Request(BASE + path, { method, headers, body }));
}

/** The JSON error body, checked for its shape. */
export async function errorOf(
  response: Response,
): Promise<{ code: string; message: string; details?: unknown }> {
  const body = await response.json<{ error?: { code: string; message: string; details?: unknown } }>();
  if (!body.error || typeof body.error.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not an error body: ${JSON.stringify(body)}`);
  }
  return body.error;
}

/** The first request loads the worker's modules, which can take seconds on a busy machine. */
export async function warmUp(): Promise<void> {
  await call('/healthz');
}
export const WARM_UP_TIMEOUT_MS = 60_000;
