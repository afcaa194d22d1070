// The local demo's connection (`.local/demo.json`) and root token (`.dev.vars`).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { projectRoot } from './project.mjs';
import { randomToken } from './local-worker.mjs';

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

/** Answers the ROOT_TOKEN of .dev.vars, creating the file with a random one when missing. */
export async function ensureRootToken() {
  if (existsSync(DEV_VARS_FILE)) {
    const token = parseDevVars(await readFile(DEV_VARS_FILE, 'utf8')).ROOT_TOKEN;
    if (token) return { token, created: false };
    throw new Error(`${DEV_VARS_FILE} exists but has no ROOT_TOKEN line; add one (see .dev.vars.example)`);
  }
  const token = randomToken(32);
  await writeFile(DEV_VARS_FILE, `# Local secrets for wrangler dev; never commit this file.\nROOT_TOKEN=${token}\n`, {
    mode: 0o600,
  });
  return { token, created: true };
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
