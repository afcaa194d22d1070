// Starts a local key host for Adobe I/O Events' signatures: the worker's var ADOBE_IO_KEYS_URL names
// it (vitest.config.ts). The tests sign with the private keys of test/fixtures/io-events.
import { readFileSync } from 'node:fs';

import type { TestProject } from 'vitest/node';

import { startAdobeKeyHost } from '../../scripts/lib/adobe-key-host.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adobeKeysUrl: string;
    adobePrivateKeys: { a: string; b: string };
  }
}

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/io-events/${name}`, import.meta.url), 'utf8');

export default async function setup(project: TestProject) {
  const publicKeys = { a: fixture('key-a.public.pem'), b: fixture('key-b.public.pem') };
  const host = await startAdobeKeyHost({ publicKeys });
  project.provide('adobeKeysUrl', host.url);
  project.provide('adobePrivateKeys', { a: fixture('key-a.private.pem'), b: fixture('key-b.private.pem') });
  return () => host.close();
}
