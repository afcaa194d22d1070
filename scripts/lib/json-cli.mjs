// Runs a Node command-line tool of node_modules that prints a JSON report, and answers the report.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { projectEnv, projectRoot } from './project.mjs';

/**
 * @param {string} bin the tool's script, relative to node_modules
 * @param {string[]} args
 * @param {{ env?: Record<string, string> }} [options] extra environment
 * @returns {Promise<any>} the parsed report; rejects with the tool's last error output when there is none
 */
export function runJsonCli(bin, args, { env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(projectEnv.nodeBinary, [join(projectRoot, 'node_modules', bin), ...args], {
      cwd: projectRoot,
      env: projectEnv.env(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`${bin} gave no JSON report: ${err.slice(-2000)}`));
      }
    });
  });
}
