import { type AddressInfo, createServer } from 'node:net';

import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

import { wireSchemasPlugin } from './extension/build/wire-schemas';
import { freeLoopbackPort } from './test/global/free-port';

// The outbound tests' receiver (test/global/outbound-receiver.ts) listens here; the worker may reach it over http.
process.env.OUTBOUND_RECEIVER_PORT ??= String(await freeLoopbackPort());
const OUTBOUND_DEV_HOSTS = `127.0.0.1:${process.env.OUTBOUND_RECEIVER_PORT}`;

/**
 * The simulated Marketo of the worker tests listens on a port chosen here, once per run (the global
 * setup reads it back), so that MARKETO_HOSTS can name its host and port.
 */
async function marketoSimPort(): Promise<number> {
  const chosen = Number(process.env.MARKETO_SIM_PORT);
  if (Number.isInteger(chosen) && chosen > 0) return chosen;
  const port = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
  process.env.MARKETO_SIM_PORT = String(port);
  return port;
}

/** Chosen when the config loads, before the global setups run (they read it back). */
const simPort = await marketoSimPort();

export default defineConfig(async () => ({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest(async ({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            // The simulated Marketo listens on loopback: MARKETO_HOSTS names its host and port, as locally.
            // ADOBE_IO_KEYS_URL: the local key host of test/global/adobe-key-host.ts.
            miniflare: {
              bindings: {
                ROOT_TOKEN: 'test-root-token-of-forty-characters-0123',
                EMAIL_DOMAIN: 'notify.test',
                CONNECTOR_KEY: 'test-connector-key',
                MARKETO_HOSTS: `*.mktorest.com,127.0.0.1:${simPort}`,
                ADOBE_IO_KEYS_URL: inject('adobeKeysUrl'),
                // FUZZ_SEED=<n> replays a run of the OpenAPI request fuzz (test/worker/openapi-fuzz.test.ts).
                FUZZ_SEED: process.env.FUZZ_SEED ?? '',
                OUTBOUND_DEV_HOSTS,
                PUBLIC_URL: 'https://notifier.test',
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          globalSetup: [
            'test/global/marketo-simulator.ts',
            'test/global/adobe-key-host.ts',
            'test/global/outbound-receiver.ts',
          ],
        },
      },
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [WxtVitest(), wireSchemasPlugin()],
        test: {
          name: 'extension',
          include: ['test/extension/**/*.test.{ts,tsx}'],
          setupFiles: ['test/extension/setup-catalogs.ts'],
        },
      },
      {
        // Third-party checks on what ships: Mozilla's add-on linter, Redocly on the OpenAPI document, sizes.
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
