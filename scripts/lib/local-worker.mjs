// Start and stop a local worker (`wrangler dev`), and provision a tenant with keys on it.
// Used by `npm start`, the end-to-end tests and the benchmarks.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { projectEnv, projectRoot } from './project.mjs';

export const DEMO_TENANT = '123-ABC-456';
/** The simulated Marketo's port for `npm start`. */
export const SIM_PORT = 8790;
/**
 * Local runs list the simulated Marketo's loopback host and port (a loopback host without a port would
 * allow only 443); production keeps `*.mktorest.com` (wrangler.toml).
 * @param {number} [simPort]
 */
export const localMarketoHosts = (simPort = SIM_PORT) => `*.mktorest.com,127.0.0.1:${simPort}`;
export const LOCAL_MARKETO_HOSTS = localMarketoHosts();
/** Local runs take mail for this domain (the worker var EMAIL_DOMAIN; empty in wrangler.toml). */
export const LOCAL_EMAIL_DOMAIN = 'notify.localhost';

/** A TCP port nobody listens on right now (on 127.0.0.1). */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on the port (on 127.0.0.1). */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export function randomToken(bytes = 24) {
  return randomBytes(bytes).toString('base64url');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls GET /healthz until it answers 200, the process exits, or the time is up. */
export async function waitForHealth(url, { timeoutMs = 90_000, exited = () => null } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exitReason = exited();
    if (exitReason) throw new Error(`worker exited before it was ready (${exitReason})`);
    try {
      const res = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`worker at ${url} not healthy after ${timeoutMs} ms`);
}

/**
 * Runs `wrangler dev` in its own process group.
 * rootToken: passed with --var (it wins over .dev.vars); omit it to use .dev.vars.
 * vars: more worker variables, each passed with --var (the connector's key and hosts in tests).
 * onOutput: receives every chunk of wrangler's output (the last 20 kB are also kept for errors).
 * emailDomain: the domain of the tenants' e-mail addresses (EMAIL_DOMAIN), notify.localhost by default.
 * @param {{
 *   port?: number, persistTo?: string, rootToken?: string, vars?: Record<string, string>,
 *   onOutput?: (chunk: string) => void, logLevel?: string, timeoutMs?: number, emailDomain?: string
 * }} [options]
 */
export async function startWorker({
  port,
  persistTo,
  rootToken,
  vars = {},
  onOutput,
  logLevel = 'warn',
  timeoutMs,
  emailDomain = LOCAL_EMAIL_DOMAIN,
} = {}) {
  const workerPort = port ?? (await findFreePort());
  // Else the health check could be answered by whatever already listens there.
  if (!(await isPortFree(workerPort))) throw new Error(`port ${workerPort} is already in use on 127.0.0.1`);
  const inspectorPort = await findFreePort();
  const args = [
    join(projectRoot, 'node_modules/wrangler/bin/wrangler.js'),
    'dev',
    '--port',
    String(workerPort),
    '--ip',
    '127.0.0.1',
    '--inspector-port',
    String(inspectorPort),
    '--show-interactive-dev-session=false',
    '--log-level',
    logLevel,
  ];
  if (persistTo) args.push('--persist-to', persistTo);
  if (rootToken) args.push('--var', `ROOT_TOKEN:${rootToken}`);
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  if (emailDomain) args.push('--var', `EMAIL_DOMAIN:${emailDomain}`);

  const child = spawn(projectEnv.nodeBinary, args, {
    cwd: projectRoot,
    env: projectEnv.env(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    onOutput?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exitReason = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitReason = signal ? `signal ${signal}` : `code ${code}`;
      resolve(exitReason);
    });
  });

  const url = `http://127.0.0.1:${workerPort}`;
  const worker = {
    url,
    port: workerPort,
    persistTo,
    pid: child.pid,
    exited,
    output: () => output,
    stop: () => stopProcessGroup(child, exited),
  };
  try {
    await waitForHealth(url, { timeoutMs, exited: () => exitReason });
  } catch (error) {
    await worker.stop();
    throw new Error(`${error.message}\n--- wrangler output ---\n${output}`, { cause: error });
  }
  return worker;
}

/** SIGTERM to the whole group (wrangler + workerd), SIGKILL if it lingers. */
export async function stopProcessGroup(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
  // workerd may outlive wrangler: make sure nothing of the group survives.
  signalGroup('SIGKILL');
  if (!stopped) await exited;
}

/**
 * A JSON request to the worker; answers {status, body}. Never throws on HTTP errors.
 * @param {string | URL} url
 * @param {string} path
 * @param {{ method?: string, token?: string, body?: unknown, headers?: Record<string, string> }} [options]
 * @returns {Promise<{ status: number, body: any }>}
 */
export async function callWorker(url, path, { method = 'GET', token, body, headers = {} } = {}) {
  const res = await fetch(new URL(path, url), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: res.status, body: parsed };
}

function expectStatus(result, allowed, what) {
  if (!allowed.includes(result.status)) {
    throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  }
  return result.body;
}

/** Creates the tenant (no-op if it exists). */
export async function ensureTenant(url, rootToken, tenant, name) {
  const result = await callWorker(url, `/v1/tenants/${tenant}`, {
    method: 'PUT',
    token: rootToken,
    body: name ? { name } : {},
  });
  return expectStatus(result, [200, 201], `create tenant ${tenant}`);
}

/** Creates one key; answers {id, key, role, member?}. A read or admin key belongs to `member` (default: its own id). */
export async function createKey(url, token, tenant, role, label, member) {
  const result = await callWorker(url, `/v1/tenants/${tenant}/keys`, {
    method: 'POST',
    token,
    body: { role, ...(label ? { label } : {}), ...(member ? { member } : {}) },
  });
  return expectStatus(result, [201], `create ${role} key`);
}

/** The tenant's address for Marketo's notification e-mails: the current one, or a new one. */
export async function ensureEmailAddress(url, adminKey) {
  const current = await callWorker(url, '/v1/email-address', { token: adminKey });
  if (current.status === 200) return current.body.address;
  const created = await callWorker(url, '/v1/email-address', { method: 'POST', token: adminKey });
  return expectStatus(created, [200], 'create the e-mail address').address;
}

/**
 * Creates the tenant and an ingest, a read and an admin key; the read and the admin key belong to
 * one member, so that they share one read state.
 * @param {string | URL} url
 * @param {string} rootToken
 * @param {string} [tenant]
 * @param {{ label?: string, name?: string }} [options]
 */
export async function provisionTenant(url, rootToken, tenant = DEMO_TENANT, { label = 'local', name } = {}) {
  await ensureTenant(url, rootToken, tenant, name);
  /** @typedef {{ ingest: string, read: string, admin: string }} ByRole */
  const keys = /** @type {ByRole} */ ({});
  const keyIds = /** @type {ByRole} */ ({});
  for (const role of /** @type {const} */ (['ingest', 'read', 'admin'])) {
    const created = await createKey(
      url,
      rootToken,
      tenant,
      role,
      `${label} ${role}`,
      role === 'ingest' ? undefined : `${label} user`,
    );
    keys[role] = created.key;
    keyIds[role] = created.id;
  }
  return { tenant, keys, keyIds };
}

/** True when each key still works for its role (keys survive only while the state does). */
export async function keysStillWork(url, tenant, keys) {
  if (!keys?.ingest || !keys?.read || !keys?.admin) return false;
  try {
    const read = await callWorker(url, '/v1/counts', { token: keys.read });
    const admin = await callWorker(url, '/v1/settings', { token: keys.admin });
    // A known key with the wrong role gets 403; an unknown or revoked one 401.
    const ingest = await callWorker(url, '/v1/counts', { token: keys.ingest });
    return read.status === 200 && admin.status === 200 && ingest.status === 403 && Boolean(tenant);
  } catch {
    return false;
  }
}

/**
 * A throwaway worker for tests and benchmarks: a free port, a fresh temporary state directory,
 * its own root token, a tenant with keys. `restart()` stops and starts it on the same port and
 * state (open sockets drop, as in a deploy); `stop()` ends it and deletes the state.
 * @param {{
 *   tenant?: string, rootToken?: string, onOutput?: (chunk: string) => void, vars?: Record<string, string>
 * }} [options]
 */
export async function startTestWorker({
  tenant = DEMO_TENANT,
  rootToken = randomToken(),
  onOutput,
  vars: extraVars = {},
} = {}) {
  const persistTo = await mkdtemp(join(tmpdir(), 'marketo-notifier-state-'));
  // The connector's key and hosts as `npm start` writes them to .dev.vars (--var wins over that file);
  // the simulated Marketo a test starts listens on `marketoPort`, a port of its own;
  // `extraVars`: more worker variables a test needs (ADOBE_IO_KEYS_URL, OUTBOUND_DEV_HOSTS).
  const marketoPort = await findFreePort();
  const vars = {
    CONNECTOR_KEY: randomToken(32),
    MARKETO_HOSTS: localMarketoHosts(marketoPort),
    ...extraVars,
  };
  let current;
  try {
    current = await startWorker({ persistTo, rootToken, vars, onOutput });
    const provisioned = await provisionTenant(current.url, rootToken, tenant, { label: 'test' });
    const { url, port } = current;
    return {
      url,
      port,
      marketoPort,
      persistTo,
      rootToken,
      ...provisioned,
      output: () => current.output(),
      /** Stops the worker but keeps its state; `start()` brings it back. */
      pause: () => current.stop(),
      start: async () => {
        current = await startWorker({ port, persistTo, rootToken, vars, onOutput });
      },
      restart: async () => {
        await current.stop();
        current = await startWorker({ port, persistTo, rootToken, vars, onOutput });
      },
      stop: async () => {
        await current.stop();
        await rm(persistTo, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await current?.stop();
    await rm(persistTo, { recursive: true, force: true });
    throw error;
  }
}
