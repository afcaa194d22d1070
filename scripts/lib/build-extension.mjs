// Builds the extension with a worker URL and read key as its starting connection.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { projectEnv, projectRoot } from './project.mjs';

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(projectEnv.nodeBinary, args, {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`extension build failed (code ${code}):\n${output}`)),
    );
  });
}

/** Where WXT puts the loadable extension of each browser. */
const TARGET_DIRS = { chrome: 'chrome-mv3', firefox: 'firefox-mv2' };

/**
 * outDir: where WXT writes (default the project's .output); browser: chrome (default) or
 * firefox. Answers the loadable extension's directory, e.g. `<outDir>/chrome-mv3`.
 * @param {{ workerUrl?: string, readKey?: string, outDir?: string, browser?: 'chrome' | 'firefox' }} [options]
 */
export async function buildExtension({ workerUrl, readKey, outDir, browser = 'chrome' } = {}) {
  const env = projectEnv.env({ WXT_WORKER_URL: workerUrl ?? '', WXT_READ_KEY: readKey ?? '' });
  const base = outDir ?? join(projectRoot, '.output');
  if (outDir) await run([join(projectRoot, 'scripts/lib/wxt-build-into.mjs'), outDir, browser], env);
  else await run([join(projectRoot, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', browser], env);
  return join(base, TARGET_DIRS[browser]);
}
