// Where the project is, and how to run its tools under the Node it ships (wrangler needs >= 22).
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const bundledNode = join(projectRoot, 'node_modules/node/bin/node');
const binDir = join(projectRoot, 'node_modules/.bin');

export const projectEnv = {
  /** The package's Node 22 when installed, else the one running us. */
  nodeBinary: existsSync(bundledNode) ? bundledNode : process.execPath,
  /** The environment for wrangler and wxt: local only, no telemetry, project binaries first. */
  env(extra = {}) {
    // The test runner sets NODE_ENV=test; the tools choose as from a shell (a build is a production
    // build, without Preact's devtools), so that the tests and the size checks see what ships.
    const { NODE_ENV, ...inherited } = process.env;
    return {
      ...inherited,
      ...(NODE_ENV && NODE_ENV !== 'test' ? { NODE_ENV } : {}),
      PATH: [binDir, process.env.PATH ?? ''].join(delimiter),
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      WRANGLER_SEND_METRICS: 'false',
      NO_COLOR: '1',
      ...extra,
    };
  },
};
