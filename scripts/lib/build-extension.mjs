// Builds the extension with a worker URL and read key as its starting connection.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectEnv, projectRoot } from './project.mjs';

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(projectEnv.nodeBinary, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`extension build failed (code ${code}):\n${output}`)),
    );
  });
}

/**
 * outDir: where WXT writes (default the project's .output); the loadable extension ends up in
 * `<outDir>/chrome-mv3`, which this answers.
 * @param {{ workerUrl?: string, readKey?: string, outDir?: string }} [options]
 */
export async function buildExtension({ workerUrl, readKey, outDir } = {}) {
  const env = projectEnv.env({ WXT_WORKER_URL: workerUrl ?? '', WXT_READ_KEY: readKey ?? '' });
  const base = outDir ?? join(projectRoot, '.output');
  if (outDir) await run([join(projectRoot, 'scripts/lib/wxt-build-into.mjs'), outDir], env);
  else await run([join(projectRoot, 'node_modules/wxt/bin/wxt.mjs'), 'build'], env);
  return join(base, 'chrome-mv3');
}
