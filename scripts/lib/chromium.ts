// Debian's Chromium with the unpacked extension loaded, as the end-to-end tests and the
// benchmarks start it (driven by playwright-core).
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

/**
 * Loads only the extension, and keeps Chromium off the network: on a closed network its
 * background connections are refused many at a time. `extra` adds flags of the caller's.
 */
export function chromiumArgs(extensionDir: string, extra: string[] = []): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...extra,
  ];
}
