// The local demo's connection (`.local/demo.json`) and root token (`.dev.vars`).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { LOCAL_MARKETO_HOSTS, randomToken } from './local-worker.mjs';
import { projectRoot } from './project.mjs';

export const LOCAL_DIR = join(projectRoot, '.local');
export const STATE_DIR = join(LOCAL_DIR, 'state');
export const DEMO_FILE = join(LOCAL_DIR, 'demo.json');
export const DEV_VARS_FILE = join(projectRoot, '.dev.vars');

/** Parses KEY=value lines (quotes optional, # comments). */
export function parseDevVars(text) {
  const vars = {};
  for (const line of text.split(/\r?\n/)) {
    const match = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/);
    if (!match) continue;
    vars[match[1]] = match[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return vars;
}

/**
 * What `wrangler dev` reads from .dev.vars for the demo: the root token and the connector's key (random,
 * made once), and MARKETO_HOSTS with the simulated Marketo's loopback host and port (production keeps the
 * `*.mktorest.com` of wrangler.toml).
 */
const LOCAL_VARS = [
  { name: 'ROOT_TOKEN', value: () => randomToken(32) },
  { name: 'CONNECTOR_KEY', value: () => randomToken(32) },
  { name: 'MARKETO_HOSTS', value: () => LOCAL_MARKETO_HOSTS },
];

/** What older runs wrote: a bare loopback host, which no longer allows the simulator's port. */
const OLD_LOCAL_MARKETO_HOSTS = '*.mktorest.com,127.0.0.1';

/**
 * Answers the ROOT_TOKEN of .dev.vars; creates the file, or adds the lines it misses (an older file
 * has no CONNECTOR_KEY yet), with random values; an older bare loopback MARKETO_HOSTS gets the
 * simulator's port. Answers the names it added.
 */
export async function ensureDevVars() {
  let text = existsSync(DEV_VARS_FILE)
    ? await readFile(DEV_VARS_FILE, 'utf8')
    : '# Local secrets for wrangler dev; never commit this file.\n';
  const vars = parseDevVars(text);
  if (vars.MARKETO_HOSTS === OLD_LOCAL_MARKETO_HOSTS) {
    // Written by an older `npm start`: named again with the simulator's port.
    text = text.replace(/^\s*MARKETO_HOSTS\s*=.*$/m, `MARKETO_HOSTS=${LOCAL_MARKETO_HOSTS}`);
    await writeFile(DEV_VARS_FILE, text, { mode: 0o600 });
    vars.MARKETO_HOSTS = LOCAL_MARKETO_HOSTS;
  }
  const missing = LOCAL_VARS.filter(({ name }) => !vars[name]);
  if (missing.length > 0) {
    const lines = missing.map(({ name, value }) => `${name}=${(vars[name] = value())}`).join('\n');
    await writeFile(DEV_VARS_FILE, `${text.replace(/\n?$/, '\n')}${lines}\n`, { mode: 0o600 });
  }
  return { token: vars.ROOT_TOKEN, created: missing.map(({ name }) => name) };
}

export async function readDemoConfig() {
  try {
    return JSON.parse(await readFile(DEMO_FILE, 'utf8'));
  } catch {
    return null;
  }
}

export async function writeDemoConfig(config) {
  await mkdir(dirname(DEMO_FILE), { recursive: true });
  await writeFile(DEMO_FILE, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}
